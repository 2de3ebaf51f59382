/**
 * What a desk may do to the SMS queue (B7). Desks create messages (confirmation, welcome,
 * cancellation, a hand-written one) in `waiting`, and may delete (or edit) one while it is still
 * `waiting`; everything else about a message — sending, sent, delivered, failed, its provider id,
 * cost and attempts — is the server's to write. Once the worker has claimed a message (`sending`),
 * a desk's change is refused, and a desk that still assumed `waiting` gets the usual conflict.
 * Every stored message keeps the worker's queue row (sms_queue) in step, in the same transaction.
 */
import { AppError } from '../../../shared/api/errors';
import { messageKey, type Message } from '../../../shared/domain/messages';
import { parseMobile } from '../../../shared/text/identity';
import type { CollectionRule } from '../replication/collection-rules';
import type { DocState } from '../replication/wire';
import type { StoredDocument } from '../store/sync-store';

/** Fields only the server writes. */
const SERVER_FIELDS = [
  'attempts',
  'lastError',
  'provider',
  'providerMessageId',
  'costRial',
  'sentAt',
  'deliveredAt',
] as const;

const EMPTY_SERVER_FIELDS: Pick<Message, (typeof SERVER_FIELDS)[number]> = {
  attempts: 0,
  lastError: '',
  provider: '',
  providerMessageId: '',
  costRial: 0,
  sentAt: '',
  deliveredAt: '',
};

export const NOT_WAITING =
  'این پیامک دیگر در صف نیست (در حال ارسال یا ارسال‌شده است) و از دستگاه تغییر یا حذف نمی‌شود.';
const SERVER_ONLY = 'وضعیت ارسال پیامک را فقط سرور ثبت می‌کند.';
const BAD_MOBILE = 'شمارهٔ گیرنده باید به شکل ‎+989xxxxxxxxx‎ باشد.';
const BAD_TIME = 'زمان ارسال باید یک لحظهٔ معتبر (ISO) یا خالی باشد.';
const BAD_REMINDER_ID = 'شناسهٔ یادآوری باید از شناسهٔ نوبت ساخته شود (reminder:<نوبت>).';

function invalid(id: string, field: string, message: string): AppError {
  return new AppError('invalid', message, { id, fields: { [field]: message } });
}

function checkContent(id: string, m: Message): void {
  if (parseMobile(m.to) !== m.to) throw invalid(id, 'to', BAD_MOBILE);
  if (m.sendAfter !== '' && Number.isNaN(Date.parse(m.sendAfter))) {
    throw invalid(id, 'sendAfter', BAD_TIME);
  }
  if (m.kind === 'reminder' && id !== messageKey('reminder', m.appointmentId)) {
    throw invalid(id, 'id', BAD_REMINDER_ID);
  }
  if (m.status !== 'waiting' && m.status !== 'deleted') throw invalid(id, 'status', SERVER_ONLY);
}

/** Throws when a desk may not store `after` over `before`. */
function checkDeskChange(id: string, before: StoredDocument | null, after: DocState): void {
  const stored = before && !before.deleted ? (before.data as Message) : null;
  if (stored && stored.status !== 'waiting') {
    throw new AppError('forbidden', NOT_WAITING, { id, reason: 'message-not-waiting' });
  }
  // A tombstone of a waiting message (or of one never stored) is a plain delete.
  if (after.deleted) return;
  const next = after.data as Message;
  const expected = stored ?? EMPTY_SERVER_FIELDS;
  for (const field of SERVER_FIELDS) {
    if (next[field] !== expected[field]) throw invalid(id, field, SERVER_ONLY);
  }
  checkContent(id, next);
}

export const messageRule: CollectionRule = {
  prepare(ctx, before, after) {
    // The server's worker and scheduler write through the same path, with their own checks.
    if (!ctx.server) {
      try {
        checkDeskChange(ctx.id, before, after);
      } catch (error) {
        return Promise.reject(error as Error);
      }
    }
    return Promise.resolve(after);
  },

  async derive(ctx, stored) {
    const m = stored.data as Partial<Message>;
    await ctx.tx.putQueueFromDocument({
      messageId: stored.id,
      centerId: stored.centerId,
      kind: typeof m.kind === 'string' ? m.kind : 'custom',
      status: stored.deleted ? 'deleted' : (m.status ?? 'deleted'),
      // No time given: due at once (the server's clock, not the desk's).
      sendAfter: m.sendAfter ? new Date(m.sendAfter).toISOString() : stored.serverTime,
    });
  },
};
