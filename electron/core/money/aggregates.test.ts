import { expect, it } from 'vitest';
import type { LedgerEntry } from '../../../shared/domain/ledger';
import { tempDir } from '../../../tests/support/temp';
import { openDatabase } from '../db/database';
import { MoneyAggregates } from './aggregates';

it('loads every entry exactly once across pages, also when many share one timestamp', async () => {
  const temp = tempDir();
  const { db } = await openDatabase({ dataDir: temp.dir, storage: 'sqlite', devMode: true });
  try {
    const entry = (n: number, at: string, patientId: string, amountRial: number): LedgerEntry => ({
      id: `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`,
      centerId: 'c',
      createdAt: at,
      updatedAt: at,
      updatedBy: 's',
      deviceId: 'd',
      kind: 'deposit',
      patientId,
      invoiceId: '',
      amountRial,
      method: 'cash',
      reference: '',
      boxId: '',
      cashierId: 's',
      day: '2026-01-01',
      note: '',
      countedRial: 0,
      expectedRial: 0,
    });
    const docs: LedgerEntry[] = [];
    for (let n = 0; n < 11; n++) docs.push(entry(n, '2026-01-01T10:00:00.000Z', 'p1', 100)); // one timestamp, > 3 pages
    for (let n = 11; n < 18; n++) docs.push(entry(n, `2026-01-0${n - 9}T10:00:00.000Z`, 'p2', 10));
    await db.ledger.bulkInsert(docs);
    const totals = new MoneyAggregates(db, 3);
    await totals.load();
    expect(totals.balance('p1')).toBe(-1_100);
    expect(totals.balance('p2')).toBe(-70);
    // Later writes arrive through the change stream.
    await db.ledger.insert(entry(99, '2026-02-01T10:00:00.000Z', 'p2', 30));
    await new Promise((r) => setTimeout(r, 10));
    expect(totals.balance('p2')).toBe(-100);
    totals.close();
  } finally {
    await db.close();
    temp.remove();
  }
});

it('pages debtors and creditors largest first, with their count and sum', async () => {
  const temp = tempDir();
  const { db } = await openDatabase({ dataDir: temp.dir, storage: 'sqlite', devMode: true });
  try {
    const at = '2026-01-01T10:00:00.000Z';
    const amounts: Record<string, number> = { a: 500, b: -300, c: 900, d: -50, e: 100, f: 700 };
    let n = 0;
    await db.ledger.bulkInsert(
      Object.entries(amounts).map(([patientId, v]) => ({
        id: `01900000-0000-7000-8000-${String(n++).padStart(12, '0')}`,
        centerId: 'c',
        createdAt: at,
        updatedAt: at,
        updatedBy: 's',
        deviceId: 'd',
        kind: v > 0 ? ('refund' as const) : ('deposit' as const),
        patientId,
        invoiceId: '',
        amountRial: Math.abs(v),
        method: 'cash' as const,
        reference: '',
        boxId: '',
        cashierId: 's',
        day: '2026-01-01',
        note: '',
        countedRial: 0,
        expectedRial: 0,
      })),
    );
    const totals = new MoneyAggregates(db);
    await totals.load();
    expect(totals.balancePage('debtors', 0, 2)).toEqual({
      page: [
        ['c', 900],
        ['f', 700],
      ],
      total: 4,
      sum: 2_200,
    });
    expect(totals.balancePage('debtors', 2, 2).page).toEqual([
      ['a', 500],
      ['e', 100],
    ]);
    expect(totals.balancePage('creditors', 0, 10)).toEqual({
      page: [
        ['b', -300],
        ['d', -50],
      ],
      total: 2,
      sum: -350,
    });
    totals.close();
  } finally {
    await db.close();
    temp.remove();
  }
});
