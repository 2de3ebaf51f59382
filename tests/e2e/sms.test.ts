/**
 * The SMS screen (B7, C9) in Chromium through the node-host, on a desk enrolled to a real sync
 * server whose Kavenegar is a local fake that speaks its HTTP API: the provider set in the center
 * settings (the key refused when missing, then kept masked), the balance read from the provider,
 * the queue with waiting, sent and failed messages written back by the server's worker, a waiting
 * message deleted and never sent, and the template editor's live preview (Persian text, Jalali date).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { toPersianDigits } from '../../shared/text/normalize';
import { formatJalali, todayInTehran } from '../../shared/time/dates';
import { artifactPath } from '../support/browser';
import { openDeskInBrowser, type DeskInBrowser } from '../support/desk-browser';
import { startSyncRig, type RigDesk, type SyncRig } from '../support/sync-rig';
import { KavenegarFake } from '../fakes/kavenegar-fake';
import { AppShell } from './pages/app-shell';
import { SmsScreen } from './pages/sms-page';

const KEY = '6A7F99EB-KAVE-DESK-4412-A9726DFB7CD2';

const PATIENTS = [
  ['زهرا', 'کریمی', '09121000001'],
  ['علی', 'رضایی', '09121000002'],
  ['مینا', 'نوری', '09121000003'],
  ['رضا', 'امینی', '09121000004'],
] as const;

describe('the SMS screen', { timeout: 90_000 }, () => {
  let kavenegar: KavenegarFake;
  let rig: SyncRig;
  let desk: RigDesk;
  let opened: DeskInBrowser;
  let page: Page;
  let shell: AppShell;
  let sms: SmsScreen;
  const ids: Record<string, string> = {};

  const shot = async (name: string) => {
    await page.waitForTimeout(400);
    await page.screenshot({ path: artifactPath(name) });
  };
  const notice = () => expect.poll(() => shell.notice.innerText());
  /** Desk → server, one worker pass, server → desk. */
  const workerPass = async () => {
    await desk.core.awaitSynced();
    const report = await rig.app.syncWorker.tick();
    await desk.core.awaitSynced();
    return report;
  };

  beforeAll(async () => {
    kavenegar = new KavenegarFake(KEY);
    await kavenegar.listen();
    rig = await startSyncRig({
      server: {
        smsEndpoints: { kavenegar: kavenegar.http.url, timeoutMs: 2_000 },
        smsWorker: { backoffMs: 60_000, maxBackoffMs: 600_000, leaseMs: 300_000 },
      },
    });
    desk = await rig.addDesk('sms-desk');
    for (const [first, last, mobile] of PATIENTS) {
      const p = await desk.core.call('patients.create', {
        firstName: first,
        lastName: last,
        mobile,
        gender: 'female',
      });
      ids[last] = p.id;
    }
    opened = await openDeskInBrowser(desk.core);
    page = opened.page;
    shell = new AppShell(page);
    sms = new SmsScreen(page);
  }, 120_000);
  afterAll(async () => {
    await opened?.close();
    await rig?.close();
    await kavenegar?.close();
  });

  it('shows an empty queue with guidance and the outbox’s lack of a balance', async () => {
    await shell.open('پیامک‌ها');
    await page.getByText('صف پیامک خالی است').waitFor();
    await expect.poll(() => sms.balance.innerText()).toContain('صندوق محلی');
    expect(await sms.balance.getByTestId('sms-balance').innerText()).toBe('ندارد');
    expect(await sms.balance.innerText()).toContain('برای ارسال واقعی، سرویس پیامک');
    await shot('sms-queue-empty.png');
  });

  it('sets Kavenegar as the provider in the center settings: a key is required, then kept masked', async () => {
    await sms.balance.getByRole('link', { name: 'تنظیم سرویس پیامک' }).click();
    await page.getByRole('heading', { name: 'تنظیمات مرکز' }).waitFor();
    await expect.poll(() => sms.providerState.innerText()).toContain('هنوز سرویس پیامک خود را');
    await page.getByRole('button', { name: 'کاوه‌نگار' }).click();
    await page.getByRole('button', { name: 'ذخیرهٔ سرویس پیامک' }).click();
    await expect
      .poll(() => sms.form.message('apiKey'))
      .toBe('برای این سرویس پیامک کلید API لازم است.');
    await page.getByRole('button', { name: 'SMS.ir' }).click();
    await sms.form.field('apiKey').fill('smsir-key-1234567890');
    await sms.form.field('sender').fill('خط اصلی');
    await page.getByRole('button', { name: 'ذخیرهٔ سرویس پیامک' }).click();
    await expect
      .poll(() => sms.form.message('sender'))
      .toBe('برای SMS.ir شمارهٔ خط ارسال (فقط رقم) لازم است.');
    expect((await rig.app.syncSmsProviders.forCenter(rig.centerId)).name).toBe('outbox');

    await page.getByRole('button', { name: 'کاوه‌نگار' }).click();
    await sms.form.field('apiKey').fill(KEY);
    await sms.form.field('sender').fill('10004346');
    await page.getByRole('button', { name: 'ذخیرهٔ سرویس پیامک' }).click();
    await notice().toContain('سرویس پیامک «کاوه‌نگار» ذخیره شد.');
    await expect.poll(() => sms.providerState.innerText()).toContain('اکنون: کاوه‌نگار با کلید');
    expect(await sms.providerState.innerText()).toContain('7CD2');
    expect(await sms.providerState.innerText()).not.toContain(KEY);
    expect(await sms.form.field('apiKey').inputValue()).toBe('');
    expect(await sms.form.message('apiKey')).toContain('برای نگه داشتن آن خالی بگذارید');
    // Kavenegar reports Rials; the center prices in Toman.
    await expect
      .poll(() => sms.balance.getByTestId('sms-balance').innerText())
      .toBe('۱۲۵٬۰۰۰ تومان');
    expect(await sms.balance.innerText()).toContain('کاوه‌نگار');
    await shot('settings-sms-provider.png');
    const provider = await rig.app.syncSmsProviders.forCenter(rig.centerId);
    expect(provider.name).toBe('kavenegar');
    expect(await provider.balance()).toEqual({ amount: 1_250_000, unit: 'rial' });

    // Saving again without typing the key keeps it.
    await sms.form.field('sender').fill('10004347');
    await page.getByRole('button', { name: 'ذخیرهٔ سرویس پیامک' }).click();
    await expect.poll(() => sms.form.field('sender').inputValue()).toBe('10004347');
    await notice().toContain('ذخیره شد');
    expect(await (await rig.app.syncSmsProviders.forCenter(rig.centerId)).balance()).toEqual({
      amount: 1_250_000,
      unit: 'rial',
    });
  });

  it('lists waiting, sent and failed messages with the reason, and the provider’s balance', async () => {
    kavenegar.credit = 980_000;
    kavenegar.script.push('ok', { refuse: 411 });
    for (const last of ['کریمی', 'رضایی'])
      await desk.core.call('messages.send', {
        patientId: ids[last]!,
        text: `${last} گرامی، جواب آزمایش شما آماده است.`,
      });
    const report = await workerPass();
    expect(report).toMatchObject({ sent: 1, failed: 1 });
    for (const last of ['نوری', 'امینی'])
      await desk.core.call('messages.send', {
        patientId: ids[last]!,
        text: `${last} گرامی، فردا ساعت ۱۰ منتظر شما هستیم.`,
      });

    await shell.open('پیامک‌ها');
    await expect.poll(() => sms.count('waiting')).toBe('در صف ارسال (۲)');
    expect(await sms.count('sent')).toBe('ارسال شد (۱)');
    expect(await sms.count('failed')).toBe('ناموفق (۱)');
    expect(await sms.count('all')).toBe('همه (۴)');
    expect(await sms.row('رضایی').innerText()).toContain(
      'شمارهٔ گیرنده از نظر کاوه‌نگار معتبر نیست.',
    );
    expect(await sms.row('کریمی').innerText()).toContain('ارسال شد');
    await expect
      .poll(() => sms.balance.getByTestId('sms-balance').innerText())
      .toBe('۹۸٬۰۰۰ تومان');
    await shot('sms-queue.png');

    await page.getByTestId('sms-count-failed').click();
    await expect.poll(() => sms.rows.count()).toBe(1);
    expect(await sms.rows.first().innerText()).toContain('علی رضایی');
    await page.getByTestId('sms-count-all').click();
    await expect.poll(() => sms.rows.count()).toBe(4);
  });

  it('deletes a waiting message, which the server then never sends', async () => {
    // Only waiting messages can be deleted.
    expect(
      await sms
        .row('کریمی')
        .getByRole('button', { name: /^حذف پیامک/ })
        .count(),
    ).toBe(0);
    await sms.row('نوری').getByRole('button', { name: 'حذف پیامک مینا نوری' }).click();
    await notice().toContain('پیامک مینا نوری از صف حذف شد.');
    await expect.poll(() => sms.count('waiting')).toBe('در صف ارسال (۱)');
    expect(await sms.count('deleted')).toBe('حذف شد (۱)');
    expect(await sms.row('نوری').innerText()).toContain('حذف شد');

    const report = await workerPass();
    expect(report.sent).toBe(1);
    expect(kavenegar.sent.map((m) => m.receptor)).toEqual(['09121000001', '09121000004']);
    await expect.poll(() => sms.count('sent')).toBe('ارسال شد (۲)');
    expect(await sms.count('waiting')).toBe('در صف ارسال (۰)');
    await page.getByTestId('sms-count-waiting').click();
    await page.getByText('پیامکی با وضعیت «در صف ارسال» نیست').waitFor();
    await shot('sms-queue-none-waiting.png');
  });

  it('edits a template with a live preview in Persian with a Jalali date, and saves it', async () => {
    await page.getByRole('tab', { name: 'متن‌ها و تنظیمات' }).click();
    const editor = sms.template('تأیید نوبت');
    const text = editor.locator('textarea[name="smsTemplates.confirmation"]');
    await text.fill('سلام {patient}، نوبت شما {weekday} {date} ساعت {time} در {center} ثبت شد.');
    const tomorrow = todayInTehran(new Date(Date.now() + 86_400_000));
    const date = toPersianDigits(formatJalali(tomorrow));
    await expect
      .poll(() => editor.getByTestId('preview-confirmation').innerText())
      .toMatch(
        new RegExp(
          `^سلام زهرا احمدی، نوبت شما [\\u0600-\\u06FF\\u200c ]+ ${date} ساعت ۱۰:۳۰ در کلینیک آزمون ثبت شد\\.$`,
        ),
      );
    // Persian SMS: 70 characters in one part, 67 per part beyond that.
    const shown = await editor.getByTestId('preview-confirmation').innerText();
    const parts = shown.length <= 70 ? 1 : Math.ceil(shown.length / 67);
    expect(await editor.getByTestId('preview-confirmation-size').innerText()).toBe(
      `${toPersianDigits(shown.length)} حرف — ${toPersianDigits(parts)} پیامک`,
    );
    expect(parts).toBe(2);
    // A placeholder chip goes in at the caret.
    await text.press('End');
    await editor.getByRole('button', { name: 'کد پیگیری' }).click();
    await expect.poll(() => text.inputValue()).toMatch(/ثبت شد\.\{code\}$/);
    await expect
      .poll(() => editor.getByTestId('preview-confirmation').innerText())
      .toMatch(/ثبت شد\.۴۸۲۷۱۹۳۰$/);

    // An unknown placeholder is flagged in the preview and refused on save.
    await text.fill('سلام {patient}، {doctor} منتظر شماست.');
    await editor.getByText('جای‌گذاری ناشناخته: {doctor}').waitFor();
    await shot('sms-template-unknown.png');
    await page.getByRole('button', { name: 'ذخیرهٔ تنظیمات پیامک' }).click();
    await expect
      .poll(() => sms.form.message('smsTemplates.confirmation'))
      .toContain('جای‌گذاری ناشناخته');

    await text.fill('{patient} عزیز، نوبت {date} ساعت {time} شما در {center} ثبت شد.');
    await sms.form.field('reminderHoursBefore').fill('3');
    await page.getByRole('button', { name: 'ذخیرهٔ تنظیمات پیامک' }).click();
    await notice().toContain('تنظیمات پیامک ذخیره شد.');
    const { center } = await desk.core.call('center.get', {});
    expect(center?.smsTemplates.confirmation).toBe(
      '{patient} عزیز، نوبت {date} ساعت {time} شما در {center} ثبت شد.',
    );
    expect(center?.reminderHoursBefore).toBe(3);
    await expect
      .poll(() => editor.getByTestId('preview-confirmation').innerText())
      .toBe(`زهرا احمدی عزیز، نوبت ${date} ساعت ۱۰:۳۰ شما در کلینیک آزمون ثبت شد.`);
    await editor.scrollIntoViewIfNeeded();
    await shot('sms-templates.png');
  });
});
