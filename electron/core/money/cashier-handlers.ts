/**
 * The cashier (B6): every money event is a new ledger entry. A shift's cash box opens with its cash,
 * collects cash and card entries, and closes with the counted cash against the expected cash.
 */
import type { MangoQuerySelector } from 'rxdb';
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/api/errors';
import type { BalanceRow, BoxStatus, LedgerRow } from '../../../shared/api/money';
import {
  KIND_LABELS,
  METHOD_LABELS,
  entryKindLabel,
  entryMethodLabel,
  expectedCash,
  invoicePaid,
  unallocatedCredit,
  type LedgerEntry,
} from '../../../shared/domain/ledger';
import { staffFullName } from '../../../shared/domain/staff';
import { mobileLocal } from '../../../shared/text/identity';
import { persianGrouped } from '../../../shared/text/normalize';
import { centerAmount } from './amount-text';
import { formatJalali } from '../../../shared/time/dates';
import { createdFields, type CoreContext } from '../context';
import { newId } from '../ids';
import type { Handlers } from '../registry';
import { invoiceView, today } from './invoices';

export function entry(
  ctx: CoreContext,
  fields: Pick<LedgerEntry, 'kind' | 'amountRial'> & Partial<LedgerEntry>,
): LedgerEntry {
  return {
    ...createdFields(ctx, newId()),
    patientId: '',
    invoiceId: '',
    method: '',
    reference: '',
    boxId: '',
    cashierId: ctx.actor.staffId,
    day: today(ctx),
    note: '',
    countedRial: 0,
    expectedRial: 0,
    ...fields,
  };
}

const rials = (n: number) => `${persianGrouped(n)} ریال`;

/** This cashier's open box (the newest box-open without a box-close), or null. */
async function openBox(ctx: CoreContext): Promise<LedgerEntry | null> {
  const opens = await ctx.db.ledger
    .find({ selector: { cashierId: ctx.actor.staffId, kind: 'box-open' } })
    .exec();
  const newest = opens
    .map((d) => d.toMutableJSON())
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0];
  if (!newest) return null;
  const closed = await ctx.db.ledger
    .findOne({ selector: { boxId: newest.id, kind: 'box-close' } })
    .exec();
  return closed ? null : newest;
}

async function boxStatus(ctx: CoreContext, box: LedgerEntry | null): Promise<BoxStatus> {
  if (!box)
    return {
      box: null,
      expectedCashRial: 0,
      cashInRial: 0,
      cashOutRial: 0,
      cardRial: 0,
      entries: 0,
    };
  const entries = (await ctx.db.ledger.find({ selector: { boxId: box.id } }).exec()).map((d) =>
    d.toMutableJSON(),
  );
  const all = [box, ...entries];
  const sum = (pred: (e: LedgerEntry) => boolean) =>
    all.filter(pred).reduce((s, e) => s + e.amountRial, 0);
  return {
    box,
    expectedCashRial: expectedCash(all),
    cashInRial: sum((e) => e.method === 'cash' && (e.kind === 'payment' || e.kind === 'deposit')),
    cashOutRial: sum((e) => e.method === 'cash' && e.kind === 'refund'),
    cardRial: sum((e) => e.method === 'card' && e.kind !== 'refund'),
    entries: entries.length,
  };
}

async function needBox(ctx: CoreContext, method: string): Promise<string> {
  if (method !== 'cash' && method !== 'card') return '';
  const box = await openBox(ctx);
  if (!box)
    throw new AppError('invalid', 'برای دریافت یا پرداخت نقدی و کارتی، ابتدا صندوق را باز کنید.', {
      reason: 'no-open-box',
    });
  return box.id;
}

async function patientOf(ctx: CoreContext, id: string) {
  const p = await ctx.db.patients.findOne(id).exec();
  if (!p || p.centerId !== ctx.device.centerId)
    throw new AppError('not-found', 'این بیمار پیدا نشد.');
  return p;
}

async function patientEntries(ctx: CoreContext, patientId: string): Promise<LedgerEntry[]> {
  return (await ctx.db.ledger.find({ selector: { patientId } }).exec()).map((d) =>
    d.toMutableJSON(),
  );
}

