/**
 * Portal bookings (P4, P5, P6, P8, P9). A booking is a real `appointments` document (source
 * `portal`) written through the server's write path, with the center's patient record found by
 * national id or created, so it reaches every desk by pull and stream like a desk's booking. The
 * slot is checked again inside the write transaction against every booking that holds the
 * provider's time, and the appointment rule's arbitration runs on the write too: a lost race
 * rolls the whole booking back and answers 409 `conflict` with `details.reason: 'slot-taken'`.
 *
 * A service with online prepayment is booked `held` for {@link PAYMENT_HOLD_MINUTES}; a verified
 * payment makes it `booked` and a hold that lapses is released (holds.ts), before every slot read,
 * booking and booking read, and on a timer.
 */
import { randomInt } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { AppError, invalidFields } from '../../../shared/api/errors';
import type { Appointment } from '../../../shared/domain/appointments';
import type { CatalogItem } from '../../../shared/domain/catalog';
import type { Center } from '../../../shared/domain/center';
import { patientSearchText, patientSortName, type Patient } from '../../../shared/domain/patients';
import type { Staff } from '../../../shared/domain/staff';
import {
  PAYMENT_HOLD_MINUTES,
  type PortalBooking,
  type bookSchema,
  type slotQuerySchema,
} from '../../../shared/portal/contract';
import { daysBetween } from '../../../shared/scheduling/day-math';
import { freeSlots, type Slot } from '../../../shared/scheduling/slots';
import { SERVER_ACTOR_ID, SERVER_DEVICE_ID } from '../../../shared/sync/protocol';
import { commitServerWork, type ServerWriter } from '../replication/commit';
import { DEFAULT_REGISTRY, deepStrict } from '../replication/registry';
import type { PortalAccountRecord } from '../store/portal-store';
import type { SyncStore } from '../store/sync-store';
import { queueAutoMessage } from './auto-messages';
import { cancellable, live, ownRecord, readBooking, readBookings } from './booking-views';
import {
  centerDoc,
  isBookableService,
  isProvider,
  providerFacts,
  providersWithHours,
} from './center-data';
import type { PortalDeps } from './deps';
import { releaseLapsedHolds } from './holds';

export const SLOT_TAKEN = 'این زمان همین حالا گرفته شد؛ لطفاً زمان دیگری انتخاب کنید.';
const NOT_A_SLOT = 'این زمان برای نوبت‌دهی باز نیست؛ از زمان‌های آزاد یکی را انتخاب کنید.';
const CENTER_NOT_FOUND = 'این مرکز پیدا نشد.';
const SERVICE_NOT_FOUND = 'این خدمت در این مرکز برای نوبت‌دهی اینترنتی فعال نیست.';
const PROVIDER_NOT_FOUND = 'این ارائه‌دهنده در این مرکز این خدمت را ارائه نمی‌کند.';
const PERSON_NOT_FOUND = 'این فرد در فهرست افراد شما نیست.';
const NO_CANCEL = 'لغو اینترنتی این نوبت ممکن نیست؛ برای لغو با مرکز تماس بگیرید.';
const RANGE = 'بازهٔ تاریخ باید حداکثر ۳۱ روز و به ترتیب باشد.';
const PATIENT_CANCEL_REASON = 'لغو به درخواست بیمار در سامانهٔ نوبت‌دهی اینترنتی.';
const MIN_PAYMENT_RIAL = 1000;

const appointmentSchema = deepStrict(DEFAULT_REGISTRY.appointments!.docSchema);
const patientSchema = deepStrict(DEFAULT_REGISTRY.patients!.docSchema);

function slotTaken(): AppError {
  return new AppError('conflict', SLOT_TAKEN, { reason: 'slot-taken' });
}

function trackingCode(): string {
  return String(randomInt(10_000_000, 100_000_000));
}

const NO_HOURS: ReadonlySet<string> = new Set();

async function loadOffer(
  store: SyncStore,
  centerId: string,
  serviceId: string,
  providerId: string,
) {
  const center = await centerDoc(store, centerId);
  if (!center) throw new AppError('not-found', CENTER_NOT_FOUND);
  const service = live<CatalogItem>(await store.getDocument('catalog', serviceId));
  if (!service || service.centerId !== centerId || !isBookableService(service)) {
    throw new AppError('not-found', SERVICE_NOT_FOUND, {
      fields: { serviceId: SERVICE_NOT_FOUND },
    });
  }
  const provider = live<Staff>(await store.getDocument('staff', providerId));
  if (
    !provider ||
    provider.centerId !== centerId ||
    // Only a manager's own hours decide (a provider is offered either way): the schedules are read
    // for her alone, not on every slot query.
    !isProvider(
      provider,
      provider.kind === 'manager' ? await providersWithHours(store, centerId) : NO_HOURS,
    ) ||
    (provider.serviceIds.length > 0 && !provider.serviceIds.includes(serviceId))
  ) {
    throw new AppError('not-found', PROVIDER_NOT_FOUND, {
      fields: { providerId: PROVIDER_NOT_FOUND },
    });
  }
  return { center, service, provider };
}

