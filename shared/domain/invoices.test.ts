import fc from 'fast-check';
import { expect, it } from 'vitest';
import { returnedPerLine, returnValue } from './invoices';

it('gives back exactly a line’s patient part when all its units return, in any number of steps', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 50 }),
      fc.integer({ min: 0, max: 100_000_000 }),
      fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 50 }),
      (qty, patientRial, steps) => {
        let before = 0;
        let total = 0;
        for (const step of steps) {
          const n = Math.min(step, qty - before);
          if (n === 0) break;
          const value = returnValue({ qty, patientRial }, before, n);
          expect(value).toBeGreaterThanOrEqual(0);
          total += value;
          before += n;
        }
        total += returnValue({ qty, patientRial }, before, qty - before);
        expect(total).toBe(patientRial);
      },
    ),
  );
});

it('counts a good’s returned units against its lines in order', () => {
  const lines = [
    { itemId: 'a', qty: 2 },
    { itemId: 'b', qty: 1 },
    { itemId: 'a', qty: 3 },
  ];
  expect(returnedPerLine(lines, new Map([['a', 4]]))).toEqual([2, 0, 2]);
  expect(returnedPerLine(lines, new Map())).toEqual([0, 0, 0]);
});
