/**
 * Reads of the work tables (provider settings, SMS queue, cursors, one-time codes, payments) over
 * the store's connection or a transaction.
 */
import type { Kysely, Selectable } from 'kysely';
import { toStored } from './document-rows';
import type { SyncDatabase } from './schema';
import type {
  OtpChallengeRecord,
  PaymentRecord,
  PaymentStatus,
  ProviderKind,
  ProviderSettingsRecord,
  SmsQueueRecord,
  WorkReads,
} from './work-store';

export type Row<T extends keyof SyncDatabase> = Selectable<SyncDatabase[T]>;

function toQueue(r: Row<'sms_queue'>): SmsQueueRecord {
  return {
    messageId: r.message_id,
    centerId: r.center_id,
    kind: r.kind,
    status: r.status,
    sendAfter: r.send_after,
    nextAttemptAt: r.next_attempt_at,
    leaseUntil: r.lease_until,
    leaseToken: r.lease_token,
    provider: r.provider,
    providerMessageId: r.provider_message_id,
    nextPollAt: r.next_poll_at,
    polls: Number(r.polls),
    about: r.about,
  };
}

export function toOtp(r: Row<'otp_challenges'>): OtpChallengeRecord {
  return {
    id: r.id,
    purpose: r.purpose,
    channel: r.channel === 'email' ? 'email' : 'sms',
    subject: r.subject,
    ipHash: r.ip_hash,
    codeHash: r.code_hash,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    attempts: Number(r.attempts),
    consumedAt: r.consumed_at,
    proofHash: r.proof_hash,
    proofExpiresAt: r.proof_expires_at,
    proofUsedAt: r.proof_used_at,
  };
}

function toPayment(r: Row<'payments'>): PaymentRecord {
  return {
    id: r.id,
    centerId: r.center_id,
    gateway: r.gateway,
    amountRial: Number(r.amount_rial),
    description: r.description,
    invoiceId: r.invoice_id,
    appointmentId: r.appointment_id,
    patientId: r.patient_id,
    authority: r.authority,
    status: r.status as PaymentStatus,
    payerIp: r.payer_ip,
    payerUserAgent: r.payer_user_agent,
    resultUrl: r.result_url,
    refId: r.ref_id,
    cardMasked: r.card_masked,
    failureReason: r.failure_reason,
    ledgerEntryId: r.ledger_entry_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export class KyselyWorkReads implements WorkReads {
  constructor(private readonly db: Kysely<SyncDatabase>) {}

  async getProviderSettings(
    centerId: string,
    kind: ProviderKind,
  ): Promise<ProviderSettingsRecord | null> {
    const r = await this.db
      .selectFrom('provider_settings')
      .selectAll()
      .where('center_id', '=', centerId)
      .where('kind', '=', kind)
      .executeTakeFirst();
    if (!r) return null;
    return {
      centerId: r.center_id,
      kind,
      provider: r.provider,
      publicJson: r.public_json,
      sealedSecret: r.sealed_secret,
      updatedAt: r.updated_at,
      updatedBy: r.updated_by,
    };
  }

  async dueMessages(now: string, limit: number): Promise<SmsQueueRecord[]> {
    const rows = await this.db
      .selectFrom('sms_queue')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([
            eb('status', '=', 'waiting'),
            eb('send_after', '<=', now),
            eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]),
          ]),
          eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', now)]),
        ]),
      )
      .orderBy('send_after')
      .limit(limit)
      .execute();
    return rows.map(toQueue);
  }

  async pollableMessages(now: string, limit: number): Promise<SmsQueueRecord[]> {
    const rows = await this.db
      .selectFrom('sms_queue')
      .selectAll()
      .where('status', '=', 'sent')
      .where('next_poll_at', '<=', now)
      .orderBy('next_poll_at')
      .limit(limit)
      .execute();
    return rows.map(toQueue);
  }

  async getQueueEntry(messageId: string): Promise<SmsQueueRecord | null> {
    const r = await this.db
      .selectFrom('sms_queue')
      .selectAll()
      .where('message_id', '=', messageId)
      .executeTakeFirst();
    return r ? toQueue(r) : null;
  }

  async documentsAfter(collection: string, afterSeq: number, limit: number) {
    const rows = await this.db
      .selectFrom('documents')
      .selectAll()
      .where('collection', '=', collection)
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map(toStored);
  }

  async holdingAppointments(centerId: string, fromDate: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('appointment_slots')
      .select('appointment_id')
      .where('center_id', '=', centerId)
      .where('holds', '=', 1)
      .where('date', '>=', fromDate)
      .orderBy('date')
      .execute();
    return rows.map((r) => r.appointment_id);
  }

  async getCursor(name: string): Promise<number> {
    const r = await this.db
      .selectFrom('server_cursors')
      .select('value')
      .where('name', '=', name)
      .executeTakeFirst();
    return r ? Number(r.value) : 0;
  }

  async getOtpChallenge(id: string): Promise<OtpChallengeRecord | null> {
    const r = await this.db
      .selectFrom('otp_challenges')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return r ? toOtp(r) : null;
  }

  async getPayment(id: string): Promise<PaymentRecord | null> {
    const r = await this.db
      .selectFrom('payments')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return r ? toPayment(r) : null;
  }

  async getPaymentByAuthority(gateway: string, authority: string): Promise<PaymentRecord | null> {
    if (authority === '') return null;
    const r = await this.db
      .selectFrom('payments')
      .selectAll()
      .where('gateway', '=', gateway)
      .where('authority', '=', authority)
      .executeTakeFirst();
    return r ? toPayment(r) : null;
  }
}
