/**
 * The setup tables (licences, sign-ups, staff sessions, gallery images, posts) over Kysely, as a
 * base class of the store's transaction and as plain reads for the store itself.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { SyncDatabase } from './schema';
import type {
  GalleryImageRecord,
  LicenceRecord,
  PostRecord,
  SessionRecord,
  SetupReads,
  SetupTransaction,
  SignupRecord,
} from './setup-store';

type Row<T extends keyof SyncDatabase> = Selectable<SyncDatabase[T]>;

function toLicence(r: Row<'licences'>): LicenceRecord {
  return {
    centerId: r.center_id,
    licenceId: r.licence_id,
    keyId: r.key_id,
    payload: r.payload,
    signature: r.signature,
    issuedAt: r.issued_at,
  };
}

function toSignup(r: Row<'signups'>): SignupRecord {
  return {
    id: r.id,
    mobile: r.mobile,
    ipHash: r.ip_hash,
    centerName: r.center_name,
    centerType: r.center_type,
    city: r.city,
    managerGender: r.manager_gender === 'male' ? 'male' : 'female',
    managerFirstName: r.manager_first_name,
    managerLastName: r.manager_last_name,
    passwordHash: r.password_hash,
    codeHash: r.code_hash,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    attempts: Number(r.attempts),
    consumedAt: r.consumed_at,
    centerId: r.center_id,
  };
}

function toSession(r: Row<'staff_sessions'>): SessionRecord {
  return {
    id: r.id,
    centerId: r.center_id,
    staffId: r.staff_id,
    deviceId: r.device_id,
    openedAt: r.opened_at,
    lastSeenAt: r.last_seen_at,
    closedAt: r.closed_at,
  };
}

function toImage(r: Row<'gallery_images'>): GalleryImageRecord {
  return {
    id: r.id,
    centerId: r.center_id,
    fileName: r.file_name,
    caption: r.caption,
    width: Number(r.width),
    height: Number(r.height),
    bytes: Number(r.bytes),
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

function toPost(r: Row<'posts'>): PostRecord {
  return {
    id: r.id,
    centerId: r.center_id,
    title: r.title,
    body: r.body,
    published: Number(r.published) === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    createdBy: r.created_by,
    updatedBy: r.updated_by,
  };
}

function postRow(p: PostRecord) {
  return {
    id: p.id,
    center_id: p.centerId,
    title: p.title,
    body: p.body,
    published: p.published ? 1 : 0,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    created_by: p.createdBy,
    updated_by: p.updatedBy,
  };
}

/** The reads, over the store's connection or a transaction. */
export class KyselySetupReads implements SetupReads {
  constructor(protected readonly db: Kysely<SyncDatabase>) {}

  async getLicence(centerId: string): Promise<LicenceRecord | null> {
    const row = await this.db
      .selectFrom('licences')
      .selectAll()
      .where('center_id', '=', centerId)
      .executeTakeFirst();
    return row ? toLicence(row) : null;
  }

  async getGalleryImage(id: string): Promise<GalleryImageRecord | null> {
    const row = await this.db
      .selectFrom('gallery_images')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toImage(row) : null;
  }

  async getPost(id: string): Promise<PostRecord | null> {
    const row = await this.db
      .selectFrom('posts')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toPost(row) : null;
  }

  async listPosts(centerId: string): Promise<PostRecord[]> {
    const rows = await this.db
      .selectFrom('posts')
      .selectAll()
      .where('center_id', '=', centerId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toPost);
  }
}

