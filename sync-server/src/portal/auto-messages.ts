/**
 * The automatic SMS a portal booking queues (C9), as a desk queues them for its own bookings
 * (electron/core/messages/queue.ts): confirmation, cancellation and welcome, from the center's
 * templates with the shared renderer, only when the center sends that kind and the patient has a
 * mobile. The id is derived from kind and subject (shared `messageId`), the same a desk would make,
 * so a message is never queued twice; the document goes through the write path like any other,
 * reaches the desks by sync and is sent by the server's worker. Reminders stay the scheduler's.
 */
import {
  DEFAULT_TEMPLATES,
  messageDocSchema,
  messageId,
  renderTemplate,
  type Message,
} from '../../../shared/domain/messages';
import { SERVER_ACTOR_ID, SERVER_DEVICE_ID } from '../../../shared/sync/protocol';
import { parseMobile } from '../../../shared/text/identity';
import type { ServerWriter } from '../replication/commit';
import { bookingValues } from '../sms/texts';

type AutoKind = 'confirmation' | 'cancellation' | 'welcome';

function live(doc: { deleted: boolean; data: Record<string, unknown> } | null) {
  return doc && !doc.deleted ? doc.data : null;
}

/** Queues `kind` about the appointment (or, for welcome, the patient); false when not queued. */
export async function queueAutoMessage(
  w: ServerWriter,
  kind: AutoKind,
  centerId: string,
  subject: { appointmentId: string; patientId: string },
): Promise<boolean> {
  const center = live(await w.get('center', centerId));
  const auto = center?.smsAuto as Partial<Record<AutoKind, boolean>> | undefined;
  if (!center || auto?.[kind] !== true) return false;
  const patient = live(await w.get('patients', subject.patientId));
  const to = parseMobile(typeof patient?.mobile === 'string' ? patient.mobile : '');
  if (!patient || !to) return false;
  const id = messageId(kind, kind === 'welcome' ? subject.patientId : subject.appointmentId);
  if (await w.get('messages', id)) return false;
  const appointment =
    kind === 'welcome' ? null : live(await w.get('appointments', subject.appointmentId));
  const values = appointment
    ? bookingValues({
        appointment,
        center,
        patient,
        provider: live(await w.get('staff', String(appointment.providerId))),
        service: appointment.serviceId
          ? live(await w.get('catalog', String(appointment.serviceId)))
          : null,
      })
    : {
        patient: `${String(patient.firstName)} ${String(patient.lastName)}`.trim(),
        center: typeof center.name === 'string' ? center.name : '',
      };
  const templates = center.smsTemplates as Partial<Record<AutoKind, string>> | undefined;
  const at = w.now.toISOString();
  const message: Message = {
    id,
    centerId,
    createdAt: at,
    updatedAt: at,
    updatedBy: SERVER_ACTOR_ID,
    deviceId: SERVER_DEVICE_ID,
    kind,
    to,
    text: renderTemplate(templates?.[kind] || DEFAULT_TEMPLATES[kind], values).slice(0, 1000),
    patientId: subject.patientId,
    appointmentId: kind === 'welcome' ? '' : subject.appointmentId,
    status: 'waiting',
    sendAfter: at,
    attempts: 0,
    lastError: '',
    provider: '',
    providerMessageId: '',
    costRial: 0,
    sentAt: '',
    deliveredAt: '',
  };
  await w.put('messages', id, { deleted: false, data: messageDocSchema.parse(message) });
  return true;
}
