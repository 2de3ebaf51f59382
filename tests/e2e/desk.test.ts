/**
 * The appointment desk in Chromium through the node-host, on a desk enrolled to a real sync server
 * with the manager logged in: working hours and a leave set in the settings; closed days (leave,
 * Nowruz) without free slots; booking, moving, cancelling, checking in and no-show from the desk;
 * a package of five sessions; the appointments list; the printed day list read back from a PDF.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startNodeHost, type NodeHost } from '../../electron/node-host/server';
import { formatJalali, todayInTehran } from '../../shared/time/dates';
import { addDays } from '../../shared/scheduling/day-math';
import { artifactPath, launchChromium } from '../support/browser';
import { TEST_RENDERER_DIR } from '../support/paths';
import { startSyncRig, type RigDesk, type SyncRig } from '../support/sync-rig';
import { AppShell } from './pages/app-shell';
import { DeskPage, HoursSettings } from './pages/desk-page';
import { pdfText } from './pdf-text';

const WORKDAYS = ['شنبه', 'یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه'];
const NOWRUZ = '2027-03-21';
/** Tehran keeps UTC+03:30 all year. */
const TEHRAN_OFFSET_MIN = 210;

describe('appointment desk', { timeout: 90_000 }, () => {
  let rig: SyncRig;
  let desk: RigDesk;
  let host: NodeHost;
  let browser: Browser;
  let page: Page;
  let shell: AppShell;
  let deskPage: DeskPage;
  let hours: HoursSettings;
  let providerId = '';
  let serviceId = '';
  /** Two working days ahead: bookings go on `day`, the leave on `leaveDay`. */
  let day = '';
  let leaveDay = '';
  const patients: Record<string, string> = {};
  /**
   * The desk's clock runs this far ahead of the real one: the core refuses a check-in before the
   * visit's day and a no-show before its time, so those steps move the clock to the visit day.
   */
  let clockOffsetMs = 0;
  const setDeskClock = (date: string, minute: number) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    clockOffsetMs = Date.UTC(y, m - 1, d) + (minute - TEHRAN_OFFSET_MIN) * 60_000 - Date.now();
  };
  const resetDeskClock = () => {
    clockOffsetMs = 0;
  };

  const shot = async (name: string) => {
    await page.waitForTimeout(400);
    await page.screenshot({ path: artifactPath(name) });
  };

  beforeAll(async () => {
    rig = await startSyncRig();
    desk = await rig.addDesk('desk-ui', {
      now: () => new Date(Date.now() + clockOffsetMs),
    });
    const core = desk.core;
    const dept = await core.call('catalog.saveDepartment', { name: 'فیزیوتراپی' });
    const service = await core.call('catalog.saveService', {
      name: 'فیزیوتراپی زانو',
      departmentId: dept.id,
      priceRial: 3_500_000,
      durationMin: 30,
    });
    serviceId = service.id;
    const provider = await core.call('staff.save', {
      firstName: 'نرگس',
      lastName: 'احمدی',
      kind: 'provider',
      title: 'دکتر',
      specialty: 'فیزیوتراپیست',
      departmentIds: [dept.id],
      serviceIds: [service.id],
    });
    providerId = provider.id;
    for (const [first, last, mobile, gender] of [
      ['زهرا', 'کریمی', '09121000001', 'female'],
      ['علی', 'رضایی', '09121000002', 'male'],
      ['مهسا', 'نوری', '09121000003', 'female'],
      ['بهرام', 'سعیدی', '09121000004', 'male'],
    ] as const) {
      const p = await core.call('patients.create', {
        firstName: first,
        lastName: last,
        mobile,
        gender,
        nationalId: first === 'زهرا' ? '0499370899' : '',
      });
      patients[`${first} ${last}`] = p.id;
    }
    host = await startNodeHost({ core, staticDir: TEST_RENDERER_DIR, port: 0 });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    shell = new AppShell(page);
    deskPage = new DeskPage(page);
    hours = new HoursSettings(page);
    await page.goto(host.openUrl);
    await page.getByTestId('session-name').waitFor({ timeout: 15_000 });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await rig?.close();
  });

  it('sets the provider’s weekly hours and a leave day in the settings', async () => {
    await hours.goto();
    await page.getByText('ساعات کاری هفتگی دکتر نرگس احمدی').waitFor();
    await shot('hours-empty.png');
    for (const label of WORKDAYS) await hours.setDay(label, '08:00', '14:00');
    // A typo is caught on its field.
    await hours.day('شنبه').getByRole('textbox', { name: 'شنبه بازهٔ 1 تا' }).fill('14');
    await page.getByRole('button', { name: 'ذخیرهٔ ساعات کاری' }).click();
    await page.getByText('ساعت را مانند ۱۴:۰۰ بنویسید.').waitFor();
    await hours.day('شنبه').getByRole('textbox', { name: 'شنبه بازهٔ 1 تا' }).fill('14:00');
    await page.getByRole('button', { name: 'ذخیرهٔ ساعات کاری' }).click();
    await expect
      .poll(() => shell.notice.innerText())
      .toContain('ساعات کاری دکتر نرگس احمدی ذخیره شد.');

    // The next two open days decide the dates of the rest of the test.
    const today = todayInTehran();
    const { providers } = await desk.core.call('calendar.days', {
      providerIds: [providerId],
      from: addDays(today, 1),
      to: addDays(today, 14),
    });
    const open = providers[0]!.days.filter((d) => !d.closed).map((d) => d.date);
    [day, leaveDay] = open as [string, string];
    expect(day).toBeTruthy();

    const leaves = page.getByRole('region', { name: 'مرخصی‌ها' });
    await hours.typeDate(leaves, 'از', formatJalali(leaveDay, 'yyyyMMdd'));
    await leaves.locator('input[name=reason]').fill('همایش');
    await leaves.getByRole('button', { name: 'ثبت مرخصی' }).click();
    await expect
      .poll(() => leaves.getByRole('list', { name: 'مرخصی‌ها' }).innerText())
      .toContain('همایش');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('hours-tab.png');
    const schedule = await desk.core.call('schedules.get', { providerId });
    expect(schedule.providerHours?.[0]).toEqual([{ start: 480, end: 840 }]);
    expect(schedule.leaves).toMatchObject([{ from: leaveDay, to: leaveDay, reason: 'همایش' }]);
  });

  it('shows no free slots on the leave day or on Nowruz, and free ones on a working day', async () => {
    await deskPage.goto({ date: leaveDay });
    await expect
      .poll(() => deskPage.closedReason(providerId, leaveDay).innerText())
      .toContain('مرخصی: همایش');
    expect(await deskPage.freeSlots(providerId, leaveDay).count()).toBe(0);
    await shot('desk-leave-day.png');

    await deskPage.goto({ date: NOWRUZ });
    await expect
      .poll(() => deskPage.closedReason(providerId, NOWRUZ).innerText())
      .toContain('نوروز');
    expect(await deskPage.freeSlots(providerId, NOWRUZ).count()).toBe(0);
    expect(await page.getByTestId('desk-date').innerText()).toContain('1 فروردین 1406'); // Latin in the DOM; the font draws Persian;

    await deskPage.goto({ date: day, service: serviceId });
    await expect.poll(() => deskPage.freeSlots(providerId, day).count()).toBe(12); // 08:00–14:00 / 30 min
  });

  it('books a free slot for a patient found by typing', async () => {
    await deskPage.slot(providerId, day, 9 * 60).click();
    await deskPage.dialog.getByRole('heading', { name: 'نوبت تازه' }).waitFor();
    await deskPage.pickPatient('کریمی', 'زهرا کریمی');
    expect(await deskPage.dialog.getByRole('combobox', { name: 'خدمت' }).innerText()).toContain(
      'فیزیوتراپی زانو',
    );
    await shot('desk-booking-dialog.png');
    await deskPage.dialog.getByRole('button', { name: 'ثبت نوبت' }).click();
    await expect.poll(() => shell.notice.innerText()).toContain('نوبت زهرا کریمی ثبت شد');
    await deskPage.booking(providerId, day, 'زهرا کریمی').waitFor();
    await expect.poll(() => deskPage.slot(providerId, day, 9 * 60).count()).toBe(0);
    const { items } = await desk.core.call('appointments.list', { from: day, to: day });
    expect(items).toMatchObject([
      { patientName: 'زهرا کریمی', start: 540, end: 570, status: 'booked' },
    ]);
  });

  it('registers a new patient from the booking dialog and books them', async () => {
    await deskPage.slot(providerId, day, 11 * 60).click();
    await deskPage.dialog.getByRole('combobox', { name: 'بیمار' }).fill('سارا محمدی');
    await deskPage.dialog.getByRole('button', { name: 'بیمار جدید' }).click();
    const form = page.getByRole('dialog', { name: 'ثبت بیمار جدید' });
    expect(await form.locator('input[name=firstName]').inputValue()).toBe('سارا');
    await form.locator('input[name=mobile]').fill('09121000009');
    await form.getByRole('button', { name: 'زن', exact: true }).click();
    await form.getByRole('button', { name: 'ثبت بیمار' }).click();
    await form.waitFor({ state: 'hidden' });
    expect(await deskPage.dialog.getByRole('combobox', { name: 'بیمار' }).inputValue()).toBe(
      'سارا محمدی',
    );
    await deskPage.dialog.getByRole('button', { name: 'ثبت نوبت' }).click();
    await deskPage.booking(providerId, day, 'سارا محمدی').waitFor();
  });

  it('moves a booking to another free slot', async () => {
    await deskPage.openBooking(providerId, day, 'زهرا کریمی');
    await shot('desk-booking-popover.png');
    await deskPage.action('جابه‌جایی');
    const move = page.getByRole('dialog', { name: /جابه‌جایی نوبت/ });
    await move.getByRole('option', { name: '10:00' }).click();
    await shot('desk-move-dialog.png');
    await move.getByRole('button', { name: 'جابه‌جا کن' }).click();
    await expect.poll(() => shell.notice.innerText()).toContain('نوبت جابه‌جا شد');
    const { items } = await desk.core.call('appointments.list', {
      from: day,
      to: day,
      query: 'کریمی',
    });
    expect(items[0]).toMatchObject({ start: 600, end: 630, status: 'booked' });
    await expect.poll(() => deskPage.slot(providerId, day, 9 * 60).count()).toBe(1);
  });

  it('cancels a booking only with a reason', async () => {
    await deskPage.slot(providerId, day, 12 * 60).click();
    await deskPage.pickPatient('رضایی', 'علی رضایی');
    await deskPage.dialog.getByRole('button', { name: 'ثبت نوبت' }).click();
    await deskPage.openBooking(providerId, day, 'علی رضایی');
    await deskPage.action('لغو نوبت');
    const cancel = page.getByRole('dialog', { name: /لغو نوبت/ });
    await cancel.getByRole('button', { name: 'لغو نوبت' }).click();
    await cancel.getByText('دلیل لغو را بنویسید.').waitFor();
    await shot('desk-cancel-dialog.png');
    await cancel.locator('textarea[name=reason]').fill('بیمار تماس گرفت و نمی‌تواند بیاید');
    await cancel.getByRole('button', { name: 'لغو نوبت' }).click();
    await expect.poll(() => deskPage.booking(providerId, day, 'علی رضایی').count()).toBe(0);
    const { items } = await desk.core.call('appointments.list', {
      from: day,
      to: day,
      query: 'رضایی',
    });
    expect(items[0]).toMatchObject({
      status: 'cancelled',
      cancelReason: 'بیمار تماس گرفت و نمی‌تواند بیاید',
    });
    // Shown faint when asked for.
    await page.getByLabel('نمایش لغوشده‌ها').click();
    await deskPage.booking(providerId, day, 'علی رضایی').waitFor();
    expect(await deskPage.booking(providerId, day, 'علی رضایی').getAttribute('data-status')).toBe(
      'cancelled',
    );
    await page.getByLabel('نمایش لغوشده‌ها').click();
    await expect.poll(() => deskPage.booking(providerId, day, 'علی رضایی').count()).toBe(0);
  });

  it('checks a patient in and marks another as no-show', async () => {
    // Too early: the day before the visit, the core refuses and the desk says why.
    setDeskClock(addDays(day, -1), 10 * 60);
    await deskPage.openBooking(providerId, day, 'زهرا کریمی');
    await deskPage.action('پذیرش (حضور بیمار)');
    await expect.poll(() => shell.notice.innerText()).toContain('پذیرش در روز نوبت انجام می‌شود');
    expect(await deskPage.booking(providerId, day, 'زهرا کریمی').getAttribute('data-status')).toBe(
      'booked',
    );
    await deskPage.closePopover();
    // On the visit day, at 11:30: Zahra checks in, Sara (11:00) did not come.
    setDeskClock(day, 11 * 60 + 30);
    await deskPage.openBooking(providerId, day, 'زهرا کریمی');
    await deskPage.action('پذیرش (حضور بیمار)');
    await expect
      .poll(() => deskPage.booking(providerId, day, 'زهرا کریمی').getAttribute('data-status'))
      .toBe('checked-in');
    await deskPage.openBooking(providerId, day, 'سارا محمدی');
    await deskPage.action('نیامد');
    await expect
      .poll(() => deskPage.booking(providerId, day, 'سارا محمدی').getAttribute('data-status'))
      .toBe('no-show');
    await page.mouse.move(0, 0);
    await shot('desk-day.png');
    resetDeskClock();
  });

  it('shows one provider’s week, Saturday first', async () => {
    await deskPage.goto({ view: 'week', date: day, service: serviceId });
    await expect.poll(() => page.getByRole('columnheader').count()).toBe(7);
    const headers = await page.getByRole('columnheader').allInnerTexts();
    expect(headers[0]).toContain('شنبه');
    expect(headers[6]).toContain('جمعه');
    await deskPage.booking(providerId, day, 'زهرا کریمی').waitFor();
    await shot('desk-week.png');
  });

  it('sells a package of five sessions and shows three left after two attended', async () => {
    const patientId = patients['مهسا نوری']!;
    await page.evaluate((id) => {
      window.location.hash = `#/patients/${id}`;
    }, patientId);
    await page.getByRole('heading', { name: /پروندهٔ مهسا نوری/ }).waitFor();
    await page.getByText('بسته‌ای خریده نشده است').waitFor();
    await page.getByRole('button', { name: 'فروش بستهٔ تازه' }).click();
    const sell = page.getByRole('dialog', { name: /فروش بستهٔ جلسه‌ای/ });
    await sell.getByRole('combobox', { name: 'خدمت' }).click();
    await page.getByRole('option', { name: 'فیزیوتراپی زانو' }).click();
    await sell.locator('input[name=sessions]').fill('5');
    // A past expiry: the core refuses it, and its message lands under the field.
    await hours.typeDate(sell, 'معتبر تا', '14000101');
    await sell.getByRole('button', { name: 'فروش بسته' }).click();
    await sell.getByText('تاریخی در آینده انتخاب کنید.').waitFor();
    await hours.typeDate(sell, 'معتبر تا', '14101229');
    await expect.poll(() => sell.getByText('تاریخی در آینده انتخاب کنید.').count()).toBe(0);
    await shot('package-sell-dialog.png');
    await sell.getByRole('button', { name: 'فروش بسته' }).click();
    await expect.poll(() => shell.notice.innerText()).toContain('فروخته شد');
    const card = page.getByTestId('package-card');
    await expect.poll(() => card.getByTestId('package-left').innerText()).toBe('۵');

    // First session: booked from the package card through the desk.
    await card.getByRole('button', { name: 'نوبت جلسهٔ بعد' }).click();
    await page.getByText('نوبت برای مهسا نوری').waitFor();
    expect(page.url()).toContain(`package=`);
    await page.evaluate((d) => {
      window.location.hash = window.location.hash.replace(/&date=[^&]*|$/, `&date=${d}`);
    }, day);
    await deskPage.slot(providerId, day, 8 * 60).click();
    await deskPage.dialog
      .getByRole('radio', { name: /جلسه‌ای از «۵ جلسه فیزیوتراپی زانو»/ })
      .waitFor();
    expect(await deskPage.dialog.getByRole('radio', { name: /جلسه‌ای از/ }).isChecked()).toBe(true);
    await deskPage.dialog.getByRole('button', { name: 'ثبت نوبت' }).click();
    setDeskClock(day, 8 * 60);
    await deskPage.openBooking(providerId, day, 'مهسا نوری');
    await deskPage.action('پذیرش (حضور بیمار)');
    await expect
      .poll(() => deskPage.booking(providerId, day, 'مهسا نوری').getAttribute('data-status'))
      .toBe('checked-in');

    // Second session: booked and attended on another day.
    const [pkg] = await desk.core.call('packages.list', { patientId });
    const second = await desk.core.call('appointments.book', {
      patientId,
      providerId,
      serviceId,
      date: day,
      start: 13 * 60,
      end: 13 * 60 + 30,
      packageId: pkg!.id,
    });
    await desk.core.call('appointments.checkIn', { id: second.id });
    resetDeskClock();
    await page.evaluate((id) => {
      window.location.hash = `#/patients/${id}`;
    }, patientId);
    await expect
      .poll(() => page.getByTestId('package-card').getByTestId('package-left').innerText())
      .toBe('۳');
    expect(await page.getByTestId('package-card').getByTestId('package-used').innerText()).toBe(
      '۲',
    );
    await shot('patient-file.png');
  });

  it('lists, filters and exports appointments', async () => {
    await shell.open('نوبت‌ها و پذیرش');
    await page.getByRole('heading', { name: /نوبت‌ها و پذیرش/ }).waitFor();
    await page.getByText('نوبتی با این فیلترها نیست').waitFor(); // today has none
    await page.getByRole('button', { name: 'پاک کردن فیلترها' }).click();
    await expect.poll(() => page.locator('.MuiDataGrid-row').count()).toBe(5);
    await page.getByRole('searchbox', { name: 'جستجوی نوبت' }).fill('کریمی');
    await expect.poll(() => page.locator('.MuiDataGrid-row').count()).toBe(1);
    await page.getByRole('searchbox', { name: 'جستجوی نوبت' }).fill('');
    await expect.poll(() => page.locator('.MuiDataGrid-row').count()).toBe(5);
    await shot('appointments-list.png');
    // Actions from a row's menu stay on the list (the row itself opens the patient's file).
    // Sara turns up late on her visit day: checked in after the no-show.
    setDeskClock(day, 11 * 60 + 40);
    const sara = page.locator('.MuiDataGrid-row').filter({ hasText: 'سارا محمدی' });
    await sara.getByRole('button', { name: 'کارهای نوبت سارا محمدی' }).click();
    await page.getByRole('menuitem', { name: 'پذیرش (حضور بیمار)' }).click();
    await expect.poll(() => sara.innerText()).toContain('پذیرش شده');
    resetDeskClock();
    expect(page.url()).toContain('#/appointments');
    await page.getByRole('combobox', { name: 'وضعیت' }).click();
    await page.getByRole('option', { name: 'لغو شده' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.MuiDataGrid-row').count()).toBe(1);
    await page.getByRole('button', { name: 'پاک کردن فیلترها' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'خروجی اکسل' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^appointments-.*\.xlsx$/);
    const saved = artifactPath('appointments.xlsx');
    await file.saveAs(saved);
    expect(fs.readFileSync(saved).subarray(0, 2).toString()).toBe('PK');
  });

  it('prints the provider’s day list; the PDF holds the day’s patients', async () => {
    await page.evaluate(
      ([p, d]) => {
        window.location.hash = `#/print/day?provider=${p}&date=${d}`;
      },
      [providerId, day] as const,
    );
    await page.getByRole('table', { name: 'نوبت‌های روز' }).waitFor();
    await page.getByRole('cell', { name: 'زهرا کریمی' }).waitFor();
    await shot('print-day-list.png');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    fs.writeFileSync(artifactPath('day-list.pdf'), pdf);
    const text = await pdfText(pdf);
    for (const name of ['زهرا کریمی', 'سارا محمدی', 'مهسا نوری']) expect(text).toContain(name);
    expect(text).not.toContain('علی رضایی'); // cancelled
    expect(text).toContain('دکتر نرگس احمدی');
  });

  it('prints an appointment slip with the tracking code and a masked national id', async () => {
    const { items } = await desk.core.call('appointments.list', {
      from: day,
      to: day,
      query: 'کریمی',
    });
    const booking = items[0]!;
    await page.evaluate((id) => {
      window.location.hash = `#/print/slip/${id}`;
    }, booking.id);
    await page.getByTestId('slip-code').waitFor();
    expect(await page.getByTestId('slip-code').innerText()).toBe(booking.trackingCode);
    await page.getByText('زهرا کریمی').waitFor();
    const slip = await page.getByRole('article', { name: 'رسید نوبت' }).innerText();
    expect(slip).toContain('******0899');
    expect(slip).not.toContain('0499370899');
    expect(slip).toContain('دکتر نرگس احمدی');
    await shot('print-slip.png');
  });

  it('registers a walk-in patient, checked in at once', async () => {
    await deskPage.goto();
    await page.getByRole('button', { name: 'پذیرش بدون نوبت' }).click();
    const dialog = page.getByRole('dialog', { name: 'پذیرش بدون نوبت' });
    await dialog.getByRole('combobox', { name: 'بیمار' }).fill('سعیدی');
    await page.getByRole('option', { name: /بهرام سعیدی/ }).click();
    await shot('desk-walk-in.png');
    await dialog.getByRole('button', { name: 'پذیرش', exact: true }).click();
    await expect.poll(() => shell.notice.innerText()).toContain('بهرام سعیدی بدون نوبت پذیرش شد');
    const { items } = await desk.core.call('appointments.list', { query: 'سعیدی' });
    expect(items[0]).toMatchObject({ status: 'checked-in', walkIn: true, date: todayInTehran() });
  });

  it('finds a patient’s packages in the packages section', async () => {
    await shell.open('بسته‌های جلسه‌ای');
    await page.getByText('بیمار را پیدا کنید').waitFor();
    await page.getByRole('combobox', { name: 'بیمار' }).fill('نوری');
    await page.getByRole('option', { name: /مهسا نوری/ }).click();
    await expect.poll(() => page.getByTestId('package-left').innerText()).toBe('۳');
    await shot('packages-section.png');
  });
});
