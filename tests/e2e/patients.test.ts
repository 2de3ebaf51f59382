/**
 * The back office in Chromium through the node-host: the patients slice end to end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifactPath, launchChromium } from '../support/browser';
import { startTestDesk, type TestDesk } from '../support/desk';
import { PatientsPage } from './pages/patients-page';

describe('patients in the browser', () => {
  let desk: TestDesk;
  let browser: Browser;
  let page: Page;
  let patients: PatientsPage;

  beforeAll(async () => {
    desk = await startTestDesk();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    patients = new PatientsPage(page);
    await page.goto(desk.host.openUrl);
    await page.getByRole('heading', { name: /میز نوبت‌دهی/ }).waitFor(); // the start page
    await patients.goto();
  });

  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  it('shows guidance when there are no patients yet', async () => {
    await expect.poll(() => page.getByText('هنوز بیماری ثبت نشده است').isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
  });

  it('creates a patient with Persian letters, a Persian-digit national id and a Jalali birth date', async () => {
    await patients.openNew();
    await patients.fill({
      firstName: 'زهرا',
      lastName: 'کریمی‌نژاد',
      nationalId: '۰۴۹۹۳۷۰۸۹۹',
      mobile: '۰۹۱۲۳۴۵۶۷۸۹',
      gender: 'زن',
      birthDateJalali: '13700215',
    });
    await patients.save();
    await patients.dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => patients.row('زهرا کریمی‌نژاد').count()).toBe(1);

    const { items } = await desk.core.call('patients.search', { query: '' });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      firstName: 'زهرا',
      lastName: 'کریمی‌نژاد',
      nationalId: '0499370899',
      mobile: '+989123456789',
      gender: 'female',
      birthDate: '1991-05-05', // 1370/02/15
    });
  });

  it('finds the patient by the Arabic-letter spelling, without the ZWNJ, and by Persian digits', async () => {
    for (const query of ['كريمي', 'كريمينژاد', 'زهرا کریمی نژاد', '۰۴۹۹۳۷۰۸۹۹', '٠٩١٢٣٤٥']) {
      await patients.search(query);
      await expect.poll(() => patients.rows.count(), { message: query }).toBe(1);
      await expect.poll(() => patients.row('زهرا کریمی‌نژاد').count(), { message: query }).toBe(1);
    }
    await patients.search('محمدی');
    await expect.poll(() => page.getByText('بیماری پیدا نشد').isVisible()).toBe(true);
    await patients.search('');
  });

  it('shows the birth date in Jalali', async () => {
    const row = patients.row('زهرا کریمی‌نژاد');
    await expect.poll(() => row.locator('[data-field=birthDate]').innerText()).toBe('1370/02/15');
  });

  it('edits the patient', async () => {
    await patients.row('زهرا کریمی‌نژاد').click();
    await patients.dialog.waitFor();
    expect(await patients.input('mobile').inputValue()).toBe('09123456789');
    await patients.fill({ mobile: '09351112233', notes: 'حساسیت به پنی‌سیلین' });
    await patients.save();
    await patients.dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => patients.row('09351112233').count()).toBe(1);
    const { items } = await desk.core.call('patients.search', { query: 'زهرا' });
    expect(items[0]).toMatchObject({ mobile: '+989351112233', notes: 'حساسیت به پنی‌سیلین' });
  });

  it('refuses an invalid national id with a visible message and stores nothing', async () => {
    await patients.openNew();
    await patients.fill({
      firstName: 'رضا',
      lastName: 'احمدی',
      nationalId: '1234567890',
      mobile: '09121111111',
      gender: 'مرد',
    });
    await patients.save();
    await expect.poll(() => patients.dialog.getByText('کد ملی معتبر نیست').isVisible()).toBe(true);
    expect(await patients.input('nationalId').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: artifactPath('patients-invalid-national-id.png') });
    await page.keyboard.press('Escape');
    await patients.dialog.waitFor({ state: 'hidden' });

    const all = await desk.core.call('patients.search', { query: '' });
    expect(all.total).toBe(1);
    expect(all.items.map((p) => p.firstName)).toEqual(['زهرا']);
    await page.screenshot({ path: artifactPath('patients-list.png') });
  });
});
