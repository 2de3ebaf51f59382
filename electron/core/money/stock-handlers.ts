/** Stock movements and levels (C6). Every movement is a new entry; levels are running sums. */
import { persianGrouped } from '../../../shared/text/normalize';
import { AppError } from '../../../shared/api/errors';
import type { StockLevel } from '../../../shared/api/money';
import type { StockMovement } from '../../../shared/domain/stock';
import { createdFields, type CoreContext } from '../context';
import { newId } from '../ids';
import type { Handlers } from '../registry';
import { today } from './invoices';
import { requireInventory } from './modules';

async function catalogItem(
  ctx: CoreContext,
  id: string,
  kind: 'good' | 'warehouse',
  field: string,
) {
  const doc = await ctx.db.catalog.findOne(id).exec();
  if (!doc || doc.kind !== kind || doc.centerId !== ctx.device.centerId) {
    throw new AppError('invalid', kind === 'good' ? 'کالا پیدا نشد.' : 'انبار پیدا نشد.', {
      fields: { [field]: 'دوباره انتخاب کنید.' },
    });
  }
  return doc;
}

export function movement(
  ctx: CoreContext,
  fields: Pick<StockMovement, 'kind' | 'goodId' | 'warehouseId' | 'qtyDelta'> &
    Partial<StockMovement>,
): StockMovement {
  return {
    ...createdFields(ctx, newId()),
    reason: '',
    supplier: '',
    refId: '',
    transferId: '',
    day: today(ctx),
    ...fields,
  };
}

/** Refuses taking out more than is there, unless the center allows negative stock. */
export async function assertAvailable(
  ctx: CoreContext,
  goodId: string,
  warehouseId: string,
  qty: number,
  field = 'qty',
  /** The good's name, when several goods are checked at once (a shop cart). */
  goodName = '',
): Promise<void> {
  const center = await ctx.db.center.findOne(ctx.device.centerId).exec();
  if (center?.allowNegativeStock) return;
  await ctx.money.load();
  const level = ctx.money.stockLevel(goodId, warehouseId);
  if (level < qty) {
    const what = goodName ? `موجودی «${goodName}»` : 'موجودی';
    throw new AppError('invalid', `${what} کافی نیست (موجودی انبار: ${persianGrouped(level)}).`, {
      fields: { [field]: 'بیش از موجودی انبار است.' },
      level,
    });
  }
}

export const stockHandlers: Partial<Handlers> = {
  async 'stock.receive'({ goodId, warehouseId, qty, supplier, note }, ctx) {
    await requireInventory(ctx);
    const good = await catalogItem(ctx, goodId, 'good', 'goodId');
    await catalogItem(ctx, warehouseId, 'warehouse', 'warehouseId');
    const m = movement(ctx, {
      kind: 'receive',
      goodId,
      warehouseId,
      qtyDelta: qty,
      supplier,
      reason: note,
    });
    return ctx.writer.insert(
      'stock',
      m,
      `ورود ${qty.toLocaleString('fa-IR')} ${good.unit} ${good.name}`,
    );
  },

  async 'stock.transfer'({ goodId, fromWarehouseId, toWarehouseId, qty }, ctx) {
    await requireInventory(ctx);
    const good = await catalogItem(ctx, goodId, 'good', 'goodId');
    await catalogItem(ctx, fromWarehouseId, 'warehouse', 'fromWarehouseId');
    await catalogItem(ctx, toWarehouseId, 'warehouse', 'toWarehouseId');
    await assertAvailable(ctx, goodId, fromWarehouseId, qty);
    const transferId = newId();
    const out = movement(ctx, {
      kind: 'transfer-out',
      goodId,
      warehouseId: fromWarehouseId,
      qtyDelta: -qty,
      transferId,
    });
    const inn = movement(ctx, {
      kind: 'transfer-in',
      goodId,
      warehouseId: toWarehouseId,
      qtyDelta: qty,
      transferId,
    });
    const summary = `انتقال ${qty.toLocaleString('fa-IR')} ${good.unit} ${good.name}`;
    return [
      await ctx.writer.insert('stock', out, summary),
      await ctx.writer.insert('stock', inn, summary),
    ];
  },

  async 'stock.adjust'({ goodId, warehouseId, qtyDelta, reason }, ctx) {
    await requireInventory(ctx);
    const good = await catalogItem(ctx, goodId, 'good', 'goodId');
    await catalogItem(ctx, warehouseId, 'warehouse', 'warehouseId');
    if (qtyDelta < 0) await assertAvailable(ctx, goodId, warehouseId, -qtyDelta, 'qtyDelta');
    return ctx.writer.insert(
      'stock',
      movement(ctx, { kind: 'adjust', goodId, warehouseId, qtyDelta, reason }),
      `اصلاح موجودی ${good.name}: ${reason}`,
    );
  },

  async 'stock.consume'({ goodId, warehouseId, qty, appointmentId, note }, ctx) {
    await requireInventory(ctx);
    const good = await catalogItem(ctx, goodId, 'good', 'goodId');
    await catalogItem(ctx, warehouseId, 'warehouse', 'warehouseId');
    await assertAvailable(ctx, goodId, warehouseId, qty);
    const m = movement(ctx, {
      kind: 'consume',
      goodId,
      warehouseId,
      qtyDelta: -qty,
      refId: appointmentId,
      reason: note,
    });
    return ctx.writer.insert(
      'stock',
      m,
      `مصرف ${qty.toLocaleString('fa-IR')} ${good.unit} ${good.name}`,
    );
  },

  async 'stock.levels'({ lowOnly }, ctx) {
    await ctx.money.load();
    const catalog = await ctx.db.catalog
      .find({ selector: { centerId: ctx.device.centerId } })
      .exec();
    const goods = catalog.filter((c) => c.kind === 'good');
    const warehouses = catalog.filter((c) => c.kind === 'warehouse');
    const levels = ctx.money.stockLevels();
    const rows: StockLevel[] = [];
    for (const g of goods) {
      for (const w of warehouses) {
        const level = levels.get(`${g.id}|${w.id}`) ?? 0;
        const low = level <= g.reorderLevel;
        if (lowOnly && !low) continue;
        rows.push({
          goodId: g.id,
          goodName: g.name,
          barcode: g.barcode,
          unit: g.unit,
          warehouseId: w.id,
          warehouseName: w.name,
          level,
          reorderLevel: g.reorderLevel,
          low,
        });
      }
    }
    return rows;
  },

  async 'stock.movements'({ goodId, warehouseId, limit, offset }, ctx) {
    const selector: Record<string, unknown> = { centerId: ctx.device.centerId };
    if (goodId) selector.goodId = goodId;
    if (warehouseId) selector.warehouseId = warehouseId;
    const [docs, total, catalog] = await Promise.all([
      ctx.db.stock.find({ selector, sort: [{ updatedAt: 'desc' }], skip: offset, limit }).exec(),
      ctx.db.stock.count({ selector }).exec(),
      ctx.db.catalog.find({ selector: { centerId: ctx.device.centerId } }).exec(),
    ]);
    const names = new Map(catalog.map((c) => [c.id, c.name]));
    return {
      items: docs.map((d) => ({
        ...d.toMutableJSON(),
        goodName: names.get(d.goodId) ?? '',
        warehouseName: names.get(d.warehouseId) ?? '',
      })),
      total,
    };
  },
};
