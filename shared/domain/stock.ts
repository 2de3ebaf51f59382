/**
 * Stock movements (C6): append-only. A receipt, a transfer (two entries), an adjustment, goods used
 * in a service, a sale or a return each add entries; stock levels are sums per good and warehouse.
 */
import { z } from 'zod';
import { baseDocShape, idField, toRxJsonSchema } from '../schema/base';

export const STOCK_KINDS = [
  'receive',
  'transfer-out',
  'transfer-in',
  'adjust',
  'consume',
  'sale',
  'return',
] as const;
export type StockKind = (typeof STOCK_KINDS)[number];

export const STOCK_KIND_LABELS: Record<StockKind, string> = {
  receive: 'ورود از تأمین‌کننده',
  'transfer-out': 'انتقال (خروج)',
  'transfer-in': 'انتقال (ورود)',
  adjust: 'اصلاح موجودی',
  consume: 'مصرف در خدمت',
  sale: 'فروش',
  return: 'مرجوعی',
};

export const stockDocSchema = z.object({
  ...baseDocShape,
  kind: z.enum(STOCK_KINDS),
  goodId: idField,
  warehouseId: idField,
  /** Signed: receipts and returns add, sales and consumption take away. */
  qtyDelta: z.number().int().min(-1_000_000).max(1_000_000),
  /** Why (required for adjustments), the supplier, the invoice… */
  reason: z.string().max(300),
  supplier: z.string().max(120),
  refId: z.string().max(40),
  /** Pairs a transfer's two entries; groups the movements of one return of delivered goods. */
  transferId: z.string().max(40),
  day: z.string().max(10),
});

export type StockMovement = z.infer<typeof stockDocSchema>;

export const stockRxSchema = toRxJsonSchema(stockDocSchema, {
  title: 'stock',
  description: 'Append-only stock movements',
  version: 0,
  indexes: [['goodId', 'warehouseId'], ['refId'], ['day'], ['updatedAt']],
});

/** Levels per `goodId|warehouseId`. */
export function stockLevels(
  movements: readonly Pick<StockMovement, 'goodId' | 'warehouseId' | 'qtyDelta'>[],
): Map<string, number> {
  const levels = new Map<string, number>();
  for (const m of movements) {
    const key = `${m.goodId}|${m.warehouseId}`;
    levels.set(key, (levels.get(key) ?? 0) + m.qtyDelta);
  }
  return levels;
}
