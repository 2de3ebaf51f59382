import { expect, it } from 'vitest';
import { writePermission } from './write-rights';

it('asks for the refund right for a return of delivered goods, and the usual rights otherwise', () => {
  expect(writePermission('ledger', null, { kind: 'deposit', method: 'credit' })).toBe(
    'cashier.refund',
  );
  expect(writePermission('ledger', null, { kind: 'deposit', method: 'cash' })).toBe(
    'cashier.receive',
  );
  expect(writePermission('ledger', null, { kind: 'apply-deposit', method: 'credit' })).toBe(
    'cashier.receive',
  );
  expect(writePermission('stock', null, { kind: 'return', transferId: 'r1' })).toBe(
    'cashier.refund',
  );
  expect(writePermission('stock', null, { kind: 'return', transferId: '' })).toBe('shop.sell');
  expect(writePermission('stock', null, { kind: 'transfer-in', transferId: 't1' })).toBe(
    'inventory.edit',
  );
});
