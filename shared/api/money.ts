/**
 * Money and goods (C4, C6, B5, B6): insurers and contracts, invoices, the cashier's ledger, debtors
 * and creditors, cash boxes, goods, warehouses and stock. Amounts are integer Rials everywhere.
 */
import { z } from 'zod';
import { method, returns } from './method';
import type { Page } from './patients';
import { FULL_SHARE_BP, INSURER_TYPES, MAX_PRICE_RIAL, type CatalogItem } from '../domain/catalog';
import type { Invoice, InvoiceLine } from '../domain/invoices';
import { LEDGER_KINDS, PAYMENT_METHODS, type LedgerEntry } from '../domain/ledger';
import type { StockMovement } from '../domain/stock';
import { idField } from '../schema/base';
import { tidyPersian } from '../text/normalize';
import { isIsoDate } from '../time/dates';

const rial = (label: string) =>
  z
    .number({ error: `${label} را وارد کنید.` })
    .int(`${label} باید عدد صحیح ریال باشد.`)
    .min(0, `${label} نمی‌تواند منفی باشد.`)
    .max(MAX_PRICE_RIAL, `${label} بیش از حد بزرگ است.`);

const positiveRial = (label: string) =>
  rial(label).refine((v) => v > 0, `${label} باید بیش از صفر باشد.`);

const name = (label: string) =>
  z
    .string({ error: `${label} را وارد کنید.` })
    .transform(tidyPersian)
    .pipe(z.string().min(1, `${label} را وارد کنید.`).max(120, `${label} حداکثر ۱۲۰ حرف است.`));

const day = (label: string) => z.string().refine(isIsoDate, `${label} معتبر نیست.`);

export const lineInput = z.object({
  kind: z.enum(['service', 'good']),
  itemId: idField,
  qty: z
    .number()
    .int('تعداد باید عدد صحیح باشد.')
    .min(1, 'تعداد دست‌کم ۱ است.')
    .max(100_000)
    .default(1),
  discountRial: rial('تخفیف').default(0),
  discountReason: z.string().trim().max(200).default(''),
});

export const invoiceInput = z
  .object({
    kind: z.enum(['service', 'shop']),
    patientId: idField,
    appointmentId: z.string().max(40).default(''),
    basicInsurerId: z.string().max(40).default(''),
    supplementaryInsurerId: z.string().max(40).default(''),
    /** Shop: the warehouse the goods leave from. */
    warehouseId: z.string().max(40).default(''),
    lines: z.array(lineInput).min(1, 'دست‌کم یک قلم لازم است.').max(200),
  })
  .refine((i) => i.lines.every((l) => l.discountRial === 0 || l.discountReason !== ''), {
    message: 'برای تخفیف دلیل بنویسید.',
    path: ['lines'],
  });

export interface InvoiceView extends Invoice {
  patientName: string;
  paidRial: number;
  remainingRial: number;
  entries: LedgerEntry[];
  /**
   * Shop: units of each line (same order as `lines`) brought back after delivery, and the credit
   * those returns gave the patient.
   */
  returnedQty: number[];
  returnedRial: number;
  /** Shop: the warehouse the goods were sold from ('' when stock is not tracked). */
  soldFromWarehouseId: string;
}

export interface LedgerRow extends LedgerEntry {
  patientName: string;
  cashierName: string;
}

export interface BalanceRow {
  patientId: string;
  patientName: string;
  mobile: string;
  fileNumber: string;
  /** Positive: the patient owes the center; negative: the center owes the patient (credit). */
  balanceRial: number;
}

export interface BoxStatus {
  box: LedgerEntry | null;
  expectedCashRial: number;
  cashInRial: number;
  cashOutRial: number;
  cardRial: number;
  entries: number;
}

export interface StockLevel {
  goodId: string;
  goodName: string;
  barcode: string;
  unit: string;
  warehouseId: string;
  warehouseName: string;
  level: number;
  reorderLevel: number;
  low: boolean;
}

const transactionFilters = z.object({
  from: day('تاریخ آغاز').optional(),
  to: day('تاریخ پایان').optional(),
  cashierId: idField.optional(),
  method: z.enum(PAYMENT_METHODS).optional(),
  patientId: idField.optional(),
  kinds: z.array(z.enum(LEDGER_KINDS)).max(10).optional(),
});

