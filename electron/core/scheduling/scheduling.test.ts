/**
 * Working time, holidays and free slots through the core, on a desk working alone (all rights; no
 * center document yet, so the weekend is the default Friday). Time is fixed at 08:00 Tehran on
 * Saturday 2026-04-04 (1405/01/15).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import type { Args, MethodName } from '../../../shared/api/contract';
import { createCore, type Core } from '../create-core';
import { tempDir } from '../../../tests/support/temp';

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

const MORNING = { start: 540, end: 780 };
const EVENING = { start: 960, end: 1140 };
/** Saturday to Thursday, two blocks a day; Friday off. */
const WEEK = [0, 1, 2, 3, 4, 5, 6].map((d) => (d === 6 ? [] : [EVENING, MORNING]));

describe('scheduling on a desk', () => {
  let core: Core;
  let temp: ReturnType<typeof tempDir>;
  let providerId: string;
  let managerId: string;
  let serviceId: string;

  beforeEach(async () => {
    temp = tempDir();
    core = await createCore({
      dataDir: temp.dir,
      host: 'test',
      devMode: true,
      now: () => new Date('2026-04-04T04:30:00Z'),
    });
    providerId = (
      await core.call('staff.save', {
        firstName: 'رضا',
        lastName: 'حکیمی',
        kind: 'provider',
        title: 'دکتر',
      })
    ).id;
    managerId = (
      await core.call('staff.save', { firstName: 'نگار', lastName: 'امینی', kind: 'manager' })
    ).id;
    const dept = await core.call('catalog.saveDepartment', { name: 'فیزیوتراپی' });
    serviceId = (
      await core.call('catalog.saveService', {
        name: 'جلسهٔ فیزیوتراپی',
        departmentId: dept.id,
        priceRial: 3_000_000,
        durationMin: 45,
      })
    ).id;
  });
  afterEach(async () => {
    await core.close();
    temp.remove();
  });

  const perDay = (slots: { date: string }[]) => {
    const out: Record<string, number> = {};
    for (const s of slots) out[s.date] = (out[s.date] ?? 0) + 1;
    return out;
  };

  it('gives free slots around bookings, leaves, closures, holidays, the weekend and an exception', async () => {
    const saved = await core.call('schedules.setProviderHours', { providerId, week: WEEK });
    expect(saved.providerHours?.[0]).toEqual([MORNING, EVENING]); // stored sorted
    await core.call('schedules.addLeave', {
      providerId,
      from: '2026-04-07',
      to: '2026-04-08',
      reason: 'کنگره',
    });
    await core.call('schedules.addClosure', {
      from: '2026-04-12',
      to: '2026-04-12',
      reason: 'ضدعفونی',
    });
    await core.call('schedules.setException', {
      providerId,
      date: '2026-04-13',
      blocks: [{ start: 600, end: 690 }],
    });
    const patientId = (
      await core.call('patients.create', {
        firstName: 'مینا',
        lastName: 'کاظمی',
        mobile: '09121234567',
        gender: 'female',
      })
    ).id;
    await core.call('appointments.book', {
      patientId,
      providerId,
      serviceId,
      date: '2026-04-05',
      start: 585,
      end: 630,
    });

    const range = { providerId, serviceId, from: '2026-04-04', to: '2026-04-17' };
    const free = await core.call('slots.free', range);
    expect(free).toMatchObject({ durationMin: 45, stepMin: 45 });
    expect(perDay(free.slots)).toEqual({
      '2026-04-04': 9,
      '2026-04-05': 8, // 09:45 is booked
      '2026-04-06': 9,
      '2026-04-09': 9,
      '2026-04-11': 9,
      '2026-04-13': 2, // the exception: 10:00–11:30
      '2026-04-15': 9,
      '2026-04-16': 9,
    });
    expect(free.slots.filter((s) => s.date === '2026-04-05').map((s) => s.start)).not.toContain(
      585,
    );

    // 25 Farvardin (2026-04-14) is a holiday in the shipped 1405 list; a center list replaces it.
    const lunar = await core.call('holidays.setLunar', {
      jalaliYear: 1405,
      holidays: [{ date: '2026-06-25', title: ' عاشورای حسینی ' }],
    });
    expect(lunar).toMatchObject({
      source: 'center',
      holidays: [{ date: '2026-06-25', title: 'عاشورای حسینی' }],
    });
    expect(perDay((await core.call('slots.free', range)).slots)['2026-04-14']).toBe(9);

    // Notice and horizon: two hours from 08:00, one day ahead.
    const soon = await core.call('slots.free', {
      ...range,
      minNoticeMin: 120,
      maxAheadDays: 1,
      durationMin: 60,
      serviceId: undefined,
    });
    expect(soon.slots.map((s) => `${s.date} ${s.start}`)).toEqual([
      '2026-04-04 600',
      '2026-04-04 660',
      '2026-04-04 720',
      '2026-04-04 960',
      '2026-04-04 1020',
      '2026-04-04 1080',
      '2026-04-05 660',
      '2026-04-05 720',
      '2026-04-05 960',
      '2026-04-05 1020',
      '2026-04-05 1080',
    ]);
  });

  it("shows each provider's days for the desk's calendar, cut to the center's hours", async () => {
    await core.call('schedules.setProviderHours', { providerId, week: WEEK, slotStepMin: 15 });
    await core.call('schedules.setCenterHours', {
      week: WEEK.map((d) => (d.length ? [{ start: 480, end: 1080 }] : [])),
    });
    await core.call('schedules.addLeave', {
      providerId,
      from: '2026-04-07',
      to: '2026-04-07',
      reason: 'کنگره',
    });
    await core.call('schedules.addClosure', {
      from: '2026-04-12',
      to: '2026-04-12',
      reason: 'ضدعفونی',
    });
    const { providers, holidays } = await core.call('calendar.days', {
      providerIds: [providerId, managerId],
      from: '2026-04-04',
      to: '2026-04-14',
    });
    const doctor = Object.fromEntries(providers[0]!.days.map((d) => [d.date, d]));
    expect(doctor['2026-04-04']).toMatchObject({
      weekday: 0,
      closed: null,
      blocks: [MORNING, { start: 960, end: 1080 }],
    });
    expect(doctor['2026-04-07']!.closed).toEqual({ kind: 'leave', reason: 'مرخصی: کنگره' });
    expect(doctor['2026-04-10']!.closed?.kind).toBe('weekend');
    expect(doctor['2026-04-12']!.closed).toEqual({ kind: 'closure', reason: 'ضدعفونی' });
    expect(doctor['2026-04-14']!.closed).toEqual({
      kind: 'holiday',
      reason: 'شهادت امام جعفر صادق (ع)',
    });
    expect(providers[1]!.days[0]!.closed?.kind).toBe('no-hours'); // the manager has set no hours
    expect(holidays.map((h) => h.date)).toEqual(['2026-04-12', '2026-04-14']);
    expect(
      (
        await core.call('slots.free', {
          providerId,
          durationMin: 30,
          from: '2026-04-04',
          to: '2026-04-04',
        })
      ).stepMin,
    ).toBe(15);
  });

  it('refuses bad input with Persian field messages and writes nothing', async () => {
    const nurseId = (
      await core.call('staff.save', { firstName: 'سمیرا', lastName: 'نیکو', kind: 'nurse' })
    ).id;
    const before = (await core.call('audit.list', {})).total;
    const cases: [MethodName, unknown, string][] = [
      [
        'schedules.setProviderHours',
        {
          providerId,
          week: WEEK.map((d, i) => (i === 2 ? [MORNING, { start: 700, end: 800 }] : d)),
        },
        'week.2.1.start',
      ],
      [
        'schedules.setProviderHours',
        { providerId, week: WEEK.map((d, i) => (i === 0 ? [{ start: 600, end: 600 }] : d)) },
        'week.0.0.end',
      ],
      ['schedules.setProviderHours', { providerId: nurseId, week: WEEK }, 'providerId'],
      ['schedules.setCenterHours', { week: WEEK.slice(0, 6) }, 'week'],
      ['schedules.addLeave', { providerId, from: '2026-04-09', to: '2026-04-08' }, 'to'],
      ['schedules.addClosure', { from: '2026-04-09', to: '2026-04-09', reason: ' ' }, 'reason'],
      [
        'holidays.setLunar',
        { jalaliYear: 1405, holidays: [{ date: '2026-03-20', title: 'عید' }] },
        'holidays.0.date',
      ],
      ['slots.free', { providerId, from: '2026-04-04', to: '2026-04-05' }, 'serviceId'],
      ['slots.free', { providerId, durationMin: 30, from: '2026-04-04', to: '2026-07-04' }, 'to'],
      [
        'calendar.days',
        { providerIds: [providerId, nurseId], from: '2026-04-04', to: '2026-04-05' },
        'providerIds.1',
      ],
    ];
    for (const [name, args, field] of cases) {
      const error = await refusal(core.call(name, args as Args<typeof name>));
      expect(['invalid', 'not-found'], `${name} ${field}`).toContain(error.code);
      expect(error.details?.fields?.[field], `${name} ${field}`).toMatch(/[\u0600-\u06ff]/);
    }
    expect((await core.call('audit.list', {})).total).toBe(before);
    expect(await core.dump('schedules')).toEqual([]);
  });

  it('keeps one document per key, audits every change, and lets an exception be cleared and set again', async () => {
    await core.call('schedules.setProviderHours', { providerId, week: WEEK });
    await core.call('schedules.setProviderHours', { providerId, week: WEEK, slotStepMin: 20 });
    await core.call('schedules.setException', { providerId, date: '2026-04-13', blocks: [] });
    await core.call('schedules.clearException', { providerId, date: '2026-04-13' });
    await core.call('schedules.setException', {
      providerId,
      date: '2026-04-13',
      blocks: [{ start: 600, end: 690 }],
    });
    const leave = await core.call('schedules.addLeave', {
      providerId,
      from: '2026-04-20',
      to: '2026-04-22',
    });
    const closure = await core.call('schedules.addClosure', {
      from: '2026-05-01',
      to: '2026-05-02',
      reason: 'بازسازی',
    });

    const schedule = await core.call('schedules.get', { providerId });
    expect(schedule).toMatchObject({
      slotStepMin: 20,
      centerHours: null,
      exceptions: [{ date: '2026-04-13', blocks: [{ start: 600, end: 690 }] }],
      leaves: [{ id: leave.id, from: '2026-04-20', to: '2026-04-22', reason: '' }],
    });
    const docs = await core.dump('schedules');
    expect(docs.filter((d) => d.kind === 'provider-hours')).toHaveLength(1);
    expect(docs.filter((d) => d.kind === 'exception')).toHaveLength(1);

    const list = await core.call('holidays.list', { from: '2026-04-28', to: '2026-05-03' });
    expect(list.holidays).toEqual([
      { date: '2026-05-01', title: 'بازسازی', kind: 'closure', closureId: closure.id },
      { date: '2026-05-02', title: 'بازسازی', kind: 'closure', closureId: closure.id },
    ]);
    expect(list).toMatchObject({
      weekend: [6],
      weekendDays: ['2026-05-01'],
      missingLunarYears: [],
    });
    await core.call('schedules.removeClosure', { id: closure.id });
    await core.call('schedules.removeLeave', { id: leave.id });
    expect(
      (await core.call('holidays.list', { from: '2026-04-28', to: '2026-05-03' })).holidays,
    ).toEqual([]);
    expect((await core.call('schedules.get', { providerId })).leaves).toEqual([]);
    expect((await refusal(core.call('schedules.removeLeave', { id: leave.id }))).code).toBe(
      'not-found',
    );

    // The clock is frozen, so the log's order among these entries is not asserted.
    const log = await core.call('audit.list', { section: 'schedules' });
    expect(log.items.map((e) => e.action).sort()).toEqual([
      ...Array<string>(5).fill('create'),
      ...Array<string>(3).fill('delete'),
      'update',
    ]);
    const summaries = log.items.map((e) => e.summary);
    expect(summaries.find((s) => s.startsWith('ساعات کاری هفتگی'))).toMatch(
      /^ساعات کاری هفتگی دکتر رضا حکیمی: شنبه ۰۹:۰۰–۱۳:۰۰ و ۱۶:۰۰–۱۹:۰۰/,
    );
    expect(summaries).toContain('ساعات دکتر رضا حکیمی در ۱۴۰۵/۰۱/۲۴: ۱۰:۰۰–۱۱:۳۰');
    expect(summaries).toContain('تعطیلی مرکز ۱۴۰۵/۰۲/۱۱ تا ۱۴۰۵/۰۲/۱۲: بازسازی');
  });
});