/** Free slots of a provider for a service (P4), from the shared slot engine. */
export async function listSlots(
  deps: PortalDeps,
  centerId: string,
  q: z.output<typeof slotQuerySchema>,
): Promise<Slot[]> {
  const { store } = deps.path;
  if (q.to < q.from || daysBetween(q.from, q.to) > 31) throw invalidFields({ to: RANGE });
  await releaseLapsedHolds(deps);
  const { center, service } = await loadOffer(store, centerId, q.serviceId, q.providerId);
  const facts = await providerFacts(store, center, q.providerId, q.from, q.to);
  const held = await store.portal.heldTimes(centerId, q.providerId, q.from, q.to);
  return freeSlots(facts, {
    from: q.from,
    to: q.to,
    durationMin: service.durationMin,
    now: deps.path.now(),
    bookings: held.map((h) => ({ ...h, status: 'booked' as const })),
  });
}

interface Who {
  personId: string;
  firstName: string;
  lastName: string;
  nationalId: string;
  mobile: string;
  gender: Patient['gender'];
  birthDate: string;
  relation: string;
}

async function whoFor(store: SyncStore, account: PortalAccountRecord, personId: string) {
  if (!personId) {
    return {
      personId: '',
      firstName: account.firstName,
      lastName: account.lastName,
      nationalId: account.nationalId,
      mobile: account.mobile,
      gender: account.gender,
      birthDate: account.birthDate,
      relation: '',
    } satisfies Who;
  }
  const person = (await store.portal.listPeople(account.id)).find((p) => p.id === personId);
  if (!person) {
    throw new AppError('not-found', PERSON_NOT_FOUND, { fields: { personId: PERSON_NOT_FOUND } });
  }
  return {
    personId: person.id,
    firstName: person.firstName,
    lastName: person.lastName,
    nationalId: person.nationalId,
    mobile: person.mobile,
    gender: person.gender,
    birthDate: '',
    relation: person.relation,
  } satisfies Who;
}

/** The center's live patient with this national id, or null. */
async function findPatient(w: ServerWriter, centerId: string, nationalId: string) {
  for (const id of await w.tx.portal.patientsByNationalId(centerId, nationalId)) {
    const doc = await w.get('patients', id);
    if (doc && !doc.deleted && doc.centerId === centerId) return doc.data as unknown as Patient;
  }
  return null;
}

async function ensurePatient(
  w: ServerWriter,
  centerId: string,
  who: Who,
  holderNationalId: string,
): Promise<{ patient: Patient; created: boolean }> {
  const found = await findPatient(w, centerId, who.nationalId);
  if (found) return { patient: found, created: false };
  const at = w.now.toISOString();
  const holder = who.personId ? await findPatient(w, centerId, holderNationalId) : null;
  const fileNumber = `W-${trackingCode()}`;
  const fields = {
    firstName: who.firstName,
    lastName: who.lastName,
    nationalId: who.nationalId,
    mobile: who.mobile,
    fileNumber,
  };
  const patient = patientSchema.parse({
    id: uuidv7(),
    centerId,
    createdAt: at,
    updatedAt: at,
    updatedBy: SERVER_ACTOR_ID,
    deviceId: SERVER_DEVICE_ID,
    ...fields,
    gender: who.gender,
    birthDate: who.birthDate,
    notes: '',
    relatedTo: holder?.id ?? '',
    relation: who.relation,
    searchText: patientSearchText(fields),
    sortName: patientSortName(fields),
  }) as Patient;
  await w.put('patients', patient.id, { deleted: false, data: { ...patient } });
  return { patient, created: true };
}