export const moneyMethods = {
  'catalog.listAll': method({
    description:
      'The whole catalogue by kind: departments, services, insurers, contracts, goods, warehouses.',
    args: z.object({}).default({}),
    result:
      returns<
        Record<
          'departments' | 'services' | 'insurers' | 'contracts' | 'goods' | 'warehouses',
          CatalogItem[]
        >
      >(),
  }),
  'catalog.saveInsurer': method({
    description: 'Creates or edits an insurer (basic or supplementary).',
    args: z.object({
      id: idField.optional(),
      name: name('نام بیمه'),
      insurerType: z.enum(INSURER_TYPES, { error: 'نوع بیمه را انتخاب کنید.' }),
      active: z.boolean().default(true),
    }),
    result: returns<CatalogItem>(),
    write: true,
    permission: 'settings.edit',
  }),
  'catalog.saveContract': method({
    description: "An insurer's contract for a service: the tariff and the insurer's share.",
    args: z.object({
      id: idField.optional(),
      insurerId: idField,
      serviceId: idField,
      tariffRial: rial('تعرفه'),
      insurerShareBp: z
        .number()
        .int()
        .min(0, 'سهم بیمه نمی‌تواند منفی باشد.')
        .max(FULL_SHARE_BP, 'سهم بیمه حداکثر ۱۰۰٪ است.'),
      active: z.boolean().default(true),
    }),
    result: returns<CatalogItem>(),
    write: true,
    permission: 'settings.edit',
  }),
  'catalog.saveGood': method({
    description: 'Creates or edits a good (name, barcode, unit, sale price, reorder level).',
    args: z.object({
      id: idField.optional(),
      name: name('نام کالا'),
      barcode: z.string().trim().max(64).default(''),
      unit: z.string().trim().min(1, 'واحد را وارد کنید.').max(30).default('عدد'),
      priceRial: rial('قیمت فروش'),
      reorderLevel: z
        .number()
        .int('حد سفارش باید عدد صحیح باشد.')
        .min(0, 'حد سفارش نمی‌تواند منفی باشد.')
        .max(1_000_000_000)
        .default(0),
      active: z.boolean().default(true),
    }),
    result: returns<CatalogItem>(),
    write: true,
    permission: 'inventory.edit',
  }),
  'catalog.saveWarehouse': method({
    description: 'Creates or edits a warehouse.',
    args: z.object({
      id: idField.optional(),
      name: name('نام انبار'),
      active: z.boolean().default(true),
    }),
    result: returns<CatalogItem>(),
    write: true,
    permission: 'inventory.edit',
  }),
  'invoices.quote': method({
    description: 'Prices an invoice (tariffs, insurer shares, discounts) without saving it.',
    args: invoiceInput,
    result: returns<{
      lines: InvoiceLine[];
      grossRial: number;
      insurersRial: number;
      discountRial: number;
      dueRial: number;
    }>(),
    permission: 'cashier.view',
  }),
  'invoices.issue': method({
    description:
      'Issues an invoice for services or goods; a shop invoice takes the goods out of stock.',
    args: invoiceInput,
    result: returns<InvoiceView>(),
    write: true,
    permission: 'cashier.receive',
  }),
  'invoices.void': method({
    description:
      'Voids an invoice with a reason (money already paid stays as the patient’s credit).',
    args: z.object({
      id: idField,
      reason: z.string().trim().min(1, 'دلیل ابطال را بنویسید.').max(300),
    }),
    result: returns<InvoiceView>(),
    write: true,
    permission: 'cashier.refund',
  }),
  'invoices.returnDelivered': method({
    description:
      'Takes back goods of a shop invoice that were already handed over (some or all of a line): ' +
      'they go into a warehouse, and their value (after their share of the discount) becomes the ' +
      'patient’s credit, first settling what is still unpaid on the invoice.',
    args: z.object({
      id: idField,
      warehouseId: z.string({ error: 'انبار را انتخاب کنید.' }).min(1, 'انبار را انتخاب کنید.'),
      lines: z
        .array(
          z.object({
            /** The line's position in the invoice's `lines`. */
            index: z.number().int('ردیف معتبر نیست.').min(0, 'ردیف معتبر نیست.'),
            qty: z
              .number({ error: 'تعداد را وارد کنید.' })
              .int('تعداد برگشتی باید عدد صحیح باشد.')
              .min(1, 'تعداد برگشتی دست‌کم ۱ است.')
              .max(100_000, 'تعداد برگشتی بیش از حد بزرگ است.'),
          }),
        )
        .min(1, 'دست‌کم یک قلم را برای مرجوعی انتخاب کنید.')
        .max(200),
      reason: z
        .string({ error: 'دلیل مرجوعی را بنویسید.' })
        .trim()
        .min(1, 'دلیل مرجوعی را بنویسید.')
        .max(300, 'دلیل مرجوعی حداکثر ۳۰۰ حرف است.'),
    }),
    result: returns<InvoiceView>(),
    write: true,
    permission: 'cashier.refund',
  }),
  'invoices.deliver': method({
    description: 'Records that the goods of a shop invoice were handed over, by whom and when.',
    args: z.object({ id: idField }),
    result: returns<InvoiceView>(),
    write: true,
    permission: 'shop.deliver',
  }),
  'invoices.get': method({
    description: 'One invoice with what has been paid and what remains.',
    args: z.object({ id: idField }),
    result: returns<InvoiceView>(),
    permission: 'cashier.view',
  }),
  'invoices.list': method({
    description: "Invoices, newest first: a patient's, a day range's, or only unpaid ones.",
    args: z.object({
      patientId: idField.optional(),
      from: day('تاریخ آغاز').optional(),
      to: day('تاریخ پایان').optional(),
      unpaidOnly: z.boolean().default(false),
      limit: z.number().int().min(1).max(500).default(50),
      offset: z.number().int().min(0).default(0),
    }),
    result: returns<Page<InvoiceView>>(),
    permission: 'cashier.view',
  }),
  'cashier.openBox': method({
    description: "Opens this cashier's cash box for a shift with the cash in it.",
    args: z.object({ openingRial: rial('موجودی آغاز') }),
    result: returns<BoxStatus>(),
    write: true,
    permission: 'cashier.receive',
  }),
  'cashier.box': method({
    description: "This cashier's open box: expected cash and totals so far.",
    args: z.object({}).default({}),
    result: returns<BoxStatus>(),
    permission: 'cashier.view',
  }),
  'cashier.closeBox': method({
    description:
      'Closes the shift: the counted cash against the expected cash, and the difference.',
    args: z.object({
      countedRial: rial('وجه شمارش‌شده'),
      note: z.string().trim().max(300).default(''),
    }),
    result: returns<LedgerEntry>(),
    write: true,
    permission: 'cashier.close',
  }),
  'cashier.receive': method({
    description: 'Receives money: for an invoice (payment) or as an advance (deposit).',
    args: z
      .object({
        patientId: idField,
        invoiceId: z.string().max(40).default(''),
        amountRial: positiveRial('مبلغ'),
        method: z.enum(['cash', 'card', 'transfer', 'online'], {
          error: 'روش پرداخت را انتخاب کنید.',
        }),
        reference: z.string().trim().max(64).default(''),
        note: z.string().trim().max(300).default(''),
      })
      .refine((r) => r.method === 'cash' || r.reference !== '', {
        message: 'شمارهٔ پیگیری کارتخوان یا واریز را وارد کنید.',
        path: ['reference'],
      }),
    result: returns<LedgerEntry>(),
    write: true,
    permission: 'cashier.receive',
  }),
  'cashier.applyCredit': method({
    description: "Puts part of a patient's credit (advance payments) towards an invoice.",
    args: z.object({ patientId: idField, invoiceId: idField, amountRial: positiveRial('مبلغ') }),
    result: returns<LedgerEntry>(),
    write: true,
    permission: 'cashier.receive',
  }),
  'cashier.refund': method({
    description: 'Gives money back to a patient, with a reason.',
    args: z.object({
      patientId: idField,
      invoiceId: z.string().max(40).default(''),
      amountRial: positiveRial('مبلغ'),
      method: z.enum(['cash', 'card', 'transfer'], { error: 'روش بازپرداخت را انتخاب کنید.' }),
      reference: z.string().trim().max(64).default(''),
      reason: z.string().trim().min(1, 'دلیل بازپرداخت را بنویسید.').max(300),
    }),
    result: returns<LedgerEntry>(),
    write: true,
    permission: 'cashier.refund',
  }),
  'cashier.transactions': method({
    description:
      'Ledger entries with filters (Jalali days, cashier, method, patient, kind), newest first.',
    args: transactionFilters.extend({
      limit: z.number().int().min(1).max(500).default(50),
      offset: z.number().int().min(0).default(0),
    }),
    result: returns<Page<LedgerRow> & { sumRial: number }>(),
    permission: 'cashier.view',
  }),
  'cashier.export': method({
    description: 'The filtered transactions as an Excel workbook (base64).',
    args: transactionFilters,
    result: returns<{ fileName: string; base64: string; rows: number }>(),
    permission: 'cashier.view',
  }),
  'cashier.balances': method({
    description: 'Debtors (who owe the center) or creditors (who have credit), largest first.',
    args: z.object({
      side: z.enum(['debtors', 'creditors']),
      limit: z.number().int().min(1).max(500).default(50),
      offset: z.number().int().min(0).default(0),
    }),
    result: returns<Page<BalanceRow> & { sumRial: number }>(),
    permission: 'cashier.view',
  }),
  'cashier.patientBalance': method({
    description: "A patient's balance and their unpaid invoices.",
    args: z.object({ patientId: idField }),
    result: returns<{ balanceRial: number; creditRial: number; unpaid: InvoiceView[] }>(),
    permission: 'cashier.view',
  }),
  'stock.receive': method({
    description: 'Goods received from a supplier into a warehouse.',
    args: z.object({
      goodId: idField,
      warehouseId: idField,
      qty: z.number().int('تعداد باید عدد صحیح باشد.').min(1, 'تعداد دست‌کم ۱ است.').max(1_000_000),
      supplier: z.string().trim().max(120).default(''),
      note: z.string().trim().max(300).default(''),
    }),
    result: returns<StockMovement>(),
    write: true,
    permission: 'inventory.edit',
  }),
  'stock.transfer': method({
    description: 'Moves goods between warehouses (two entries, one transfer).',
    args: z
      .object({
        goodId: idField,
        fromWarehouseId: idField,
        toWarehouseId: idField,
        qty: z.number().int().min(1, 'تعداد دست‌کم ۱ است.').max(1_000_000),
      })
      .refine((t) => t.fromWarehouseId !== t.toWarehouseId, {
        message: 'انبار مبدأ و مقصد یکی است.',
        path: ['toWarehouseId'],
      }),
    result: returns<StockMovement[]>(),
    write: true,
    permission: 'inventory.edit',
  }),
  'stock.adjust': method({
    description: 'Corrects a stock level (count difference, damage) with a reason.',
    args: z.object({
      goodId: idField,
      warehouseId: idField,
      qtyDelta: z
        .number()
        .int('تعداد باید عدد صحیح باشد.')
        .min(-1_000_000)
        .max(1_000_000)
        .refine((v) => v !== 0, 'مقدار اصلاح صفر است.'),
      reason: z.string().trim().min(1, 'دلیل اصلاح را بنویسید.').max(300),
    }),
    result: returns<StockMovement>(),
    write: true,
    permission: 'inventory.edit',
  }),
  'stock.consume': method({
    description: 'Goods used in a service.',
    args: z.object({
      goodId: idField,
      warehouseId: idField,
      qty: z.number().int().min(1, 'تعداد دست‌کم ۱ است.').max(1_000_000),
      appointmentId: z.string().max(40).default(''),
      note: z.string().trim().max(300).default(''),
    }),
    result: returns<StockMovement>(),
    write: true,
    permission: 'inventory.edit',
  }),
  'stock.levels': method({
    description: 'Stock of every good in every warehouse, with low-stock flags.',
    args: z.object({ lowOnly: z.boolean().default(false) }).default({ lowOnly: false }),
    result: returns<StockLevel[]>(),
    permission: 'inventory.view',
  }),
  'stock.movements': method({
    description: 'Stock movements, newest first.',
    args: z.object({
      goodId: idField.optional(),
      warehouseId: idField.optional(),
      limit: z.number().int().min(1).max(500).default(50),
      offset: z.number().int().min(0).default(0),
    }),
    result: returns<Page<StockMovement & { goodName: string; warehouseName: string }>>(),
    permission: 'inventory.view',
  }),
};
