/**
 * Returning goods already handed over (B5), in Chromium through the node-host on a desk enrolled to a
 * real sync server whose licence includes the inventory module: two knee braces sold, paid in cash and
 * delivered; one comes back through «مرجوعی کالای تحویل‌شده» (more than was sold and a missing reason
 * refused with their messages, nothing written), the stock rises by one, the buyer's account shows
 * the credit and the cashier refunds it. Voiding the delivered order points to the new action.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactPath } from '../support/browser';
import { openDeskInBrowser, type DeskInBrowser } from '../support/desk-browser';
import { startSyncRig, type RigDesk, type SyncRig } from '../support/sync-rig';
import { AppShell } from './pages/app-shell';
import { MoneyScreens, open } from './pages/money-pages';

const BRACE = { name: 'زانوبند طبی', barcode: '6260000000011' };
const MAIN = 'انبار اصلی';
const RETURNS = 'انبار مرجوعی';

describe('returning delivered shop goods', { timeout: 90_000 }, () => {
  let rig: SyncRig;
  let desk: RigDesk;
  let opened: DeskInBrowser;
  let page: Page;
  let shell: AppShell;
  let ui: MoneyScreens;
  const ids: Record<string, string> = {};

  const shot = async (name: string) => {
    await page.waitForTimeout(400);
    await page.screenshot({ path: artifactPath(name) });
  };
  const notice = () => expect.poll(() => shell.notice.innerText());
  const level = async (warehouse: string) => {
    const levels = await desk.core.call('stock.levels', { lowOnly: false });
    return levels.find((l) => l.goodName === BRACE.name && l.warehouseName === warehouse)?.level;
  };

  beforeAll(async () => {
    rig = await startSyncRig({ modules: ['inventory'], seats: 2 });
    desk = await rig.addDesk('shop-returns-desk');
    const core = desk.core;
    for (const name of [MAIN, RETURNS])
      ids[name] = (await core.call('catalog.saveWarehouse', { name })).id;
    ids.brace = (
      await core.call('catalog.saveGood', {
        ...BRACE,
        unit: 'عدد',
        priceRial: 4_500_000,
        reorderLevel: 1,
      })
    ).id;
    await core.call('stock.receive', { goodId: ids.brace, warehouseId: ids[MAIN]!, qty: 10 });
    ids.patient = (
      await core.call('patients.create', {
        firstName: 'زهرا',
        lastName: 'کریمی',
        mobile: '09121000001',
        gender: 'female',
      })
    ).id;
    await core.call('cashier.openBox', { openingRial: 0 });

    opened = await openDeskInBrowser(core);
    page = opened.page;
    shell = new AppShell(page);
    ui = new MoneyScreens(page);
  }, 120_000);
  afterAll(async () => {
    await opened?.close();
    await rig?.close();
  });

  it('sells, is paid, hands over two braces, then takes one back as credit that the cashier refunds', async () => {
    await open(page, '#/shop/sell', 'فروشگاه کالا');
    await ui.scan(BRACE.barcode);
    await ui.scan(BRACE.barcode);
    await expect.poll(() => page.getByTestId('cart-total').innerText()).toBe('۹۰۰٬۰۰۰ تومان');
    await ui.pickPatient('زهرا کریمی', 'خریدار (بیمار)');
    await page.getByRole('button', { name: 'صدور فاکتور' }).click();
    const inv = ui.dialog(/^فاکتور فروشگاه/);
    await inv.press('دریافت وجه');
    await ui.receive('900000', 'نقد');
    await expect
      .poll(() => inv.scope.getByTestId('invoice-remaining').innerText())
      .toBe('مانده: ۰ تومان');
    await inv.press('بستن');
    expect(await level(MAIN)).toBe(8);

    await open(page, '#/shop/deliveries', 'فروشگاه کالا');
    await ui.row('زهرا کریمی').getByRole('button', { name: 'تحویل شد' }).click();
    await notice().toContain('ثبت شد.');
    await page.getByRole('button', { name: 'تحویل‌شده' }).click();
    const row = ui.row('زهرا کریمی');
    await row.getByRole('button', { name: 'مرجوعی کالای تحویل‌شده' }).click();
    const d = ui.dialog(/مرجوعی کالای تحویل‌شده/);
    await d.field('qty.0').waitFor();
    expect(await d.message('qty.0')).toBe('حداکثر ۲');

    // More than was sold: the core refuses, naming the good and what can come back.
    await d.field('qty.0').fill('3');
    await d.field('reason').fill('سایز مناسب نبود');
    await d.press('ثبت مرجوعی');
    await expect.poll(() => d.message('qty.0')).toBe('از «زانوبند طبی» حداکثر ۲ قابل برگشت است.');
    expect(await d.scope.getByTestId('return-summary').innerText()).toBe(
      'تعداد برگشتی هر قلم نباید از ماندهٔ قابل برگشت آن بیشتر باشد.',
    );
    await shot('shop-return-delivered-too-many.png');

    // No reason.
    await d.field('qty.0').fill('1');
    await d.field('reason').fill('  ');
    await d.press('ثبت مرجوعی');
    await expect.poll(() => d.message('reason')).toBe('دلیل مرجوعی را بنویسید.');
    expect(await level(MAIN)).toBe(8);
    expect(await level(RETURNS)).toBe(0);
    expect(
      await desk.core.call('cashier.patientBalance', { patientId: ids.patient! }),
    ).toMatchObject({ balanceRial: 0, creditRial: 0 });

    await d.field('reason').fill('سایز مناسب نبود');
    // The warehouse the goods left is offered first; they go to the returns shelf instead.
    expect(await d.scope.getByRole('combobox', { name: 'برگشت به انبار' }).innerText()).toBe(MAIN);
    await d.choose('برگشت به انبار', RETURNS);
    await expect
      .poll(() => d.scope.getByTestId('return-summary').innerText())
      .toContain(
        'بهای کالای برگشتی: ۴۵۰٬۰۰۰ تومان. این مبلغ اعتبار زهرا کریمی می‌شود؛ در صندوق می‌توانید آن را بازپرداخت',
      );
    await shot('shop-return-delivered-dialog.png');
    await d.press('ثبت مرجوعی');
    await notice().toContain(
      `مرجوعی ثبت شد؛ کالا به «${RETURNS}» برگشت و ۴۵۰٬۰۰۰ تومان به حساب بیمار آمد.`,
    );
    await expect.poll(() => row.innerText()).toContain('(۱ برگشتی)');
    await shot('shop-return-delivered-done.png');
    // The invoice shows what came back, and can take back the other brace.
    await row.locator('[data-field="patientName"]').click();
    const invoice = ui.dialog(/^فاکتور فروشگاه/);
    await expect
      .poll(() => invoice.scope.getByTestId('line-returned').innerText())
      .toBe('۱ برگشتی');
    expect(await invoice.scope.getByTestId('invoice-returned').innerText()).toBe(
      'بهای کالای برگشتی: ۴۵۰٬۰۰۰ تومان',
    );
    expect(
      await invoice.scope.getByRole('button', { name: 'مرجوعی کالای تحویل‌شده' }).count(),
    ).toBe(1);
    expect(await invoice.scope.getByText('اعتبار کالای برگشتی', { exact: true }).count()).toBe(1);
    await shot('shop-return-delivered-invoice.png');
    await invoice.press('بستن');
    expect(await level(RETURNS)).toBe(1);
    expect(await level(MAIN)).toBe(8);
    const moves = await desk.core.call('stock.movements', { goodId: ids.brace! });
    expect(moves.items[0]).toMatchObject({
      kind: 'return',
      qtyDelta: 1,
      warehouseId: ids[RETURNS],
      reason: 'سایز مناسب نبود',
    });

    // Voiding the delivered order is refused, pointing at the action by its name.
    const { items } = await desk.core.call('invoices.list', { patientId: ids.patient! });
    const voided = (await shell.call('invoices.void', {
      id: items[0]!.id,
      reason: 'آزمون',
    })) as { ok: boolean; error?: { code: string; message: string } };
    expect(voided).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(voided.error?.message).toContain('«مرجوعی کالای تحویل‌شده»');

    // The credit shows on the buyer's account and goes back in cash from the cashier.
    await ui.openCashier('box');
    await ui.pickPatient('زهرا کریمی');
    await expect
      .poll(() => ui.account.getByTestId('account-balance').innerText())
      .toBe('بستانکار ۴۵۰٬۰۰۰ تومان');
    await expect
      .poll(() => ui.account.getByTestId('account-credit').innerText())
      .toBe('۴۵۰٬۰۰۰ تومان');
    await ui.account.getByRole('button', { name: 'بازپرداخت' }).click();
    const refund = ui.dialog(/بازپرداخت به زهرا کریمی/);
    await refund.field('amountRial').fill('450000');
    await refund.field('reason').fill('مرجوعی زانوبند');
    await refund.press('ثبت بازپرداخت');
    await notice().toContain('بازپرداخت ثبت شد.');
    await expect.poll(() => ui.account.getByTestId('account-balance').innerText()).toBe('تسویه');
    await shot('shop-return-delivered-refunded.png');
    // 900,000 Toman in, 450,000 back out.
    expect((await desk.core.call('cashier.box', {})).expectedCashRial).toBe(4_500_000);

    // In the transactions list the return's credit is named as such, with no way money moved.
    await ui.openCashier('transactions');
    const creditRow = page.locator('.MuiDataGrid-row').filter({ hasText: 'اعتبار کالای برگشتی' });
    await expect.poll(() => creditRow.count()).toBe(1);
    const cells = await creditRow.locator('[role=gridcell]').allInnerTexts();
    expect(cells).toContain('—');
    expect(cells.join('|')).not.toContain('پیش‌پرداخت');
    await shot('shop-return-delivered-transactions.png');
  });
});
