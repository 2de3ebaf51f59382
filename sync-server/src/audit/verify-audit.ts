/**
 * Checks the audit log as the server stores it, with the shared chain check: per device, every
 * entry's hash matches its content, links to the entry before it, and no sequence number is
 * missing or repeated. The server refuses changes to stored entries; this finds changes made
 * behind its back (in the database file, or in a restored backup).
 */
import {
  verifyAuditChains,
  type AuditEntry,
  type ChainProblem,
} from '../../../shared/domain/audit';
import type { SyncStore } from '../store/sync-store';

export interface CenterAuditReport {
  centerId: string;
  /** Entries checked (tombstones are a problem of their own: entries are never deleted). */
  checked: number;
  problems: (ChainProblem | { problem: 'deleted'; entryId: string; message: string })[];
}

const PAGE = 1000;

/** Checks one center's entries, or every center's when `centerId` is not given. */
export async function verifyStoredAudit(
  store: SyncStore,
  centerId?: string,
): Promise<CenterAuditReport[]> {
  const centers = centerId === undefined ? await store.centerIds() : [centerId];
  const reports: CenterAuditReport[] = [];
  for (const center of centers) {
    const entries: AuditEntry[] = [];
    const report: CenterAuditReport = { centerId: center, checked: 0, problems: [] };
    for (let seq = 0; ;) {
      const page = await store.pull({
        collection: 'audit',
        centerId: center,
        afterSeq: seq,
        limit: PAGE,
      });
      for (const doc of page) {
        if (doc.deleted) {
          report.problems.push({
            problem: 'deleted',
            entryId: doc.id,
            message: `ردیف ${doc.id} از گزارش تغییرات حذف شده است.`,
          });
        }
        entries.push(doc.data as AuditEntry);
      }
      if (page.length < PAGE) break;
      seq = page.at(-1)!.seq;
    }
    report.checked = entries.length;
    report.problems.push(...(await verifyAuditChains(entries)));
    reports.push(report);
  }
  return reports;
}
