/**
 * Writes of the work tables inside one store transaction; the store's transaction class extends
 * this one. Reads are kysely-work-reads.ts.
 */
import type { Transaction } from 'kysely';
import { KyselySetupTransaction } from './kysely-setup';
import { KyselyWorkReads, toOtp, type Row } from './kysely-work-reads';
import type { SyncDatabase } from './schema';
import type {
  OtpChallengeRecord,
  PaymentOutcome,
  PaymentRecord,
  PaymentStatus,
  ProviderKind,
  ProviderSettingsRecord,
  SmsQueueWork,
  WorkTransaction,
} from './work-store';

/** Reads plus writes; the store's transaction class extends this one. */
export class KyselyWorkTransaction extends KyselySetupTransaction implements WorkTransaction {
  private readonly workReads: KyselyWorkReads;

  constructor(trx: Transaction<SyncDatabase>) {
    super(trx);
    this.workReads = new KyselyWorkReads(trx);
  }

  getProviderSettings(centerId: string, kind: ProviderKind) {
    return this.workReads.getProviderSettings(centerId, kind);
  }
  dueMessages(now: string, limit: number) {
    return this.workReads.dueMessages(now, limit);
  }
  pollableMessages(now: string, limit: number) {
    return this.workReads.pollableMessages(now, limit);
  }
  getQueueEntry(messageId: string) {
    return this.workReads.getQueueEntry(messageId);
  }
  documentsAfter(collection: string, afterSeq: number, limit: number) {
    return this.workReads.documentsAfter(collection, afterSeq, limit);
  }
  holdingAppointments(centerId: string, fromDate: string) {
    return this.workReads.holdingAppointments(centerId, fromDate);
  }
  getCursor(name: string) {
    return this.workReads.getCursor(name);
  }
  getOtpChallenge(id: string) {
    return this.workReads.getOtpChallenge(id);
  }
  getPayment(id: string) {
    return this.workReads.getPayment(id);
  }
  getPaymentByAuthority(gateway: string, authority: string) {
    return this.workReads.getPaymentByAuthority(gateway, authority);
  }

  async putProviderSettings(s: ProviderSettingsRecord): Promise<void> {
    const row = {
      center_id: s.centerId,
      kind: s.kind,
      provider: s.provider,
      public_json: s.publicJson,
      sealed_secret: s.sealedSecret,
      updated_at: s.updatedAt,
      updated_by: s.updatedBy,
    };
    const { center_id: _c, kind: _k, ...rest } = row;
    await this.trx
      .insertInto('provider_settings')
      .values(row)
      .onConflict((oc) => oc.columns(['center_id', 'kind']).doUpdateSet(rest))
      .execute();
  }

  async deleteProviderSettings(centerId: string, kind: ProviderKind): Promise<void> {
    await this.trx
      .deleteFrom('provider_settings')
      .where('center_id', '=', centerId)
      .where('kind', '=', kind)
      .execute();
  }

  async putQueueFromDocument(q: {
    messageId: string;
    centerId: string;
    kind: string;
    status: string;
    sendAfter: string;
  }): Promise<void> {
    const derived = {
      center_id: q.centerId,
      kind: q.kind,
      status: q.status,
      send_after: q.sendAfter,
    };
    await this.trx
      .insertInto('sms_queue')
      .values({
        message_id: q.messageId,
        ...derived,
        provider: '',
        provider_message_id: '',
        polls: 0,
      })
      .onConflict((oc) => oc.column('message_id').doUpdateSet(derived))
      .execute();
  }

  async updateQueueWork(messageId: string, w: SmsQueueWork): Promise<void> {
    const set: Partial<Row<'sms_queue'>> = {};
    if (w.nextAttemptAt !== undefined) set.next_attempt_at = w.nextAttemptAt;
    if (w.leaseUntil !== undefined) set.lease_until = w.leaseUntil;
    if (w.leaseToken !== undefined) set.lease_token = w.leaseToken;
    if (w.provider !== undefined) set.provider = w.provider;
    if (w.providerMessageId !== undefined) set.provider_message_id = w.providerMessageId;
    if (w.nextPollAt !== undefined) set.next_poll_at = w.nextPollAt;
    if (w.polls !== undefined) set.polls = w.polls;
    if (w.about !== undefined) set.about = w.about;
    if (Object.keys(set).length === 0) return;
    await this.trx.updateTable('sms_queue').set(set).where('message_id', '=', messageId).execute();
  }

