/**
 * How a portal booking reads to its account holder (P8, P9): the appointment document as the
 * center has it, the portal's link row (who it was for, the prepayment) and the latest payment.
 * Another account's booking is answered exactly like one that does not exist (S1).
 */
import { AppError } from '../../../shared/api/errors';
import type { Appointment } from '../../../shared/domain/appointments';
import type { CatalogItem } from '../../../shared/domain/catalog';
import type { Center } from '../../../shared/domain/center';
import { staffFullName, type Staff } from '../../../shared/domain/staff';
import type { PortalBooking, Receipt } from '../../../shared/portal/contract';
import { maskNationalId } from '../../../shared/text/identity';
import { visitInstant } from '../sms/tehran-time';
import type { PortalAccountRecord, PortalBookingRecord } from '../store/portal-store';
import type { SyncStore } from '../store/sync-store';
import { centerDoc } from './center-data';
import type { PortalDeps } from './deps';

const NOT_FOUND = 'این نوبت پیدا نشد.';

export function live<T>(doc: { deleted: boolean; data: Record<string, unknown> } | null): T | null {
  return doc && !doc.deleted ? (doc.data as unknown as T) : null;
}

export async function ownRecord(
  store: SyncStore,
  account: PortalAccountRecord,
  id: string,
): Promise<PortalBookingRecord> {
  const record = await store.portal.getBooking(id);
  // Another account's booking is answered exactly like one that does not exist (S1).
  if (!record || record.accountId !== account.id) throw new AppError('not-found', NOT_FOUND);
  return record;
}

function paymentState(
  record: PortalBookingRecord,
  latest: { status: string } | null,
): PortalBooking['payment'] {
  if (record.paymentStatus !== 'pending') return record.paymentStatus;
  return latest && (latest.status === 'failed' || latest.status === 'cancelled')
    ? 'failed'
    : 'pending';
}

export function cancellable(a: Appointment, center: Center | null, now: Date): boolean {
  if (a.status === 'held') return true;
  if (a.status !== 'booked' || !center?.selfCancellation.enabled) return false;
  const notice = center.selfCancellation.minNoticeHours * 3_600_000;
  return visitInstant(a.date, a.start).getTime() - now.getTime() >= notice;
}

export interface Parts {
  record: PortalBookingRecord;
  appointment: Appointment;
  center: Center | null;
  patientName: string;
  nationalId: string;
  mobile: string;
  providerName: string;
  serviceName: string;
  payment: PortalBooking['payment'];
  paymentRef: string;
}

export async function parts(
  deps: PortalDeps,
  account: PortalAccountRecord,
  record: PortalBookingRecord,
): Promise<Parts | null> {
  const { store } = deps.path;
  const appointment = live<Appointment>(
    await store.getDocument('appointments', record.appointmentId),
  );
  if (!appointment) return null;
  const [center, provider, service, latest, people] = await Promise.all([
    centerDoc(store, record.centerId),
    store.getDocument('staff', appointment.providerId),
    store.getDocument('catalog', appointment.serviceId),
    store.portal.latestPaymentStatus(record.appointmentId),
    record.personId ? store.portal.listPeople(account.id) : Promise.resolve([]),
  ]);
  const person = people.find((p) => p.id === record.personId);
  const who = person ?? account;
  const staff = live<Staff>(provider);
  const payment = paymentState(record, latest);
  return {
    record,
    appointment,
    center,
    patientName: `${who.firstName} ${who.lastName}`,
    nationalId: who.nationalId,
    mobile: who.mobile,
    providerName: staff ? staffFullName(staff) : '',
    serviceName: live<CatalogItem>(service)?.name ?? '',
    payment,
    paymentRef: payment === 'paid' ? (latest?.refId ?? '') : '',
  };
}

export function toView(p: Parts, now: Date): PortalBooking {
  const a = p.appointment;
  return {
    id: a.id,
    centerId: a.centerId,
    centerName: p.center?.name ?? '',
    providerName: p.providerName,
    serviceName: p.serviceName,
    date: a.date,
    start: a.start,
    end: a.end,
    status: a.status,
    trackingCode: a.trackingCode,
    patientName: p.patientName,
    priceRial: p.record.priceRial,
    payment: p.payment,
    holdUntil: a.status === 'held' ? p.record.holdUntil : null,
    canCancel: cancellable(a, p.center, now),
  };
}

export async function readBooking(
  deps: PortalDeps,
  account: PortalAccountRecord,
  id: string,
): Promise<PortalBooking> {
  const record = await ownRecord(deps.path.store, account, id);
  const p = await parts(deps, account, record);
  if (!p) throw new AppError('not-found', NOT_FOUND);
  return toView(p, deps.path.now());
}

/** The account's bookings, upcoming and past, newest visit first. */
export async function readBookings(
  deps: PortalDeps,
  account: PortalAccountRecord,
): Promise<PortalBooking[]> {
  const now = deps.path.now();
  const views: PortalBooking[] = [];
  for (const record of await deps.path.store.portal.listBookings(account.id)) {
    const p = await parts(deps, account, record);
    if (p) views.push(toView(p, now));
  }
  return views.sort((a, b) => (a.date === b.date ? b.start - a.start : a.date < b.date ? 1 : -1));
}

/** P9: what the clinic checks on arrival, with the national id masked. */
export async function receipt(
  deps: PortalDeps,
  account: PortalAccountRecord,
  id: string,
): Promise<Receipt> {
  const record = await ownRecord(deps.path.store, account, id);
  const p = await parts(deps, account, record);
  if (!p) throw new AppError('not-found', NOT_FOUND);
  return {
    trackingCode: p.appointment.trackingCode,
    patientName: p.patientName,
    maskedNationalId: maskNationalId(p.nationalId),
    mobile: p.mobile,
    centerName: p.center?.name ?? '',
    centerAddress: p.center?.address ?? '',
    providerName: p.providerName,
    serviceName: p.serviceName,
    date: p.appointment.date,
    start: p.appointment.start,
    status: p.appointment.status,
    paymentStatus: p.payment,
    paymentReference: p.paymentRef,
  };
}
