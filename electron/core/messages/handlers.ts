/** The SMS queue on a desk (B7) and the center's texts (C9). */
import { format as formatJalaliFns } from 'date-fns-jalali';
import { faIR } from 'date-fns-jalali/locale';
import type { MangoQuerySelector } from 'rxdb';
import { AppError } from '../../../shared/api/errors';
import type { MessageRow } from '../../../shared/api/messages';
import {
  MESSAGE_STATUSES,
  renderTemplate,
  unknownPlaceholders,
  type Message,
  type TemplateValues,
} from '../../../shared/domain/messages';
import { toPersianDigits } from '../../../shared/text/normalize';
import { formatJalali, isoDateToLocal, todayInTehran } from '../../../shared/time/dates';
import { updatedFields, type CoreContext } from '../context';
import { newId } from '../ids';
import type { Handlers } from '../registry';
import { newMessage } from './queue';

/**
 * Example values for the editor's preview: the center's own name and tomorrow at 10:30 (a Jalali
 * date in Persian digits, as the patient's phone will show it).
 */
async function sampleValues(ctx: CoreContext): Promise<TemplateValues> {
  const tomorrow = todayInTehran(new Date(ctx.now().getTime() + 86_400_000));
  const center = await ctx.db.center.findOne(ctx.device.centerId).exec();
  return {
    patient: 'زهرا احمدی',
    date: toPersianDigits(formatJalali(tomorrow)),
    weekday: formatJalaliFns(isoDateToLocal(tomorrow), 'EEEE', { locale: faIR }),
    time: '۱۰:۳۰',
    provider: 'دکتر رضا حکیمی',
    service: 'ویزیت',
    center: center?.name || 'کلینیک نمونه',
    code: '۴۸۲۷۱۹۳۰',
  };
}

/** SMS parts: Persian text is UCS-2, 70 characters in one part and 67 per part when split. */
function parts(text: string): number {
  return text.length <= 70 ? 1 : Math.ceil(text.length / 67);
}

export const messageHandlers: Partial<Handlers> = {
  async 'messages.list'({ statuses, limit, offset }, ctx) {
    const selector: MangoQuerySelector<Message> = { centerId: ctx.device.centerId };
    if (statuses?.length) selector.status = { $in: statuses };
    const [docs, total, counts] = await Promise.all([
      ctx.db.messages.find({ selector, sort: [{ updatedAt: 'desc' }], skip: offset, limit }).exec(),
      ctx.db.messages.count({ selector }).exec(),
      Promise.all(
        MESSAGE_STATUSES.map(
          async (s) =>
            [
              s,
              await ctx.db.messages
                .count({ selector: { centerId: ctx.device.centerId, status: s } })
                .exec(),
            ] as const,
        ),
      ),
    ]);
    const patients = await ctx.db.patients
      .findByIds([...new Set(docs.map((d) => d.patientId).filter(Boolean))])
      .exec();
    const items: MessageRow[] = docs.map((d) => {
      const p = patients.get(d.patientId);
      return { ...d.toMutableJSON(), patientName: p ? `${p.firstName} ${p.lastName}` : '' };
    });
    return { items, total, counts: Object.fromEntries(counts) };
  },

  async 'messages.delete'({ id }, ctx) {
    const doc = await ctx.db.messages.findOne(id).exec();
    if (!doc || doc.centerId !== ctx.device.centerId)
      throw new AppError('not-found', 'این پیامک پیدا نشد.');
    if (doc.status !== 'waiting')
      throw new AppError('conflict', 'فقط پیامک‌های در صف ارسال حذف می‌شوند.', {
        status: doc.status,
      });
    return ctx.writer.patch(
      'messages',
      doc,
      { status: 'deleted', ...updatedFields(ctx) },
      `حذف پیامک در صف به ${doc.to}`,
    );
  },

  async 'messages.send'({ patientId, text }, ctx) {
    const patient = await ctx.db.patients.findOne(patientId).exec();
    if (!patient || patient.centerId !== ctx.device.centerId)
      throw new AppError('not-found', 'این بیمار پیدا نشد.');
    if (!patient.mobile) throw new AppError('invalid', 'شمارهٔ همراه این بیمار ثبت نشده است.');
    const message = newMessage(ctx, newId(), {
      kind: 'custom',
      to: patient.mobile,
      text,
      patientId,
      appointmentId: '',
    });
    return ctx.writer.insert(
      'messages',
      message,
      `پیامک دستی به ${patient.firstName} ${patient.lastName}`,
    );
  },

  async 'messages.preview'({ template }, ctx) {
    const text = renderTemplate(template, await sampleValues(ctx));
    return {
      text,
      unknown: unknownPlaceholders(template),
      length: text.length,
      parts: parts(text),
    };
  },

  async 'messages.saveSettings'(settings, ctx) {
    const doc = await ctx.db.center.findOne(ctx.device.centerId).exec();
    if (!doc) throw new AppError('invalid', 'ابتدا این رایانه را به مرکز وصل کنید.');
    await ctx.writer.patch(
      'center',
      doc,
      { ...settings, ...updatedFields(ctx) },
      'تغییر متن‌ها و تنظیمات پیامک',
    );
    return null;
  },
};