/** P4/P6: books a free slot for the holder or one of their people; one transaction. */
export async function book(
  deps: PortalDeps,
  account: PortalAccountRecord,
  input: z.output<typeof bookSchema>,
): Promise<PortalBooking> {
  const { store } = deps.path;
  await releaseLapsedHolds(deps);
  const { center, service, provider } = await loadOffer(
    store,
    input.centerId,
    input.serviceId,
    input.providerId,
  );
  const who = await whoFor(store, account, input.personId);
  const facts = await providerFacts(store, center, provider.id, input.date, input.date);
  const wanted = { date: input.date, start: input.start, end: input.start + service.durationMin };
  const prepaid = service.prepaymentRequired && service.priceRial >= MIN_PAYMENT_RIAL;

  const appointmentId = await commitServerWork(deps.path, center.id, async (w) => {
    const open = (bookings: { date: string; start: number; end: number }[]) =>
      freeSlots(facts, {
        from: input.date,
        to: input.date,
        durationMin: service.durationMin,
        now: w.now,
        bookings: bookings.map((b) => ({ ...b, status: 'booked' as const })),
      }).some((s) => s.start === input.start);
    if (!open([])) throw invalidFields({ start: NOT_A_SLOT }, NOT_A_SLOT);
    // The re-check inside the transaction: every booking that holds the provider's time now.
    if (!open(await w.tx.portal.heldTimes(center.id, provider.id, input.date, input.date))) {
      throw slotTaken();
    }
    const { patient, created } = await ensurePatient(w, center.id, who, account.nationalId);
    const at = w.now.toISOString();
    const holdUntil = prepaid
      ? new Date(w.now.getTime() + PAYMENT_HOLD_MINUTES * 60_000).toISOString()
      : null;
    const appointment = appointmentSchema.parse({
      id: uuidv7(),
      centerId: center.id,
      createdAt: at,
      updatedAt: at,
      updatedBy: SERVER_ACTOR_ID,
      deviceId: SERVER_DEVICE_ID,
      patientId: patient.id,
      providerId: provider.id,
      serviceId: service.id,
      ...wanted,
      status: prepaid ? 'held' : 'booked',
      source: 'portal',
      trackingCode: trackingCode(),
      overbook: false,
      notes: '',
      cancelReason: '',
      conflict: null,
      packageId: '',
      walkIn: false,
      checkedInAt: '',
    }) as Appointment;
    const stored = await w.put('appointments', appointment.id, {
      deleted: false,
      data: { ...appointment },
    });
    // The write path's own arbitration agrees with the check above; if it did not, undo all.
    if (stored.data.status === 'conflict') throw slotTaken();
    await w.tx.portal.insertBooking({
      appointmentId: appointment.id,
      accountId: account.id,
      personId: who.personId,
      centerId: center.id,
      patientId: patient.id,
      priceRial: service.priceRial,
      paymentStatus: prepaid ? 'pending' : 'not-needed',
      holdUntil,
      createdAt: at,
      updatedAt: at,
    });
    const subject = { appointmentId: appointment.id, patientId: patient.id };
    if (created) await queueAutoMessage(w, 'welcome', center.id, subject);
    if (!prepaid) await queueAutoMessage(w, 'confirmation', center.id, subject);
    return appointment.id;
  });
  return bookingView(deps, account, appointmentId);
}

/** P8: cancels where the center allows it (a held booking always: it releases the hold). */
export async function cancelBooking(
  deps: PortalDeps,
  account: PortalAccountRecord,
  id: string,
): Promise<PortalBooking> {
  const record = await ownRecord(deps.path.store, account, id);
  await commitServerWork(deps.path, record.centerId, async (w) => {
    const a = live<Appointment>(await w.get('appointments', id));
    const center = live<Center>(await w.get('center', record.centerId));
    if (!a || !cancellable(a, center, w.now)) {
      throw new AppError('forbidden', NO_CANCEL, { reason: 'not-cancellable' });
    }
    const at = w.now.toISOString();
    await w.put('appointments', id, {
      deleted: false,
      data: {
        ...a,
        status: 'cancelled',
        cancelReason: PATIENT_CANCEL_REASON,
        updatedAt: at,
        updatedBy: SERVER_ACTOR_ID,
        deviceId: SERVER_DEVICE_ID,
      },
    });
    await w.tx.portal.updateBooking(id, {
      holdUntil: null,
      updatedAt: at,
      ...(record.paymentStatus === 'pending' ? { paymentStatus: 'expired' as const } : {}),
    });
    if (a.status === 'booked') {
      await queueAutoMessage(w, 'cancellation', record.centerId, {
        appointmentId: id,
        patientId: a.patientId,
      });
    }
  });
  return bookingView(deps, account, id);
}

/** One booking of the account, after releasing lapsed holds (so its state is current). */
export async function bookingView(
  deps: PortalDeps,
  account: PortalAccountRecord,
  id: string,
): Promise<PortalBooking> {
  await releaseLapsedHolds(deps);
  return readBooking(deps, account, id);
}

/** The account's bookings, upcoming and past, newest visit first. */
export async function listBookings(
  deps: PortalDeps,
  account: PortalAccountRecord,
): Promise<PortalBooking[]> {
  await releaseLapsedHolds(deps);
  return readBookings(deps, account);
}
