import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Core } from '../create-core';
import { toPersianDigits } from '../../../shared/text/normalize';
import { formatJalali, todayInTehran } from '../../../shared/time/dates';
import { startSyncRig, type RigDesk, type SyncRig } from '../../../tests/support/sync-rig';

let rig: SyncRig;
let desk: RigDesk;
let core: Core;
let providerId: string;

beforeEach(async () => {
  rig = await startSyncRig();
  desk = await rig.addDesk('desk-a', { inProcess: true });
  core = desk.core as Core;
  providerId = (
    await core.call('staff.save', {
      firstName: 'رضا',
      lastName: 'حکیمی',
      kind: 'provider',
      title: 'دکتر',
    })
  ).id;
}, 60_000);
afterEach(() => rig.close());

it('queues a confirmation on booking and a cancellation on cancelling, once each, from the center’s templates', async () => {
  const p = await core.call('patients.create', {
    firstName: 'مینا',
    lastName: 'کاظمی',
    mobile: '09121234567',
    gender: 'female',
  });
  const a = await core.call('appointments.book', {
    patientId: p.id,
    providerId,
    date: '2026-12-01',
    start: 630,
    end: 660,
  });
  await core.call('appointments.cancel', { id: a.id, reason: 'بیمار خبر داد' });
  const { items, counts } = await core.call('messages.list', {});
  expect(items.map((m) => m.kind).sort()).toEqual(['cancellation', 'confirmation']);
  const confirmation = items.find((m) => m.kind === 'confirmation')!;
  expect(confirmation).toMatchObject({
    to: '+989121234567',
    status: 'waiting',
    appointmentId: a.id,
    patientName: 'مینا کاظمی',
  });
  expect(confirmation.text).toContain('۱۴۰۵/۰۹/۱۰');
  expect(confirmation.text).toContain('۱۰:۳۰');
  expect(confirmation.text).toContain('دکتر رضا حکیمی');
  expect(counts.waiting).toBe(2);

  // A waiting message can be deleted; a deleted one cannot be deleted again.
  const deleted = await core.call('messages.delete', { id: confirmation.id });
  expect(deleted.status).toBe('deleted');
  await expect(core.call('messages.delete', { id: confirmation.id })).rejects.toMatchObject({
    code: 'conflict',
  });
});

it('saves texts and settings, refusing unknown placeholders, and previews with sample values', async () => {
  const preview = await core.call('messages.preview', {
    template: 'سلام {patient}، {date} ساعت {time}',
  });
  // Tomorrow's Jalali date in Persian digits, as a patient's phone shows it.
  const tomorrow = todayInTehran(new Date(Date.now() + 86_400_000));
  expect(preview.text).toBe(
    `سلام زهرا احمدی، ${toPersianDigits(formatJalali(tomorrow))} ساعت ۱۰:۳۰`,
  );
  expect(preview.text).toMatch(/^سلام زهرا احمدی، ۱[۴۵]۰[۰-۹]\/[۰-۱][۰-۹]\/[۰-۳][۰-۹] ساعت/);
  const centerName = await core.call('messages.preview', { template: '{center}' });
  expect(centerName.text).toBe('کلینیک آزمون');
  expect(preview.parts).toBe(1);
  const settings = {
    smsTemplates: {
      confirmation: 'نوبت {patient} ثبت شد',
      reminder: 'یادآوری {date}',
      welcome: 'خوش آمدید {patient}',
      cancellation: 'لغو شد',
    },
    smsAuto: { confirmation: true, reminder: true, welcome: true, cancellation: false },
    reminderHoursBefore: 3,
    quietHours: { from: 1320, to: 480 },
  };
  await expect(
    core.call('messages.saveSettings', {
      ...settings,
      smsTemplates: { ...settings.smsTemplates, reminder: 'سلام {nmae}' },
    }),
  ).rejects.toMatchObject({
    code: 'invalid',
  });
  await core.call('messages.saveSettings', settings);
  const p = await core.call('patients.create', {
    firstName: 'علی',
    lastName: 'نوری',
    mobile: '09350000000',
    gender: 'male',
  });
  const { items } = await core.call('messages.list', { statuses: ['waiting'] });
  expect(items.map((m) => [m.kind, m.text])).toEqual([['welcome', 'خوش آمدید علی نوری']]);
  expect(items[0]!.patientId).toBe(p.id);
});

it('reads and sets the SMS provider on the server (key masked) and asks it for the balance; an operator may only see the balance', async () => {
  expect(await core.call('messages.provider', {})).toMatchObject({
    provider: 'outbox',
    apiKey: null,
    isDefault: true,
  });
  expect(await core.call('messages.balance', {})).toEqual({
    provider: 'outbox',
    amount: null,
    unit: 'none',
  });
  await expect(core.call('messages.saveProvider', { provider: 'kavenegar' })).rejects.toMatchObject(
    { code: 'invalid', details: { fields: { apiKey: expect.any(String) } } },
  );
  const saved = await core.call('messages.saveProvider', {
    provider: 'smsir',
    sender: '30007732',
    apiKey: 'smsir-0123456789-SECRET',
  });
  expect(saved).toMatchObject({ provider: 'smsir', sender: '30007732', apiKey: '••••CRET' });
  expect(JSON.stringify(await core.call('messages.provider', {}))).not.toContain('SECRET');
  // Back to the outbox (no provider API is reached from this test).
  expect(await core.call('messages.saveProvider', { provider: 'outbox' })).toMatchObject({
    provider: 'outbox',
    isDefault: false,
  });

  await core.call('staff.save', {
    firstName: 'سارا',
    lastName: 'تلفنی',
    kind: 'operator',
    mobile: '09127778899',
    password: 'operator12',
  });
  await core.call('auth.logout', {});
  await core.call('auth.login', { mobile: '09127778899', password: 'operator12' });
  await expect(core.call('messages.provider', {})).rejects.toMatchObject({ code: 'forbidden' });
  await expect(
    core.call('messages.saveProvider', { provider: 'outbox', sender: '' }),
  ).rejects.toMatchObject({ code: 'forbidden' });
  expect(await core.call('messages.balance', {})).toMatchObject({ provider: 'outbox' });
}, 60_000);