  async setCursor(name: string, value: number): Promise<void> {
    await this.trx
      .insertInto('server_cursors')
      .values({ name, value })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value }))
      .execute();
  }

  async insertCodeSend(s: { subject: string; ipHash: string; purpose: string; sentAt: string }) {
    await this.trx
      .insertInto('code_sends')
      .values({ subject: s.subject, ip_hash: s.ipHash, purpose: s.purpose, sent_at: s.sentAt })
      .execute();
  }

  async countCodeSends(by: { subject: string } | { ipHash: string }, since: string) {
    let query = this.trx
      .selectFrom('code_sends')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('sent_at', '>', since);
    query =
      'subject' in by
        ? query.where('subject', '=', by.subject)
        : query.where('ip_hash', '=', by.ipHash);
    return Number((await query.executeTakeFirstOrThrow()).n);
  }

  async insertOtpChallenge(c: OtpChallengeRecord): Promise<void> {
    await this.trx
      .insertInto('otp_challenges')
      .values({
        id: c.id,
        purpose: c.purpose,
        channel: c.channel,
        subject: c.subject,
        ip_hash: c.ipHash,
        code_hash: c.codeHash,
        created_at: c.createdAt,
        expires_at: c.expiresAt,
        attempts: c.attempts,
        consumed_at: c.consumedAt,
        proof_hash: c.proofHash,
        proof_expires_at: c.proofExpiresAt,
        proof_used_at: c.proofUsedAt,
      })
      .execute();
  }

  async latestOtpChallenge(purpose: string, subject: string) {
    const r = await this.trx
      .selectFrom('otp_challenges')
      .selectAll()
      .where('purpose', '=', purpose)
      .where('subject', '=', subject)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return r ? toOtp(r) : null;
  }

  async addOtpAttempt(id: string): Promise<number> {
    const row = await this.trx
      .updateTable('otp_challenges')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .returning('attempts')
      .executeTakeFirstOrThrow();
    return Number(row.attempts);
  }

  async consumeOtpChallenge(id: string, at: string, proof: { hash: string; expiresAt: string }) {
    const result = await this.trx
      .updateTable('otp_challenges')
      .set({ consumed_at: at, proof_hash: proof.hash, proof_expires_at: proof.expiresAt })
      .where('id', '=', id)
      .where('consumed_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async findOtpByProof(proofHash: string): Promise<OtpChallengeRecord | null> {
    const r = await this.trx
      .selectFrom('otp_challenges')
      .selectAll()
      .where('proof_hash', '=', proofHash)
      .executeTakeFirst();
    return r ? toOtp(r) : null;
  }

  async useOtpProof(id: string, at: string): Promise<boolean> {
    const result = await this.trx
      .updateTable('otp_challenges')
      .set({ proof_used_at: at })
      .where('id', '=', id)
      .where('proof_used_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async insertPayment(p: PaymentRecord): Promise<void> {
    await this.trx
      .insertInto('payments')
      .values({
        id: p.id,
        center_id: p.centerId,
        gateway: p.gateway,
        amount_rial: p.amountRial,
        description: p.description,
        invoice_id: p.invoiceId,
        appointment_id: p.appointmentId,
        patient_id: p.patientId,
        authority: p.authority,
        status: p.status,
        payer_ip: p.payerIp,
        payer_user_agent: p.payerUserAgent,
        result_url: p.resultUrl,
        ref_id: p.refId,
        card_masked: p.cardMasked,
        failure_reason: p.failureReason,
        ledger_entry_id: p.ledgerEntryId,
        created_at: p.createdAt,
        updated_at: p.updatedAt,
      })
      .execute();
  }

  async setPaymentAuthority(id: string, authority: string, at: string): Promise<void> {
    await this.trx
      .updateTable('payments')
      .set({ authority, updated_at: at })
      .where('id', '=', id)
      .execute();
  }

  async finishPayment(
    id: string,
    status: Exclude<PaymentStatus, 'pending'>,
    o: PaymentOutcome,
    at: string,
  ): Promise<boolean> {
    const set: Partial<Row<'payments'>> = { status, updated_at: at };
    if (o.refId !== undefined) set.ref_id = o.refId;
    if (o.cardMasked !== undefined) set.card_masked = o.cardMasked;
    if (o.failureReason !== undefined) set.failure_reason = o.failureReason;
    if (o.ledgerEntryId !== undefined) set.ledger_entry_id = o.ledgerEntryId;
    const result = await this.trx
      .updateTable('payments')
      .set(set)
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
