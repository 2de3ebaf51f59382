/**
 * The cash ledger (B6): append-only money events. Nothing is ever edited: a correction is a new
 * entry (a refund, a reversal). Because entries only accumulate, two offline desks can never
 * overwrite each other's cash; balances, debts, credits and a cash box's expected cash are sums.
 */
import { z } from 'zod';
import { baseDocShape, idField, toRxJsonSchema } from '../schema/base';
import { MAX_PRICE_RIAL } from './catalog';

export const LEDGER_KINDS = [
  /** Money received for an invoice. */
  'payment',
  /** Money given back to a patient. */
  'refund',
  /**
   * An advance payment (also a portal prepayment): the patient's credit. Goods brought back after
   * delivery give credit the same way, with method 'credit' (no money moved) and the shop invoice.
   */
  'deposit',
  /** Part of a patient's credit put towards an invoice (no cash moves). */
  'apply-deposit',
  /** A cashier's shift starts with this much cash in the box. */
  'box-open',
  /** The shift ends: the counted cash, the expected cash and the difference. */
  'box-close',
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export const PAYMENT_METHODS = ['cash', 'card', 'transfer', 'online', 'credit'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const METHOD_LABELS: Record<PaymentMethod, string> = {
  cash: 'نقد',
  card: 'کارت (کارتخوان)',
  transfer: 'واریز بانکی',
  online: 'درگاه اینترنتی',
  credit: 'از اعتبار بیمار',
};

export const KIND_LABELS: Record<LedgerKind, string> = {
  payment: 'دریافت',
  refund: 'بازپرداخت',
  deposit: 'پیش‌پرداخت',
  'apply-deposit': 'کسر از پیش‌پرداخت',
  'box-open': 'باز کردن صندوق',
  'box-close': 'بستن صندوق',
};

/** A return's credit: a deposit made from goods brought back, not from money received. */
export function isReturnCredit(e: Pick<LedgerEntry, 'kind' | 'method'>): boolean {
  return e.kind === 'deposit' && e.method === 'credit';
}

/** What an entry is called in lists (a return's credit is not an advance payment). */
export function entryKindLabel(e: Pick<LedgerEntry, 'kind' | 'method'>): string {
  return isReturnCredit(e) ? 'اعتبار کالای برگشتی' : KIND_LABELS[e.kind];
}

/** How an entry's money moved, for lists ('' when none did, as for a return's credit). */
export function entryMethodLabel(e: Pick<LedgerEntry, 'kind' | 'method'>): string {
  return e.method && !isReturnCredit(e) ? METHOD_LABELS[e.method] : '';
}

export const ledgerDocSchema = z.object({
  ...baseDocShape,
  kind: z.enum(LEDGER_KINDS),
  /** '' for cash-box entries. */
  patientId: z.string().max(40),
  invoiceId: z.string().max(40),
  amountRial: z.number().int().min(0).max(MAX_PRICE_RIAL),
  method: z.enum(['', ...PAYMENT_METHODS]),
  /** POS terminal reference, bank transfer tracking number, gateway reference… */
  reference: z.string().max(64),
  /** The cash box (its box-open entry's id) this entry belongs to, or ''. */
  boxId: z.string().max(40),
  /** The cashier: the acting staff member. */
  cashierId: idField,
  /** Calendar day (Tehran). */
  day: z.string().max(10),
  note: z.string().max(300),
  /** box-close: what the cashier counted, and what the entries said should be there. */
  countedRial: z.number().int().min(0).max(MAX_PRICE_RIAL),
  expectedRial: z.number().int().min(0).max(MAX_PRICE_RIAL),
});

export type LedgerEntry = z.infer<typeof ledgerDocSchema>;

export const ledgerRxSchema = toRxJsonSchema(ledgerDocSchema, {
  title: 'ledger',
  description: 'Append-only money events',
  version: 0,
  indexes: [
    ['patientId', 'day'],
    ['invoiceId'],
    ['boxId'],
    ['day', 'cashierId'],
    ['cashierId', 'kind'],
    ['updatedAt'],
  ],
});

/** Signed effect of an entry on what a patient owes (positive = the patient owes less). */
export function creditEffect(e: Pick<LedgerEntry, 'kind' | 'amountRial'>): number {
  switch (e.kind) {
    case 'payment':
    case 'deposit':
      return e.amountRial;
    case 'refund':
      return -e.amountRial;
    default:
      // apply-deposit moves credit onto an invoice: the patient's total balance does not change.
      return 0;
  }
}

/**
 * What a patient owes (positive: debtor) or is owed (negative: creditor): every issued invoice's
 * due amount minus money received, plus money given back.
 */
export function patientBalance(
  invoices: readonly { dueRial: number; status: string }[],
  entries: readonly Pick<LedgerEntry, 'kind' | 'amountRial'>[],
): number {
  let balance = 0;
  for (const i of invoices) if (i.status === 'issued') balance += i.dueRial;
  for (const e of entries) balance -= creditEffect(e);
  return balance;
}

/** What has been paid towards one invoice (payments and applied credit, less refunds against it). */
export function invoicePaid(entries: readonly Pick<LedgerEntry, 'kind' | 'amountRial'>[]): number {
  let paid = 0;
  for (const e of entries) {
    if (e.kind === 'payment' || e.kind === 'apply-deposit') paid += e.amountRial;
    else if (e.kind === 'refund') paid -= e.amountRial;
  }
  return paid;
}

/** The cash a box should hold: opening cash, plus cash received, minus cash given back. */
export function expectedCash(
  entries: readonly Pick<LedgerEntry, 'kind' | 'amountRial' | 'method'>[],
): number {
  let cash = 0;
  for (const e of entries) {
    if (e.kind === 'box-open') cash += e.amountRial;
    else if (e.method === 'cash' && (e.kind === 'payment' || e.kind === 'deposit'))
      cash += e.amountRial;
    else if (e.method === 'cash' && e.kind === 'refund') cash -= e.amountRial;
  }
  return cash;
}

/**
 * Credit not yet put towards an invoice: advance payments, less what was applied or given back.
 * Money paid towards an invoice that was later voided is credit again (less what was given back
 * against that invoice), and so is credit that had been applied to it.
 */
export function unallocatedCredit(
  entries: readonly Pick<LedgerEntry, 'kind' | 'amountRial' | 'invoiceId'>[],
  voidedInvoiceIds: ReadonlySet<string> = new Set(),
): number {
  let credit = 0;
  for (const e of entries) {
    const voided = e.invoiceId !== '' && voidedInvoiceIds.has(e.invoiceId);
    if (e.kind === 'deposit') credit += e.amountRial;
    else if (e.kind === 'payment' && voided) credit += e.amountRial;
    else if (e.kind === 'apply-deposit' && !voided) credit -= e.amountRial;
    else if (e.kind === 'refund' && (e.invoiceId === '' || voided)) credit -= e.amountRial;
  }
  return credit;
}
