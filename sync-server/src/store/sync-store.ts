/**
 * The one storage interface of the sync server. Routes and domain rules see only this; the Kysely
 * implementation behind it (SQLite today, PostgreSQL later) is chosen at start-up.
 *
 * Reads are free; every write goes through {@link SyncStore.write}, one transaction at a time in
 * commit order, so a document's `seq` grows in the order desks can observe commits. On SQLite the
 * single writer gives that; on PostgreSQL a write would take a per-center advisory lock
 * (`pg_advisory_xact_lock`) before drawing seqs, so commits within a center (the unit every pull
 * and stream is filtered by) cannot finish out of seq order.
 */
import type { PortalReads, PortalTransaction } from './portal-store';
import type { SetupReads, SetupTransaction } from './setup-store';
import type { WorkReads, WorkTransaction } from './work-store';

/** A stored document with the server's bookkeeping. */
export interface StoredDocument {
  collection: string;
  id: string;
  centerId: string;
  seq: number;
  deleted: boolean;
  /** The client-visible fields, without `_deleted`. */
  data: Record<string, unknown>;
  serverTime: string;
  deviceId: string | null;
  pushedHash: string | null;
}

/** A document to store; the store assigns its `seq`. */
export type DocumentWrite = Omit<StoredDocument, 'seq'>;

export interface DeviceRecord {
  id: string;
  centerId: string;
  name: string;
  tokenHash: string;
  createdAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
  enrolledBy: string;
}

export interface EnrollmentRecord {
  id: string;
  mobile: string;
  staffId: string;
  centerId: string;
  deviceName: string;
  codeHash: string;
  createdAt: string;
  expiresAt: string;
  attempts: number;
  consumedAt: string | null;
}

export interface SlotRecord {
  appointmentId: string;
  centerId: string;
  providerId: string;
  date: string;
  startMin: number;
  endMin: number;
  holds: boolean;
  overbook: boolean;
  seq: number;
}

export interface SlotQuery {
  centerId: string;
  providerId: string;
  date: string;
  startMin: number;
  endMin: number;
  /** The booking being placed, which never collides with itself. */
  excludeId: string;
}

/** What may be read and written inside one write transaction. */
export interface StoreTransaction extends SetupTransaction, WorkTransaction {
  /** The patient portal's tables. */
  readonly portal: PortalTransaction;
  getDocuments(collection: string, ids: readonly string[]): Promise<Map<string, StoredDocument>>;
  /** Stores the document (insert or replace) with the next seq, and returns it as stored. */
  putDocument(write: DocumentWrite): Promise<StoredDocument>;

  /** Slot-holding, non-overbooked bookings that overlap the range, earliest committed first. */
  findSlotRivals(query: SlotQuery): Promise<SlotRecord[]>;
  putSlot(slot: SlotRecord): Promise<void>;
  deleteSlot(appointmentId: string): Promise<void>;

  putStaffLogin(login: { staffId: string; centerId: string; mobile: string }): Promise<void>;
  deleteStaffLogin(staffId: string): Promise<void>;

  insertDevice(device: DeviceRecord): Promise<void>;
  /** Devices ever enrolled to the center (revoked ones too: their numbers are never reused). */
  countDevices(centerId: string): Promise<number>;
  revokeDevice(id: string, at: string): Promise<void>;
  touchDevice(id: string, at: string): Promise<void>;

  insertEnrollment(enrollment: EnrollmentRecord): Promise<void>;
  getEnrollment(id: string): Promise<EnrollmentRecord | null>;
  /** Codes sent to `mobile` after `since` (ISO), for the per-mobile limit. */
  countEnrollmentsSince(mobile: string, since: string): Promise<number>;
  /** Adds one attempt and returns the new count. */
  addEnrollmentAttempt(id: string): Promise<number>;
  consumeEnrollment(id: string, at: string): Promise<void>;
}

export interface PullQuery {
  collection: string;
  centerId: string;
  afterSeq: number;
  limit: number;
}

export interface SyncStore extends SetupReads {
  readonly dialect: 'sqlite' | 'postgres';
  /** The workers' reads (queue, cursors, codes, payments, provider settings). */
  readonly work: WorkReads;
  /** The patient portal's reads (accounts, sessions, bookings, policies). */
  readonly portal: PortalReads;

  /**
   * Runs `work` in one transaction; throwing rolls everything back. Writes run one at a time.
   * `afterCommit` runs after the commit and before the next write starts, so whatever it
   * publishes leaves in commit order.
   */
  write<T>(
    work: (tx: StoreTransaction) => Promise<T>,
    afterCommit?: (result: T) => void,
  ): Promise<T>;

  /** Documents of one collection and center with `seq > afterSeq`, in seq order. */
  pull(query: PullQuery): Promise<StoredDocument[]>;
  /** How many documents {@link pull} would still find after `afterSeq` (first-sync progress). */
  countAfter(query: Omit<PullQuery, 'limit'>): Promise<number>;
  getDocument(collection: string, id: string): Promise<StoredDocument | null>;
  /** True when the collection holds at least one document (tombstones included). */
  hasDocuments(collection: string): Promise<boolean>;
  /** Staff who log in with this mobile (+989…), across centers. */
  findStaffByMobile(mobile: string): Promise<{ staffId: string; centerId: string }[]>;
  /** Every center that has a center document (operator tooling: audit verification). */
  centerIds(): Promise<string[]>;

  getDeviceByTokenHash(tokenHash: string): Promise<DeviceRecord | null>;
  getDevice(id: string): Promise<DeviceRecord | null>;
  close(): Promise<void>;
}
