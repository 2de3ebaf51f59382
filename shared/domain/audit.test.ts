import { describe, expect, it } from 'vitest';
import {
  GENESIS_HASH,
  auditHashInput,
  diffFields,
  sha256Hex,
  verifyAuditChains,
  type AuditEntry,
} from './audit';

async function chain(n: number, deviceId = 'd1'): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const unsigned = {
      id: `e${seq}`,
      centerId: 'c',
      createdAt: 't',
      updatedAt: 't',
      updatedBy: 's',
      deviceId,
      actorId: 's',
      actorName: 'مدیر',
      action: 'update' as const,
      targetCollection: 'patients',
      targetId: 'p',
      summary: 'ویرایش',
      changes: [{ field: 'mobile', before: 'a', after: `b${seq}` }],
      seq,
      prevHash: prev,
    };
    const entry = { ...unsigned, hash: await sha256Hex(auditHashInput(unsigned)) };
    out.push(entry);
    prev = entry.hash;
  }
  return out;
}

describe('audit chains', () => {
  it('accepts an intact chain per device', async () => {
    expect(await verifyAuditChains([...(await chain(3)), ...(await chain(2, 'd2'))])).toEqual([]);
  });
  it('detects an edit anywhere in an entry, including nested changes', async () => {
    const entries = await chain(3);
    entries[1] = { ...entries[1]!, changes: [{ field: 'mobile', before: 'a', after: 'forged' }] };
    expect((await verifyAuditChains(entries)).map((p) => [p.seq, p.problem])).toEqual([
      [2, 'hash'],
    ]);
  });
  it('detects a removed entry and a re-linked forgery', async () => {
    const entries = await chain(4);
    expect(
      (await verifyAuditChains(entries.filter((e) => e.seq !== 2))).map((p) => p.problem),
    ).toEqual(['gap']);
    const forged = { ...entries[2]!, prevHash: GENESIS_HASH };
    const problems = await verifyAuditChains([entries[0]!, entries[1]!, forged, entries[3]!]);
    expect(problems.map((p) => p.problem)).toEqual(['link', 'hash']);
  });
  it('diffs fields without bookkeeping and never records a password hash', () => {
    expect(
      diffFields(
        { a: 1, updatedAt: 'x', passwordHash: 'h1' },
        { a: 2, updatedAt: 'y', passwordHash: 'h2' },
      ),
    ).toEqual([
      { field: 'a', before: '1', after: '2' },
      { field: 'passwordHash', before: '***', after: '***' },
    ]);
  });
});
