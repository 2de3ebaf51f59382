/**
 * The appointments list (B1): filters served by indexes where they can be (provider + days, patient,
 * days), the rest by the query matcher; and its Excel export.
 */
import ExcelJS from 'exceljs';
import type { MangoQuerySelector } from 'rxdb';
import type { z } from 'zod';
import type { appointmentListArgs, AppointmentRow } from '../../../shared/api/appointments';
import type { Page } from '../../../shared/api/patients';
import type { Appointment, AppointmentStatus } from '../../../shared/domain/appointments';
import { mobileLocal } from '../../../shared/text/identity';
import { formatJalali } from '../../../shared/time/dates';
import type { CoreContext } from '../context';
import { searchPatients } from '../patients/search';
import { toRows } from './rows';

type ListArgs = Omit<z.output<typeof appointmentListArgs>, 'limit' | 'offset'> & {
  limit?: number;
  offset?: number;
};

export const STATUS_LABELS: Record<AppointmentStatus, string> = {
  held: 'در انتظار پرداخت',
  booked: 'رزرو شده',
  'checked-in': 'پذیرش شده',
  done: 'انجام شده',
  'no-show': 'عدم حضور',
  cancelled: 'لغو شده',
  conflict: 'تعارض',
};

const MAX_TEXT_MATCHES = 2000;

async function selectorFor(
  ctx: CoreContext,
  args: ListArgs,
): Promise<MangoQuerySelector<Appointment> | null> {
  const selector: MangoQuerySelector<Appointment> = { centerId: ctx.device.centerId };
  if (args.providerId) selector.providerId = args.providerId;
  if (args.patientId) selector.patientId = args.patientId;
  if (args.serviceId) selector.serviceId = args.serviceId;
  if (args.source) selector.source = args.source;
  if (args.statuses?.length) selector.status = { $in: args.statuses };
  if (args.from || args.to) {
    selector.date = {};
    if (args.from) selector.date.$gte = args.from;
    if (args.to) selector.date.$lte = args.to;
  }
  if (args.departmentId) {
    const services = await ctx.db.catalog
      .find({ selector: { kind: 'service', departmentId: args.departmentId } })
      .exec();
    selector.serviceId = { $in: services.map((s) => s.id) };
  }
  const text = args.query.trim();
  if (text) {
    if (/^\d{8}$/.test(text)) {
      selector.trackingCode = text;
    } else {
      const found = await searchPatients(
        ctx.db,
        ctx.device.centerId,
        { query: text, limit: MAX_TEXT_MATCHES, offset: 0 },
        ctx.patientIndex,
      );
      const ids = found.items.map((p) => p.id);
      if (ids.length === 0) return null;
      selector.patientId = args.patientId
        ? ids.includes(args.patientId)
          ? args.patientId
          : '\u0000'
        : { $in: ids };
    }
  }
  return selector;
}

export async function listAppointments(
  ctx: CoreContext,
  args: ListArgs,
): Promise<Page<AppointmentRow>> {
  const selector = await selectorFor(ctx, args);
  if (!selector) return { items: [], total: 0 };
  const dir = args.sort === 'time-desc' ? 'desc' : 'asc';
  const [docs, total] = await Promise.all([
    ctx.db.appointments
      .find({
        selector,
        sort: [{ date: dir }, { start: dir }],
        skip: args.offset ?? 0,
        limit: args.limit ?? 50,
      })
      .exec(),
    ctx.db.appointments.count({ selector }).exec(),
  ]);
  return {
    items: await toRows(
      ctx.db,
      docs.map((d) => d.toMutableJSON()),
    ),
    total,
  };
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const MAX_EXPORT_ROWS = 100_000;

export async function exportAppointments(ctx: CoreContext, args: ListArgs) {
  const { items } = await listAppointments(ctx, { ...args, limit: MAX_EXPORT_ROWS, offset: 0 });
  const book = new ExcelJS.Workbook();
  book.creator = 'Clinic Desk';
  const sheet = book.addWorksheet('نوبت‌ها', {
    views: [{ rightToLeft: true, state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = [
    { header: 'تاریخ', key: 'date', width: 12 },
    { header: 'ساعت', key: 'time', width: 13 },
    { header: 'بیمار', key: 'patient', width: 24 },
    { header: 'شمارهٔ پرونده', key: 'file', width: 12 },
    { header: 'کد ملی', key: 'nid', width: 13 },
    { header: 'همراه', key: 'mobile', width: 14 },
    { header: 'ارائه‌دهنده', key: 'provider', width: 22 },
    { header: 'خدمت', key: 'service', width: 22 },
    { header: 'وضعیت', key: 'status', width: 14 },
    { header: 'منبع', key: 'source', width: 10 },
    { header: 'کد پیگیری', key: 'code', width: 12 },
    { header: 'یادداشت', key: 'notes', width: 30 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of items) {
    sheet.addRow({
      date: formatJalali(r.date),
      time: `${hhmm(r.start)}–${hhmm(r.end)}`,
      patient: r.patientName,
      file: r.patientFileNumber,
      nid: r.patientNationalId,
      mobile: r.patientMobile ? mobileLocal(r.patientMobile) : '',
      provider: r.providerName,
      service: r.serviceName,
      status: STATUS_LABELS[r.status],
      source: r.source === 'portal' ? 'سایت' : 'پذیرش',
      code: r.trackingCode,
      notes: r.notes,
    });
  }
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  const stamp = formatJalali(
    new Date(ctx.now().getTime() + 210 * 60_000).toISOString().slice(0, 10),
    'yyyy-MM-dd',
  );
  return {
    fileName: `appointments-${stamp}.xlsx`,
    base64: buffer.toString('base64'),
    rows: items.length,
  };
}
