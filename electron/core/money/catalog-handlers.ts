/** Insurers, contracts, goods and warehouses in the catalogue (C4, C6). */
import { AppError } from '../../../shared/api/errors';
import {
  CATALOG_V1_DEFAULTS,
  INSURER_TYPE_LABELS,
  type CatalogItem,
} from '../../../shared/domain/catalog';
import { collationKey } from '../../../shared/text/collate';
import { createdFields, updatedFields, type CoreContext } from '../context';
import { newId } from '../ids';
import type { Handlers } from '../registry';
import { requireInventory } from './modules';

const BLANK = {
  ...CATALOG_V1_DEFAULTS,
  description: '',
  departmentId: '',
  priceRial: 0,
  durationMin: 0,
  prepaymentRequired: false,
  active: true,
};

async function save(
  ctx: CoreContext,
  kind: CatalogItem['kind'],
  id: string | undefined,
  fields: Partial<CatalogItem> & { name: string },
  label: string,
) {
  const sortKey = collationKey(fields.name).slice(0, 130);
  const twins = await ctx.db.catalog.find({ selector: { kind, sortKey } }).exec();
  if (kind !== 'contract' && twins.some((t) => t.id !== id && t.centerId === ctx.device.centerId)) {
    throw new AppError('conflict', 'نامی تکراری است.', {
      fields: { name: 'این نام پیش‌تر ثبت شده است.' },
    });
  }
  if (id) {
    const doc = await ctx.db.catalog.findOne(id).exec();
    if (!doc || doc.kind !== kind || doc.centerId !== ctx.device.centerId)
      throw new AppError('not-found', 'این مورد پیدا نشد.');
    return ctx.writer.patch(
      'catalog',
      doc,
      { ...fields, sortKey, ...updatedFields(ctx) },
      `ویرایش ${label}`,
    );
  }
  const doc: CatalogItem = { ...createdFields(ctx, newId()), ...BLANK, ...fields, kind, sortKey };
  return ctx.writer.insert('catalog', doc, `ایجاد ${label}`);
}

export const moneyCatalogHandlers: Partial<Handlers> = {
  async 'catalog.listAll'(_args, ctx) {
    const docs = await ctx.db.catalog
      .find({
        selector: { centerId: ctx.device.centerId },
        sort: [{ kind: 'asc' }, { sortKey: 'asc' }],
      })
      .exec();
    const all = docs.map((d) => d.toMutableJSON());
    const of = (kind: CatalogItem['kind']) => all.filter((d) => d.kind === kind);
    return {
      departments: of('department'),
      services: of('service'),
      insurers: of('insurer'),
      contracts: of('contract'),
      goods: of('good'),
      warehouses: of('warehouse'),
    };
  },

  async 'catalog.saveInsurer'({ id, name, insurerType, active }, ctx) {
    return save(
      ctx,
      'insurer',
      id,
      { name, insurerType, active },
      `${INSURER_TYPE_LABELS[insurerType]} «${name}»`,
    );
  },

  async 'catalog.saveContract'(
    { id, insurerId, serviceId, tariffRial, insurerShareBp, active },
    ctx,
  ) {
    const [insurer, service] = await Promise.all([
      ctx.db.catalog.findOne(insurerId).exec(),
      ctx.db.catalog.findOne(serviceId).exec(),
    ]);
    if (!insurer || insurer.kind !== 'insurer')
      throw new AppError('invalid', 'بیمه را انتخاب کنید.', {
        fields: { insurerId: 'بیمه را انتخاب کنید.' },
      });
    if (!service || service.kind !== 'service')
      throw new AppError('invalid', 'خدمت را انتخاب کنید.', {
        fields: { serviceId: 'خدمت را انتخاب کنید.' },
      });
    const existing = await ctx.db.catalog
      .find({ selector: { kind: 'contract', insurerId, serviceId } })
      .exec();
    if (existing.some((c) => c.id !== id)) {
      throw new AppError('conflict', 'برای این بیمه و خدمت پیش‌تر قراردادی ثبت شده است.', {
        fields: { serviceId: 'قرارداد تکراری' },
      });
    }
    const name = `${insurer.name} — ${service.name}`;
    return save(
      ctx,
      'contract',
      id,
      { name, insurerId, serviceId, tariffRial, insurerShareBp, active },
      `قرارداد ${name}`,
    );
  },

  async 'catalog.saveGood'({ id, ...fields }, ctx) {
    await requireInventory(ctx);
    if (fields.barcode) {
      const same = await ctx.db.catalog.find({ selector: { barcode: fields.barcode } }).exec();
      if (same.some((g) => g.id !== id && g.kind === 'good')) {
        throw new AppError('conflict', 'این بارکد برای کالای دیگری ثبت شده است.', {
          fields: { barcode: 'بارکد تکراری' },
        });
      }
    }
    return save(ctx, 'good', id, fields, `کالای «${fields.name}»`);
  },

  async 'catalog.saveWarehouse'({ id, name, active }, ctx) {
    await requireInventory(ctx);
    return save(ctx, 'warehouse', id, { name, active }, `انبار «${name}»`);
  },
};
