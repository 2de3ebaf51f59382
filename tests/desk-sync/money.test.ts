/**
 * Money across two offline desks with a real server: random sales, payments, refunds, deposits,
 * returns of delivered goods and stock movements on both, synced in a random order, leave both desks and the server with the same
 * balances, stock and ledger; and a receptionist without the refund right is refused by the desk
 * and by the server.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deskDocs, hashDocs, startSyncRig, type RigDesk, type SyncRig } from '../support/sync-rig';

let rig: SyncRig;
let a: RigDesk;
let b: RigDesk;
let serviceId: string;
let goodId: string;
let warehouseId: string;
const patients: string[] = [];

/** A small deterministic generator, so a failing run can be replayed. */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

async function settle() {
  for (let i = 0; i < 3; i++) for (const d of [a, b]) await d.core.awaitSynced();
}

beforeAll(async () => {
  rig = await startSyncRig({ modules: ['inventory'] });
  a = await rig.addDesk('desk-a');
  b = await rig.addDesk('desk-b');
  const dept = await a.core.call('catalog.saveDepartment', { name: 'عمومی' });
  serviceId = (
    await a.core.call('catalog.saveService', {
      name: 'ویزیت',
      departmentId: dept.id,
      priceRial: 800_000,
      durationMin: 15,
    })
  ).id;
  warehouseId = (await a.core.call('catalog.saveWarehouse', { name: 'انبار' })).id;
  goodId = (
    await a.core.call('catalog.saveGood', { name: 'باند کشی', priceRial: 120_000, reorderLevel: 2 })
  ).id;
  await a.core.call('stock.receive', { goodId, warehouseId, qty: 1_000 });
  for (const [f, m] of [
    ['مینا', '09121000001'],
    ['علی', '09121000002'],
    ['رها', '09121000003'],
  ] as const) {
    patients.push(
      (
        await a.core.call('patients.create', {
          firstName: f,
          lastName: 'آزمون',
          mobile: m,
          gender: 'female',
        })
      ).id,
    );
  }
  await settle();
  for (const d of [a, b]) await d.core.call('cashier.openBox', { openingRial: 10_000_000 });
  await settle();
}, 120_000);
afterAll(() => rig?.close());

it('random offline money work on two desks converges to the same totals everywhere', async () => {
  const random = rng(1405);
  a.proxy.cut();
  b.proxy.cut();
  for (let step = 0; step < 40; step++) {
    const desk = random() < 0.5 ? a : b;
    const patientId = patients[Math.floor(random() * patients.length)]!;
    const roll = random();
    if (roll < 0.3) {
      const inv = await desk.core.call('invoices.issue', {
        kind: 'service',
        patientId,
        lines: [{ kind: 'service', itemId: serviceId }],
      });
      if (random() < 0.7)
        await desk.core.call('cashier.receive', {
          patientId,
          invoiceId: inv.id,
          amountRial: 300_000,
          method: 'cash',
        });
    } else if (roll < 0.5) {
      const sale = await desk.core.call('invoices.issue', {
        kind: 'shop',
        patientId,
        warehouseId,
        lines: [{ kind: 'good', itemId: goodId, qty: 1 + Math.floor(random() * 3) }],
      });
      // Handed over, then one unit brought back: into stock, its value settling the bill.
      if (random() < 0.5) {
        await desk.core.call('invoices.deliver', { id: sale.id });
        await desk.core.call('invoices.returnDelivered', {
          id: sale.id,
          warehouseId,
          lines: [{ index: 0, qty: 1 }],
          reason: 'مرجوعی',
        });
      }
    } else if (roll < 0.7) {
      await desk.core.call('cashier.receive', {
        patientId,
        amountRial: 200_000,
        method: 'card',
        reference: `POS-${step}`,
      });
    } else if (roll < 0.85) {
      const { creditRial, balanceRial } = await desk.core.call('cashier.patientBalance', {
        patientId,
      });
      // What the center owes the patient and has not put towards a bill can be given back.
      if (Math.min(creditRial, -balanceRial) >= 100_000)
        await desk.core.call('cashier.refund', {
          patientId,
          amountRial: 100_000,
          method: 'cash',
          reason: 'بازگشت وجه',
        });
    } else {
      await desk.core.call('stock.adjust', {
        goodId,
        warehouseId,
        qtyDelta: random() < 0.5 ? 5 : -2,
        reason: 'شمارش',
      });
    }
  }
  // Back online in a random order.
  for (const d of random() < 0.5 ? [a, b] : [b, a]) {
    d.proxy.restore();
    await d.core.call('sync.now', {});
    await d.core.awaitSynced();
  }
  await settle();

  const server = await rig.serverDocs();
  for (const d of [a, b]) {
    expect(hashDocs(await deskDocs(d.core))).toBe(hashDocs(server));
  }
  const view = async (d: RigDesk) => ({
    debtors: (await d.core.call('cashier.balances', { side: 'debtors', limit: 10 })).items.map(
      (x) => [x.patientId, x.balanceRial],
    ),
    creditors: (await d.core.call('cashier.balances', { side: 'creditors', limit: 10 })).items.map(
      (x) => [x.patientId, x.balanceRial],
    ),
    stock: (await d.core.call('stock.levels', {})).map((l) => l.level),
  });
  expect(await view(b)).toEqual(await view(a));
  // Every invoice's payments add up and none is paid beyond what it asks.
  const invoices = await a.core.call('invoices.list', { limit: 500 });
  for (const inv of invoices.items) expect(inv.paidRial).toBeLessThanOrEqual(inv.dueRial);
  expect(invoices.items.some((i) => i.returnedRial > 0)).toBe(true);
  const ledger = server.ledger as { kind: string; amountRial: number }[];
  const paidTotal = invoices.items.reduce((s, i) => s + i.paidRial, 0);
  // Paid on invoices: payments, and credit (here only from returned goods) put towards them.
  expect(paidTotal).toBe(
    ledger
      .filter((e) => e.kind === 'payment' || e.kind === 'apply-deposit')
      .reduce((s, e) => s + e.amountRial, 0),
  );
}, 120_000);

it('a receptionist without the refund right is refused by the desk and by the server', async () => {
  await a.core.call('staff.save', {
    firstName: 'نسرین',
    lastName: 'پذیرش',
    kind: 'reception',
    mobile: '09125550000',
    password: 'recept123',
  });
  await settle();
  await b.core.call('auth.logout', {});
  const session = await b.core.call('auth.login', { mobile: '09125550000', password: 'recept123' });
  expect(session.rights).not.toContain('cashier.refund');
  await expect(
    b.core.call('cashier.refund', {
      patientId: patients[0]!,
      amountRial: 1_000,
      method: 'transfer',
      reason: 'x',
    }),
  ).rejects.toMatchObject({
    code: 'forbidden',
  });
  // A crafted push of a refund in her name is refused by the server too.
  const [template] = (await a.core.dump('ledger')).filter(
    (e) => e.kind === 'deposit' || e.kind === 'payment',
  );
  const crafted = {
    ...template!,
    id: '01900000-0000-7000-8000-0000000000ff',
    kind: 'refund',
    updatedBy: session.staffId,
    cashierId: session.staffId,
    _deleted: false,
  };
  const res = await fetch(`${rig.url}/api/sync/v1/ledger/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${rig.deviceToken(b)}`, 'content-type': 'application/json' },
    body: JSON.stringify([{ newDocumentState: crafted }]),
  });
  expect(res.status).toBe(403);
  expect((await rig.serverDocs()).ledger.some((e) => e.id === crafted.id)).toBe(false);
}, 60_000);