/** The patient's credit to apply or give back, counting what was paid on voided invoices. */
async function patientCredit(ctx: CoreContext, patientId: string): Promise<number> {
  const voided = await ctx.db.invoices.find({ selector: { patientId, status: 'void' } }).exec();
  return unallocatedCredit(await patientEntries(ctx, patientId), new Set(voided.map((i) => i.id)));
}

async function patientBalance(ctx: CoreContext, patientId: string): Promise<number> {
  await ctx.money.load();
  return ctx.money.balance(patientId);
}

type TxArgs = {
  from?: string | undefined;
  to?: string | undefined;
  cashierId?: string | undefined;
  method?: LedgerEntry['method'] | undefined;
  patientId?: string | undefined;
  kinds?: LedgerEntry['kind'][] | undefined;
};

function txSelector(ctx: CoreContext, a: TxArgs): MangoQuerySelector<LedgerEntry> {
  const s: MangoQuerySelector<LedgerEntry> = { centerId: ctx.device.centerId };
  if (a.from || a.to)
    s.day = { ...(a.from ? { $gte: a.from } : {}), ...(a.to ? { $lte: a.to } : {}) };
  if (a.cashierId) s.cashierId = a.cashierId;
  if (a.method) s.method = a.method;
  if (a.patientId) s.patientId = a.patientId;
  if (a.kinds?.length) s.kind = { $in: a.kinds };
  return s;
}

/**
 * Money in is positive, money out negative; box entries and credit moves (credit applied, credit from
 * returned goods) count zero.
 */
function signed(e: LedgerEntry): number {
  if (e.method === 'credit') return 0;
  if (e.kind === 'payment' || e.kind === 'deposit') return e.amountRial;
  if (e.kind === 'refund') return -e.amountRial;
  return 0;
}

async function toRows(ctx: CoreContext, entries: LedgerEntry[]): Promise<LedgerRow[]> {
  const [patients, staff] = await Promise.all([
    ctx.db.patients.findByIds([...new Set(entries.map((e) => e.patientId).filter(Boolean))]).exec(),
    ctx.db.staff.findByIds([...new Set(entries.map((e) => e.cashierId))]).exec(),
  ]);
  return entries.map((e) => {
    const p = patients.get(e.patientId);
    const s = staff.get(e.cashierId);
    return {
      ...e,
      patientName: p ? `${p.firstName} ${p.lastName}` : '',
      cashierName: s ? staffFullName(s) : e.cashierId === 'local-manager' ? 'این رایانه' : '',
    };
  });
}