async function count(query: { executeTakeFirstOrThrow(): Promise<{ n: unknown }> }) {
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** The writes, inside one store transaction. */
export class KyselySetupTransaction extends KyselySetupReads implements SetupTransaction {
  constructor(protected readonly trx: Transaction<SyncDatabase>) {
    super(trx);
  }

  async putLicence(l: LicenceRecord): Promise<void> {
    const row = {
      center_id: l.centerId,
      licence_id: l.licenceId,
      key_id: l.keyId,
      payload: l.payload,
      signature: l.signature,
      issued_at: l.issuedAt,
    };
    const { center_id: _key, ...rest } = row;
    await this.trx
      .insertInto('licences')
      .values(row)
      .onConflict((oc) => oc.column('center_id').doUpdateSet(rest))
      .execute();
  }

  async insertSignup(s: SignupRecord): Promise<void> {
    await this.trx
      .insertInto('signups')
      .values({
        id: s.id,
        mobile: s.mobile,
        ip_hash: s.ipHash,
        center_name: s.centerName,
        center_type: s.centerType,
        city: s.city,
        manager_gender: s.managerGender,
        manager_first_name: s.managerFirstName,
        manager_last_name: s.managerLastName,
        password_hash: s.passwordHash,
        code_hash: s.codeHash,
        created_at: s.createdAt,
        expires_at: s.expiresAt,
        attempts: s.attempts,
        consumed_at: s.consumedAt,
        center_id: s.centerId,
      })
      .execute();
  }

  async getSignup(id: string): Promise<SignupRecord | null> {
    const row = await this.trx
      .selectFrom('signups')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toSignup(row) : null;
  }

  countSignupsSince(by: { mobile: string } | { ipHash: string }, since: string) {
    let query = this.trx
      .selectFrom('signups')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('created_at', '>', since);
    query =
      'mobile' in by
        ? query.where('mobile', '=', by.mobile)
        : query.where('ip_hash', '=', by.ipHash);
    return count(query);
  }

  async addSignupAttempt(id: string): Promise<number> {
    const row = await this.trx
      .updateTable('signups')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .returning('attempts')
      .executeTakeFirstOrThrow();
    return Number(row.attempts);
  }

  async finishSignup(id: string, at: string, centerId: string): Promise<boolean> {
    const result = await this.trx
      .updateTable('signups')
      .set({ consumed_at: at, center_id: centerId, password_hash: '' })
      .where('id', '=', id)
      .where('consumed_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async pruneSignups(before: string): Promise<void> {
    await this.trx
      .deleteFrom('signups')
      .where('created_at', '<', before)
      .where('consumed_at', 'is', null)
      .execute();
  }

  async liveSessionStaff(centerId: string, since: string): Promise<string[]> {
    const rows = await this.trx
      .selectFrom('staff_sessions')
      .select('staff_id')
      .distinct()
      .where('center_id', '=', centerId)
      .where('closed_at', 'is', null)
      .where('last_seen_at', '>', since)
      .orderBy('staff_id')
      .execute();
    return rows.map((r) => r.staff_id);
  }

  async insertSession(s: SessionRecord): Promise<void> {
    await this.trx
      .insertInto('staff_sessions')
      .values({
        id: s.id,
        center_id: s.centerId,
        staff_id: s.staffId,
        device_id: s.deviceId,
        opened_at: s.openedAt,
        last_seen_at: s.lastSeenAt,
        closed_at: s.closedAt,
      })
      .execute();
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    const row = await this.trx
      .selectFrom('staff_sessions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toSession(row) : null;
  }

  async touchSession(id: string, at: string): Promise<void> {
    await this.trx
      .updateTable('staff_sessions')
      .set({ last_seen_at: at })
      .where('id', '=', id)
      .execute();
  }

  async closeSession(id: string, at: string): Promise<void> {
    await this.trx
      .updateTable('staff_sessions')
      .set({ closed_at: at })
      .where('id', '=', id)
      .where('closed_at', 'is', null)
      .execute();
  }

  async closeStaffSessionsOnDevice(staffId: string, deviceId: string, at: string): Promise<void> {
    await this.trx
      .updateTable('staff_sessions')
      .set({ closed_at: at })
      .where('device_id', '=', deviceId)
      .where('staff_id', '=', staffId)
      .where('closed_at', 'is', null)
      .execute();
  }

  async closeDeviceSessions(deviceId: string, at: string): Promise<void> {
    await this.trx
      .updateTable('staff_sessions')
      .set({ closed_at: at })
      .where('device_id', '=', deviceId)
      .where('closed_at', 'is', null)
      .execute();
  }

  async insertGalleryImage(i: GalleryImageRecord): Promise<void> {
    await this.trx
      .insertInto('gallery_images')
      .values({
        id: i.id,
        center_id: i.centerId,
        file_name: i.fileName,
        caption: i.caption,
        width: i.width,
        height: i.height,
        bytes: i.bytes,
        created_at: i.createdAt,
        created_by: i.createdBy,
      })
      .execute();
  }

  countGalleryImages(centerId: string) {
    return count(
      this.trx
        .selectFrom('gallery_images')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('center_id', '=', centerId),
    );
  }

  async deleteGalleryImage(id: string): Promise<void> {
    await this.trx.deleteFrom('gallery_images').where('id', '=', id).execute();
  }

  async insertPost(p: PostRecord): Promise<void> {
    await this.trx.insertInto('posts').values(postRow(p)).execute();
  }

  async updatePost(p: PostRecord): Promise<void> {
    const { id, ...rest } = postRow(p);
    await this.trx.updateTable('posts').set(rest).where('id', '=', id).execute();
  }

  async deletePost(id: string): Promise<void> {
    await this.trx.deleteFrom('posts').where('id', '=', id).execute();
  }

  countPosts(centerId: string) {
    return count(
      this.trx
        .selectFrom('posts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('center_id', '=', centerId),
    );
  }
}
