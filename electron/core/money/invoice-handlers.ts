/** Issuing, voiding and delivering invoices; reading them with what was paid. */
import type { MangoQuerySelector } from 'rxdb';
import { AppError } from '../../../shared/api/errors';
import { returnValue, type Invoice } from '../../../shared/domain/invoices';
import type { StockMovement } from '../../../shared/domain/stock';
import { persianGrouped, toPersianDigits } from '../../../shared/text/normalize';
import { createdFields, updatedFields, type CoreContext } from '../context';
import { newId } from '../ids';
import type { Handlers } from '../registry';
import { entry } from './cashier-handlers';
import { invoiceView, priceInvoice, shopStock, today } from './invoices';
import { inventoryEnabled, requireInventory } from './modules';
import { assertAvailable, movement } from './stock-handlers';

async function findInvoice(ctx: CoreContext, id: string) {
  const doc = await ctx.db.invoices.findOne(id).exec();
  if (!doc || doc.centerId !== ctx.device.centerId)
    throw new AppError('not-found', 'این صورت‌حساب پیدا نشد.');
  return doc;
}

export const invoiceHandlers: Partial<Handlers> = {
  async 'invoices.quote'(input, ctx) {
    return priceInvoice(ctx, input);
  },

  async 'invoices.issue'(input, ctx) {
    const patient = await ctx.db.patients.findOne(input.patientId).exec();
    if (!patient || patient.centerId !== ctx.device.centerId)
      throw new AppError('not-found', 'این بیمار پیدا نشد.');
    if (input.kind === 'shop' && input.lines.some((l) => l.kind !== 'good')) {
      throw new AppError('invalid', 'در فروشگاه فقط کالا فروخته می‌شود.', {
        fields: { lines: 'خدمت را در صورت‌حساب خدمات ثبت کنید.' },
      });
    }
    const priced = await priceInvoice(ctx, input);
    const goods = priced.lines.filter((l) => l.kind === 'good');
    const trackStock = goods.length > 0 && inventoryEnabled(ctx);
    if (trackStock) {
      if (!input.warehouseId)
        throw new AppError('invalid', 'انبار را انتخاب کنید.', {
          fields: { warehouseId: 'انبار را انتخاب کنید.' },
        });
      const wanted = new Map<string, number>();
      for (const l of goods) wanted.set(l.itemId, (wanted.get(l.itemId) ?? 0) + l.qty);
      for (const [goodId, qty] of wanted) {
        const name = goods.find((l) => l.itemId === goodId)?.title ?? '';
        await assertAvailable(ctx, goodId, input.warehouseId, qty, 'lines', name);
      }
    }
    const invoice: Invoice = {
      ...createdFields(ctx, newId()),
      kind: input.kind,
      patientId: input.patientId,
      appointmentId: input.appointmentId,
      basicInsurerId: input.basicInsurerId,
      supplementaryInsurerId: input.supplementaryInsurerId,
      lines: priced.lines,
      grossRial: priced.grossRial,
      insurersRial: priced.insurersRial,
      discountRial: priced.discountRial,
      dueRial: priced.dueRial,
      issuedOn: today(ctx),
      status: 'issued',
      voidReason: '',
      deliveredBy: '',
      deliveredAt: '',
      number: ctx.fileNumbers.next(ctx.sync.deviceNumber, 'invoices'),
    };
    const saved = await ctx.writer.insert(
      'invoices',
      invoice,
      `صورت‌حساب ${toPersianDigits(invoice.number)} برای ${patient.firstName} ${patient.lastName}: ${persianGrouped(invoice.dueRial)} ریال`,
    );
    if (trackStock) {
      for (const l of goods) {
        await ctx.writer.insert(
          'stock',
          movement(ctx, {
            kind: 'sale',
            goodId: l.itemId,
            warehouseId: input.warehouseId,
            qtyDelta: -l.qty,
            refId: saved.id,
          }),
          `فروش ${l.title}`,
        );
      }
    }
    return invoiceView(ctx, saved);
  },

  async 'invoices.void'({ id, reason }, ctx) {
    const doc = await findInvoice(ctx, id);
    if (doc.status === 'void') throw new AppError('conflict', 'این صورت‌حساب پیش‌تر باطل شده است.');
    if (doc.deliveredBy)
      throw new AppError(
        'conflict',
        'کالای این صورت‌حساب تحویل شده است و صورت‌حساب باطل نمی‌شود؛ برای برگشت کالا از «مرجوعی کالای تحویل‌شده» استفاده کنید.',
      );
    const saved = await ctx.writer.patch(
      'invoices',
      doc,
      { status: 'void', voidReason: reason, ...updatedFields(ctx) },
      `ابطال صورت‌حساب ${toPersianDigits(doc.number)}: ${reason}`,
    );
    // Goods not handed over go back to the warehouse they left.
    const sold = await ctx.db.stock.find({ selector: { refId: id, kind: 'sale' } }).exec();
    for (const m of sold) {
      await ctx.writer.insert(
        'stock',
        movement(ctx, {
          kind: 'return',
          goodId: m.goodId,
          warehouseId: m.warehouseId,
          qtyDelta: -m.qtyDelta,
          refId: id,
          reason,
        }),
        'برگشت کالا با ابطال صورت‌حساب',
      );
    }
    return invoiceView(ctx, saved);
  },

  async 'invoices.returnDelivered'({ id, warehouseId, lines, reason }, ctx) {
    await requireInventory(ctx);
    const doc = await findInvoice(ctx, id);
    const invoice = doc.toMutableJSON();
    if (invoice.kind !== 'shop')
      throw new AppError('invalid', 'مرجوعی کالا فقط برای صورت‌حساب فروشگاه است.');
    if (invoice.status !== 'issued') throw new AppError('conflict', 'این صورت‌حساب باطل شده است.');
    if (!invoice.deliveredBy)
      throw new AppError(
        'invalid',
        'کالای این صورت‌حساب هنوز تحویل نشده است؛ آن را با «مرجوعی» در فهرست در انتظار تحویل باطل کنید.',
      );
    const warehouse = await ctx.db.catalog.findOne(warehouseId).exec();
    if (!warehouse || warehouse.kind !== 'warehouse' || warehouse.centerId !== ctx.device.centerId)
      throw new AppError('invalid', 'انبار پیدا نشد.', {
        fields: { warehouseId: 'انبار را دوباره انتخاب کنید.' },
      });

    // Every check comes before the first write: a refused return leaves nothing behind.
    const before = (await shopStock(ctx, invoice)).returnedQty;
    const fields: Record<string, string> = {};
    const seen = new Set<number>();
    let creditRial = 0;
    for (const [i, r] of lines.entries()) {
      const line = invoice.lines[r.index];
      if (!line || line.kind !== 'good') {
        fields[`lines.${i}.index`] = 'این قلم در این صورت‌حساب نیست.';
        continue;
      }
      if (seen.has(r.index)) {
        fields[`lines.${i}.index`] = `«${line.title}» دو بار آمده است.`;
        continue;
      }
      seen.add(r.index);
      const left = line.qty - (before[r.index] ?? 0);
      if (r.qty > left) {
        fields[`lines.${i}.qty`] =
          left === 0
            ? `همهٔ «${line.title}» پیش‌تر برگشت خورده است.`
            : `از «${line.title}» حداکثر ${persianGrouped(left)} قابل برگشت است.`;
        continue;
      }
      creditRial += returnValue(line, before[r.index] ?? 0, r.qty);
    }
    const problems = Object.values(fields);
    if (problems.length > 0) throw new AppError('invalid', problems[0], { fields });

    const view = await invoiceView(ctx, invoice);
    const returnId = newId();
    const number = toPersianDigits(invoice.number);
    const moves: StockMovement[] = lines.map((r) =>
      movement(ctx, {
        kind: 'return',
        goodId: invoice.lines[r.index]!.itemId,
        warehouseId,
        qtyDelta: r.qty,
        refId: id,
        transferId: returnId,
        reason,
      }),
    );
    for (const [i, m] of moves.entries()) {
      await ctx.writer.insert(
        'stock',
        m,
        `مرجوعی ${persianGrouped(m.qtyDelta)} ${invoice.lines[lines[i]!.index]!.title} از صورت‌حساب ${number} به ${warehouse.name}: ${reason}`,
      );
    }
    if (creditRial > 0) {
      await ctx.writer.insert(
        'ledger',
        entry(ctx, {
          kind: 'deposit',
          patientId: invoice.patientId,
          invoiceId: id,
          amountRial: creditRial,
          method: 'credit',
          note: `مرجوعی کالای تحویل‌شده: ${reason}`,
        }),
        `اعتبار ${persianGrouped(creditRial)} ریال برای ${view.patientName} از مرجوعی صورت‌حساب ${number}`,
      );
      // What is still unpaid on the invoice is settled first from that credit, by someone who may
      // put credit towards invoices (the server checks that right for the entry); otherwise the
      // cashier applies it later.
      const mayApply =
        !ctx.sync.enrolled || (await ctx.rights.has(ctx.actor.staffId, 'cashier.receive'));
      const settle = mayApply ? Math.min(creditRial, view.remainingRial) : 0;
      if (settle > 0) {
        await ctx.writer.insert(
          'ledger',
          entry(ctx, {
            kind: 'apply-deposit',
            patientId: invoice.patientId,
            invoiceId: id,
            amountRial: settle,
            method: 'credit',
            note: 'تسویهٔ ماندهٔ صورت‌حساب با اعتبار مرجوعی',
          }),
          `کسر ${persianGrouped(settle)} ریال از ماندهٔ صورت‌حساب ${number} با اعتبار مرجوعی`,
        );
      }
    }
    return invoiceView(ctx, invoice);
  },

  async 'invoices.deliver'({ id }, ctx) {
    const doc = await findInvoice(ctx, id);
    if (doc.kind !== 'shop') throw new AppError('invalid', 'تحویل فقط برای صورت‌حساب فروشگاه است.');
    if (doc.status !== 'issued') throw new AppError('conflict', 'این صورت‌حساب باطل شده است.');
    if (doc.deliveredBy)
      throw new AppError('conflict', 'کالای این صورت‌حساب پیش‌تر تحویل شده است.');
    const saved = await ctx.writer.patch(
      'invoices',
      doc,
      {
        deliveredBy: ctx.actor.staffId,
        deliveredAt: ctx.now().toISOString(),
        ...updatedFields(ctx),
      },
      `تحویل کالای صورت‌حساب ${toPersianDigits(doc.number)} به دست ${ctx.actor.name}`,
    );
    return invoiceView(ctx, saved);
  },

  async 'invoices.get'({ id }, ctx) {
    return invoiceView(ctx, (await findInvoice(ctx, id)).toMutableJSON());
  },

  async 'invoices.list'({ patientId, from, to, unpaidOnly, limit, offset }, ctx) {
    const selector: MangoQuerySelector<Invoice> = {};
    if (patientId) selector.patientId = patientId;
    if (from || to)
      selector.issuedOn = { ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) };
    if (unpaidOnly) selector.status = 'issued';
    const sort = [{ issuedOn: 'desc' as const }];
    if (!unpaidOnly) {
      const [docs, total] = await Promise.all([
        ctx.db.invoices.find({ selector, sort, skip: offset, limit }).exec(),
        ctx.db.invoices.count({ selector }).exec(),
      ]);
      return {
        items: await Promise.all(docs.map((d) => invoiceView(ctx, d.toMutableJSON()))),
        total,
      };
    }
    const all = await Promise.all(
      (await ctx.db.invoices.find({ selector, sort }).exec()).map((d) =>
        invoiceView(ctx, d.toMutableJSON()),
      ),
    );
    const unpaid = all.filter((v) => v.remainingRial > 0);
    return { items: unpaid.slice(offset, offset + limit), total: unpaid.length };
  },
};
