/**
 * {@link SyncStore} over Kysely. The queries use only what SQLite and PostgreSQL share, so a PG
 * dialect plugs in here; what differs (opening, pragmas, locking) lives in the dialect's file.
 */
import type { Kysely, Selectable } from 'kysely';
import { KyselyPortal } from './kysely-portal';
import { KyselySetupReads } from './kysely-setup';
import { toStored } from './document-rows';
import { KyselyWorkTransaction } from './kysely-work';
import { KyselyWorkReads } from './kysely-work-reads';
import type { SyncDatabase } from './schema';
import type { PortalReads, PortalTransaction } from './portal-store';
import type { SetupReads } from './setup-store';
import type {
  DeviceRecord,
  DocumentWrite,
  EnrollmentRecord,
  PullQuery,
  SlotQuery,
  SlotRecord,
  StoreTransaction,
  StoredDocument,
  SyncStore,
} from './sync-store';
import { SerialQueue } from './serial-queue';
import type { WorkReads } from './work-store';

function toDevice(row: Selectable<SyncDatabase['devices']>): DeviceRecord {
  return {
    id: row.id,
    centerId: row.center_id,
    name: row.name,
    tokenHash: row.token_hash,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    lastSeenAt: row.last_seen_at,
    enrolledBy: row.enrolled_by,
  };
}

function toEnrollment(row: Selectable<SyncDatabase['enrollments']>): EnrollmentRecord {
  return {
    id: row.id,
    mobile: row.mobile,
    staffId: row.staff_id,
    centerId: row.center_id,
    deviceName: row.device_name,
    codeHash: row.code_hash,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    attempts: Number(row.attempts),
    consumedAt: row.consumed_at,
  };
}

class KyselyTransaction extends KyselyWorkTransaction implements StoreTransaction {
  private portalTx: KyselyPortal | null = null;

  get portal(): PortalTransaction {
    this.portalTx ??= new KyselyPortal(this.trx);
    return this.portalTx;
  }

  async getDocuments(collection: string, ids: readonly string[]) {
    const found = new Map<string, StoredDocument>();
    // Chunked so a 500-row push stays under SQLite's bound-parameter limit everywhere.
    for (let i = 0; i < ids.length; i += 200) {
      const chunk = ids.slice(i, i + 200);
      const rows = await this.trx
        .selectFrom('documents')
        .selectAll()
        .where('collection', '=', collection)
        .where('id', 'in', chunk)
        .execute();
      for (const row of rows) found.set(row.id, toStored(row));
    }
    return found;
  }

