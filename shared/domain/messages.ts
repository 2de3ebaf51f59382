/**
 * The SMS queue (B7, C9): every message is a synced document with its fate, created on a desk
 * (offline too) or by the server, and sent only by the server's worker, which writes the status back.
 * A reminder's id is derived from its appointment, so however many desks (or the server) create it,
 * there is one reminder per appointment.
 */
import { z } from 'zod';
import { baseDocShape, toRxJsonSchema } from '../schema/base';

export const MESSAGE_KINDS = [
  'confirmation',
  'reminder',
  'welcome',
  'cancellation',
  'custom',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const MESSAGE_STATUSES = [
  'waiting',
  'sending',
  'sent',
  'delivered',
  'failed',
  'deleted',
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const MESSAGE_STATUS_LABELS: Record<MessageStatus, string> = {
  waiting: 'در صف ارسال',
  sending: 'در حال ارسال',
  sent: 'ارسال شد',
  delivered: 'رسید به گیرنده',
  failed: 'ناموفق',
  deleted: 'حذف شد',
};

export const MESSAGE_KIND_LABELS: Record<MessageKind, string> = {
  confirmation: 'تأیید نوبت',
  reminder: 'یادآوری نوبت',
  welcome: 'خوش‌آمد',
  cancellation: 'لغو نوبت',
  custom: 'پیام دستی',
};

export const messageDocSchema = z.object({
  ...baseDocShape,
  kind: z.enum(MESSAGE_KINDS),
  /** +989XXXXXXXXX */
  to: z.string().min(13).max(13),
  text: z.string().min(1).max(1000),
  patientId: z.string().max(40),
  appointmentId: z.string().max(40),
  status: z.enum(MESSAGE_STATUSES),
  /** Not before this instant (UTC ISO): reminders, and quiet hours. */
  sendAfter: z.string().max(30),
  attempts: z.number().int().min(0).max(100),
  /** The provider's last refusal, in Persian for people. */
  lastError: z.string().max(300),
  provider: z.string().max(30),
  providerMessageId: z.string().max(64),
  costRial: z.number().int().min(0).max(1_000_000_000),
  sentAt: z.string().max(30),
  deliveredAt: z.string().max(30),
});

export type Message = z.infer<typeof messageDocSchema>;

export const messageRxSchema = toRxJsonSchema(messageDocSchema, {
  title: 'messages',
  description: 'The SMS queue',
  version: 0,
  indexes: [['status', 'sendAfter'], ['appointmentId'], ['patientId'], ['updatedAt']],
});

/** Placeholders a template may use, with what they mean (for the template editor). */
export const TEMPLATE_PLACEHOLDERS = {
  patient: 'نام بیمار',
  date: 'تاریخ نوبت (خورشیدی)',
  time: 'ساعت نوبت',
  weekday: 'روز هفته',
  provider: 'ارائه‌دهنده',
  service: 'خدمت',
  center: 'نام مرکز',
  code: 'کد پیگیری',
} as const;

export type TemplateValues = Partial<Record<keyof typeof TEMPLATE_PLACEHOLDERS, string>>;

/** Fills `{patient}`-style placeholders; unknown ones are left as written so a mistake is visible. */
export function renderTemplate(template: string, values: TemplateValues): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = (values as Record<string, string | undefined>)[key];
    return value === undefined ? whole : value;
  });
}

/** Placeholders a template uses that do not exist. */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1]!)
    .filter((k) => !(k in TEMPLATE_PLACEHOLDERS));
}

export const DEFAULT_TEMPLATES = {
  confirmation:
    '{patient} عزیز، نوبت شما در {center} برای {weekday} {date} ساعت {time} نزد {provider} ثبت شد. کد پیگیری: {code}',
  reminder: 'یادآوری: {patient} عزیز، نوبت شما {weekday} {date} ساعت {time} در {center} است.',
  welcome: '{patient} عزیز، به {center} خوش آمدید.',
  cancellation: '{patient} عزیز، نوبت {date} ساعت {time} شما در {center} لغو شد.',
} as const;

/** A message's key: what it is about. */
export function messageKey(kind: MessageKind, subjectId: string): string {
  return `${kind}:${subjectId}`;
}

/**
 * The document id of the message about `subjectId`, the same on every device and on the server
 * (a UUID-shaped text made from two FNV-1a hashes of the key), so the same automatic message can
 * never be queued twice.
 */
export function messageId(kind: MessageKind, subjectId: string): string {
  const key = messageKey(kind, subjectId);
  const fnv = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < key.length; i++) {
      h ^= key.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0');
  };
  const hex = fnv(0x811c9dc5) + fnv(0x12345678) + fnv(0x9e3779b9) + fnv(0x7f4a7c15);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
