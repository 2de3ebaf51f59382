/**
 * The audit log (C12, S3): every create, edit and delete on a desk records who, which device, when,
 * which document and what changed. Entries are chained per device (each holds the hash of the one
 * before and its own hash over its content), so a missing, reordered or edited entry is detected.
 * The server refuses any change to an entry once stored.
 */
import { z } from 'zod';
import { baseDocShape, idField, toRxJsonSchema } from '../schema/base';

export const AUDIT_ACTIONS = ['create', 'update', 'delete'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One changed field: values as JSON text (short values; long ones are cut). */
export const auditChangeSchema = z.object({
  field: z.string().max(60),
  before: z.string().max(600),
  after: z.string().max(600),
});

export const auditDocSchema = z.object({
  ...baseDocShape,
  /** The staff member who acted (also in updatedBy). */
  actorId: idField,
  actorName: z.string().max(130),
  action: z.enum(AUDIT_ACTIONS),
  /** The collection of the changed document (`collection` is a reserved RxDB field name). */
  targetCollection: z.string().max(40),
  targetId: idField,
  /** A Persian line for people: «ویرایش بیمار زهرا کریمی». */
  summary: z.string().max(300),
  changes: z.array(auditChangeSchema).max(100),
  /** 1, 2, 3… per device: a gap means a missing entry. */
  seq: z.number().int().min(1).max(1e12),
  prevHash: z.string().max(64),
  hash: z.string().max(64),
});

export type AuditEntry = z.infer<typeof auditDocSchema>;
export type AuditChange = z.infer<typeof auditChangeSchema>;

export const auditRxSchema = toRxJsonSchema(auditDocSchema, {
  title: 'audit',
  description: 'Append-only change log, hash-chained per device',
  version: 0,
  indexes: [
    ['createdAt'],
    ['deviceId', 'seq'],
    ['actorId', 'createdAt'],
    ['targetCollection', 'createdAt'],
    ['targetId'],
  ],
});

/** The hash of the chain's start for a device. */
export const GENESIS_HASH = '0'.repeat(64);

const MAX_VALUE = 600;

/** A field value as stored in an entry. */
export function auditValue(value: unknown): string {
  const text = value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/** Fields compared for an entry's changes: not bookkeeping, not derived search keys. */
const SKIPPED = new Set([
  'updatedAt',
  'updatedBy',
  'deviceId',
  'createdAt',
  'searchText',
  'sortName',
  'sortKey',
  'passwordHash',
]);

export function diffFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): AuditChange[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: AuditChange[] = [];
  for (const field of [...keys].sort()) {
    if (SKIPPED.has(field) || field.startsWith('_')) continue;
    const b = auditValue(before?.[field]);
    const a = auditValue(after?.[field]);
    if (b !== a) changes.push({ field, before: b, after: a });
  }
  // A new password is recorded as changed without its hash.
  if (before && after && before.passwordHash !== after.passwordHash) {
    changes.push({ field: 'passwordHash', before: '***', after: '***' });
  }
  return changes.slice(0, 100);
}

/** JSON with object keys sorted at every depth, so equal content always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The text an entry's hash covers: every field but `hash` (and RxDB's own `_` fields), at every depth. */
export function auditHashInput(entry: Omit<AuditEntry, 'hash'> & { hash?: string }): string {
  const rest = Object.fromEntries(
    Object.entries(entry).filter(([k]) => k !== 'hash' && !k.startsWith('_')),
  );
  return canonicalJson(rest);
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface ChainProblem {
  deviceId: string;
  seq: number;
  entryId: string | null;
  problem: 'hash' | 'link' | 'gap' | 'duplicate';
  message: string;
}

/**
 * Checks every device's chain: hashes match contents, each entry links to the one before, and
 * sequence numbers have no gaps or repeats. Returns the problems found (none = intact).
 */
export async function verifyAuditChains(entries: readonly AuditEntry[]): Promise<ChainProblem[]> {
  const byDevice = new Map<string, AuditEntry[]>();
  for (const e of entries) byDevice.set(e.deviceId, [...(byDevice.get(e.deviceId) ?? []), e]);
  const problems: ChainProblem[] = [];
  for (const [deviceId, list] of byDevice) {
    list.sort((a, b) => a.seq - b.seq);
    let prevHash = GENESIS_HASH;
    let expected = 1;
    for (const e of list) {
      if (e.seq < expected) {
        problems.push({
          deviceId,
          seq: e.seq,
          entryId: e.id,
          problem: 'duplicate',
          message: `ردیف ${e.seq} تکراری است.`,
        });
        continue;
      }
      if (e.seq > expected) {
        problems.push({
          deviceId,
          seq: expected,
          entryId: null,
          problem: 'gap',
          message: `ردیف‌های ${expected} تا ${e.seq - 1} از گزارش این دستگاه حذف شده‌اند.`,
        });
        prevHash = e.prevHash; // resume the check after the gap
      }
      if (e.prevHash !== prevHash) {
        problems.push({
          deviceId,
          seq: e.seq,
          entryId: e.id,
          problem: 'link',
          message: `ردیف ${e.seq} به ردیف پیش از خود وصل نیست.`,
        });
      }
      if ((await sha256Hex(auditHashInput(e))) !== e.hash) {
        problems.push({
          deviceId,
          seq: e.seq,
          entryId: e.id,
          problem: 'hash',
          message: `محتوای ردیف ${e.seq} پس از ثبت تغییر کرده است.`,
        });
      }
      prevHash = e.hash;
      expected = e.seq + 1;
    }
  }
  return problems;
}