  async putDocument(write: DocumentWrite): Promise<StoredDocument> {
    const { value } = await this.trx
      .updateTable('sequences')
      .set((eb) => ({ value: eb('value', '+', 1) }))
      .where('name', '=', 'documents')
      .returning('value')
      .executeTakeFirstOrThrow();
    const row = {
      collection: write.collection,
      id: write.id,
      center_id: write.centerId,
      seq: Number(value),
      deleted: write.deleted ? 1 : 0,
      data: JSON.stringify(write.data),
      server_time: write.serverTime,
      device_id: write.deviceId,
      pushed_hash: write.pushedHash,
    };
    await this.trx
      .insertInto('documents')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['collection', 'id']).doUpdateSet({
          center_id: row.center_id,
          seq: row.seq,
          deleted: row.deleted,
          data: row.data,
          server_time: row.server_time,
          device_id: row.device_id,
          pushed_hash: row.pushed_hash,
        }),
      )
      .execute();
    return { ...write, seq: row.seq };
  }

  async findSlotRivals(q: SlotQuery): Promise<SlotRecord[]> {
    const rows = await this.trx
      .selectFrom('appointment_slots')
      .selectAll()
      .where('center_id', '=', q.centerId)
      .where('provider_id', '=', q.providerId)
      .where('date', '=', q.date)
      .where('holds', '=', 1)
      .where('overbook', '=', 0)
      .where('appointment_id', '!=', q.excludeId)
      // Touching ends do not overlap (shared rangesOverlap).
      .where('start_min', '<', q.endMin)
      .where('end_min', '>', q.startMin)
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({
      appointmentId: r.appointment_id,
      centerId: r.center_id,
      providerId: r.provider_id,
      date: r.date,
      startMin: Number(r.start_min),
      endMin: Number(r.end_min),
      holds: Number(r.holds) === 1,
      overbook: Number(r.overbook) === 1,
      seq: Number(r.seq),
    }));
  }

  async putSlot(s: SlotRecord): Promise<void> {
    const row = {
      appointment_id: s.appointmentId,
      center_id: s.centerId,
      provider_id: s.providerId,
      date: s.date,
      start_min: s.startMin,
      end_min: s.endMin,
      holds: s.holds ? 1 : 0,
      overbook: s.overbook ? 1 : 0,
      seq: s.seq,
    };
    const { appointment_id: _key, ...rest } = row;
    await this.trx
      .insertInto('appointment_slots')
      .values(row)
      .onConflict((oc) => oc.column('appointment_id').doUpdateSet(rest))
      .execute();
  }

  async deleteSlot(appointmentId: string): Promise<void> {
    await this.trx
      .deleteFrom('appointment_slots')
      .where('appointment_id', '=', appointmentId)
      .execute();
  }

  async putStaffLogin(login: { staffId: string; centerId: string; mobile: string }) {
    await this.trx
      .insertInto('staff_logins')
      .values({ staff_id: login.staffId, center_id: login.centerId, mobile: login.mobile })
      .onConflict((oc) =>
        oc.column('staff_id').doUpdateSet({ center_id: login.centerId, mobile: login.mobile }),
      )
      .execute();
  }

  async deleteStaffLogin(staffId: string): Promise<void> {
    await this.trx.deleteFrom('staff_logins').where('staff_id', '=', staffId).execute();
  }

  async countDevices(centerId: string): Promise<number> {
    const row = await this.trx
      .selectFrom('devices')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('center_id', '=', centerId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async insertDevice(d: DeviceRecord): Promise<void> {
    await this.trx
      .insertInto('devices')
      .values({
        id: d.id,
        center_id: d.centerId,
        name: d.name,
        token_hash: d.tokenHash,
        created_at: d.createdAt,
        revoked_at: d.revokedAt,
        last_seen_at: d.lastSeenAt,
        enrolled_by: d.enrolledBy,
      })
      .execute();
  }

  async revokeDevice(id: string, at: string): Promise<void> {
    await this.trx
      .updateTable('devices')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  }

  async touchDevice(id: string, at: string): Promise<void> {
    await this.trx.updateTable('devices').set({ last_seen_at: at }).where('id', '=', id).execute();
  }

  async insertEnrollment(e: EnrollmentRecord): Promise<void> {
    await this.trx
      .insertInto('enrollments')
      .values({
        id: e.id,
        mobile: e.mobile,
        staff_id: e.staffId,
        center_id: e.centerId,
        device_name: e.deviceName,
        code_hash: e.codeHash,
        created_at: e.createdAt,
        expires_at: e.expiresAt,
        attempts: e.attempts,
        consumed_at: e.consumedAt,
      })
      .execute();
  }

  async getEnrollment(id: string): Promise<EnrollmentRecord | null> {
    const row = await this.trx
      .selectFrom('enrollments')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toEnrollment(row) : null;
  }

  async addEnrollmentAttempt(id: string): Promise<number> {
    const row = await this.trx
      .updateTable('enrollments')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .returning('attempts')
      .executeTakeFirstOrThrow();
    return Number(row.attempts);
  }

  async countEnrollmentsSince(mobile: string, since: string): Promise<number> {
    const row = await this.trx
      .selectFrom('enrollments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('mobile', '=', mobile)
      .where('created_at', '>', since)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async consumeEnrollment(id: string, at: string): Promise<void> {
    await this.trx
      .updateTable('enrollments')
      .set({ consumed_at: at })
      .where('id', '=', id)
      .execute();
  }
}

export class KyselySyncStore implements SyncStore {
  private readonly writes = new SerialQueue();
  private readonly setup: SetupReads;
  readonly work: WorkReads;
  readonly portal: PortalReads;

  constructor(
    readonly db: Kysely<SyncDatabase>,
    readonly dialect: 'sqlite' | 'postgres',
  ) {
    this.setup = new KyselySetupReads(db);
    this.work = new KyselyWorkReads(db);
    this.portal = new KyselyPortal(db);
  }

  getLicence(centerId: string) {
    return this.setup.getLicence(centerId);
  }

  getGalleryImage(id: string) {
    return this.setup.getGalleryImage(id);
  }

  getPost(id: string) {
    return this.setup.getPost(id);
  }

  listPosts(centerId: string) {
    return this.setup.listPosts(centerId);
  }

  async centerIds(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('documents')
      .select('id')
      .where('collection', '=', 'center')
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  }

  write<T>(work: (tx: StoreTransaction) => Promise<T>, afterCommit?: (result: T) => void) {
    return this.writes.run(async () => {
      const result = await this.db.transaction().execute((trx) => work(new KyselyTransaction(trx)));
      afterCommit?.(result);
      return result;
    });
  }

  async pull(q: PullQuery): Promise<StoredDocument[]> {
    const rows = await this.db
      .selectFrom('documents')
      .selectAll()
      .where('collection', '=', q.collection)
      .where('center_id', '=', q.centerId)
      .where('seq', '>', q.afterSeq)
      .orderBy('seq')
      .limit(q.limit)
      .execute();
    return rows.map(toStored);
  }

  async countAfter(q: Omit<PullQuery, 'limit'>): Promise<number> {
    const row = await this.db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('collection', '=', q.collection)
      .where('center_id', '=', q.centerId)
      .where('seq', '>', q.afterSeq)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async getDocument(collection: string, id: string): Promise<StoredDocument | null> {
    const row = await this.db
      .selectFrom('documents')
      .selectAll()
      .where('collection', '=', collection)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toStored(row) : null;
  }

  async hasDocuments(collection: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('documents')
      .select('id')
      .where('collection', '=', collection)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async findStaffByMobile(mobile: string) {
    const rows = await this.db
      .selectFrom('staff_logins')
      .select(['staff_id', 'center_id'])
      .where('mobile', '=', mobile)
      .execute();
    return rows.map((r) => ({ staffId: r.staff_id, centerId: r.center_id }));
  }

  async getDeviceByTokenHash(tokenHash: string): Promise<DeviceRecord | null> {
    const row = await this.db
      .selectFrom('devices')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row ? toDevice(row) : null;
  }

  async getDevice(id: string): Promise<DeviceRecord | null> {
    const row = await this.db
      .selectFrom('devices')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toDevice(row) : null;
  }

  async close(): Promise<void> {
    // Let queued writes finish before the connection goes away.
    await this.writes.idle();
    await this.db.destroy();
  }
}
