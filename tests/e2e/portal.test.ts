/**
 * The patient portal in Chromium at phone size (390×844), against a real sync server serving the
 * built SPA and its API, with a seeded center: register (SMS code from the server's SMS outbox,
 * email code from its mail outbox), book a prepaid service for oneself through the simulated
 * gateway, book for another person, see both in the user area, print the receipt, cancel one,
 * reset the password by SMS code, and close the account. Screenshots go to test-results/screens/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { toLatinDigits } from '../../shared/text/normalize';
import { formatJalali, todayInTehran } from '../../shared/time/dates';
import {
  buildServer,
  FileOutbox,
  MemoryMailer,
  openSqliteStore,
  readLatestCode,
  type SyncServer,
  type SyncStore,
} from '../../sync-server/src/index';
import { publishPolicy } from '../../sync-server/src/portal/policy';
import { launchChromium } from '../support/browser';
import { TEST_PORTAL_DIR } from '../support/paths';
import { PORTAL_CENTER, seedPortalCenter, type PortalCenter } from '../support/portal-center';
import { tempDir } from '../support/temp';
import { PortalPages } from './pages/portal-pages';

const PATIENT = {
  mobile: '09123334455',
  firstName: 'سحر',
  lastName: 'امینی',
  nationalId: '1234567806',
  email: 'sahar.amini@example.com',
  password: 'gole-sorkh-14',
  newPassword: 'baran-e-pa1z',
  lastPassword: 'sepid-dar-9',
};
const OTHER = {
  firstName: 'کاوه',
  lastName: 'امینی',
  nationalId: '1234646994',
  mobile: '09357778899',
  relation: 'برادر',
};

describe('patient portal at phone size', () => {
  const temp = tempDir('clinic-portal-');
  let store: SyncStore;
  let outbox: FileOutbox;
  let mailer: MemoryMailer;
  let app: SyncServer;
  let center: PortalCenter;
  let browser: Browser;
  let page: Page;
  let portal: PortalPages;
  let origin: string;
  /** Uncaught errors in the SPA: none is expected in the whole run. */
  const pageErrors: string[] = [];

  beforeAll(async () => {
    expect(fs.existsSync(path.join(TEST_PORTAL_DIR, 'index.html'))).toBe(true);
    store = await openSqliteStore(path.join(temp.dir, 'sync.sqlite'));
    outbox = new FileOutbox(path.join(temp.dir, 'outbox'));
    mailer = new MemoryMailer();
    app = await buildServer({
      store,
      outbox,
      mailer,
      dataDir: temp.dir,
      portalDir: TEST_PORTAL_DIR,
      passwordIterations: 1000,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    center = await seedPortalCenter(app, store);
    // A new policy version takes effect in 10 days: every page must announce it (P11).
    await publishPolicy(
      store,
      {
        version: '2',
        text: 'نسخهٔ دوم سیاست حفظ حریم خصوصی: پیامک‌های یادآوری را می‌توانید خاموش کنید.',
        effectiveAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
      },
      new Date(),
    );
    browser = await launchChromium();
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 1,
      isMobile: true,
      hasTouch: true,
      locale: 'fa-IR',
      timezoneId: 'Asia/Tehran',
    });
    // window.print opens no dialog in headless Chromium: count the calls instead.
    await context.addInitScript(() => {
      const w = window as unknown as { __prints: number };
      w.__prints = 0;
      window.print = () => {
        w.__prints += 1;
      };
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    portal = new PortalPages(page, origin);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    temp.remove();
  });

  it('lists and finds the center, and shows its public page', async () => {
    await portal.open('/');
    await portal.heading('نوبت گرفتن از مراکز درمانی').waitFor();
    await page.getByTestId('policy-notice').waitFor();
    await portal.field('city').fill('اصفهان');
    await portal.field('service').fill('پوست');
    await portal.button('جستجو').click();
    const card = page.getByRole('link', { name: new RegExp(PORTAL_CENTER.name) });
    await card.waitFor();
    expect(await page.evaluate(() => document.fonts.check('16px "Vazirmatn FD"'))).toBe(true);
    await portal.shot('directory');

    await portal.field('city').fill('شیراز');
    await portal.button('جستجو').click();
    await page.getByText('مرکزی با این مشخصات پیدا نشد').waitFor();

    await portal.open('/');
    await page.getByRole('link', { name: new RegExp(PORTAL_CENTER.name) }).click();
    await portal.heading(PORTAL_CENTER.name).waitFor();
    const main = page.locator('main');
    await main.getByText(PORTAL_CENTER.visit.name).first().waitFor();
    await main.getByText(PORTAL_CENTER.laser.name).first().waitFor();
    await main.getByText(`دکتر ${PORTAL_CENTER.provider.firstName}`).first().waitFor();
    await main.getByText('پرداخت آنلاین هنگام نوبت').waitFor();
    await main.getByRole('link', { name: 'مسیر روی نقشه' }).waitFor();
    await main.getByRole('link', { name: 'اینستاگرام' }).waitFor();
    await main.getByRole('img', { name: 'سالن انتظار' }).waitFor();
    await main
      .getByRole('region', { name: 'تصاویر' })
      .getByRole('img', { name: 'اتاق لیزر' })
      .waitFor();
    // The post's body is shown as text, never as markup.
    await main.getByText(PORTAL_CENTER.post.title).click();
    await main.getByText('<b>پوست</b>', { exact: false }).waitFor();
    expect(await main.locator('b').count()).toBe(0);
    await portal.shot('center');

    // Anyone may look for a time; booking it needs an account (P4).
    await main.getByRole('link', { name: `نوبت برای ${PORTAL_CENTER.visit.name}` }).click();
    await page.getByRole('radio', { name: new RegExp(PORTAL_CENTER.provider.lastName) }).check();
    await portal.slotButtons.first().click();
    await page.getByTestId('sign-in-to-book').waitFor();
    expect(await page.getByText('نوبت برای چه کسی است؟').count()).toBe(0);
  });

  it('registers with the SMS code, refuses an under-18 birth date, and verifies the email', async () => {
    await portal.open('/register');
    await portal.field('mobile').fill(PATIENT.mobile);
    await portal.button('دریافت کد تأیید').click();
    await portal.field('code').waitFor();
    const smsCode = await readLatestCode(outbox, PATIENT.mobile, 'mobile-code');
    await portal.field('code').fill(smsCode);
    await portal.button('تأیید شماره').click();

    await portal.field('firstName').fill(PATIENT.firstName);
    await portal.field('lastName').fill(PATIENT.lastName);
    // A national id whose check digit is wrong is refused before anything is sent.
    await portal.field('nationalId').fill('1234567890');
    await portal.button('ساخت حساب').click();
    await page.getByText('کد ملی معتبر نیست.').waitFor();
    await portal.field('nationalId').fill(PATIENT.nationalId);
    await page.getByRole('radio', { name: 'زن' }).check();
    const thisYear = Number(formatJalali(todayInTehran(), 'yyyy'));
    await portal.field('birthDate-day').selectOption('12');
    await portal.field('birthDate-month').selectOption('3');
    await portal.field('birthDate-year').selectOption(String(thisYear - 10));
    await page.getByText('فقط برای افراد ۱۸ سال و بالاتر').waitFor();
    await portal.field('birthDate-year').selectOption(String(thisYear - 30));
    await portal.field('email').fill(PATIENT.email);
    await portal.field('password').fill(PATIENT.password);
    await portal.field('heardFrom').selectOption('friends');
    await portal.field('acceptedPolicyVersion').check();
    await portal.shot('register');
    await portal.button('ساخت حساب').click();
    await portal.accountLink.waitFor();

    const account = await store.portal.getAccountByMobile('+989123334455');
    expect(account).toMatchObject({
      firstName: PATIENT.firstName,
      nationalId: PATIENT.nationalId,
      email: PATIENT.email,
      heardFrom: 'friends',
      policyVersion: '1',
      emailVerified: false,
    });
    expect(account!.birthDate < todayInTehran()).toBe(true);

    await portal.open('/account/profile');
    await portal.button('ارسال کد تأیید به ایمیل').click();
    await portal.field('code').waitFor();
    const mail = mailer.sent.filter((m) => m.to === PATIENT.email).at(-1);
    const emailCode = /(\d{6})/.exec(toLatinDigits(mail?.text ?? ''))?.[1];
    expect(emailCode).toMatch(/^\d{6}$/);
    await portal.field('code').fill(emailCode!);
    await page.locator('form[aria-label="کد تأیید ایمیل"] button[type=submit]').click();
    await page.getByText('تأیید شده').waitFor();
    await portal.shot('profile');
    expect((await store.portal.getAccountByMobile('+989123334455'))?.emailVerified).toBe(true);
  });

  it('books the prepaid laser for oneself and pays through the simulated gateway', async () => {
    await portal.open(`/centers/${center.centerId}`);
    await page.getByRole('link', { name: `نوبت برای ${PORTAL_CENTER.laser.name}` }).click();
    await page.getByRole('radio', { name: new RegExp(PORTAL_CENTER.provider.lastName) }).check();
    await portal.openDays.first().waitFor();
    await portal.slotButtons.first().waitFor();
    await portal.shot('slots');
    await portal.slotButtons.first().click();
    await page.getByText('نوبت برای چه کسی است؟').waitFor();
    await page.getByText('این خدمت پیش‌پرداخت آنلاین دارد').waitFor();
    await portal.shot('confirm');
    await portal.button('ثبت و پرداخت').click();

    await page.getByTestId('pay-panel').waitFor();
    await page.getByRole('timer').waitFor();
    await portal.shot('pay');
    // First the patient gives up at the gateway: the booking stays held and can be paid again.
    await portal.button('پرداخت آنلاین').click();
    await page.getByRole('heading', { name: 'درگاه پرداخت آزمایشی' }).waitFor();
    await page.getByRole('button', { name: 'انصراف', exact: true }).click();
    await page.getByTestId('payment-result').waitFor();
    await page.getByText('پرداخت انجام نشد').waitFor();
    expect(await page.getByTestId('payment-result').getAttribute('data-payment')).toBe('failed');
    await page.getByText('پرداخت قبلی انجام نشد').waitFor();
    await portal.button('پرداخت آنلاین').click();
    // The simulated gateway's own page, served by the sync server.
    await page.getByRole('heading', { name: 'درگاه پرداخت آزمایشی' }).waitFor();
    await page.getByRole('button', { name: 'پرداخت', exact: true }).click();
    const result = page.getByTestId('payment-result');
    await result.waitFor();
    await expect.poll(() => result.getAttribute('data-payment'), { timeout: 20_000 }).toBe('paid');
    await page.getByText('پرداخت موفق بود').waitFor();
    await portal.shot('payment-result');

    const bookingId = new URL(page.url()).searchParams.get('booking')!;
    const stored = await store.getDocument('appointments', bookingId);
    expect(stored?.data).toMatchObject({ status: 'booked', providerId: center.providerId });
  });

  it('books the visit for another person, saved for next time', async () => {
    await portal.open(`/centers/${center.centerId}/book?service=${center.visitId}`);
    await page.getByRole('radio', { name: new RegExp(PORTAL_CENTER.provider.lastName) }).check();
    // A later day, so the booking is well beyond the center's 2-hour cancellation notice.
    await portal.openDays.nth(1).click();
    await portal.slotButtons.nth(1).click();
    await page.getByRole('radio', { name: 'نوبت برای شخص دیگر (افزودن)' }).check();
    await portal.field('person-firstName').fill(OTHER.firstName);
    await portal.field('person-lastName').fill(OTHER.lastName);
    await page.locator('[name="person-gender"][value="male"]').check();
    await portal.field('person-nationalId').fill(OTHER.nationalId);
    await portal.field('person-mobile').fill(OTHER.mobile);
    await portal.field('person-relation').fill(OTHER.relation);
    await portal.button('ذخیره و انتخاب').click();
    await page
      .getByRole('radio', { name: `${OTHER.firstName} ${OTHER.lastName} (${OTHER.relation})` })
      .waitFor();
    await page.getByText(`${OTHER.firstName} ${OTHER.lastName}`).last().waitFor();
    await portal.button('ثبت نوبت').click();
    await page.getByText('نوبت شما ثبت شد').waitFor();
    await page.locator('main').getByText(`${OTHER.firstName} ${OTHER.lastName}`).first().waitFor();
    // The center gets a patient record with the other person's real details.
    const bookingId = page.url().split('/bookings/')[1]!.split(/[?/]/)[0]!;
    const appointment = (await store.getDocument('appointments', bookingId))!.data;
    const patient = (await store.getDocument('patients', appointment.patientId as string))!.data;
    expect(patient).toMatchObject({
      firstName: OTHER.firstName,
      lastName: OTHER.lastName,
      nationalId: OTHER.nationalId,
      mobile: '+989357778899',
      gender: 'male',
    });
  });

  it('shows both bookings in the user area, and prints the receipt', async () => {
    await portal.open('/account');
    await portal.heading('نوبت‌های پیش رو').waitFor();
    const laser = portal.bookingItem(PORTAL_CENTER.laser.name);
    const visit = portal.bookingItem(PORTAL_CENTER.visit.name);
    await laser.waitFor();
    await visit.waitFor();
    await page.getByTestId('policy-notice').waitFor();
    expect(await laser.innerText()).toContain(`${PATIENT.firstName} ${PATIENT.lastName}`);
    expect(await visit.innerText()).toContain(`${OTHER.firstName} ${OTHER.lastName}`);
    await portal.shot('account');

    await laser.getByRole('link', { name: 'رسید نوبت' }).click();
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor();
    const text = await receipt.innerText();
    expect(text).toContain(`${PATIENT.firstName} ${PATIENT.lastName}`);
    expect(text).toContain('******7806');
    expect(text).not.toContain(PATIENT.nationalId);
    expect(text).toContain(PATIENT.mobile);
    expect(text).toContain(PORTAL_CENTER.laser.name);
    expect(text).toContain('پرداخت‌شده');
    expect(await page.getByTestId('tracking-code').innerText()).toMatch(/^\d{8}$/);
    await portal.shot('receipt');

    // Sharing: the phone's share sheet when the browser has one, else copy and messenger links.
    const receiptPath = new URL(page.url()).pathname;
    await page.evaluate(() => {
      const w = window as unknown as { __shared: ShareData | null };
      w.__shared = null;
      Object.defineProperty(navigator, 'share', {
        configurable: true,
        value: (data: ShareData) => {
          w.__shared = data;
          return Promise.resolve();
        },
      });
    });
    await portal.button('اشتراک‌گذاری نوبت').click();
    const shared = await page.evaluate(
      () => (window as unknown as { __shared: ShareData | null }).__shared,
    );
    expect(shared?.url).toBe(`${origin}${receiptPath}`);
    expect(toLatinDigits(shared?.text ?? '')).toContain(
      toLatinDigits(await page.getByTestId('tracking-code').innerText()),
    );
    expect(shared?.text).not.toContain(PATIENT.nationalId);
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'share', { configurable: true, value: undefined });
    });
    await portal.button('اشتراک‌گذاری نوبت').click();
    const fallback = page.getByTestId('share-fallback');
    await fallback.waitFor();
    const telegram = await fallback.getByRole('link', { name: 'تلگرام' }).getAttribute('href');
    expect(telegram).toContain(encodeURIComponent(`${origin}${receiptPath}`));

    await portal.button('چاپ رسید').click();
    expect(await page.evaluate(() => (window as unknown as { __prints: number }).__prints)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.header').isVisible()).toBe(false);
    expect(await portal.button('چاپ رسید').isVisible()).toBe(false);
    expect(await receipt.isVisible()).toBe(true);
    await portal.shot('receipt-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it('cancels the booking made for the other person', async () => {
    await portal.open('/account');
    const visit = portal.bookingItem(PORTAL_CENTER.visit.name);
    await visit.getByRole('button', { name: 'لغو نوبت' }).click();
    await portal.button('بله، لغو شود').click();
    await expect.poll(() => visit.innerText()).toContain('لغوشده');
    await page
      .getByRole('region', { name: 'نوبت‌های گذشته و لغوشده' })
      .getByTestId('booking-item')
      .filter({ hasText: PORTAL_CENTER.visit.name })
      .waitFor();
    await portal.shot('account-cancelled');
    expect(await visit.getByRole('button', { name: 'لغو نوبت' }).count()).toBe(0);
    const id = await visit.getAttribute('data-booking');
    expect((await store.getDocument('appointments', id!))?.data.status).toBe('cancelled');
  });

  it('shows the privacy policy with its history and the coming version', async () => {
    await portal.open('/privacy');
    await portal.heading('سیاست حفظ حریم خصوصی').waitFor();
    await page.getByText('تاریخچهٔ نسخه‌ها').waitFor();
    await page.getByText('پیامک‌های یادآوری را می‌توانید خاموش کنید').waitFor();
    await portal.shot('policy');
  });

  it('resets the password with an SMS code and signs in with the new one', async () => {
    await portal.logout();
    await portal.open('/password/reset');
    await portal.field('mobile').fill(PATIENT.mobile);
    await portal.button('دریافت کد').click();
    await portal.field('code').waitFor();
    const code = await readLatestCode(outbox, PATIENT.mobile, 'reset-code');
    await portal.field('code').fill(code);
    await portal.field('password').fill(PATIENT.newPassword);
    await portal.field('repeat').fill(PATIENT.newPassword);
    await portal.shot('reset');
    await portal.button('ذخیرهٔ گذرواژهٔ تازه').click();
    await portal.heading('گذرواژه تغییر کرد').waitFor();

    await portal.open('/login');
    await portal.field('mobile').fill(PATIENT.mobile);
    await portal.field('password').fill(PATIENT.password);
    await portal.button('ورود').click();
    await page.getByRole('alert').waitFor();
    expect(await portal.accountLink.count()).toBe(0);
    await portal.login(PATIENT.mobile, PATIENT.newPassword);
  });

  it('changes the password in the user area', async () => {
    await portal.open('/account/security');
    await portal.field('current').fill(PATIENT.password);
    await portal.field('password').fill(PATIENT.lastPassword);
    await portal.button('تغییر گذرواژه').click();
    await page.getByText('گذرواژه درست نیست.').first().waitFor();
    await portal.field('current').fill(PATIENT.newPassword);
    await portal.button('تغییر گذرواژه').click();
    await page.getByText('گذرواژه تغییر کرد.').waitFor();
  });

  it('closes the account: the login stops working, the center keeps its appointment', async () => {
    await portal.open('/account/security');
    await portal.button('بستن حساب').click();
    await portal.field('close-password').fill(PATIENT.lastPassword);
    await portal.button('بستن همیشگی حساب').click();
    await portal.heading('نوبت گرفتن از مراکز درمانی').waitFor();
    await page.getByRole('link', { name: 'ورود', exact: true }).waitFor();
    expect(await store.portal.getAccountByMobile('+989123334455')).toBeNull();
    // The center's own records stay: both appointments, and the patients they were made for.
    const kept = (
      await store.pull({
        collection: 'appointments',
        centerId: center.centerId,
        afterSeq: 0,
        limit: 100,
      })
    )
      .filter((d) => !d.deleted)
      .map((d) => d.data as { id: string; status: string });
    expect(kept.map((a) => a.status).sort()).toEqual(['booked', 'cancelled']);

    await portal.open('/login');
    await portal.field('mobile').fill(PATIENT.mobile);
    await portal.field('password').fill(PATIENT.lastPassword);
    await portal.button('ورود').click();
    await page.getByRole('alert').waitFor();
  });

  it('ran the whole way without an uncaught error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
