/**
 * Appointment reminders (C9), made by the server, not the desks: one per booking, with the id
 * `messageKey('reminder', appointmentId)` so it can never be duplicated, whoever writes it.
 *
 * Driven by a periodic scan of committed changes, not by a hook in the push transaction: the
 * scheduler reads `appointments` (and `center`) documents by seq after its stored cursor, so a
 * restart resumes where it stopped, a push never waits for it, and its own writes go through the
 * server's write path (they get seqs and reach desks by stream). It runs at every worker tick.
 *
 * For a booking that is `booked` or `held` (it holds time and the visit is still ahead), of a
 * center with automatic reminders on, to a patient with a mobile: the reminder is due
 * `reminderHoursBefore` ahead, moved out of quiet hours (tehran-time.ts). A waiting reminder
 * follows the booking when it moves; a booking cancelled (or lost, deleted, past) turns its
 * waiting reminder `deleted`. A reminder already sent is sent again only for a booking that moved
 * to another time; one a person deleted stays deleted unless the booking moves.
 */
import { SERVER_ACTOR_ID, SERVER_DEVICE_ID } from '../../../shared/sync/protocol';
import {
  DEFAULT_TEMPLATES,
  messageKey,
  renderTemplate,
  type Message,
} from '../../../shared/domain/messages';
import { parseMobile } from '../../../shared/text/identity';
import { todayInTehran } from '../../../shared/time/dates';
import { commitServerWork, type ServerWriter, type WritePath } from '../replication/commit';
import type { StoredDocument } from '../store/sync-store';
import { bookingValues } from './texts';
import { reminderTime, visitInstant, type QuietHours } from './tehran-time';

export const APPOINTMENTS_CURSOR = 'reminders:appointments';
export const CENTER_CURSOR = 'reminders:center';
const BATCH = 200;
const MAX_BATCHES = 10;

interface Wanted {
  to: string;
  text: string;
  sendAfter: string;
  /** The visit it is for: `YYYY-MM-DD start`. */
  about: string;
}

function live(doc: StoredDocument | null): Record<string, unknown> | null {
  return doc && !doc.deleted ? doc.data : null;
}

async function wanted(w: ServerWriter, appointment: StoredDocument | null): Promise<Wanted | null> {
  const a = live(appointment);
  if (!appointment || !a || (a.status !== 'booked' && a.status !== 'held')) return null;
  // Past visits first: most bookings a first scan meets are history, and need no more reads.
  const visit = visitInstant(String(a.date), Number(a.start));
  if (visit.getTime() <= w.now.getTime()) return null;
  const center = live(await w.get('center', appointment.centerId));
  const auto = center?.smsAuto as { reminder?: boolean } | undefined;
  if (!center || auto?.reminder !== true) return null;
  const patient = live(await w.get('patients', String(a.patientId)));
  const to = parseMobile(typeof patient?.mobile === 'string' ? patient.mobile : '');
  if (!to) return null;
  const templates = center.smsTemplates as { reminder?: string } | undefined;
  const values = bookingValues({
    appointment: a,
    center,
    patient,
    provider: live(await w.get('staff', String(a.providerId))),
    service: a.serviceId ? live(await w.get('catalog', String(a.serviceId))) : null,
  });
  const template = templates?.reminder || DEFAULT_TEMPLATES.reminder;
  const at = reminderTime(
    visit,
    Number(center.reminderHoursBefore ?? 24),
    (center.quietHours as QuietHours | undefined) ?? { from: 0, to: 0 },
  );
  return {
    to,
    text: renderTemplate(template, values).slice(0, 1000),
    sendAfter: at.toISOString(),
    about: `${String(a.date)} ${String(a.start)}`,
  };
}

