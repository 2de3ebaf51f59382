/**
 * A desk working alone (not enrolled to a center): nobody logs in, every section is open, and the
 * setup screens say what to do first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifactPath, launchChromium } from '../support/browser';
import { startTestDesk, type TestDesk } from '../support/desk';
import { AppShell } from './pages/app-shell';
import { LogsPage } from './pages/logs-page';
import { SettingsPage } from './pages/settings-page';

describe('setup screens on a desk working alone', () => {
  let desk: TestDesk;
  let browser: Browser;
  let page: Page;
  let shell: AppShell;
  let settings: SettingsPage;

  const shot = async (name: string) => {
    await page.waitForTimeout(400);
    await page.screenshot({ path: artifactPath(name) });
  };

  beforeAll(async () => {
    desk = await startTestDesk();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    shell = new AppShell(page);
    settings = new SettingsPage(page);
    await page.goto(desk.host.openUrl);
    await page.getByRole('heading', { name: /میز نوبت‌دهی/ }).waitFor(); // the start page
  });
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  it('shows every section without a login', async () => {
    const titles = (await shell.menuTitles()).join('|');
    for (const title of ['بیماران', 'صندوق و درآمد', 'صف تعارض‌ها', 'تنظیمات', 'گزارش تغییرات']) {
      expect(titles).toContain(title);
    }
    expect(await page.getByTestId('session-name').count()).toBe(0);
  });

  it('sends the center profile to enrollment first', async () => {
    await settings.goto('center');
    await page.getByText('این رایانه هنوز به مرکزی وصل نیست').waitFor();
    await shot('alone-settings-center.png');
    await page.getByRole('button', { name: 'اتصال به مرکز' }).click();
    await page.getByRole('heading', { name: 'اتصال این رایانه به مرکز' }).waitFor();
  });

  it('guides through empty staff and an empty change log', async () => {
    await settings.goto('staff');
    await page.getByText('هنوز کارمندی ثبت نشده است').waitFor();
    await shot('alone-settings-staff.png');
    await new LogsPage(page).goto();
    await page.getByText('هنوز تغییری ثبت نشده است').waitFor();
    await shot('alone-logs-empty.png');
  });
});
