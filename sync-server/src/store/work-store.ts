/**
 * The store's part for the workers and outside services: provider settings (sealed secrets), the
 * SMS queue, scan cursors, one-time codes and payments. Split from sync-store.ts to keep each file
 * readable; {@link StoreTransaction} includes {@link WorkTransaction}, and `SyncStore.work` holds
 * the reads that need no transaction (so the workers' scans never wait behind pushes).
 */
import type { StoredDocument } from './sync-store';

export type ProviderKind = 'sms' | 'gateway';

export interface ProviderSettingsRecord {
  centerId: string;
  kind: ProviderKind;
  provider: string;
  /** JSON text of what may be shown (the sender line). */
  publicJson: string;
  /** Sealed with the data folder's settings key; never the secret itself. */
  sealedSecret: string;
  updatedAt: string;
  updatedBy: string;
}

export interface SmsQueueRecord {
  messageId: string;
  centerId: string;
  kind: string;
  status: string;
  sendAfter: string;
  nextAttemptAt: string | null;
  leaseUntil: string | null;
  leaseToken: string | null;
  provider: string;
  providerMessageId: string;
  nextPollAt: string | null;
  polls: number;
  /** What a reminder was made for (its visit); null for other messages. */
  about: string | null;
}

/** The worker's own columns of a queue row. */
export type SmsQueueWork = Partial<
  Pick<
    SmsQueueRecord,
    | 'nextAttemptAt'
    | 'leaseUntil'
    | 'leaseToken'
    | 'provider'
    | 'providerMessageId'
    | 'nextPollAt'
    | 'polls'
    | 'about'
  >
>;

export interface OtpChallengeRecord {
  id: string;
  purpose: string;
  channel: 'sms' | 'email';
  subject: string;
  ipHash: string;
  codeHash: string;
  createdAt: string;
  expiresAt: string;
  attempts: number;
  consumedAt: string | null;
  proofHash: string | null;
  proofExpiresAt: string | null;
  proofUsedAt: string | null;
}

export type PaymentStatus = 'pending' | 'verified' | 'failed' | 'cancelled';

export interface PaymentRecord {
  id: string;
  centerId: string;
  gateway: string;
  amountRial: number;
  description: string;
  invoiceId: string;
  appointmentId: string;
  patientId: string;
  authority: string;
  status: PaymentStatus;
  payerIp: string;
  payerUserAgent: string;
  resultUrl: string;
  refId: string;
  cardMasked: string;
  failureReason: string;
  ledgerEntryId: string;
  createdAt: string;
  updatedAt: string;
}

/** What a payment's end writes besides its status. */
export type PaymentOutcome = Partial<
  Pick<PaymentRecord, 'refId' | 'cardMasked' | 'failureReason' | 'ledgerEntryId'>
>;

export interface WorkReads {
  getProviderSettings(centerId: string, kind: ProviderKind): Promise<ProviderSettingsRecord | null>;
  /**
   * Messages to try now: waiting ones whose time and back-off have come, and sending ones whose
   * lease lapsed (their worker died). Earliest due first.
   */
  dueMessages(now: string, limit: number): Promise<SmsQueueRecord[]>;
  /** Sent messages whose delivery report is due to be asked for. */
  pollableMessages(now: string, limit: number): Promise<SmsQueueRecord[]>;
  getQueueEntry(messageId: string): Promise<SmsQueueRecord | null>;
  /** Documents of one collection in every center with `seq > afterSeq`, in seq order. */
  documentsAfter(collection: string, afterSeq: number, limit: number): Promise<StoredDocument[]>;
  /** Bookings of the center that hold time on or after `fromDate`. */
  holdingAppointments(centerId: string, fromDate: string): Promise<string[]>;
  getCursor(name: string): Promise<number>;
  getOtpChallenge(id: string): Promise<OtpChallengeRecord | null>;
  getPayment(id: string): Promise<PaymentRecord | null>;
  getPaymentByAuthority(gateway: string, authority: string): Promise<PaymentRecord | null>;
}

export interface WorkTransaction extends WorkReads {
  putProviderSettings(record: ProviderSettingsRecord): Promise<void>;
  deleteProviderSettings(centerId: string, kind: ProviderKind): Promise<void>;

  /** Keeps the derived columns in step with a stored message; the worker's columns stay. */
  putQueueFromDocument(row: {
    messageId: string;
    centerId: string;
    kind: string;
    status: string;
    sendAfter: string;
  }): Promise<void>;
  updateQueueWork(messageId: string, work: SmsQueueWork): Promise<void>;
  setCursor(name: string, value: number): Promise<void>;

  insertCodeSend(send: {
    subject: string;
    ipHash: string;
    purpose: string;
    sentAt: string;
  }): Promise<void>;
  /** Codes sent after `since` (ISO) to this subject, or from this IP hash, for any purpose. */
  countCodeSends(by: { subject: string } | { ipHash: string }, since: string): Promise<number>;
  insertOtpChallenge(challenge: OtpChallengeRecord): Promise<void>;
  /** The newest challenge of this purpose for this subject (used or not), or null. */
  latestOtpChallenge(purpose: string, subject: string): Promise<OtpChallengeRecord | null>;
  addOtpAttempt(id: string): Promise<number>;
  /** Marks the challenge used and stores the proof's hash; false when it already was used. */
  consumeOtpChallenge(
    id: string,
    at: string,
    proof: { hash: string; expiresAt: string },
  ): Promise<boolean>;
  findOtpByProof(proofHash: string): Promise<OtpChallengeRecord | null>;
  /** Marks the proof used; false when it already was. */
  useOtpProof(id: string, at: string): Promise<boolean>;

  insertPayment(payment: PaymentRecord): Promise<void>;
  setPaymentAuthority(id: string, authority: string, at: string): Promise<void>;
  /**
   * Moves a payment from `pending` to `status` with what the gateway said; false when it was no
   * longer pending (a replayed or racing callback), in which case nothing changes.
   */
  finishPayment(
    id: string,
    status: Exclude<PaymentStatus, 'pending'>,
    outcome: PaymentOutcome,
    at: string,
  ): Promise<boolean>;
}
