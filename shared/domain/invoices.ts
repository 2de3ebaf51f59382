/**
 * Invoices (C4, B5, B6): bills for services (from a booking or a reception) and shop orders for
 * goods. An invoice's amounts are fixed when it is issued; money moves only as ledger entries
 * (shared/domain/ledger.ts). A mistake is corrected by voiding and issuing a new one.
 */
import { z } from 'zod';
import { baseDocShape, idField, toRxJsonSchema } from '../schema/base';
import { FULL_SHARE_BP, MAX_PRICE_RIAL } from './catalog';

const rial = z.number().int().min(0).max(MAX_PRICE_RIAL);

export const invoiceLineSchema = z.object({
  kind: z.enum(['service', 'good']),
  /** The service or good. */
  itemId: idField,
  title: z.string().min(1).max(160),
  qty: z.number().int().min(1).max(100_000),
  /** Price per unit the bill starts from (the contract tariff for insured services). */
  unitPriceRial: rial,
  basicShareRial: rial,
  supplementaryShareRial: rial,
  discountRial: rial,
  discountReason: z.string().max(200),
  /** What the patient owes for the line: gross − insurers − discount. */
  patientRial: rial,
});

export type InvoiceLine = z.infer<typeof invoiceLineSchema>;

export const invoiceDocSchema = z.object({
  ...baseDocShape,
  kind: z.enum(['service', 'shop']),
  patientId: idField,
  /** The visit this bill is for, or ''. */
  appointmentId: z.string().max(40),
  basicInsurerId: z.string().max(40),
  supplementaryInsurerId: z.string().max(40),
  lines: z.array(invoiceLineSchema).min(1).max(200),
  grossRial: rial,
  insurersRial: rial,
  discountRial: rial,
  /** The patient's share in all: what the cashier collects. */
  dueRial: rial,
  /** Calendar day issued (Tehran). */
  issuedOn: z.string().max(10),
  status: z.enum(['issued', 'void']),
  voidReason: z.string().max(300),
  /** Shop: who handed the goods over, and when ('' until delivered). */
  deliveredBy: z.string().max(40),
  deliveredAt: z.string().max(30),
  number: z.string().max(24),
});

export type Invoice = z.infer<typeof invoiceDocSchema>;

export const invoiceRxSchema = toRxJsonSchema(invoiceDocSchema, {
  title: 'invoices',
  description: 'Service bills and shop orders',
  version: 0,
  indexes: [['patientId', 'issuedOn'], ['issuedOn'], ['appointmentId'], ['updatedAt']],
});

export interface ShareInput {
  unitPriceRial: number;
  qty: number;
  /** The basic insurer's share of the price (basis points), 0 without insurance. */
  basicShareBp: number;
  /** The supplementary insurer's share of what remains after the basic insurer (basis points). */
  supplementaryShareBp: number;
  discountRial: number;
}

/**
 * Splits a line: the basic insurer pays its share of the price; the supplementary insurer pays its
 * share of what is left; the discount comes off the patient's part. Insurers' amounts are rounded
 * down to whole Rials, so the patient never pays a fraction and the parts always add up.
 */
export function splitLine(
  input: ShareInput,
): Pick<InvoiceLine, 'basicShareRial' | 'supplementaryShareRial' | 'patientRial' | 'discountRial'> {
  const gross = input.unitPriceRial * input.qty;
  const basic = Math.floor((gross * Math.min(input.basicShareBp, FULL_SHARE_BP)) / FULL_SHARE_BP);
  const supplementary = Math.floor(
    ((gross - basic) * Math.min(input.supplementaryShareBp, FULL_SHARE_BP)) / FULL_SHARE_BP,
  );
  const beforeDiscount = gross - basic - supplementary;
  const discount = Math.min(input.discountRial, beforeDiscount);
  return {
    basicShareRial: basic,
    supplementaryShareRial: supplementary,
    discountRial: discount,
    patientRial: beforeDiscount - discount,
  };
}

export function invoiceTotals(
  lines: readonly InvoiceLine[],
): Pick<Invoice, 'grossRial' | 'insurersRial' | 'discountRial' | 'dueRial'> {
  let gross = 0;
  let insurers = 0;
  let discount = 0;
  let due = 0;
  for (const l of lines) {
    gross += l.unitPriceRial * l.qty;
    insurers += l.basicShareRial + l.supplementaryShareRial;
    discount += l.discountRial;
    due += l.patientRial;
  }
  return { grossRial: gross, insurersRial: insurers, discountRial: discount, dueRial: due };
}

/**
 * Units of each line brought back after delivery. Returns are recorded per good (stock movements);
 * a good sold on several lines has its returned units counted against those lines in order.
 */
export function returnedPerLine(
  lines: readonly Pick<InvoiceLine, 'itemId' | 'qty'>[],
  returnedByGood: ReadonlyMap<string, number>,
): number[] {
  const left = new Map(returnedByGood);
  return lines.map((l) => {
    const taken = Math.min(l.qty, Math.max(0, left.get(l.itemId) ?? 0));
    left.set(l.itemId, (left.get(l.itemId) ?? 0) - taken);
    return taken;
  });
}

/**
 * What the patient paid for `qty` more units of a line when `before` units were already returned:
 * the line's patient part (after its discount) shared per unit, rounded so that returning every
 * unit, in any number of steps, gives back exactly the line's patient part.
 */
export function returnValue(
  line: Pick<InvoiceLine, 'qty' | 'patientRial'>,
  before: number,
  qty: number,
): number {
  const upTo = (n: number) => Math.floor((line.patientRial * n) / line.qty);
  return upTo(before + qty) - upTo(before);
}
