/**
 * Money in Chromium through the node-host, on a desk enrolled to a real sync server whose licence
 * includes the inventory module: insurers and a contract set in the settings, a visit billed from
 * its booking with a basic and a supplementary insurer, paid part in cash and part by card (the rest
 * a debt), a deposit, a refund and credit put towards a bill, the transactions and the receipt, and
 * the shift closed with a difference; then a receptionist without the refund right.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { KIND_LABELS, METHOD_LABELS } from '../../shared/domain/ledger';
import { addDays } from '../../shared/scheduling/day-math';
import { formatJalali, todayInTehran } from '../../shared/time/dates';
import { artifactPath } from '../support/browser';
import { openDeskInBrowser, type DeskInBrowser } from '../support/desk-browser';
import { MANAGER, startSyncRig, type RigDesk, type SyncRig } from '../support/sync-rig';
import { AppShell } from './pages/app-shell';
import { Form, MoneyScreens, open } from './pages/money-pages';
import { pdfText } from './pdf-text';

const RECEPTIONIST = {
  firstName: 'نسرین',
  lastName: 'صادقی',
  mobile: '09124445566',
  password: 'recep1234',
};

describe('cashier, invoices and insurers', { timeout: 90_000 }, () => {
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

  beforeAll(async () => {
    rig = await startSyncRig({ modules: ['inventory'], seats: 3 });
    desk = await rig.addDesk('cashier-desk');
    const core = desk.core;
    const dept = await core.call('catalog.saveDepartment', { name: 'فیزیوتراپی' });
    const service = await core.call('catalog.saveService', {
      name: 'ویزیت فیزیوتراپی',
      departmentId: dept.id,
      priceRial: 3_000_000,
      durationMin: 30,
    });
    ids.service = service.id;
    const provider = await core.call('staff.save', {
      firstName: 'نرگس',
      lastName: 'احمدی',
      kind: 'provider',
      title: 'دکتر',
      departmentIds: [dept.id],
      serviceIds: [service.id],
    });
    await core.call('staff.save', { ...RECEPTIONIST, kind: 'reception' });
    for (const [first, last, mobile] of [
      ['زهرا', 'کریمی', '09121000001'],
      ['علی', 'رضایی', '09121000002'],
    ] as const) {
      const p = await core.call('patients.create', {
        firstName: first,
        lastName: last,
        mobile,
        gender: 'female',
      });
      ids[last] = p.id;
    }
    // Checked in today: check-in is only on the visit's day.
    const visit = await core.call('appointments.book', {
      patientId: ids['کریمی']!,
      providerId: provider.id,
      serviceId: service.id,
      date: todayInTehran(),
      start: 8 * 60,
      end: 8 * 60 + 30,
    });
    await core.call('appointments.checkIn', { id: visit.id });
    ids.visit = visit.id;
    opened = await openDeskInBrowser(core);
    page = opened.page;
    shell = new AppShell(page);
    ui = new MoneyScreens(page);
  }, 120_000);
  afterAll(async () => {
    await opened?.close();
    await rig?.close();
  });

  it('sets up a basic and a supplementary insurer and their contracts, refusing bad shares', async () => {
    await open(page, '#/settings/insurance', 'تنظیمات مرکز');
    await page.getByText('هنوز بیمه‌ای تعریف نشده است').waitFor();
    await shot('settings-insurance-empty.png');
    for (const [name, type] of [
      ['تأمین اجتماعی', 'بیمهٔ پایه'],
      ['بیمه دی', 'بیمهٔ تکمیلی'],
    ] as const) {
      await page.getByRole('button', { name: 'بیمهٔ تازه' }).first().click();
      const d = ui.dialog('بیمهٔ تازه');
      await d.field('name').fill(name);
      await d.scope.getByRole('button', { name: type }).click();
      await d.press('ثبت بیمه');
      await notice().toContain(`بیمهٔ «${name}» ثبت شد.`);
    }

    await page.getByRole('button', { name: /^تأمین اجتماعی/ }).click();
    await page.getByRole('button', { name: 'قرارداد تازه' }).click();
    const c = ui.dialog(/قرارداد تازهٔ «تأمین اجتماعی»/);
    await c.choose('خدمت', /ویزیت فیزیوتراپی/);
    expect(await c.field('tariffRial').inputValue()).toBe('300٬000'); // the service's own price
    await c.field('tariffRial').fill('-5');
    await c.field('insurerShareBp').fill('12.345');
    await c.press('ثبت قرارداد');
    await expect.poll(() => c.message('insurerShareBp')).toContain('حداکثر با دو رقم اعشار');
    await c.field('insurerShareBp').fill('120');
    await c.press('ثبت قرارداد');
    await expect.poll(() => c.message('tariffRial')).toBe('تعرفه نمی‌تواند منفی باشد.');
    expect(await c.message('insurerShareBp')).toBe('سهم بیمه حداکثر ۱۰۰٪ است.');
    await c.field('tariffRial').fill('250000');
    await c.field('insurerShareBp').fill('70');
    await c.scope.getByTestId('contract-example').waitFor();
    expect(await c.scope.getByTestId('contract-example').innerText()).toContain('۱۷۵٬۰۰۰ تومان');
    await shot('settings-insurance-contract.png');
    await c.press('ثبت قرارداد');
    await notice().toContain('ثبت شد');

    await page.getByRole('button', { name: /^بیمه دی/ }).click();
    await page.getByRole('button', { name: 'قرارداد تازه' }).click();
    const s = ui.dialog(/قرارداد تازهٔ «بیمه دی»/);
    await s.choose('خدمت', /ویزیت فیزیوتراپی/);
    await s.field('insurerShareBp').fill('60');
    await s.press('ثبت قرارداد');
    await notice().toContain('ثبت شد');
    await page.getByRole('button', { name: /^تأمین اجتماعی/ }).click();
    await ui.row('ویزیت فیزیوتراپی').waitFor();
    await shot('settings-insurance.png');

    const { contracts } = await desk.core.call('catalog.listAll', {});
    expect(contracts.map((x) => [x.tariffRial, x.insurerShareBp]).sort()).toEqual([
      [2_500_000, 7_000],
      [3_000_000, 6_000],
    ]);
  });

  it('opens the cashier’s box with the shift’s cash', async () => {
    await shell.open('صندوق و درآمد');
    await ui.box.getByTestId('box-state').waitFor();
    expect(await ui.box.getByTestId('box-state').innerText()).toBe('بسته');
    await shot('cashier-box-closed.png');
    await ui.box.locator('input[name=openingRial]').fill('-100');
    await ui.box.getByRole('button', { name: 'باز کردن صندوق' }).click();
    await ui.box.getByText('موجودی آغاز نمی‌تواند منفی باشد.').waitFor();
    await ui.box.locator('input[name=openingRial]').fill('500000');
    await ui.box.getByRole('button', { name: 'باز کردن صندوق' }).click();
    await expect.poll(() => ui.box.getByTestId('box-state').innerText()).toBe('باز');
    expect(await ui.box.getByTestId('box-expected').innerText()).toBe('۵۰۰٬۰۰۰ تومان');
  });

  it('bills the visit from its booking: the insurers split the amount as the contracts say', async () => {
    await shell.open('نوبت‌ها و پذیرش');
    const row = ui.row('زهرا کریمی');
    await row.getByRole('button', { name: 'کارهای نوبت زهرا کریمی' }).click();
    await page.getByRole('menuitem', { name: 'صورت‌حساب این نوبت' }).click();
    await page.getByRole('heading', { name: 'صورت‌حساب خدمات' }).waitFor();
    await page.getByTestId('invoice-visit').waitFor();
    expect(await page.getByTestId('invoice-visit').innerText()).toContain('دکتر نرگس احمدی');
    // Without insurance the patient pays the service's price.
    await expect.poll(() => page.getByTestId('invoice-due').innerText()).toBe('۳۰۰٬۰۰۰ تومان');
    const form = new Form(page.locator('main'));
    await form.choose('بیمهٔ پایه', 'تأمین اجتماعی');
    await form.choose('بیمهٔ تکمیلی', 'بیمه دی');
    await expect.poll(() => page.getByTestId('invoice-due').innerText()).toBe('۳۰٬۰۰۰ تومان');
    expect(await page.getByTestId('line-basic').innerText()).toBe('۱۷۵٬۰۰۰ تومان');
    expect(await page.getByTestId('line-supplementary').innerText()).toBe('۴۵٬۰۰۰ تومان');
    await shot('invoice-new.png');
    await page.getByRole('button', { name: 'صدور صورت‌حساب' }).click();
    const d = ui.dialog(/صورت‌حساب خدمات/);
    await d.scope.getByTestId('invoice-remaining').waitFor();
    expect(await d.scope.getByTestId('invoice-remaining').innerText()).toBe('مانده: ۳۰٬۰۰۰ تومان');
    await shot('invoice-dialog.png');

    const { items } = await desk.core.call('invoices.list', { patientId: ids['کریمی']! });
    expect(items[0]).toMatchObject({
      appointmentId: ids.visit,
      grossRial: 2_500_000,
      insurersRial: 2_200_000,
      dueRial: 300_000,
    });
    expect(items[0]!.lines[0]).toMatchObject({
      basicShareRial: 1_750_000,
      supplementaryShareRial: 450_000,
    });
    ids.invoice = items[0]!.id;
  });

  it('takes part in cash and part by card, refusing bad amounts; the rest is a debt in the debtors list', async () => {
    const d = ui.dialog(/صورت‌حساب خدمات/);
    await d.press('دریافت وجه');
    const r = ui.dialog(/دریافت وجه صورت‌حساب/);
    expect(await r.field('amountRial').inputValue()).toBe('30٬000');
    for (const [typed, message] of [
      ['-500', 'مبلغ نمی‌تواند منفی باشد.'],
      ['12.55', 'مبلغ باید عدد صحیح ریال باشد.'],
      ['40000', 'بیش از ماندهٔ صورت‌حساب است.'],
    ] as const) {
      await r.field('amountRial').fill(typed);
      await r.press('ثبت دریافت');
      await expect.poll(() => r.message('amountRial')).toBe(message);
    }
    await r.field('amountRial').fill('15000');
    await r.scope.getByRole('button', { name: 'کارت (کارتخوان)' }).click();
    await r.press('ثبت دریافت');
    await expect
      .poll(() => r.message('reference'))
      .toBe('شمارهٔ پیگیری کارتخوان یا واریز را وارد کنید.');
    await shot('cashier-receive-invalid.png');
    await r.field('reference').fill('482913');
    await r.press('ثبت دریافت');
    await r.scope.waitFor({ state: 'hidden' });
    await d.press('دریافت وجه');
    await ui.receive('10000', 'نقد');
    await expect
      .poll(() => d.scope.getByTestId('invoice-remaining').innerText())
      .toBe('مانده: ۵٬۰۰۰ تومان');
    await expect.poll(() => d.scope.getByTestId('payment-row').count()).toBe(2);
    await d.press('بستن');

    await ui.openCashier('balances');
    await ui.row('زهرا کریمی').waitFor();
    expect(await ui.row('زهرا کریمی').innerText()).toContain('۵٬۰۰۰ تومان');
    expect(await page.getByTestId('balances-sum').innerText()).toContain('۱ بیمار بدهکار');
    await shot('cashier-debtors.png');
    const box = await desk.core.call('cashier.box', {});
    expect(box).toMatchObject({
      cashInRial: 100_000,
      cardRial: 150_000,
      expectedCashRial: 5_100_000,
    });
  });

  it('records a deposit, refunds part of it with a reason and puts the rest towards a bill', async () => {
    await ui.openCashier('box');
    await ui.pickPatient('علی رضایی');
    await ui.account.getByTestId('account-balance').waitFor();
    expect(await ui.account.getByTestId('account-balance').innerText()).toBe('تسویه');
    await ui.account.getByRole('button', { name: 'پیش‌پرداخت' }).click();
    await ui.receive('200000', 'نقد');
    await notice().toContain('پیش‌پرداخت ثبت شد.');
    await expect
      .poll(() => ui.account.getByTestId('account-balance').innerText())
      .toBe('بستانکار ۲۰۰٬۰۰۰ تومان');

    await ui.account.getByRole('button', { name: 'بازپرداخت' }).click();
    const refund = ui.dialog(/بازپرداخت به علی رضایی/);
    await refund.field('amountRial').fill('250000');
    await refund.press('ثبت بازپرداخت');
    await expect.poll(() => refund.message('reason')).toBe('دلیل بازپرداخت را بنویسید.');
    await refund.field('reason').fill('بیمار از ادامهٔ درمان انصراف داد');
    await refund.press('ثبت بازپرداخت');
    await expect.poll(() => refund.message('amountRial')).toBe('بیش از مبلغ قابل بازپرداخت است.');
    await shot('cashier-refund.png');
    await refund.field('amountRial').fill('50000');
    await refund.press('ثبت بازپرداخت');
    await notice().toContain('بازپرداخت ثبت شد.');
    await expect
      .poll(() => ui.account.getByTestId('account-credit').innerText())
      .toBe('۱۵۰٬۰۰۰ تومان');

    // A bill of 300,000: 150,000 comes from the credit.
    await desk.core.call('invoices.issue', {
      kind: 'service',
      patientId: ids['رضایی']!,
      lines: [{ kind: 'service', itemId: ids.service!, qty: 1 }],
    });
    await ui.account.getByRole('button', { name: 'از اعتبار' }).click();
    const credit = ui.dialog(/کسر از اعتبار/);
    expect(await credit.field('amountRial').inputValue()).toBe('150٬000');
    await credit.press('کسر از اعتبار');
    await notice().toContain('از اعتبار بیمار کسر شد.');
    await expect
      .poll(() => ui.account.getByTestId('account-balance').innerText())
      .toBe('بدهکار ۱۵۰٬۰۰۰ تومان');
    expect(await ui.account.getByTestId('account-credit').innerText()).toBe('۰ تومان');
    await shot('cashier-account.png');
  });

  it('lists the day’s transactions with filters and the period’s sum, and exports them', async () => {
    await ui.openCashier('transactions');
    await expect.poll(() => ui.rows.count()).toBe(6); // box, card, cash, deposit, refund, credit
    // In: 15,000 + 10,000 + 200,000; out: 50,000.
    expect(await page.getByTestId('transactions-sum').innerText()).toMatch(
      /^۶ تراکنش از .* — خالص دریافت .*: ۱۷۵٬۰۰۰ تومان$/,
    );
    await new Form(page.locator('main')).choose('روش', 'کارت (کارتخوان)');
    await expect.poll(() => ui.rows.count()).toBe(1);
    expect(await ui.rows.first().innerText()).toContain('482913');
    await shot('cashier-transactions.png');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'خروجی اکسل' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^transactions-.*\.xlsx$/);
    await file.saveAs(artifactPath('transactions.xlsx'));
    expect(fs.readFileSync(artifactPath('transactions.xlsx')).subarray(0, 2).toString()).toBe('PK');

    // Nothing in the filters is cut off at 1360px: not the days beside their clear buttons, not the
    // labels, not any method or kind.
    const search = page.getByRole('search', { name: 'فیلتر تراکنش‌ها' });
    const filters = new Form(search);
    // Text drawn outside its own box (less padding) is cut off or under an icon; the range of a
    // node's contents is where its text is laid out, ellipsis or not, whichever way it overflows.
    const clipped = () =>
      search.evaluate((el) =>
        [
          ...el.querySelectorAll<HTMLElement>(
            '.MuiPickersSectionList-root, .MuiSelect-select, label',
          ),
        ]
          .filter((e) => {
            const range = document.createRange();
            range.selectNodeContents(e);
            const text = range.getBoundingClientRect();
            const box = e.getBoundingClientRect();
            const css = getComputedStyle(e);
            const left = box.left + parseFloat(css.paddingLeft) + parseFloat(css.borderLeftWidth);
            const right =
              box.right - parseFloat(css.paddingRight) - parseFloat(css.borderRightWidth);
            return text.width > 0 && (text.left < left - 1 || text.right > right + 1);
          })
          .map((e) => e.textContent),
      );
    for (const [label, options] of [
      ['روش', Object.values(METHOD_LABELS)],
      ['نوع', Object.values(KIND_LABELS)],
    ] as const) {
      for (const option of options) {
        await filters.choose(label, option);
        expect(await clipped(), option).toEqual([]);
      }
      await filters.choose(label, 'همه');
    }
    await expect.poll(() => ui.rows.count()).toBe(6);

    // An end day before the start day: only the end day is left out, and its field says why.
    const tomorrow = addDays(todayInTehran(), 1);
    await ui.typeFilterDay(
      'فیلتر تراکنش‌ها',
      'از تاریخ',
      formatJalali(tomorrow).replaceAll('/', ''),
    );
    const dayMessage = (which: 'از تاریخ' | 'تا تاریخ') =>
      ui.filterDay('فیلتر تراکنش‌ها', which).locator('.MuiFormHelperText-root');
    await expect
      .poll(() => dayMessage('تا تاریخ').innerText())
      .toBe('تاریخ پایان پیش از تاریخ آغاز است.');
    expect(await dayMessage('از تاریخ').count()).toBe(0);
    // Nothing from tomorrow on: the start day applies, not «everything».
    await page.getByText('تراکنشی با این فیلترها نیست').waitFor();
    await expect
      .poll(() => page.getByTestId('transactions-sum').innerText())
      .toMatch(new RegExp(`^۰ تراکنش از ${formatJalali(tomorrow)} — `));
    expect(await ui.rows.count()).toBe(0);
    expect(await clipped()).toEqual([]);
    await page.waitForTimeout(400);
    await search.screenshot({ path: artifactPath('cashier-transactions-bad-range.png') });
    await shot('cashier-transactions-bad-range-page.png');
  });

  it('prints the visit’s receipt with the center, the Jalali date and what was paid', async () => {
    await page.evaluate((id) => {
      window.location.hash = `#/print/receipt/${id}`;
    }, ids.invoice!);
    await page.getByTestId('receipt-totals').waitFor();
    await page.getByText('482913').waitFor();
    await shot('print-receipt.png');
    const text = await pdfText(await page.pdf({ format: 'A4', printBackground: true }));
    for (const s of ['کلینیک آزمون', 'زهرا کریمی', '482913']) expect(text).toContain(s);
    const sheet = await page.locator('main, body').first().innerText();
    expect(sheet).toContain(formatJalali(todayInTehran()));
    expect(sheet).toMatch(/بیمهٔ پایه\s+تأمین اجتماعی/);
    expect(sheet).toMatch(/بیمهٔ تکمیلی\s+بیمه دی/);
  });

  it('closes the shift with the counted cash and shows the difference', async () => {
    await ui.openCashier('box');
    // 500,000 opening + 10,000 + 200,000 in − 50,000 out.
    await expect.poll(() => ui.box.getByTestId('box-expected').innerText()).toBe('۶۶۰٬۰۰۰ تومان');
    await shot('cashier-box-open.png');
    await ui.box.getByRole('button', { name: 'بستن صندوق' }).click();
    const close = ui.dialog('بستن صندوق');
    await close.field('countedRial').fill('659000');
    await close.scope.getByTestId('close-difference').waitFor();
    expect(await close.scope.getByTestId('close-difference').innerText()).toContain(
      'کسری ۱٬۰۰۰ تومان',
    );
    await close.field('note').fill('یک اسکناس هزار تومانی کم است');
    await shot('cashier-close-box.png');
    await close.press('بستن صندوق');
    await ui.box.getByTestId('box-closed-result').waitFor();
    expect(await ui.box.getByTestId('box-closed-result').innerText()).toContain('کسری ۱٬۰۰۰ تومان');
    expect(await ui.box.getByTestId('box-state').innerText()).toBe('بسته');
    await shot('cashier-box-closed-result.png');
  });

  it('a receptionist sees no refund, may not void, stays within the discount limit; a crafted refund is forbidden', async () => {
    await shell.logout();
    await shell.login(RECEPTIONIST.mobile, RECEPTIONIST.password);
    await ui.openCashier('box');
    await ui.pickPatient('علی رضایی');
    await ui.account.getByTestId('account-balance').waitFor();
    expect(await ui.account.getByRole('button', { name: 'بازپرداخت' }).count()).toBe(0);
    await ui.account.getByTestId('account-invoice').first().click();
    const d = ui.dialog(/صورت‌حساب خدمات/);
    await d.scope.getByTestId('invoice-remaining').waitFor();
    expect(await d.scope.getByRole('button', { name: 'ابطال' }).count()).toBe(0);
    await shot('cashier-receptionist.png');
    await d.press('بستن');
    expect(
      await shell.call('cashier.refund', {
        patientId: ids['رضایی'],
        amountRial: 10_000,
        method: 'transfer',
        reference: '1',
        reason: 'آزمون',
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // 20 % of the patient's 300,000 is the ceiling: 100,000 is refused live, by the quote.
    await ui.account.getByRole('button', { name: 'صورت‌حساب خدمات' }).click();
    await page.getByRole('heading', { name: 'صورت‌حساب خدمات' }).waitFor();
    const form = new Form(page.locator('main'));
    await form.choose('خدمت', 'ویزیت فیزیوتراپی');
    await form.field('lines.0.discountRial').fill('100000');
    await form.field('lines.0.discountReason').fill('همکار مرکز');
    await expect.poll(() => form.message('lines.0.discountRial')).toBe('تخفیف بیش از حد مجاز است.');
    expect(await page.getByRole('alert').innerText()).toContain(
      'تخفیف این قلم حداکثر ۶۰٬۰۰۰ تومان است.',
    );
    expect(await page.getByText('سقف تخفیف شما ۲۰٪ سهم بیمار در هر ردیف است.').count()).toBe(1);
    await shot('invoice-discount-refused.png');
    await form.field('lines.0.discountRial').fill('60000');
    await expect.poll(() => page.getByTestId('invoice-due').innerText()).toBe('۲۴۰٬۰۰۰ تومان');
    await shell.logout();
    await shell.login(MANAGER.mobile, MANAGER.password);
  });
});