export const cashierHandlers: Partial<Handlers> = {
  async 'cashier.openBox'({ openingRial }, ctx) {
    if (await openBox(ctx))
      throw new AppError('conflict', 'صندوق شما پیش‌تر باز شده است؛ ابتدا آن را ببندید.');
    const box = await ctx.writer.insert(
      'ledger',
      entry(ctx, { kind: 'box-open', amountRial: openingRial }),
      `باز کردن صندوق با ${rials(openingRial)}`,
    );
    return boxStatus(ctx, box);
  },

  async 'cashier.box'(_args, ctx) {
    return boxStatus(ctx, await openBox(ctx));
  },

  async 'cashier.closeBox'({ countedRial, note }, ctx) {
    const box = await openBox(ctx);
    if (!box) throw new AppError('invalid', 'صندوق بازی ندارید.');
    const status = await boxStatus(ctx, box);
    const close = entry(ctx, {
      kind: 'box-close',
      amountRial: 0,
      boxId: box.id,
      countedRial,
      expectedRial: status.expectedCashRial,
      note,
    });
    const diff = countedRial - status.expectedCashRial;
    return ctx.writer.insert(
      'ledger',
      close,
      `بستن صندوق: شمارش ${rials(countedRial)}، مورد انتظار ${rials(status.expectedCashRial)}، اختلاف ${rials(diff)}`,
    );
  },

  async 'cashier.receive'(args, ctx) {
    const patient = await patientOf(ctx, args.patientId);
    const boxId = await needBox(ctx, args.method);
    let kind: LedgerEntry['kind'] = 'deposit';
    if (args.invoiceId) {
      const invoice = await ctx.db.invoices.findOne(args.invoiceId).exec();
      if (!invoice || invoice.patientId !== args.patientId || invoice.status !== 'issued') {
        throw new AppError('invalid', 'این صورت‌حساب برای این بیمار نیست یا باطل شده است.', {
          fields: { invoiceId: 'صورت‌حساب را دوباره انتخاب کنید.' },
        });
      }
      const view = await invoiceView(ctx, invoice.toMutableJSON());
      if (args.amountRial > view.remainingRial) {
        throw new AppError(
          'invalid',
          `مانده این صورت‌حساب ${await centerAmount(ctx, view.remainingRial)} است؛ بیشتر از آن را پیش‌پرداخت ثبت کنید.`,
          {
            fields: { amountRial: 'بیش از ماندهٔ صورت‌حساب است.' },
          },
        );
      }
      kind = 'payment';
    }
    const e = entry(ctx, {
      kind,
      patientId: args.patientId,
      invoiceId: args.invoiceId,
      amountRial: args.amountRial,
      method: args.method,
      reference: args.reference,
      note: args.note,
      boxId,
    });
    return ctx.writer.insert(
      'ledger',
      e,
      `${KIND_LABELS[kind]} ${rials(args.amountRial)} (${METHOD_LABELS[args.method]}) از ${patient.firstName} ${patient.lastName}`,
    );
  },

  async 'cashier.applyCredit'({ patientId, invoiceId, amountRial }, ctx) {
    const patient = await patientOf(ctx, patientId);
    const invoice = await ctx.db.invoices.findOne(invoiceId).exec();
    if (!invoice || invoice.patientId !== patientId || invoice.status !== 'issued') {
      throw new AppError('invalid', 'این صورت‌حساب برای این بیمار نیست یا باطل شده است.');
    }
    const credit = await patientCredit(ctx, patientId);
    const remaining = (await invoiceView(ctx, invoice.toMutableJSON())).remainingRial;
    if (amountRial > credit)
      throw new AppError('invalid', `اعتبار بیمار ${await centerAmount(ctx, credit)} است.`, {
        fields: { amountRial: 'بیش از اعتبار بیمار است.' },
      });
    if (amountRial > remaining)
      throw new AppError('invalid', `ماندهٔ صورت‌حساب ${await centerAmount(ctx, remaining)} است.`, {
        fields: { amountRial: 'بیش از ماندهٔ صورت‌حساب است.' },
      });
    const e = entry(ctx, {
      kind: 'apply-deposit',
      patientId,
      invoiceId,
      amountRial,
      method: 'credit',
    });
    return ctx.writer.insert(
      'ledger',
      e,
      `کسر ${rials(amountRial)} از پیش‌پرداخت ${patient.firstName} ${patient.lastName}`,
    );
  },

  async 'cashier.refund'(args, ctx) {
    const patient = await patientOf(ctx, args.patientId);
    let limit: number;
    if (args.invoiceId) {
      const entries = (
        await ctx.db.ledger.find({ selector: { invoiceId: args.invoiceId } }).exec()
      ).map((d) => d.toMutableJSON());
      if (entries.some((e) => e.patientId !== args.patientId))
        throw new AppError('invalid', 'این صورت‌حساب برای این بیمار نیست.');
      limit = invoicePaid(entries);
    } else {
      limit = Math.min(
        Math.max(0, -(await patientBalance(ctx, args.patientId))),
        await patientCredit(ctx, args.patientId),
      );
    }
    if (args.amountRial > limit) {
      throw new AppError('invalid', `حداکثر بازپرداخت ${await centerAmount(ctx, limit)} است.`, {
        fields: { amountRial: 'بیش از مبلغ قابل بازپرداخت است.' },
      });
    }
    const boxId = await needBox(ctx, args.method);
    if (args.method === 'cash') {
      const box = await boxStatus(ctx, await openBox(ctx));
      if (args.amountRial > box.expectedCashRial)
        throw new AppError('invalid', 'وجه نقد صندوق برای این بازپرداخت کافی نیست.', {
          fields: { amountRial: 'بیش از نقد صندوق' },
        });
    }
    const e = entry(ctx, {
      kind: 'refund',
      patientId: args.patientId,
      invoiceId: args.invoiceId,
      amountRial: args.amountRial,
      method: args.method,
      reference: args.reference,
      note: args.reason,
      boxId,
    });
    return ctx.writer.insert(
      'ledger',
      e,
      `بازپرداخت ${rials(args.amountRial)} به ${patient.firstName} ${patient.lastName}: ${args.reason}`,
    );
  },

  async 'cashier.transactions'(args, ctx) {
    const selector = txSelector(ctx, args);
    const [docs, total] = await Promise.all([
      ctx.db.ledger
        .find({ selector, sort: [{ day: 'desc' }], skip: args.offset, limit: args.limit })
        .exec(),
      ctx.db.ledger.count({ selector }).exec(),
    ]);
    // The sum over every match is shown for a chosen period (a day, a month), where it is meaningful.
    const sumRial = args.from
      ? (await ctx.db.ledger.find({ selector }).exec()).reduce((s, d) => s + signed(d), 0)
      : 0;
    return {
      items: await toRows(
        ctx,
        docs.map((d) => d.toMutableJSON()),
      ),
      total,
      sumRial,
    };
  },

  async 'cashier.export'(args, ctx) {
    const docs = (
      await ctx.db.ledger
        .find({ selector: txSelector(ctx, args), sort: [{ day: 'desc' }], limit: 100_000 })
        .exec()
    ).map((d) => d.toMutableJSON());
    const rows = await toRows(ctx, docs);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('تراکنش‌ها', {
      views: [{ rightToLeft: true, state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = [
      { header: 'تاریخ', key: 'day', width: 12 },
      { header: 'نوع', key: 'kind', width: 16 },
      { header: 'بیمار', key: 'patient', width: 24 },
      { header: 'مبلغ (ریال)', key: 'amount', width: 16 },
      { header: 'روش', key: 'method', width: 16 },
      { header: 'شمارهٔ پیگیری', key: 'reference', width: 16 },
      { header: 'صندوق‌دار', key: 'cashier', width: 20 },
      { header: 'توضیح', key: 'note', width: 30 },
    ];
    sheet.getRow(1).font = { bold: true };
    for (const r of rows) {
      sheet.addRow({
        day: formatJalali(r.day),
        kind: entryKindLabel(r),
        patient: r.patientName,
        amount: r.kind === 'refund' ? -r.amountRial : r.amountRial,
        method: entryMethodLabel(r),
        reference: r.reference,
        cashier: r.cashierName,
        note: r.note,
      });
    }
    sheet.getColumn('amount').numFmt = '#,##0';
    return {
      fileName: `transactions-${today(ctx)}.xlsx`,
      base64: Buffer.from(await book.xlsx.writeBuffer()).toString('base64'),
      rows: rows.length,
    };
  },

  async 'cashier.balances'({ side, limit, offset }, ctx) {
    await ctx.money.load();
    const { page, total, sum } = ctx.money.balancePage(side, offset, limit);
    const patients = await ctx.db.patients.findByIds(page.map(([id]) => id)).exec();
    const items: BalanceRow[] = page.map(([id, balance]) => {
      const p = patients.get(id);
      return {
        patientId: id,
        patientName: p ? `${p.firstName} ${p.lastName}` : 'بیمار حذف‌شده',
        mobile: p?.mobile ? mobileLocal(p.mobile) : '',
        fileNumber: p?.fileNumber ?? '',
        balanceRial: balance,
      };
    });
    return { items, total, sumRial: sum };
  },

  async 'cashier.patientBalance'({ patientId }, ctx) {
    await patientOf(ctx, patientId);
    const invoices = await ctx.db.invoices
      .find({ selector: { patientId, status: 'issued' } })
      .exec();
    const views = await Promise.all(invoices.map((i) => invoiceView(ctx, i.toMutableJSON())));
    return {
      balanceRial: await patientBalance(ctx, patientId),
      creditRial: await patientCredit(ctx, patientId),
      unpaid: views.filter((v) => v.remainingRial > 0),
    };
  },
};
