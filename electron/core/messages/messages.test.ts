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
