/**
 * Goods in Chromium through the node-host, on a desk enrolled to a real sync server whose licence
 * includes the inventory module: goods and warehouses set in the settings, stock received (bad
 * counts refused), levels with the low-stock alert, a shop sale by barcode that is refused beyond
 * the stock, then issued, paid and lowering the stock; the goods handed over by another person,
 * who is recorded as the deliverer; and the movements behind the levels.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactPath } from '../support/browser';
import { openDeskInBrowser, type DeskInBrowser } from '../support/desk-browser';
import { MANAGER, startSyncRig, type RigDesk, type SyncRig } from '../support/sync-rig';
import { AppShell } from './pages/app-shell';
import { Form, MoneyScreens, open } from './pages/money-pages';

const STOREKEEPER = {
  firstName: 'نسرین',
  lastName: 'صادقی',
  mobile: '09124445566',
  password: 'recep1234',
};
const BRACE = { name: 'زانوبند طبی', barcode: '6260000000011' };
const BANDAGE = { name: 'باند کشی', barcode: '6260000000028' };

describe('shop and inventory', { timeout: 90_000 }, () => {
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
  const level = async (good: string, warehouse = 'انبار اصلی') => {
    const levels = await desk.core.call('stock.levels', { lowOnly: false });
    return levels.find((l) => l.goodName === good && l.warehouseName === warehouse)?.level;
  };

  beforeAll(async () => {
    rig = await startSyncRig({ modules: ['inventory'], seats: 3 });
    desk = await rig.addDesk('shop-desk');
    const storekeeper = await desk.core.call('staff.save', { ...STOREKEEPER, kind: 'reception' });
    ids.storekeeper = storekeeper.id;
    const p = await desk.core.call('patients.create', {
      firstName: 'زهرا',
      lastName: 'کریمی',
      mobile: '09121000001',
      gender: 'female',
    });
    ids.patient = p.id;
    opened = await openDeskInBrowser(desk.core);
    page = opened.page;
    shell = new AppShell(page);
    ui = new MoneyScreens(page);
  }, 120_000);
  afterAll(async () => {
    await opened?.close();
    await rig?.close();
  });

  it('guides to the goods settings from an empty shop, then defines goods and warehouses', async () => {
    await shell.open('فروشگاه کالا');
    await page.getByText('هنوز کالایی برای فروش نیست').waitFor();
    await shot('shop-empty.png');
    await page.getByRole('button', { name: 'تعریف کالا و انبار' }).click();
    await page.getByText('هنوز کالایی تعریف نشده است').waitFor();
    await shot('goods-empty.png');

    for (const name of ['انبار اصلی', 'انبار داروخانه']) {
      await page.getByRole('button', { name: 'انبار تازه' }).click();
      const d = ui.dialog(/انبار تازه/);
      await d.field('name').fill(name);
      await d.press(/^ثبت/);
      await notice().toContain(`«${name}» ثبت شد.`);
    }
    for (const [good, price, reorder] of [
      [BRACE, '450000', '3'],
      [BANDAGE, '80000', '5'],
    ] as const) {
      await page.getByRole('button', { name: 'کالای تازه' }).click();
      const d = ui.dialog('کالای تازه');
      await d.field('name').fill(good.name);
      await d.field('unit').fill('عدد');
      await d.field('barcode').fill(good.barcode);
      await d.field('priceRial').fill(price);
      await d.field('reorderLevel').fill(reorder);
      await d.press('ثبت کالا');
      await notice().toContain(`«${good.name}» ثبت شد.`);
    }
    await ui.row(BANDAGE.name).waitFor();
    await shot('goods.png');
    const { goods, warehouses } = await desk.core.call('catalog.listAll', {});
    expect(goods.map((g) => [g.name, g.barcode, g.priceRial, g.reorderLevel]).sort()).toEqual([
      [BANDAGE.name, BANDAGE.barcode, 800_000, 5],
      [BRACE.name, BRACE.barcode, 4_500_000, 3],
    ]);
    expect(warehouses.map((w) => w.name).sort()).toEqual(['انبار اصلی', 'انبار داروخانه']);
  });

  it('receives stock, refusing bad counts, and shows levels with the low-stock alert', async () => {
    await open(page, '#/inventory/levels', 'انبار');
    for (const [good, qty] of [
      [BRACE.name, '10'],
      [BANDAGE.name, '4'],
    ] as const) {
      await page.getByRole('button', { name: 'ورود کالا' }).click();
      const d = ui.dialog('ورود کالا از تأمین‌کننده');
      await d.choose('کالا', new RegExp(good));
      if (good === BRACE.name) {
        for (const [typed, message] of [
          ['-2', 'تعداد دست‌کم ۱ است.'],
          ['1.5', 'تعداد باید عدد صحیح باشد.'],
          ['ده', 'تعداد را به عدد وارد کنید.'],
        ] as const) {
          await d.field('qty').fill(typed);
          await d.press('ثبت');
          await expect.poll(() => d.message('qty')).toBe(message);
        }
        await shot('inventory-receive-invalid.png');
      }
      await d.field('qty').fill(qty);
      await d.field('supplier').fill('پخش البرز');
      await d.press('ثبت');
      await notice().toContain(`ورود کالا از تأمین‌کننده: ${good} ثبت شد.`);
    }
    expect(await level(BRACE.name)).toBe(10);
    await ui.level(BRACE.name, 'انبار اصلی').waitFor();
    expect(await ui.level(BRACE.name, 'انبار اصلی').innerText()).toContain('کافی');
    expect(await ui.level(BANDAGE.name, 'انبار اصلی').innerText()).toContain('کمبود');
    expect(await page.getByTestId('low-stock').innerText()).toContain(
      `${BANDAGE.name} (انبار اصلی: ۴)`,
    );
    await shot('inventory-levels.png');
  });

  it('sells by barcode: more than the stock is refused; the sale lowers the stock and is paid', async () => {
    await desk.core.call('cashier.openBox', { openingRial: 0 });
    await open(page, '#/shop/sell', 'فروشگاه کالا');
    await ui.scan('6260000000099');
    await expect
      .poll(() => new Form(page.locator('main')).message('barcode'))
      .toBe('کالایی با بارکد 6260000000099 ثبت نشده است.');
    await ui.scan(BRACE.barcode);
    await ui.scan(BRACE.barcode);
    await ui.scan(BANDAGE.barcode);
    await expect.poll(() => ui.cartLines.count()).toBe(2);
    await page.getByRole('textbox', { name: `تعداد ${BANDAGE.name}` }).fill('5');
    // 2 × 450,000 + 5 × 80,000
    await expect.poll(() => page.getByTestId('cart-total').innerText()).toBe('۱٬۳۰۰٬۰۰۰ تومان');
    await ui.pickPatient('زهرا کریمی', 'خریدار (بیمار)');
    await page.getByRole('button', { name: 'صدور فاکتور' }).click();
    await expect
      .poll(() => page.getByTestId('cart-problem').innerText())
      .toBe(`موجودی «${BANDAGE.name}» کافی نیست (موجودی انبار: ۴).`);
    await shot('shop-over-stock.png');
    expect((await desk.core.call('invoices.list', { patientId: ids.patient! })).total).toBe(0);
    expect(await level(BANDAGE.name)).toBe(4);

    await page.getByRole('textbox', { name: `تعداد ${BANDAGE.name}` }).fill('3');
    await expect.poll(() => page.getByTestId('cart-total').innerText()).toBe('۱٬۱۴۰٬۰۰۰ تومان');
    await shot('shop-cart.png');
    await page.getByRole('button', { name: 'صدور فاکتور' }).click();
    const d = ui.dialog(/^فاکتور فروشگاه/);
    await d.scope.getByTestId('invoice-remaining').waitFor();
    expect(await d.scope.getByTestId('invoice-remaining').innerText()).toContain('۱٬۱۴۰٬۰۰۰ تومان');
    await d.press('دریافت وجه');
    await ui.receive('1140000', 'نقد');
    await expect
      .poll(() => d.scope.getByTestId('invoice-remaining').innerText())
      .toBe('مانده: ۰ تومان');
    await shot('shop-invoice-paid.png');
    await d.press('بستن');

    expect(await level(BRACE.name)).toBe(8);
    expect(await level(BANDAGE.name)).toBe(1);
    const { items } = await desk.core.call('invoices.list', { patientId: ids.patient! });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'shop', dueRial: 11_400_000, remainingRial: 0 });
    expect(items[0]!.deliveredBy).toBe('');
    ids.invoice = items[0]!.id;
  });

  it('another person hands the goods over and is recorded as the deliverer', async () => {
    await shell.logout();
    await shell.login(STOREKEEPER.mobile, STOREKEEPER.password);
    await open(page, '#/shop/deliveries', 'فروشگاه کالا');
    const row = ui.row('زهرا کریمی');
    await row.waitFor();
    expect(await row.innerText()).toContain(`${BRACE.name} × ۲`);
    await shot('shop-deliveries-waiting.png');
    await row.getByRole('button', { name: 'تحویل شد' }).click();
    await notice().toContain('ثبت شد.');
    await page.getByRole('button', { name: 'تحویل‌شده' }).click();
    await expect.poll(() => ui.row('زهرا کریمی').innerText()).toContain('نسرین صادقی');
    await shot('shop-deliveries-done.png');
    const invoice = await desk.core.call('invoices.get', { id: ids.invoice! });
    expect(invoice.deliveredBy).toBe(ids.storekeeper);
    expect(Date.now() - Date.parse(invoice.deliveredAt)).toBeLessThan(60_000);
    // Handing over twice is refused.
    expect(await shell.call('invoices.deliver', { id: ids.invoice })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    await shell.logout();
    await shell.login(MANAGER.mobile, MANAGER.password);
  });

  it('lists the movements behind the levels, newest first', async () => {
    await open(page, '#/inventory/movements', 'انبار');
    await expect.poll(() => ui.rows.count()).toBe(4);
    const texts = await ui.rows.allInnerTexts();
    expect(texts[0]).toMatch(/فروش/);
    expect(texts.filter((t) => t.includes('فروش'))).toHaveLength(2);
    expect(texts.some((t) => t.includes(BANDAGE.name) && t.includes('−۳'))).toBe(true);
    expect(texts.some((t) => t.includes('پخش البرز') && t.includes('+۱۰'))).toBe(true);
    await shot('inventory-movements.png');
  });
});
