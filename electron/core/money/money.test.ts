import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../create-core';
import { tempDir } from '../../../tests/support/temp';

describe('money and goods on a desk', () => {
  let core: Core;
  let temp: ReturnType<typeof tempDir>;
  let patientId: string;
  let serviceId: string;

  beforeEach(async () => {
    temp = tempDir();
    core = await createCore({ dataDir: temp.dir, host: 'test', devMode: true });
    const dept = await core.call('catalog.saveDepartment', { name: 'فیزیوتراپی' });
    serviceId = (
      await core.call('catalog.saveService', {
        name: 'ویزیت',
        departmentId: dept.id,
        priceRial: 1_200_000,
        durationMin: 20,
      })
    ).id;
    patientId = (
      await core.call('patients.create', {
        firstName: 'مینا',
        lastName: 'کاظمی',
        mobile: '09121234567',
        gender: 'female',
      })
    ).id;
  });
  afterEach(async () => {
    await core.close();
    temp.remove();
  });

  it('splits a visit between a basic and a supplementary insurer as their contracts say', async () => {
    const basic = await core.call('catalog.saveInsurer', {
      name: 'تأمین اجتماعی',
      insurerType: 'basic',
    });
    const supp = await core.call('catalog.saveInsurer', {
      name: 'بیمه دی',
      insurerType: 'supplementary',
    });
    await core.call('catalog.saveContract', {
      insurerId: basic.id,
      serviceId,
      tariffRial: 1_000_000,
      insurerShareBp: 7_000,
    });
    await core.call('catalog.saveContract', {
      insurerId: supp.id,
      serviceId,
      tariffRial: 0,
      insurerShareBp: 9_000,
    });
    const invoice = await core.call('invoices.issue', {
      kind: 'service',
      patientId,
      basicInsurerId: basic.id,
      supplementaryInsurerId: supp.id,
      lines: [{ kind: 'service', itemId: serviceId }],
    });
    expect(invoice.lines[0]).toMatchObject({
      unitPriceRial: 1_000_000,
      basicShareRial: 700_000,
      supplementaryShareRial: 270_000,
      patientRial: 30_000,
    });
    expect(invoice).toMatchObject({
      grossRial: 1_000_000,
      insurersRial: 970_000,
      dueRial: 30_000,
      remainingRial: 30_000,
    });
    // Without insurance the service's own price applies.
    const plain = await core.call('invoices.quote', {
      kind: 'service',
      patientId,
      lines: [{ kind: 'service', itemId: serviceId, qty: 2 }],
    });
    expect(plain.dueRial).toBe(2_400_000);
    await expect(
      core.call('invoices.issue', {
        kind: 'service',
        patientId,
        basicInsurerId: supp.id,
        lines: [{ kind: 'service', itemId: serviceId }],
      }),
    ).rejects.toMatchObject({ code: 'invalid' });
  });

  it('takes part in cash and part by card, leaving a debt; then a deposit, applying it, and a refund', async () => {
    await expect(
      core.call('cashier.receive', { patientId, amountRial: 100, method: 'cash' }),
    ).rejects.toMatchObject({ details: { reason: 'no-open-box' } });
    await core.call('cashier.openBox', { openingRial: 5_000_000 });
    const inv = await core.call('invoices.issue', {
      kind: 'service',
      patientId,
      lines: [{ kind: 'service', itemId: serviceId }],
    });
    await core.call('cashier.receive', {
      patientId,
      invoiceId: inv.id,
      amountRial: 500_000,
      method: 'cash',
    });
    await expect(
      core.call('cashier.receive', {
        patientId,
        invoiceId: inv.id,
        amountRial: 300_000,
        method: 'card',
      }),
    ).rejects.toMatchObject({
      details: { fields: { reference: expect.any(String) } },
    });
    await core.call('cashier.receive', {
      patientId,
      invoiceId: inv.id,
      amountRial: 300_000,
      method: 'card',
      reference: 'POS-7781',
    });
    expect((await core.call('invoices.get', { id: inv.id })).remainingRial).toBe(400_000);
    await expect(
      core.call('cashier.receive', {
        patientId,
        invoiceId: inv.id,
        amountRial: 500_000,
        method: 'cash',
      }),
    ).rejects.toMatchObject({ code: 'invalid' });

    const debtors = await core.call('cashier.balances', { side: 'debtors' });
    expect(debtors.items).toEqual([
      expect.objectContaining({ patientId, balanceRial: 400_000, patientName: 'مینا کاظمی' }),
    ]);

    await core.call('cashier.receive', { patientId, amountRial: 1_000_000, method: 'cash' }); // a deposit
    expect((await core.call('cashier.patientBalance', { patientId })).creditRial).toBe(1_000_000);
    await core.call('cashier.applyCredit', { patientId, invoiceId: inv.id, amountRial: 400_000 });
    expect((await core.call('invoices.get', { id: inv.id })).remainingRial).toBe(0);
    await expect(
      core.call('cashier.applyCredit', { patientId, invoiceId: inv.id, amountRial: 1 }),
    ).rejects.toMatchObject({ code: 'invalid' });
    const creditors = await core.call('cashier.balances', { side: 'creditors' });
    expect(creditors.items[0]).toMatchObject({ patientId, balanceRial: -600_000 });
    await expect(
      core.call('cashier.refund', {
        patientId,
        amountRial: 700_000,
        method: 'cash',
        reason: 'انصراف',
      }),
    ).rejects.toMatchObject({ code: 'invalid' });
    await core.call('cashier.refund', {
      patientId,
      amountRial: 600_000,
      method: 'cash',
      reason: 'انصراف از درمان',
    });
    expect((await core.call('cashier.balances', { side: 'creditors' })).total).toBe(0);

    const box = await core.call('cashier.box', {});
    expect(box).toMatchObject({
      expectedCashRial: 5_900_000,
      cashInRial: 1_500_000,
      cashOutRial: 600_000,
      cardRial: 300_000,
    });
    const close = await core.call('cashier.closeBox', { countedRial: 5_850_000 });
    expect(close).toMatchObject({
      kind: 'box-close',
      expectedRial: 5_900_000,
      countedRial: 5_850_000,
    });
    expect((await core.call('cashier.box', {})).box).toBeNull();
    const day = await core.call('cashier.transactions', { from: close.day, to: close.day });
    expect(day.sumRial).toBe(1_800_000 - 600_000);
  });

  it('makes what was paid on a voided invoice the patient’s credit, to refund or use', async () => {
    await core.call('cashier.openBox', { openingRial: 0 });
    const issue = () =>
      core.call('invoices.issue', {
        kind: 'service',
        patientId,
        lines: [{ kind: 'service', itemId: serviceId }],
      });
    const first = await issue();
    await core.call('cashier.receive', { patientId, amountRial: 200_000, method: 'cash' }); // a deposit
    await core.call('cashier.applyCredit', { patientId, invoiceId: first.id, amountRial: 200_000 });
    await core.call('cashier.receive', {
      patientId,
      invoiceId: first.id,
      amountRial: 500_000,
      method: 'cash',
    });
    expect((await core.call('cashier.patientBalance', { patientId })).creditRial).toBe(0);
    await core.call('invoices.void', { id: first.id, reason: 'خدمت انجام نشد' });
    // 500,000 paid and the 200,000 deposit put towards it are credit again.
    expect(await core.call('cashier.patientBalance', { patientId })).toMatchObject({
      balanceRial: -700_000,
      creditRial: 700_000,
    });
    await expect(
      core.call('cashier.refund', {
        patientId,
        amountRial: 800_000,
        method: 'cash',
        reason: 'ابطال',
      }),
    ).rejects.toMatchObject({ code: 'invalid' });
    await core.call('cashier.refund', {
      patientId,
      amountRial: 100_000,
      method: 'cash',
      reason: 'ابطال',
    });
    const second = await issue();
    await core.call('cashier.applyCredit', {
      patientId,
      invoiceId: second.id,
      amountRial: 600_000,
    });
    expect((await core.call('invoices.get', { id: second.id })).remainingRial).toBe(600_000);
    expect(await core.call('cashier.patientBalance', { patientId })).toMatchObject({
      balanceRial: 600_000,
      creditRial: 0,
    });
    expect((await core.call('cashier.box', {})).expectedCashRial).toBe(600_000);
  });

  it('refuses negative, fractional and zero amounts, and discounts without a reason', async () => {
    await core.call('cashier.openBox', { openingRial: 0 });
    for (const amountRial of [-5, 10.5, 0]) {
      await expect(
        core.call('cashier.receive', { patientId, amountRial, method: 'cash' }),
      ).rejects.toMatchObject({ code: 'invalid' });
    }
    await expect(
      core.call('invoices.issue', {
        kind: 'service',
        patientId,
        lines: [{ kind: 'service', itemId: serviceId, discountRial: 1000 }],
      }),
    ).rejects.toMatchObject({ code: 'invalid' });
    expect((await core.call('invoices.list', {})).total).toBe(0);
    expect((await core.call('cashier.transactions', {})).total).toBe(1); // the box opening only
  });

  it('sells goods from stock, records who delivered them, and refuses more than the stock', async () => {
    const store = await core.call('catalog.saveWarehouse', { name: 'انبار اصلی' });
    const gel = await core.call('catalog.saveGood', {
      name: 'ژل سونوگرافی',
      barcode: '6260001',
      unit: 'عدد',
      priceRial: 250_000,
      reorderLevel: 3,
    });
    await core.call('stock.receive', {
      goodId: gel.id,
      warehouseId: store.id,
      qty: 5,
      supplier: 'پخش البرز',
    });
    await expect(
      core.call('invoices.issue', {
        kind: 'shop',
        patientId,
        warehouseId: store.id,
        lines: [{ kind: 'good', itemId: gel.id, qty: 6 }],
      }),
    ).rejects.toMatchObject({ code: 'invalid' });
    const sale = await core.call('invoices.issue', {
      kind: 'shop',
      patientId,
      warehouseId: store.id,
      lines: [{ kind: 'good', itemId: gel.id, qty: 3 }],
    });
    expect(sale.dueRial).toBe(750_000);
    const [level] = await core.call('stock.levels', {});
    expect(level).toMatchObject({ level: 2, low: true, goodName: 'ژل سونوگرافی' });
    const delivered = await core.call('invoices.deliver', { id: sale.id });
    expect(delivered.deliveredBy).toBe('local-manager');
    await expect(core.call('invoices.void', { id: sale.id, reason: 'x' })).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(
      core.call('stock.adjust', {
        goodId: gel.id,
        warehouseId: store.id,
        qtyDelta: -1,
        reason: ' ',
      }),
    ).rejects.toMatchObject({ code: 'invalid' });
    await core.call('stock.adjust', {
      goodId: gel.id,
      warehouseId: store.id,
      qtyDelta: -1,
      reason: 'شکستگی',
    });
    expect((await core.call('stock.levels', {}))[0]!.level).toBe(1);
    const moves = await core.call('stock.movements', { goodId: gel.id });
    expect(moves.items.map((m) => m.kind).sort()).toEqual(['adjust', 'receive', 'sale']);
  });
});
