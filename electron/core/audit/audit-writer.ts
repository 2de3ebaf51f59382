/**
 * Appends entries to this device's audit chain (C12). Entries are numbered 1, 2, 3… per device and
 * each carries the hash of the previous one, so gaps and edits can be detected later
 * (shared/domain/audit.ts `verifyAuditChains`). Writes run one at a time (the core's write queue),
 * which keeps the chain linear.
 */
import {
  GENESIS_HASH,
  auditHashInput,
  diffFields,
  sha256Hex,
  type AuditAction,
  type AuditEntry,
} from '../../../shared/domain/audit';
import type { ClinicDatabase } from '../db/database';
import { newId } from '../ids';

export interface AuditActor {
  staffId: string;
  name: string;
}

export interface AuditRecord {
  action: AuditAction;
  collection: string;
  documentId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  summary: string;
}

export class AuditWriter {
  private tip: { seq: number; hash: string; deviceId: string } | null = null;

  constructor(
    private readonly db: ClinicDatabase,
    private readonly identity: () => { deviceId: string; centerId: string },
    private readonly now: () => Date,
  ) {}

  /** The last entry of this device's chain (the device id changes once, at enrollment). */
  private async currentTip(deviceId: string) {
    if (this.tip && this.tip.deviceId === deviceId) return this.tip;
    const last = await this.db.audit
      .findOne({ selector: { deviceId }, sort: [{ deviceId: 'desc' }, { seq: 'desc' }] })
      .exec();
    this.tip = { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH, deviceId };
    return this.tip;
  }

  async record(actor: AuditActor, record: AuditRecord): Promise<AuditEntry> {
    const { deviceId, centerId } = this.identity();
    const tip = await this.currentTip(deviceId);
    const at = this.now().toISOString();
    const unsigned: Omit<AuditEntry, 'hash'> = {
      id: newId(),
      centerId,
      createdAt: at,
      updatedAt: at,
      updatedBy: actor.staffId,
      deviceId,
      actorId: actor.staffId,
      actorName: actor.name.slice(0, 130),
      action: record.action,
      targetCollection: record.collection,
      targetId: record.documentId,
      summary: record.summary.slice(0, 300),
      changes: diffFields(record.before, record.after),
      seq: tip.seq + 1,
      prevHash: tip.hash,
    };
    const entry: AuditEntry = { ...unsigned, hash: await sha256Hex(auditHashInput(unsigned)) };
    await this.db.audit.insert(entry);
    this.tip = { seq: entry.seq, hash: entry.hash, deviceId };
    return entry;
  }

  /** Entries made before enrollment move into the center with the desk (their chain is kept). */
  forget(): void {
    this.tip = null;
  }
}