function reminderDoc(w: ServerWriter, appointment: StoredDocument, want: Wanted): Message {
  const at = w.now.toISOString();
  const a = appointment.data;
  return {
    id: messageKey('reminder', appointment.id),
    centerId: appointment.centerId,
    createdAt: at,
    updatedAt: at,
    updatedBy: SERVER_ACTOR_ID,
    deviceId: SERVER_DEVICE_ID,
    kind: 'reminder',
    to: want.to,
    text: want.text,
    patientId: String(a.patientId),
    appointmentId: appointment.id,
    status: 'waiting',
    sendAfter: want.sendAfter,
    attempts: 0,
    lastError: '',
    provider: '',
    providerMessageId: '',
    costRial: 0,
    sentAt: '',
    deliveredAt: '',
  };
}

/** Brings one booking's reminder in line with the booking, in one transaction. */
export async function syncReminder(
  path: WritePath,
  centerId: string,
  appointmentId: string,
): Promise<void> {
  await commitServerWork(path, centerId, async (w) => {
    const appointment = await w.get('appointments', appointmentId);
    const id = messageKey('reminder', appointmentId);
    const existing = await w.get('messages', id);
    const current = live(existing) as Message | null;
    const want = await wanted(w, appointment);
    const at = w.now.toISOString();
    const stamp = { updatedAt: at, updatedBy: SERVER_ACTOR_ID, deviceId: SERVER_DEVICE_ID };
    if (!want) {
      if (current?.status === 'waiting') {
        await w.put('messages', id, {
          deleted: false,
          data: { ...current, ...stamp, status: 'deleted' },
        });
      }
      return;
    }
    if (!appointment) return;
    const queued = await w.tx.getQueueEntry(id);
    let next: Message | null = null;
    if (!current) {
      const created = existing?.data.createdAt;
      next = {
        ...reminderDoc(w, appointment, want),
        createdAt: typeof created === 'string' ? created : at,
      };
    } else if (current.status === 'waiting') {
      if (
        current.to !== want.to ||
        current.text !== want.text ||
        current.sendAfter !== want.sendAfter
      ) {
        next = { ...current, ...stamp, to: want.to, text: want.text, sendAfter: want.sendAfter };
      }
    } else if (current.status !== 'sending') {
      const removedByServer = current.status === 'deleted' && current.updatedBy === SERVER_ACTOR_ID;
      if (removedByServer || queued?.about !== want.about) {
        next = { ...reminderDoc(w, appointment, want), createdAt: current.createdAt };
      }
    }
    if (next) await w.put('messages', id, { deleted: false, data: { ...next } });
    if (next || queued?.about !== want.about) {
      await w.tx.updateQueueWork(id, { about: want.about, nextAttemptAt: null });
    }
  });
}

/**
 * One pass: bookings changed since the cursor, then every upcoming booking of centers whose
 * settings changed (lead time, quiet hours, template, automatic reminders on or off). Returns how
 * many bookings it looked at.
 */
export async function scanReminders(path: WritePath): Promise<number> {
  const { store } = path;
  let seen = 0;
  // A bounded number of batches per pass, so one pass (and the sends after it) never waits long
  // behind a first scan of a large database; the cursor carries the rest to the next pass.
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const after = await store.work.getCursor(APPOINTMENTS_CURSOR);
    const docs = await store.work.documentsAfter('appointments', after, BATCH);
    for (const doc of docs) await syncReminder(path, doc.centerId, doc.id);
    seen += docs.length;
    if (docs.length > 0) {
      const last = docs.at(-1)!.seq;
      await store.write((tx) => tx.setCursor(APPOINTMENTS_CURSOR, last));
    }
    if (docs.length < BATCH) break;
  }

  const centerAfter = await store.work.getCursor(CENTER_CURSOR);
  const centers = await store.work.documentsAfter('center', centerAfter, BATCH);
  // A day back: a booking early today in Tehran may still be ahead.
  const from = todayInTehran(new Date(path.now().getTime() - 86_400_000));
  for (const center of centers) {
    for (const id of await store.work.holdingAppointments(center.centerId, from)) {
      await syncReminder(path, center.centerId, id);
      seen += 1;
    }
  }
  if (centers.length > 0) {
    const last = centers.at(-1)!.seq;
    await store.write((tx) => tx.setCursor(CENTER_CURSOR, last));
  }
  return seen;
}
