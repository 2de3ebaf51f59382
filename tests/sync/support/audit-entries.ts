/** Audit entries as a desk makes them: chained per device with the shared hash functions. */
import { randomUUID } from 'node:crypto';
import {
  GENESIS_HASH,
  auditHashInput,
  sha256Hex,
  type AuditEntry,
} from '../../../shared/domain/audit';
import type { TestCenter } from './harness';

/** `count` entries of one device's chain, starting at seq 1, by `actorId` (the manager by default). */
export async function auditChain(
  center: TestCenter,
  count: number,
  actorId = center.managerId,
): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const at = `2026-03-01T07:00:0${seq % 10}.000Z`;
    const entry: Omit<AuditEntry, 'hash'> = {
      id: randomUUID(),
      centerId: center.centerId,
      createdAt: at,
      updatedAt: at,
      updatedBy: actorId,
      deviceId: center.deviceId,
      actorId,
      actorName: 'مریم مدیری',
      action: 'update',
      targetCollection: 'patients',
      targetId: randomUUID(),
      summary: `ویرایش بیمار ${seq}`,
      changes: [{ field: 'notes', before: '', after: `یادداشت ${seq}` }],
      seq,
      prevHash,
    };
    const hash = await sha256Hex(auditHashInput(entry));
    entries.push({ ...entry, hash });
    prevHash = hash;
  }
  return entries;
}

export function wire(entry: AuditEntry, deleted = false) {
  return { ...entry, _deleted: deleted };
}
