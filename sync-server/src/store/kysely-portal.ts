/** {@link PortalTransaction} over Kysely: plain reads on the database, writes inside a transaction. */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type {
  HeldTime,
  PolicyRecord,
  PortalAccountRecord,
  PortalBookingRecord,
  PortalPaymentState,
  PortalPersonRecord,
  PortalTransaction,
} from './portal-store';
import type { SyncDatabase } from './schema';

type Row<T extends keyof SyncDatabase> = Selectable<SyncDatabase[T]>;

function toAccount(r: Row<'portal_accounts'>): PortalAccountRecord {
  return {
    id: r.id,
    mobile: r.mobile,
    nationalId: r.national_id,
    firstName: r.first_name,
    lastName: r.last_name,
    gender: r.gender === 'male' ? 'male' : 'female',
    birthDate: r.birth_date,
    email: r.email,
    emailVerified: Number(r.email_verified) === 1,
    passwordHash: r.password_hash,
    heardFrom: r.heard_from,
    policyVersion: r.policy_version,
    consentedAt: r.consented_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toPerson(r: Row<'portal_people'>): PortalPersonRecord {
  return {
    id: r.id,
    accountId: r.account_id,
    firstName: r.first_name,
    lastName: r.last_name,
    nationalId: r.national_id,
    mobile: r.mobile,
    gender: r.gender === 'male' ? 'male' : 'female',
    relation: r.relation,
    createdAt: r.created_at,
  };
}

function toBooking(r: Row<'portal_bookings'>): PortalBookingRecord {
  return {
    appointmentId: r.appointment_id,
    accountId: r.account_id,
    personId: r.person_id,
    centerId: r.center_id,
    patientId: r.patient_id,
    priceRial: Number(r.price_rial),
    paymentStatus: r.payment_status as PortalPaymentState,
    holdUntil: r.hold_until,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const ACCOUNT_COLUMNS: Record<keyof Omit<PortalAccountRecord, 'id' | 'createdAt'>, string> = {
  mobile: 'mobile',
  nationalId: 'national_id',
  firstName: 'first_name',
  lastName: 'last_name',
  gender: 'gender',
  birthDate: 'birth_date',
  email: 'email',
  emailVerified: 'email_verified',
  passwordHash: 'password_hash',
  heardFrom: 'heard_from',
  policyVersion: 'policy_version',
  consentedAt: 'consented_at',
  updatedAt: 'updated_at',
};

export class KyselyPortal implements PortalTransaction {
  constructor(private readonly db: Kysely<SyncDatabase> | Transaction<SyncDatabase>) {}

  async getAccount(id: string) {
    const r = await this.db
      .selectFrom('portal_accounts')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return r ? toAccount(r) : null;
  }

  async getAccountByMobile(mobile: string) {
    const r = await this.db
      .selectFrom('portal_accounts')
      .selectAll()
      .where('mobile', '=', mobile)
      .executeTakeFirst();
    return r ? toAccount(r) : null;
  }

  async getAccountByNationalId(nationalId: string) {
    const r = await this.db
      .selectFrom('portal_accounts')
      .selectAll()
      .where('national_id', '=', nationalId)
      .executeTakeFirst();
    return r ? toAccount(r) : null;
  }

  async getSessionAccount(tokenHash: string, now: string) {
    const r = await this.db
      .selectFrom('portal_sessions')
      .innerJoin('portal_accounts', 'portal_accounts.id', 'portal_sessions.account_id')
      .selectAll('portal_accounts')
      .where('portal_sessions.token_hash', '=', tokenHash)
      .where('portal_sessions.expires_at', '>', now)
      .executeTakeFirst();
    return r ? toAccount(r) : null;
  }

  async listPeople(accountId: string) {
    const rows = await this.db
      .selectFrom('portal_people')
      .selectAll()
      .where('account_id', '=', accountId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toPerson);
  }

  async getBooking(appointmentId: string) {
    const r = await this.db
      .selectFrom('portal_bookings')
      .selectAll()
      .where('appointment_id', '=', appointmentId)
      .executeTakeFirst();
    return r ? toBooking(r) : null;
  }

  async listBookings(accountId: string) {
    const rows = await this.db
      .selectFrom('portal_bookings')
      .selectAll()
      .where('account_id', '=', accountId)
      .orderBy('created_at', 'desc')
      .limit(500)
      .execute();
    return rows.map(toBooking);
  }

  async lapsedHolds(now: string, limit: number) {
    const rows = await this.db
      .selectFrom('portal_bookings')
      .selectAll()
      .where('payment_status', '=', 'pending')
      .where('hold_until', '<=', now)
      .orderBy('hold_until')
      .limit(limit)
      .execute();
    return rows.map(toBooking);
  }

  async latestPaymentStatus(appointmentId: string) {
    const r = await this.db
      .selectFrom('payments')
      .select(['status', 'ref_id'])
      .where('appointment_id', '=', appointmentId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return r ? { status: r.status, refId: r.ref_id } : null;
  }

  async listPolicies(): Promise<PolicyRecord[]> {
    const rows = await this.db
      .selectFrom('privacy_policies')
      .selectAll()
      .orderBy('effective_at')
      .orderBy('published_at')
      .execute();
    return rows.map((r) => ({
      version: r.version,
      publishedAt: r.published_at,
      effectiveAt: r.effective_at,
      text: r.text,
    }));
  }

  async heldTimes(centerId: string, providerId: string, from: string, to: string) {
    const rows = await this.db
      .selectFrom('appointment_slots')
      .select(['appointment_id', 'date', 'start_min', 'end_min'])
      .where('center_id', '=', centerId)
      .where('provider_id', '=', providerId)
      .where('date', '>=', from)
      .where('date', '<=', to)
      .where('holds', '=', 1)
      .execute();
    return rows.map((r): HeldTime => ({
      appointmentId: r.appointment_id,
      date: r.date,
      start: Number(r.start_min),
      end: Number(r.end_min),
    }));
  }

  async patientsByNationalId(centerId: string, nationalId: string) {
    const rows = await this.db
      .selectFrom('patient_national_ids')
      .select('patient_id')
      .where('center_id', '=', centerId)
      .where('national_id', '=', nationalId)
      .orderBy('patient_id')
      .execute();
    return rows.map((r) => r.patient_id);
  }

  async insertAccount(a: PortalAccountRecord) {
    await this.db
      .insertInto('portal_accounts')
      .values({
        id: a.id,
        mobile: a.mobile,
        national_id: a.nationalId,
        first_name: a.firstName,
        last_name: a.lastName,
        gender: a.gender,
        birth_date: a.birthDate,
        email: a.email,
        email_verified: a.emailVerified ? 1 : 0,
        password_hash: a.passwordHash,
        heard_from: a.heardFrom,
        policy_version: a.policyVersion,
        consented_at: a.consentedAt,
        created_at: a.createdAt,
        updated_at: a.updatedAt,
      })
      .execute();
  }

  async updateAccount(id: string, fields: Partial<Omit<PortalAccountRecord, 'id' | 'createdAt'>>) {
    const set: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(fields)) {
      const column = ACCOUNT_COLUMNS[key as keyof typeof ACCOUNT_COLUMNS];
      if (column && value !== undefined) {
        set[column] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
      }
    }
    if (Object.keys(set).length === 0) return;
    await this.db.updateTable('portal_accounts').set(set).where('id', '=', id).execute();
  }

  async deleteAccount(id: string) {
    const account = await this.getAccount(id);
    if (account) await this.clearLoginFailures(account.mobile);
    await this.db.deleteFrom('portal_sessions').where('account_id', '=', id).execute();
    await this.db.deleteFrom('portal_people').where('account_id', '=', id).execute();
    await this.db.deleteFrom('portal_bookings').where('account_id', '=', id).execute();
    await this.db.deleteFrom('portal_accounts').where('id', '=', id).execute();
  }

  async insertSession(s: {
    tokenHash: string;
    accountId: string;
    createdAt: string;
    expiresAt: string;
  }) {
    await this.db
      .insertInto('portal_sessions')
      .values({
        token_hash: s.tokenHash,
        account_id: s.accountId,
        created_at: s.createdAt,
        expires_at: s.expiresAt,
      })
      .execute();
  }

  async deleteSession(tokenHash: string) {
    await this.db.deleteFrom('portal_sessions').where('token_hash', '=', tokenHash).execute();
  }

  async deleteSessionsOf(accountId: string) {
    await this.db.deleteFrom('portal_sessions').where('account_id', '=', accountId).execute();
  }

  async addLoginFailure(mobile: string, at: string, since: string) {
    await this.db.insertInto('portal_login_failures').values({ mobile, failed_at: at }).execute();
    await this.db
      .deleteFrom('portal_login_failures')
      .where('mobile', '=', mobile)
      .where('failed_at', '<', since)
      .execute();
    return this.countLoginFailures(mobile, since);
  }

  async countLoginFailures(mobile: string, since: string) {
    const row = await this.db
      .selectFrom('portal_login_failures')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('mobile', '=', mobile)
      .where('failed_at', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async clearLoginFailures(mobile: string) {
    await this.db.deleteFrom('portal_login_failures').where('mobile', '=', mobile).execute();
  }

  async deleteExpiredSessions(now: string) {
    const result = await this.db
      .deleteFrom('portal_sessions')
      .where('expires_at', '<=', now)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async insertPerson(p: PortalPersonRecord) {
    await this.db
      .insertInto('portal_people')
      .values({
        id: p.id,
        account_id: p.accountId,
        first_name: p.firstName,
        last_name: p.lastName,
        national_id: p.nationalId,
        mobile: p.mobile,
        gender: p.gender,
        relation: p.relation,
        created_at: p.createdAt,
      })
      .execute();
  }

  async insertBooking(b: PortalBookingRecord) {
    await this.db
      .insertInto('portal_bookings')
      .values({
        appointment_id: b.appointmentId,
        account_id: b.accountId,
        person_id: b.personId,
        center_id: b.centerId,
        patient_id: b.patientId,
        price_rial: b.priceRial,
        payment_status: b.paymentStatus,
        hold_until: b.holdUntil,
        created_at: b.createdAt,
        updated_at: b.updatedAt,
      })
      .execute();
  }

  async updateBooking(
    appointmentId: string,
    fields: Partial<Pick<PortalBookingRecord, 'paymentStatus' | 'holdUntil' | 'updatedAt'>>,
  ) {
    const set: { payment_status?: string; hold_until?: string | null; updated_at?: string } = {};
    if (fields.paymentStatus !== undefined) set.payment_status = fields.paymentStatus;
    if (fields.holdUntil !== undefined) set.hold_until = fields.holdUntil;
    if (fields.updatedAt !== undefined) set.updated_at = fields.updatedAt;
    await this.db
      .updateTable('portal_bookings')
      .set(set)
      .where('appointment_id', '=', appointmentId)
      .execute();
  }

  async insertPolicy(p: PolicyRecord) {
    const result = await this.db
      .insertInto('privacy_policies')
      .values({
        version: p.version,
        published_at: p.publishedAt,
        effective_at: p.effectiveAt,
        text: p.text,
      })
      .onConflict((oc) => oc.column('version').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async indexPatient(patientId: string, centerId: string, nationalId: string | null) {
    await this.db.deleteFrom('patient_national_ids').where('patient_id', '=', patientId).execute();
    if (nationalId) {
      await this.db
        .insertInto('patient_national_ids')
        .values({ patient_id: patientId, center_id: centerId, national_id: nationalId })
        .execute();
    }
  }
}
