/**
 * Two enrolled desks give away the same times while offline; in Chromium the losing desk's
 * conflict queue moves one booking to a free slot and keeps the other as an overbooking. Then the
 * public profile's gallery and posts, and what that tab says when the server is out of reach.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startNodeHost, type NodeHost } from '../../electron/node-host/server';
import { addDays } from '../../shared/scheduling/day-math';
import { todayInTehran } from '../../shared/time/dates';
import { artifactPath, launchChromium } from '../support/browser';
import { TEST_RENDERER_DIR } from '../support/paths';
import { startSyncRig, type RigDesk, type SyncRig } from '../support/sync-rig';
import { AppShell } from './pages/app-shell';

const WORKDAY = [{ start: 8 * 60, end: 14 * 60 }];

describe('conflict queue and profile media', { timeout: 90_000 }, () => {
  let rig: SyncRig;
  let desk: RigDesk;
  let other: RigDesk;
  let host: NodeHost;
  let browser: Browser;
  let page: Page;
  let shell: AppShell;
  let providerId = '';
  let day = '';
  const lost: Record<string, string> = {};

  const shot = async (name: string) => {
    await page.waitForTimeout(400);
    await page.screenshot({ path: artifactPath(name) });
  };

  beforeAll(async () => {
    rig = await startSyncRig();
    desk = await rig.addDesk('conflict-ui');
    other = await rig.addDesk('conflict-other');
    const provider = await desk.core.call('staff.save', {
      firstName: 'کاوه',
      lastName: 'مرادی',
      kind: 'provider',
      title: 'دکتر',
    });
    providerId = provider.id;
    await desk.core.call('schedules.setProviderHours', {
      providerId,
      week: Array.from({ length: 7 }, () => WORKDAY),
    });
    const today = todayInTehran();
    const { providers } = await desk.core.call('calendar.days', {
      providerIds: [providerId],
      from: addDays(today, 1),
      to: addDays(today, 10),
    });
    day = providers[0]!.days.find((d) => !d.closed)!.date;
    const mine = [
      await desk.core.call('patients.create', {
        firstName: 'رها',
        lastName: 'صادقی',
        mobile: '09121000005',
        gender: 'female',
      }),
      await desk.core.call('patients.create', {
        firstName: 'پویا',
        lastName: 'شریفی',
        mobile: '09121000007',
        gender: 'male',
      }),
    ];
    await desk.core.awaitSynced();
    await other.core.awaitSynced();
    const theirs = await other.core.call('patients.create', {
      firstName: 'نیما',
      lastName: 'کاظمی',
      mobile: '09121000006',
      gender: 'male',
    });
    await other.core.awaitSynced();
    desk.proxy.cut();
    other.proxy.cut();
    for (const start of [600, 660]) {
      const slot = { providerId, date: day, start, end: start + 30 };
      await other.core.call('appointments.book', { ...slot, patientId: theirs.id });
      const b = await desk.core.call('appointments.book', {
        ...slot,
        patientId: mine[start === 600 ? 0 : 1]!.id,
      });
      lost[start === 600 ? 'move' : 'keep'] = b.id;
    }
    other.proxy.restore();
    void other.core.call('sync.now', {});
    await other.core.awaitSynced();
    desk.proxy.restore();
    void desk.core.call('sync.now', {});
    // The losing desk learns of it with the server's answer to its push.
    for (let waited = 0; ; waited += 200) {
      if ((await desk.core.call('appointments.get', { id: lost.keep! })).status === 'conflict')
        break;
      if (waited > 20_000) throw new Error('the conflict never came back');
      await new Promise((r) => setTimeout(r, 200));
    }

    host = await startNodeHost({ core: desk.core, staticDir: TEST_RENDERER_DIR, port: 0 });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    shell = new AppShell(page);
    await page.goto(host.openUrl);
    await page.getByTestId('session-name').waitFor({ timeout: 15_000 });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await rig?.close();
  });

  it('moves a conflict booking to a free slot', async () => {
    await shell.open('صف تعارض‌ها');
    const rows = page.getByTestId('conflict-booking');
    await expect.poll(() => rows.count()).toBe(2);
    await shot('conflicts-actions.png');
    const row = rows.filter({ hasText: 'رها صادقی' });
    await row.getByRole('button', { name: 'جابه‌جایی' }).click();
    const move = page.getByRole('dialog', { name: /جابه‌جایی نوبت رها صادقی/ });
    // 10:00 and 11:00 are taken by the other desk's bookings.
    await move.getByRole('listbox', { name: 'زمان‌های آزاد' }).waitFor();
    expect(await move.getByRole('option', { name: '10:00' }).count()).toBe(0);
    await move.getByRole('option', { name: '12:30' }).click();
    await shot('conflicts-move-dialog.png');
    await move.getByRole('button', { name: 'جابه‌جا کن' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    const moved = await desk.core.call('appointments.get', { id: lost.move! });
    expect(moved).toMatchObject({
      status: 'booked',
      date: day,
      start: 750,
      end: 780,
      conflict: null,
    });
    // The server takes the moved booking as a normal one.
    await desk.core.awaitSynced();
    await expect
      .poll(
        async () => (await rig.serverDocs()).appointments.find((a) => a.id === lost.move)?.status,
      )
      .toBe('booked');
  });

  it('keeps the other one as an overbooking', async () => {
    const row = page.getByTestId('conflict-booking').filter({ hasText: 'پویا شریفی' });
    await row.getByRole('button', { name: 'نگه داشتن به‌عنوان نوبت اضافه' }).click();
    await page.getByText('تعارضی نیست').waitFor();
    expect(await desk.core.call('appointments.get', { id: lost.keep! })).toMatchObject({
      status: 'booked',
      overbook: true,
    });
  });

  it('uploads a gallery image and writes a post', async () => {
    await page.evaluate(() => {
      window.location.hash = '#/settings/media';
    });
    await page.getByText('هنوز تصویری نیست.', { exact: false }).waitFor();
    await shot('media-empty.png');
    const png = artifactPath('gallery-upload.png');
    fs.writeFileSync(png, await page.screenshot({ clip: { x: 0, y: 0, width: 400, height: 300 } }));
    await page.locator('input[name=galleryFile]').setInputFiles(png);
    await page.locator('input[name=caption]').fill('سالن انتظار');
    await page.getByRole('button', { name: 'افزودن به گالری' }).click();
    await page.getByRole('img', { name: 'سالن انتظار' }).waitFor({ timeout: 20_000 });

    await page.getByRole('button', { name: 'نوشتهٔ تازه' }).click();
    const dialog = page.getByRole('dialog', { name: 'نوشتهٔ تازه' });
    await dialog.getByRole('button', { name: 'ذخیرهٔ نوشته' }).click();
    await dialog.getByText('عنوان را بنویسید.').waitFor();
    await dialog.locator('input[name=title]').fill('پیش از جلسهٔ فیزیوتراپی');
    await dialog
      .locator('textarea[name=body]')
      .fill('لباس راحت بپوشید و نسخهٔ پزشک را همراه بیاورید.');
    await dialog.getByRole('button', { name: 'ذخیرهٔ نوشته' }).click();
    await page
      .getByRole('list', { name: 'نوشته‌ها' })
      .getByText('پیش از جلسهٔ فیزیوتراپی')
      .waitFor();
    await shot('media-tab.png');
  });

  it('says plainly that the gallery needs the server when it is out of reach', async () => {
    desk.proxy.cut();
    await page.reload();
    await page.getByTestId('posts-problem').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('posts-problem').innerText()).toContain('به سرور دسترسی نیست');
    // The gallery keeps its captions (from the center document) without the images.
    await page.getByTestId('gallery-problem').waitFor({ timeout: 20_000 });
    expect(await page.getByText('سالن انتظار').count()).toBeGreaterThan(0);
    await shot('media-offline.png');
    desk.proxy.restore();
  });
});
