/**
 * Invoices (C4, B5): priced from the catalogue and the insurers' contracts, split between the basic
 * insurer, the supplementary insurer and the patient, with discounts within the actor's limit. A
 * shop invoice takes the goods out of stock (when the inventory module is on).
 */
import type { z } from 'zod';
import { AppError } from '../../../shared/api/errors';
import type { invoiceInput, InvoiceView } from '../../../shared/api/money';
import { FULL_SHARE_BP, type CatalogItem } from '../../../shared/domain/catalog';
import {
  invoiceTotals,
  returnedPerLine,
  splitLine,
  type Invoice,
  type InvoiceLine,
} from '../../../shared/domain/invoices';
import { invoicePaid, isReturnCredit } from '../../../shared/domain/ledger';
import { centerAmount } from './amount-text';
import { todayInTehran } from '../../../shared/time/dates';
import type { CoreContext } from '../context';

export type InvoiceInput = z.output<typeof invoiceInput>;

async function item(ctx: CoreContext, id: string, kind: CatalogItem['kind'], what: string) {
  const doc = await ctx.db.catalog.findOne(id).exec();
  if (!doc || doc.kind !== kind || !doc.active || doc.centerId !== ctx.device.centerId) {
    throw new AppError('invalid', `${what} پیدا نشد یا فعال نیست.`, {
      fields: { lines: `${what} را دوباره انتخاب کنید.` },
    });
  }
  return doc.toMutableJSON();
}

async function contractFor(
  ctx: CoreContext,
  insurerId: string,
  serviceId: string,
): Promise<CatalogItem | null> {
  if (!insurerId) return null;
  const docs = await ctx.db.catalog
    .find({ selector: { kind: 'contract', insurerId, serviceId, active: true } })
    .exec();
  return docs[0]?.toMutableJSON() ?? null;
}

/** The largest discount the acting person may give on `patientPart` (managers: all of it). */
async function discountCeiling(ctx: CoreContext, patientPart: number): Promise<number> {
  if (!ctx.sync.enrolled) return patientPart;
  const me = await ctx.rights.staff(ctx.actor.staffId);
  if (me?.kind === 'manager') return patientPart;
  if (!(await ctx.rights.has(ctx.actor.staffId, 'cashier.discount'))) return 0;
  const center = await ctx.db.center.findOne(ctx.device.centerId).exec();
  return Math.floor((patientPart * (center?.maxDiscountBp ?? 0)) / FULL_SHARE_BP);
}

export async function priceInvoice(
  ctx: CoreContext,
  input: InvoiceInput,
): Promise<{ lines: InvoiceLine[] } & ReturnType<typeof invoiceTotals>> {
  for (const [id, type] of [
    [input.basicInsurerId, 'basic'],
    [input.supplementaryInsurerId, 'supplementary'],
  ] as const) {
    if (id) {
      const insurer = await item(ctx, id, 'insurer', 'بیمه');
      if (insurer.insurerType !== type)
        throw new AppError('invalid', 'نوع بیمهٔ انتخاب‌شده درست نیست.', {
          fields: { [`${type}InsurerId`]: 'بیمهٔ دیگری انتخاب کنید.' },
        });
    }
  }
  const lines: InvoiceLine[] = [];
  for (const [index, line] of input.lines.entries()) {
    let unitPrice: number;
    let basicBp = 0;
    let supplementaryBp = 0;
    let title: string;
    if (line.kind === 'service') {
      const service = await item(ctx, line.itemId, 'service', 'خدمت');
      const basic = await contractFor(ctx, input.basicInsurerId, service.id);
      const supplementary = await contractFor(ctx, input.supplementaryInsurerId, service.id);
      unitPrice = basic ? basic.tariffRial : service.priceRial;
      basicBp = basic?.insurerShareBp ?? 0;
      supplementaryBp = supplementary?.insurerShareBp ?? 0;
      title = service.name;
    } else {
      const good = await item(ctx, line.itemId, 'good', 'کالا');
      unitPrice = good.priceRial;
      title = good.name;
    }
    const before = splitLine({
      unitPriceRial: unitPrice,
      qty: line.qty,
      basicShareBp: basicBp,
      supplementaryShareBp: supplementaryBp,
      discountRial: 0,
    });
    if (line.discountRial > 0) {
      const ceiling = await discountCeiling(ctx, before.patientRial);
      if (line.discountRial > ceiling) {
        throw new AppError(
          ceiling === 0 ? 'forbidden' : 'invalid',
          ceiling === 0
            ? 'اجازهٔ تخفیف دادن ندارید.'
            : `تخفیف این قلم حداکثر ${await centerAmount(ctx, ceiling)} است.`,
          { fields: { [`lines.${index}.discountRial`]: 'تخفیف بیش از حد مجاز است.' } },
        );
      }
    }
    const split = splitLine({
      unitPriceRial: unitPrice,
      qty: line.qty,
      basicShareBp: basicBp,
      supplementaryShareBp: supplementaryBp,
      discountRial: line.discountRial,
    });
    lines.push({
      kind: line.kind,
      itemId: line.itemId,
      title,
      qty: line.qty,
      unitPriceRial: unitPrice,
      ...split,
      discountReason: line.discountReason,
    });
  }
  return { lines, ...invoiceTotals(lines) };
}

/**
 * A shop invoice's goods in stock: units of each line brought back after delivery, and the warehouse
 * they were sold from ('' when stock is not tracked).
 */
export async function shopStock(
  ctx: CoreContext,
  invoice: Invoice,
): Promise<{ returnedQty: number[]; warehouseId: string }> {
  if (invoice.kind !== 'shop') return { returnedQty: invoice.lines.map(() => 0), warehouseId: '' };
  const moves = await ctx.db.stock.find({ selector: { refId: invoice.id } }).exec();
  // Returns after delivery carry a group id; a void's returns (before delivery) do not.
  const byGood = new Map<string, number>();
  for (const m of moves)
    if (m.kind === 'return' && m.transferId)
      byGood.set(m.goodId, (byGood.get(m.goodId) ?? 0) + m.qtyDelta);
  return {
    returnedQty: returnedPerLine(invoice.lines, byGood),
    warehouseId: moves.find((m) => m.kind === 'sale')?.warehouseId ?? '',
  };
}

export async function invoiceView(ctx: CoreContext, invoice: Invoice): Promise<InvoiceView> {
  const [patient, entries, returned] = await Promise.all([
    ctx.db.patients.findOne(invoice.patientId).exec(),
    ctx.db.ledger.find({ selector: { invoiceId: invoice.id } }).exec(),
    shopStock(ctx, invoice),
  ]);
  const list = entries
    .map((e) => e.toMutableJSON())
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
  const paid = invoicePaid(list);
  return {
    ...invoice,
    patientName: patient ? `${patient.firstName} ${patient.lastName}` : 'بیمار حذف‌شده',
    paidRial: paid,
    remainingRial: invoice.status === 'issued' ? Math.max(0, invoice.dueRial - paid) : 0,
    entries: list,
    returnedQty: returned.returnedQty,
    soldFromWarehouseId: returned.warehouseId,
    returnedRial: list.filter(isReturnCredit).reduce((s, e) => s + e.amountRial, 0),
  };
}

export function today(ctx: CoreContext): string {
  return todayInTehran(ctx.now());
}
