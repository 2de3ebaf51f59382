import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../create-core';
import { tempDir } from '../../../tests/support/temp';

describe('appointments, receptions and packages on a desk', () => {
  let core: Core;
  let temp: ReturnType<typeof tempDir>;
  let providerId: string;
  let serviceId: string;
  let patientId: string;

  beforeEach(async () => {
    temp = tempDir();
    core = await createCore({
      dataDir: temp.dir,
      host: 'test',
      devMode: true,
      now: () => new Date('2026-12-20T06:30:00Z'),
    });
    const provider = await core.call('staff.save', {
      firstName: 'رضا',
      lastName: 'حکیمی',
      kind: 'provider',
      title: 'دکتر',
    });
    providerId = provider.id;
    const dept = await core.call('catalog.saveDepartment', { name: 'فیزیوتراپی' });
    serviceId = (
      await core.call('catalog.saveService', {
        name: 'جلسهٔ فیزیوتراپی',
        departmentId: dept.id,
        priceRial: 3_000_000,
        durationMin: 30,
      })
    ).id;
    patientId = (
      await core.call('patients.create', {
        firstName: 'مینا',
        lastName: 'کاظمی',
        mobile: '09121234567',
        gender: 'female',
      })
    ).id;
  });
  afterEach(async () => {
    await core.close();
    temp.remove();
  });

  const slot = (date: string, start: number) => ({
    providerId,
    serviceId,
    date,
    start,
    end: start + 30,
  });

  it('books, refuses taken time unless overbooking, moves, checks in, finishes, marks no-show and cancels with a reason', async () => {
    const a = await core.call('appointments.book', { ...slot('2026-12-01', 540), patientId });
    expect(a).toMatchObject({ status: 'booked', source: 'desk', walkIn: false });
    expect(a.trackingCode).toMatch(/^\d{8}$/);
    await expect(
      core.call('appointments.book', { ...slot('2026-12-01', 555), patientId }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const extra = await core.call('appointments.book', {
      ...slot('2026-12-01', 555),
      patientId,
      overbook: true,
    });
    expect(extra.overbook).toBe(true);

    const moved = await core.call('appointments.move', {
      id: a.id,
      date: '2026-12-02',
      start: 600,
      end: 630,
    });
    expect(moved).toMatchObject({ date: '2026-12-02', start: 600, status: 'booked' });
    expect((await core.call('appointments.checkIn', { id: a.id })).status).toBe('checked-in');
    await expect(
      core.call('appointments.move', { id: a.id, date: '2026-12-03', start: 600, end: 630 }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect((await core.call('appointments.done', { id: a.id })).status).toBe('done');

    const b = await core.call('appointments.book', { ...slot('2026-12-05', 600), patientId });
    expect((await core.call('appointments.noShow', { id: b.id })).status).toBe('no-show');
    const c = await core.call('appointments.book', { ...slot('2026-12-06', 600), patientId });
    await expect(core.call('appointments.cancel', { id: c.id, reason: ' ' })).rejects.toMatchObject(
      { code: 'invalid' },
    );
    const cancelled = await core.call('appointments.cancel', {
      id: c.id,
      reason: 'بیمار تماس گرفت',
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'بیمار تماس گرفت' });
    // The freed time can be booked again.
    await core.call('appointments.book', { ...slot('2026-12-06', 600), patientId });
  });

  it('registers a walk-in as checked in now, without taking booked time', async () => {
    const w = await core.call('appointments.walkIn', { patientId, providerId, durationMin: 20 });
    expect(w).toMatchObject({
      status: 'checked-in',
      walkIn: true,
      date: '2026-12-20',
      start: 600,
      end: 620,
    });
    await core.call('appointments.book', { ...slot('2026-12-20', 600), patientId });
  });

  it('lists with filters, text search and tracking code, and exports to Excel', async () => {
    const other = (
      await core.call('patients.create', {
        firstName: 'علی',
        lastName: 'نوری',
        mobile: '09350000000',
        gender: 'male',
      })
    ).id;
    const a = await core.call('appointments.book', { ...slot('2026-12-01', 540), patientId });
    await core.call('appointments.book', { ...slot('2026-12-01', 600), patientId: other });
    await core.call('appointments.book', { ...slot('2026-12-03', 600), patientId: other });
    const day = await core.call('appointments.list', { from: '2026-12-01', to: '2026-12-01' });
    expect(day.total).toBe(2);
    expect(day.items.map((r) => r.patientName)).toEqual(['مینا کاظمی', 'علی نوری']);
    expect(day.items[0]).toMatchObject({
      providerName: 'دکتر رضا حکیمی',
      serviceName: 'جلسهٔ فیزیوتراپی',
    });
    await new Promise((r) => setTimeout(r, 50)); // the search index loads in the background
    expect((await core.call('appointments.list', { query: 'نوري' })).total).toBe(2);
    expect(
      (await core.call('appointments.list', { query: a.trackingCode })).items.map((r) => r.id),
    ).toEqual([a.id]);
    expect((await core.call('appointments.list', { statuses: ['cancelled'] })).total).toBe(0);
    expect(
      (await core.call('appointments.list', { sort: 'time-desc', limit: 1 })).items[0]!.date,
    ).toBe('2026-12-03');

    const file = await core.call('appointments.export', { from: '2026-12-01', to: '2026-12-31' });
    expect(file.rows).toBe(3);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as never);
    const sheet = book.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true });
    expect(sheet.getRow(1).getCell(3).value).toBe('بیمار');
    expect(sheet.getRow(2).getCell(1).value).toBe('1405/09/10');
    expect(sheet.getRow(2).getCell(3).value).toBe('مینا کاظمی');
  });

  it('sells a package of 5 sessions: 3 left after 2 attended, never more sessions than bought', async () => {
    const pkg = await core.call('packages.sell', {
      patientId,
      serviceId,
      sessions: 5,
      priceRial: 12_000_000,
      validUntil: '2027-03-01',
    });
    expect(pkg.usage).toMatchObject({ used: 0, booked: 0, left: 5 });
    const visits = [];
    for (let i = 0; i < 5; i++) {
      visits.push(
        await core.call('appointments.book', {
          ...slot(`2026-12-0${i + 1}`, 540),
          patientId,
          packageId: pkg.id,
        }),
      );
    }
    await expect(
      core.call('appointments.book', { ...slot('2026-12-09', 540), patientId, packageId: pkg.id }),
    ).rejects.toMatchObject({ code: 'invalid' });
    await core.call('appointments.checkIn', { id: visits[0]!.id });
    await core.call('appointments.checkIn', { id: visits[1]!.id });
    await core.call('appointments.cancel', { id: visits[2]!.id, reason: 'سفر' });
    await core.call('appointments.cancel', { id: visits[3]!.id, reason: 'سفر' });
    const [view] = await core.call('packages.list', { patientId });
    expect(view!.usage).toMatchObject({ used: 2, booked: 1, left: 2 });
    await core.call('appointments.cancel', { id: visits[4]!.id, reason: 'سفر' });
    expect((await core.call('packages.list', { patientId }))[0]!.usage).toMatchObject({
      used: 2,
      booked: 0,
      left: 3,
    });
    await expect(
      core.call('packages.sell', { patientId, serviceId, sessions: 0, priceRial: 1 }),
    ).rejects.toMatchObject({ code: 'invalid' });
    await expect(
      core.call('packages.sell', { patientId, serviceId, sessions: 3, priceRial: -5 }),
    ).rejects.toMatchObject({ code: 'invalid' });
  });

  it('gives file numbers, and shows the patient file with appointments and packages', async () => {
    const p1 = await core.call('patients.get', { id: patientId });
    const p2 = await core.call('patients.create', {
      firstName: 'سارا',
      lastName: 'محمدی',
      mobile: '09120000002',
      gender: 'female',
    });
    expect(p1.fileNumber).toBe('0-1');
    expect(p2.fileNumber).toBe('0-2');
    await new Promise((r) => setTimeout(r, 50));
    expect((await core.call('patients.search', { query: '0-2' })).items.map((p) => p.id)).toEqual([
      p2.id,
    ]);
    await core.call('appointments.book', { ...slot('2026-12-01', 540), patientId });
    await core.call('packages.sell', { patientId, serviceId, sessions: 10, priceRial: 20_000_000 });
    const file = await core.call('patients.file', { id: patientId });
    expect(file.patient.id).toBe(patientId);
    expect(file.appointments).toHaveLength(1);
    expect(file.packages[0]!.usage.left).toBe(10);
    expect(file.dependants).toEqual([]);
  });
});
