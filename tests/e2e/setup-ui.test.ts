/**
 * Center setup in Chromium through the node-host, on a desk enrolled to a real sync server: a
 * manager sets up the profile and rules, departments, services and staff, narrows a nurse's rights;
 * the nurse's menu and calls follow them; the manager reads it all back in the change log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startNodeHost, type NodeHost } from '../../electron/node-host/server';
import { formatJalali, todayInTehran } from '../../shared/time/dates';
import { artifactPath, launchChromium } from '../support/browser';
import { TEST_RENDERER_DIR } from '../support/paths';
import { MANAGER, startSyncRig, type RigDesk, type SyncRig } from '../support/sync-rig';
import { AppShell } from './pages/app-shell';
import { LogsPage } from './pages/logs-page';
import { PatientsPage } from './pages/patients-page';
import { SettingsPage } from './pages/settings-page';

const NURSE = {
  firstName: 'سمیرا',
  lastName: 'نیکو',
  mobile: '09123334455',
  password: 'nurse1234',
};
const NURSE_NAME = `${NURSE.firstName} ${NURSE.lastName}`;

describe('center setup in the back office', { timeout: 60_000 }, () => {
  let rig: SyncRig;
  let desk: RigDesk;
  let host: NodeHost;
  let browser: Browser;
  let page: Page;
  let shell: AppShell;
  let settings: SettingsPage;
  let logs: LogsPage;

  const shot = async (name: string) => {
    await page.waitForTimeout(400); // tab indicators and dialogs finish moving
    await page.screenshot({ path: artifactPath(name) });
  };

  beforeAll(async () => {
    rig = await startSyncRig();
    desk = await rig.addDesk('setup-desk'); // enrolled, the manager logged in
    host = await startNodeHost({ core: desk.core, staticDir: TEST_RENDERER_DIR, port: 0 });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    shell = new AppShell(page);
    settings = new SettingsPage(page);
    logs = new LogsPage(page);
    await page.goto(host.openUrl);
    await page
      .getByTestId('session-name')
      .waitFor({ timeout: 10_000 })
      .catch(async (e: unknown) => {
        await page.screenshot({ path: artifactPath('debug-start.png') });
        throw e;
      });
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await rig?.close();
  });

  it('shows the manager every section, settings and logs included', async () => {
    const titles = await shell.menuTitles();
    for (const title of ['بیماران', 'صندوق و درآمد', 'تنظیمات', 'گزارش تغییرات']) {
      expect(titles.join('|')).toContain(title);
    }
    await shell.open('تنظیمات');
    await page.getByRole('tab', { name: 'مشخصات و قوانین مرکز', selected: true }).waitFor();
    // The server's demo center has no address and no rules yet: it is not listed publicly.
    const warning = page.getByTestId('listing-problems');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('قوانین نوبت‌دهی نوشته نشده است.');
    await shot('settings-center-new.png');
  });

  it('refuses a center profile with an empty name or bad coordinates, with messages on the fields', async () => {
    await settings.field('name').fill('');
    await settings.field('lat').fill('سی و پنج');
    await settings.saveCenter();
    await expect.poll(() => settings.fieldMessage('name')).toBe('نام مرکز را وارد کنید.');
    expect(await settings.fieldMessage('lat')).toBe('عرض جغرافیایی را به عدد وارد کنید.');
    expect(await settings.fieldMessage('lng')).toBe('طول جغرافیایی را هم وارد کنید.');
    await shot('settings-center-invalid.png');
    const { center } = await desk.core.call('center.get', {});
    expect(center?.name).toBe('کلینیک آزمون');
    expect(center?.address).toBe('');
  });

  it('saves the profile, contacts, rules, self-cancellation, weekend and money unit', async () => {
    await settings.field('name').fill('کلینیک فیزیوتراپی آرامش');
    await settings.choose('نوع مرکز', 'فیزیوتراپی');
    await settings.field('city').fill('اصفهان');
    await settings.field('address').fill('خیابان چهارباغ بالا، کوچهٔ ۱۲، پلاک ۸');
    await settings.field('phones.0.value').fill('031-36612345');
    await page.getByRole('button', { name: 'افزودن شمارهٔ دیگر' }).click();
    await settings.field('phones.1.value').fill('۰۹۱۳۱۲۳۴۵۶۷');
    await settings.field('lat').fill('');
    await settings.field('mapUrl').fill('https://www.google.com/maps/@32.6539,51.6660,17z');
    expect(await settings.field('lat').inputValue()).toBe('32.6539');
    expect(await settings.field('lng').inputValue()).toBe('51.6660');
    await settings.field('social.instagram').fill('@aramesh.physio');
    await settings.field('social.website').fill('https://aramesh.ir');
    await settings
      .field('bookingRules')
      .fill('لطفاً ۱۰ دقیقه پیش از نوبت حاضر باشید.\nهمراه داشتن نسخه الزامی است.');
    await settings.field('cancellationRules').fill('لغو تا ۲۴ ساعت پیش از نوبت بدون هزینه است.');
    await page.getByLabel('بیمار بتواند خودش نوبت را لغو کند').check();
    await settings.field('selfCancellation.minNoticeHours').fill('12');
    await settings.weekday('پنجشنبه').click();
    expect(await settings.weekday('جمعه').getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'تومان', exact: true }).click();
    await settings.saveCenter();
    await expect.poll(() => shell.notice.innerText()).toContain('مشخصات مرکز ذخیره شد.');
    await expect.poll(() => page.getByTestId('listing-problems').count()).toBe(0);

    const { center, listingProblems } = await desk.core.call('center.get', {});
    expect(listingProblems).toEqual([]);
    expect(center).toMatchObject({
      name: 'کلینیک فیزیوتراپی آرامش',
      type: 'physiotherapy',
      city: 'اصفهان',
      phones: ['031-36612345', '09131234567'],
      location: { lat: 32.6539, lng: 51.666 },
      social: { instagram: '@aramesh.physio', website: 'https://aramesh.ir' },
      selfCancellation: { enabled: true, minNoticeHours: 12 },
      weekend: [5, 6],
      moneyUnit: 'toman',
    });
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('settings-center.png');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await shot('settings-center-rules.png');
  });

  it('guides through an empty catalogue and refuses a department without a name', async () => {
    await settings.goto('catalog');
    await page.getByText('هنوز بخشی تعریف نشده است').waitFor();
    await shot('settings-catalog-empty.png');
    await settings.newDepartment('');
    await expect
      .poll(() => settings.fieldMessage('name', settings.dialog))
      .toBe('نام بخش را وارد کنید.');
    await settings.dialog.getByRole('button', { name: 'انصراف' }).click();
    expect((await desk.core.call('catalog.list', {})).departments).toHaveLength(0);
  });

  it('adds two departments and four services priced in Toman', async () => {
    await settings.newDepartment('فیزیوتراپی');
    await settings.department('فیزیوتراپی').waitFor();
    await page.getByText('این بخش هنوز خدمتی ندارد').waitFor();
    await shot('settings-catalog-no-services.png');
    await settings.newDepartment('طب سوزنی');
    await settings.department('طب سوزنی').waitFor();

    // Invalid: empty name, a negative price, a zero duration. Nothing is saved.
    await settings.department('فیزیوتراپی').click();
    await settings.openNewService();
    await settings.fillService({ name: '', price: '-50000', duration: '0' });
    await settings.saveService();
    await expect
      .poll(() => settings.fieldMessage('name', settings.dialog))
      .toBe('نام خدمت را وارد کنید.');
    expect(await settings.fieldMessage('priceRial', settings.dialog)).toBe(
      'مبلغ نمی‌تواند منفی باشد.',
    );
    expect(await settings.fieldMessage('durationMin', settings.dialog)).toBe(
      'مدت خدمت دست‌کم ۵ دقیقه است.',
    );
    await shot('settings-service-invalid.png');
    expect((await desk.core.call('catalog.list', {})).services).toHaveLength(0);

    // Thousands are grouped as they are typed; Persian digits are accepted.
    await settings.fillService({ name: 'فیزیوتراپی زانو', price: '۳۵۰۰۰۰', duration: '45' });
    expect(await settings.field('priceRial', settings.dialog).inputValue()).toBe('350\u066c000');
    expect(await settings.fieldMessage('priceRial', settings.dialog)).toContain('۳٬۵۰۰٬۰۰۰ ریال');
    await shot('settings-service-dialog.png');
    await settings.saveService();
    await settings.dialog.waitFor({ state: 'hidden' });
    await settings.openNewService();
    await settings.fillService({
      name: 'فیزیوتراپی کمر',
      price: '400000',
      duration: '60',
      prepayment: true,
    });
    await settings.saveService();
    await settings.dialog.waitFor({ state: 'hidden' });
    await settings.department('طب سوزنی').click();
    await settings.openNewService();
    await settings.fillService({ name: 'طب سوزنی عمومی', price: '500000', duration: '30' });
    await settings.saveService();
    await settings.dialog.waitFor({ state: 'hidden' });
    await settings.openNewService();
    await settings.fillService({ name: 'بادکش درمانی', price: '0', duration: '20' });
    await settings.saveService();
    await settings.dialog.waitFor({ state: 'hidden' });

    const { departments, services } = await desk.core.call('catalog.list', {});
    expect(departments.map((d) => d.name).sort()).toEqual(['طب سوزنی', 'فیزیوتراپی']);
    expect(services.map((s) => [s.name, s.priceRial, s.durationMin]).sort()).toEqual(
      [
        ['بادکش درمانی', 0, 20],
        ['طب سوزنی عمومی', 5_000_000, 30],
        ['فیزیوتراپی زانو', 3_500_000, 45],
        ['فیزیوتراپی کمر', 4_000_000, 60],
      ].sort(),
    );
    await settings.department('فیزیوتراپی').click();
    await expect.poll(() => settings.row('فیزیوتراپی کمر').innerText()).toContain('۴۰۰٬۰۰۰ تومان');
    await shot('settings-catalog.png');
  });

  it('adds three providers, refusing empty names and a bad mobile first', async () => {
    await settings.goto('staff');
    await settings.row('مریم مدیری').waitFor();
    await settings.openNewStaff();
    await settings.fillStaff({
      firstName: '',
      lastName: '',
      mobile: '0912',
      kind: 'ارائه‌دهندهٔ خدمت',
    });
    await settings.saveStaff();
    await expect
      .poll(() => settings.fieldMessage('firstName', settings.dialog))
      .toBe('نام را وارد کنید.');
    expect(await settings.fieldMessage('lastName', settings.dialog)).toBe(
      'نام خانوادگی را وارد کنید.',
    );
    expect(await settings.fieldMessage('mobile', settings.dialog)).toContain(
      'شمارهٔ همراه معتبر نیست',
    );
    await shot('settings-staff-invalid.png');
    await settings.dialog.getByRole('button', { name: 'انصراف' }).click();
    expect(await desk.core.call('staff.list', {})).toHaveLength(1);

    const providers = [
      {
        firstName: 'رضا',
        lastName: 'احمدی',
        title: 'دکتر',
        specialty: 'فیزیوتراپیست',
        departments: ['فیزیوتراپی'],
        services: ['فیزیوتراپی زانو', 'فیزیوتراپی کمر'],
        mobile: '09121110001',
        password: 'reza12345',
      },
      {
        firstName: 'لیلا',
        lastName: 'کرمی',
        specialty: 'فیزیوتراپیست',
        departments: ['فیزیوتراپی'],
        services: ['فیزیوتراپی زانو'],
      },
      {
        firstName: 'حسن',
        lastName: 'طاهری',
        title: 'دکتر',
        specialty: 'متخصص طب سوزنی',
        departments: ['طب سوزنی'],
        services: ['طب سوزنی عمومی', 'بادکش درمانی'],
      },
    ];
    for (const p of providers) {
      await settings.openNewStaff();
      await settings.fillStaff({ ...p, kind: 'ارائه‌دهندهٔ خدمت' });
      if (p.lastName === 'احمدی') await shot('settings-staff-dialog.png');
      await settings.saveStaff();
      await settings.dialog.waitFor({ state: 'hidden' });
    }
    const staff = await desk.core.call('staff.list', {});
    const doctors = staff.filter((s) => s.kind === 'provider');
    expect(doctors).toHaveLength(3);
    expect(doctors.find((s) => s.lastName === 'احمدی')).toMatchObject({
      canLogIn: true,
      title: 'دکتر',
    });
    expect(doctors.find((s) => s.lastName === 'طاهری')?.serviceIds).toHaveLength(2);
    expect(doctors.find((s) => s.lastName === 'کرمی')?.canLogIn).toBe(false);
  });

  it('creates a nurse with a password and default rights, then takes the cashier away from her', async () => {
    await settings.openNewStaff();
    await settings.fillStaff({ ...NURSE, kind: 'پرستار' });
    await settings.saveStaff();
    await settings.dialog.waitFor({ state: 'hidden' });
    await settings.row(NURSE_NAME).waitFor();
    await shot('settings-staff.png');

    await settings.openRights(NURSE_NAME);
    expect(await settings.right('دیدن صندوق و تراکنش‌ها').isChecked()).toBe(true);
    expect(await settings.right('دیدن گزارش تغییرات').isChecked()).toBe(false);
    await settings.right('دیدن صندوق و تراکنش‌ها').uncheck();
    await page.getByTestId('right-change-cashier.view').waitFor();
    await shot('settings-staff-rights.png');
    await settings.dialog.getByRole('button', { name: 'ذخیرهٔ دسترسی‌ها' }).click();
    await settings.dialog.waitFor({ state: 'hidden' });

    const nurse = (await desk.core.call('staff.list', {})).find((s) => s.lastName === 'نیکو');
    expect(nurse).toMatchObject({ kind: 'nurse', canLogIn: true, rightsRevoked: ['cashier.view'] });
    expect(nurse?.rights).not.toContain('cashier.view');
    expect(nurse?.rights).toContain('cashier.receive');
  });

  it('shows each kind’s rights and the licence', async () => {
    await settings.goto('rights');
    await page.getByRole('tab', { name: 'پرستار' }).click();
    await page.getByTestId('rights-section-cashier').waitFor();
    await shot('settings-kind-rights.png');
    await settings.goto('licence');
    const message = page.getByTestId('licence-message');
    await message.waitFor();
    expect(await page.getByText('معتبر', { exact: true }).count()).toBeGreaterThan(0);
    await shot('settings-licence.png');
  });

  it('the nurse’s menu follows her rights, also when changed on another desk, and the core refuses the rest', async () => {
    await shell.logout();
    await shell.login(NURSE.mobile, NURSE.password);
    expect(await page.getByTestId('session-name').innerText()).toBe(NURSE_NAME);
    const titles = (await shell.menuTitles()).join('|');
    expect(titles).toContain('بیماران');
    expect(titles).not.toContain('صندوق و درآمد');
    expect(titles).not.toContain('تنظیمات');
    expect(titles).not.toContain('گزارش تغییرات');
    await shot('nurse-menu.png');

    // Rights follow live: the manager, on another desk, lets her read the change log.
    const other = await rig.addDesk('manager-desk');
    const nurseId = (await other.core.call('staff.list', {})).find(
      (s) => s.lastName === 'نیکو',
    )!.id;
    await other.core.call('staff.setRights', {
      id: nurseId,
      granted: ['logs.view'],
      revoked: ['cashier.view'],
    });
    await other.core.awaitSynced();
    await other.core.call('auth.logout', {}); // frees the licence seat
    await expect
      .poll(async () => (await shell.menuTitles()).join('|'), { timeout: 20_000 })
      .toContain('گزارش تغییرات');

    // Calls made past the menu: the cashier's (cashier.view, taken away) and the settings'
    // (settings.edit, never hers) are refused; the log is now hers.
    expect(await shell.call('audit.verify', {})).toMatchObject({ ok: true });
    expect(await shell.call('cashier.box', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await shell.call('cashier.balances', { side: 'debtors' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await shell.call('catalog.saveDepartment', { name: 'بخش دیگر' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await shell.call('center.update', { name: 'نام دیگر', type: 'clinic' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    // Addresses typed by hand show a clear page instead.
    await page.evaluate(() => (window.location.hash = '#/cashier'));
    await page.getByText('به بخش «صندوق و درآمد» دسترسی ندارید').waitFor();
    await shot('nurse-no-access.png');
    await page.evaluate(() => (window.location.hash = '#/settings/center'));
    await page.getByText('به بخش «تنظیمات» دسترسی ندارید').waitFor();

    // Her own work, for the log.
    await page.getByRole('button', { name: 'بازگشت به صفحهٔ اصلی' }).click();
    const patients = new PatientsPage(page);
    await patients.goto();
    await patients.openNew();
    await patients.fill({
      firstName: 'آرش',
      lastName: 'امینی',
      mobile: '09120009988',
      gender: 'مرد',
    });
    await patients.save();
    await patients.dialog.waitFor({ state: 'hidden' });
  });

  it('the manager finds the rights change and the nurse’s work in the change log', async () => {
    await shell.logout();
    await shell.login(MANAGER.mobile, MANAGER.password);
    await shell.open('گزارش تغییرات');
    // Two changes to her rights: the cashier taken on this desk, the log given on the other.
    await expect.poll(() => logs.row(`تغییر دسترسی‌های ${NURSE_NAME}`).count()).toBe(2);
    const rightsRow = logs.row(`تغییر دسترسی‌های ${NURSE_NAME}`).last();
    await rightsRow.waitFor();
    expect(await rightsRow.innerText()).toContain('مریم مدیری');
    expect(await logs.row('آرش امینی').innerText()).toContain(NURSE_NAME);
    await shot('logs.png');

    const changes = await logs.expand(rightsRow);
    expect(await changes.innerText()).toContain('دسترسی‌های برداشته');
    expect(await changes.innerText()).toContain('دیدن صندوق و تراکنش‌ها');
    await shot('logs-detail.png');

    await logs.filterPerson(NURSE_NAME);
    await expect.poll(() => logs.rows.count()).toBe(1);
    expect(await logs.rows.first().innerText()).toContain('آرش امینی');
    await logs.clearFilters();
    await logs.filterSection('بخش‌ها و خدمات');
    await expect.poll(() => logs.rows.count()).toBe(6);
    await logs.clearFilters();

    const today = formatJalali(todayInTehran()).replaceAll('/', '');
    await logs.filterDate('از تاریخ', today);
    await logs.filterDate('تا تاریخ', today);
    await expect.poll(() => page.getByTestId('audit-total').innerText()).not.toContain('(۰');
    await shot('logs-filtered.png');
    await logs.clearFilters();

    expect(await logs.verify()).toContain('گزارش دست‌نخورده است');
    await shot('logs-verified.png');
  });
});
