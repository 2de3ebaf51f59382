/**
 * Automatic messages a desk queues (C9): booking confirmation, cancellation and welcome. Reminders
 * are the server's (one per appointment, whatever desks are online). Ids are derived from kind and
 * subject (shared `messageId`), so a retried or repeated action never queues a message twice.
 */
import { format as formatJalaliFns } from 'date-fns-jalali';
import { faIR } from 'date-fns-jalali/locale';
import type { Appointment } from '../../../shared/domain/appointments';
import type { Center } from '../../../shared/domain/center';
import {
  messageId,
  renderTemplate,
  type Message,
  type MessageKind,
  type TemplateValues,
} from '../../../shared/domain/messages';
import type { Patient } from '../../../shared/domain/patients';
import { staffFullName } from '../../../shared/domain/staff';
import { toPersianDigits } from '../../../shared/text/normalize';
import { formatJalali, isoDateToLocal } from '../../../shared/time/dates';
import { createdFields, type CoreContext } from '../context';

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The values an appointment's message fills its template with (Persian digits: SMS has no font). */
export async function appointmentValues(
  ctx: CoreContext,
  patient: Pick<Patient, 'firstName' | 'lastName'>,
  a: Appointment | null,
  center: Center,
): Promise<TemplateValues> {
  const values: TemplateValues = {
    patient: `${patient.firstName} ${patient.lastName}`,
    center: center.name,
  };
  if (a) {
    const [provider, service] = await Promise.all([
      ctx.db.staff.findOne(a.providerId).exec(),
      a.serviceId ? ctx.db.catalog.findOne(a.serviceId).exec() : null,
    ]);
    Object.assign(values, {
      date: toPersianDigits(formatJalali(a.date)),
      weekday: formatJalaliFns(isoDateToLocal(a.date), 'EEEE', { locale: faIR }),
      time: toPersianDigits(hhmm(a.start)),
      provider: provider ? staffFullName(provider) : '',
      service: service?.name ?? '',
      code: toPersianDigits(a.trackingCode),
    });
  }
  return values;
}

export function newMessage(
  ctx: CoreContext,
  id: string,
  fields: Pick<Message, 'kind' | 'to' | 'text' | 'patientId' | 'appointmentId'>,
): Message {
  return {
    ...createdFields(ctx, id),
    ...fields,
    status: 'waiting',
    sendAfter: ctx.now().toISOString(),
    attempts: 0,
    lastError: '',
    provider: '',
    providerMessageId: '',
    costRial: 0,
    sentAt: '',
    deliveredAt: '',
  };
}

/**
 * Queues the automatic message of `kind` if the center sends it and the patient has a mobile. Never
 * fails the action it follows: a message that cannot be queued is simply not queued.
 */
export async function queueAutomatic(
  ctx: CoreContext,
  kind: Exclude<MessageKind, 'reminder' | 'custom'>,
  patient: Patient,
  appointment: Appointment | null,
): Promise<void> {
  const center = (await ctx.db.center.findOne(ctx.device.centerId).exec())?.toMutableJSON();
  if (!center || !center.smsAuto[kind] || !patient.mobile) return;
  const id = messageId(kind, appointment?.id ?? patient.id);
  if (await ctx.db.messages.findOne(id).exec()) return;
  const text = renderTemplate(
    center.smsTemplates[kind],
    await appointmentValues(ctx, patient, appointment, center),
  );
  const message = newMessage(ctx, id, {
    kind,
    to: patient.mobile,
    text,
    patientId: patient.id,
    appointmentId: appointment?.id ?? '',
  });
  await ctx.writer.insert(
    'messages',
    message,
    `پیامک ${kind === 'confirmation' ? 'تأیید نوبت' : kind === 'cancellation' ? 'لغو نوبت' : 'خوش‌آمد'} برای ${patient.firstName} ${patient.lastName}`,
  );
}
