/**
 * The sync screens in Chromium through the node-host: enrolling a desk from the UI, staff login,
 * the status area, and the conflict queue after a slot race.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startNodeHost, type NodeHost } from '../../electron/node-host/server';
import { artifactPath, launchChromium } from '../support/browser';
import { TEST_RENDERER_DIR } from '../support/paths';
import { MANAGER, startSyncRig, type RigDesk, type SyncRig } from '../support/sync-rig';

describe('sync in the back office', () => {
  let rig: SyncRig;
  let desk: RigDesk;
  let other: RigDesk;
  let host: NodeHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    rig = await startSyncRig();
    desk = await rig.addBareDesk('ui-desk');
    other = await rig.addDesk('other-desk');
    host = await startNodeHost({ core: desk.core, staticDir: TEST_RENDERER_DIR, port: 0 });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    await page.goto(host.openUrl);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await rig?.close();
  });

  it('enrolls the desk from the sync page with the manager’s mobile, password and SMS code', async () => {
    await page.getByTestId('sync-status').getByText('به سرور وصل نیست').click();
    await page.getByRole('heading', { name: 'اتصال این رایانه به مرکز' }).waitFor();
    await page.locator('input[name=serverUrl]').fill(desk.proxy.url);
    await page.locator('input[name=mobile]').fill('۰۹۱۲۰۰۰۰۰۰۱');
    await page.locator('input[name=password]').fill('wrong-pass1');
    await page.getByRole('button', { name: 'ارسال کد تأیید' }).click();
    await expect
      .poll(() => page.locator('form').getByRole('alert').innerText())
      .toMatch(/درست نیست|نادرست/);
    await page.locator('input[name=password]').fill(MANAGER.password);
    await page.getByRole('button', { name: 'ارسال کد تأیید' }).click();
    await page.locator('input[name=code]').waitFor();
    await page.screenshot({ path: artifactPath('sync-enroll-code.png') });
    await page.locator('input[name=code]').fill(await rig.latestCode());
    await page.getByRole('button', { name: 'اتصال به مرکز' }).click();
    // Enrolled: staff must now log in.
    await page.getByRole('heading', { name: 'ورود به میز پذیرش' }).waitFor();
    expect(await page.getByText('کلینیک آزمون').isVisible()).toBe(true);
  });

  it('logs staff in against the synced password hash, and refuses a wrong password', async () => {
    await desk.core.awaitSynced();
    await page.locator('input[name=mobile]').fill(MANAGER.mobile);
    await page.locator('input[name=password]').fill('not-it-123');
    await page.getByRole('button', { name: 'ورود' }).click();
    await expect
      .poll(() => page.locator('form').getByRole('alert').innerText())
      .toContain('درست نیست');
    await page.screenshot({ path: artifactPath('login-refused.png') });
    await page.locator('input[name=password]').fill(MANAGER.password);
    await page.getByRole('button', { name: 'ورود' }).click();
    await expect.poll(() => page.getByTestId('session-name').innerText()).toBe('مریم مدیری');
    await expect.poll(() => page.getByTestId('sync-status').innerText()).toContain('همگام');
  });

  it('lists a booking that lost a slot race in the conflict queue', async () => {
    const p1 = await desk.core.call('patients.create', {
      firstName: 'رها',
      lastName: 'صادقی',
      mobile: '09121000005',
      gender: 'female',
    });
    const p2 = await other.core.call('patients.create', {
      firstName: 'نیما',
      lastName: 'کاظمی',
      mobile: '09121000006',
      gender: 'male',
    });
    await desk.core.awaitSynced();
    await other.core.awaitSynced();
    desk.proxy.cut();
    other.proxy.cut();
    await expect.poll(() => page.getByTestId('sync-status').innerText()).toContain('آفلاین');
    await page.screenshot({ path: artifactPath('status-offline.png') });
    const slot = { providerId: rig.managerId, date: '2026-12-01', start: 600, end: 630 };
    await other.core.call('appointments.book', { ...slot, patientId: p2.id });
    const mine = await desk.core.call('appointments.book', { ...slot, patientId: p1.id });
    other.proxy.restore();
    other.core.call('sync.now', {});
    await other.core.awaitSynced();
    desk.proxy.restore();
    desk.core.call('sync.now', {});
    await expect
      .poll(async () => (await desk.core.call('appointments.get', { id: mine.id })).status, {
        timeout: 20_000,
      })
      .toBe('conflict');

    // The lost booking is settled, not left counted as waiting to go up.
    await expect.poll(async () => (await desk.core.call('sync.status', {})).pending).toBe(0);
    await page.getByRole('navigation').getByRole('button', { name: 'صف تعارض‌ها' }).click();
    const row = page.getByTestId('conflict-booking');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain('رها صادقی');
    expect(await row.innerText()).toContain('نیما کاظمی');
    expect(await row.innerText()).toContain('1405/09/10');
    await page.screenshot({ path: artifactPath('conflict-queue.png') });
    await page.getByRole('navigation').getByRole('button', { name: 'همگام‌سازی' }).click();
    await page.getByText('تغییرات در انتظار ارسال').waitFor();
    await page.screenshot({ path: artifactPath('sync-page.png') });
  });
});
