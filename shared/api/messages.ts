/** The SMS queue and texts (B7, C9). */
import { z } from 'zod';
import { method, returns } from './method';
import type { Page } from './patients';
import {
  MESSAGE_STATUSES,
  TEMPLATE_PLACEHOLDERS,
  unknownPlaceholders,
  type Message,
} from '../domain/messages';
import { idField } from '../schema/base';
import {
  smsSettingsInputSchema,
  type SmsBalanceResponse,
  type SmsSettingsResponse,
} from '../sync/protocol';

export interface MessageRow extends Message {
  patientName: string;
}

const templateText = z
  .string()
  .trim()
  .min(1, 'متن پیامک را بنویسید.')
  .max(600, 'متن پیامک حداکثر ۶۰۰ حرف است.')
  .refine((t) => unknownPlaceholders(t).length === 0, {
    message: `جای‌گذاری ناشناخته؛ این‌ها پذیرفته است: ${Object.keys(TEMPLATE_PLACEHOLDERS)
      .map((k) => `{${k}}`)
      .join(' ')}`,
  });

const minuteOfDay = z.number().int().min(0).max(1440);

export const messageMethods = {
  'messages.list': method({
    description: 'The SMS queue, newest first, by status.',
    args: z.object({
      statuses: z.array(z.enum(MESSAGE_STATUSES)).max(6).optional(),
      limit: z.number().int().min(1).max(500).default(50),
      offset: z.number().int().min(0).default(0),
    }),
    result: returns<Page<MessageRow> & { counts: Record<string, number> }>(),
    permission: 'sms.view',
  }),
  'messages.delete': method({
    description: 'Deletes a message that is still waiting (it will never be sent).',
    args: z.object({ id: idField }),
    result: returns<Message>(),
    write: true,
    permission: 'sms.manage',
  }),
  'messages.send': method({
    description: 'Queues a message written by hand to a patient.',
    args: z.object({
      patientId: idField,
      text: z
        .string()
        .trim()
        .min(1, 'متن پیامک را بنویسید.')
        .max(600, 'متن پیامک حداکثر ۶۰۰ حرف است.'),
    }),
    result: returns<Message>(),
    write: true,
    permission: 'sms.manage',
  }),
  'messages.preview': method({
    description: 'A template filled with example values (a live preview for the editor).',
    args: z.object({ template: z.string().max(1000) }),
    result: returns<{ text: string; unknown: string[]; length: number; parts: number }>(),
  }),
  'messages.provider': method({
    description:
      'The center’s SMS provider as the sync server keeps it (the API key only masked). Online only.',
    args: z.object({}).default({}),
    result: returns<SmsSettingsResponse>(),
    permission: 'sms.manage',
  }),
  'messages.saveProvider': method({
    description:
      'Sets the center’s SMS provider on the sync server (`apiKey` omitted keeps the stored key). Online only.',
    args: smsSettingsInputSchema,
    result: returns<SmsSettingsResponse>(),
    write: true,
    permission: 'sms.manage',
  }),
  'messages.balance': method({
    description:
      'The SMS account’s balance, asked of the provider by the sync server. Online only.',
    args: z.object({}).default({}),
    result: returns<SmsBalanceResponse>(),
    permission: 'sms.view',
  }),
  'messages.saveSettings': method({
    description:
      'The center’s SMS texts, which automatic messages go out, reminder lead time, quiet hours.',
    args: z.object({
      smsTemplates: z.object({
        confirmation: templateText,
        reminder: templateText,
        welcome: templateText,
        cancellation: templateText,
      }),
      smsAuto: z.object({
        confirmation: z.boolean(),
        reminder: z.boolean(),
        welcome: z.boolean(),
        cancellation: z.boolean(),
      }),
      reminderHoursBefore: z
        .number()
        .int('ساعت باید عدد صحیح باشد.')
        .min(1, 'دست‌کم ۱ ساعت.')
        .max(168, 'حداکثر ۱۶۸ ساعت.'),
      quietHours: z.object({ from: minuteOfDay, to: minuteOfDay }),
    }),
    result: returns<null>(),
    write: true,
    permission: 'settings.edit',
  }),
};
