/**
 * Money and stock are append-only events, so however two offline desks' events interleave and in
 * whatever order sync delivers them, every total comes out the same (and nothing counts twice).
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { creditEffect, invoicePaid, patientBalance, type LedgerEntry } from './ledger';
import { stockLevels } from './stock';

type Ev =
  | { t: 'invoice'; id: string; patient: string; due: number }
  | {
      t: 'ledger';
      id: string;
      patient: string;
      invoice: string;
      kind: LedgerEntry['kind'];
      amount: number;
    }
  | { t: 'stock'; id: string; good: string; wh: string; delta: number };

const patients = ['p1', 'p2', 'p3'];

const eventArb = fc.oneof(
  fc.record({
    t: fc.constant('invoice' as const),
    id: fc.uuid(),
    patient: fc.constantFrom(...patients),
    due: fc.integer({ min: 0, max: 5_000_000 }),
  }),
  fc.record({
    t: fc.constant('ledger' as const),
    id: fc.uuid(),
    patient: fc.constantFrom(...patients),
    invoice: fc.constantFrom('', 'i1', 'i2'),
    kind: fc.constantFrom<LedgerEntry['kind']>('payment', 'refund', 'deposit', 'apply-deposit'),
    amount: fc.integer({ min: 1, max: 2_000_000 }),
  }),
  fc.record({
    t: fc.constant('stock' as const),
    id: fc.uuid(),
    good: fc.constantFrom('g1', 'g2'),
    wh: fc.constantFrom('w1', 'w2'),
    delta: fc.integer({ min: -20, max: 50 }),
  }),
);

/** What a device holds after receiving `events` (in that order, repeats included): one copy per id. */
function materialise(events: Ev[]) {
  const byId = new Map<string, Ev>();
  for (const e of events) byId.set(e.id, e);
  const all = [...byId.values()];
  const invoices = all.filter((e): e is Extract<Ev, { t: 'invoice' }> => e.t === 'invoice');
  const ledger = all.filter((e): e is Extract<Ev, { t: 'ledger' }> => e.t === 'ledger');
  const stock = all.filter((e): e is Extract<Ev, { t: 'stock' }> => e.t === 'stock');
  const balances = Object.fromEntries(
    patients.map((p) => [
      p,
      patientBalance(
        invoices.filter((i) => i.patient === p).map((i) => ({ dueRial: i.due, status: 'issued' })),
        ledger.filter((l) => l.patient === p).map((l) => ({ kind: l.kind, amountRial: l.amount })),
      ),
    ]),
  );
  const paid = Object.fromEntries(
    ['i1', 'i2'].map((i) => [
      i,
      invoicePaid(
        ledger.filter((l) => l.invoice === i).map((l) => ({ kind: l.kind, amountRial: l.amount })),
      ),
    ]),
  );
  const levels = Object.fromEntries(
    stockLevels(stock.map((s) => ({ goodId: s.good, warehouseId: s.wh, qtyDelta: s.delta }))),
  );
  return { balances, paid, levels };
}

it('gives the same balances, payments and stock whatever the interleaving and delivery order', () => {
  fc.assert(
    fc.property(
      fc.array(eventArb, { maxLength: 60 }),
      fc.array(eventArb, { maxLength: 60 }),
      fc.infiniteStream(fc.boolean()),
      fc.integer({ min: 0, max: 1000 }),
      (rawA, rawB, coin, seed) => {
        // Ids are made on the device and never repeat across devices.
        const deskA = rawA.map((e, n) => ({ ...e, id: `a${n}` }));
        const deskB = rawB.map((e, n) => ({ ...e, id: `b${n}` }));
        // Desk A then B, B then A, and a random shuffle with some events delivered twice (retries).
        const ab = materialise([...deskA, ...deskB]);
        const ba = materialise([...deskB, ...deskA]);
        const mixed: Ev[] = [];
        let i = 0;
        let j = 0;
        const it = coin[Symbol.iterator]();
        while (i < deskA.length || j < deskB.length) {
          const takeA = j >= deskB.length || (i < deskA.length && it.next().value);
          const e = takeA ? deskA[i++]! : deskB[j++]!;
          mixed.push(e);
          if ((seed + mixed.length) % 7 === 0) mixed.push(e); // a re-sent push
        }
        const shuffled = materialise(mixed);
        expect(ba).toEqual(ab);
        expect(shuffled).toEqual(ab);
        // The ledger sums agree with the balances: due − credit effects.
        const all = [...deskA, ...deskB];
        const due = all
          .filter((e) => e.t === 'invoice')
          .reduce((s, e) => s + (e as { due: number }).due, 0);
        const credit = all
          .filter((e) => e.t === 'ledger')
          .reduce(
            (s, e) =>
              s +
              creditEffect({
                kind: (e as { kind: LedgerEntry['kind'] }).kind,
                amountRial: (e as { amount: number }).amount,
              }),
            0,
          );
        expect(Object.values(ab.balances).reduce((s, v) => s + v, 0)).toBe(due - credit);
      },
    ),
    { numRuns: 300 },
  );
});
