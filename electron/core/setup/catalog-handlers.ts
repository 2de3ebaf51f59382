import { AppError } from '../../../shared/api/errors';
import { CATALOG_V1_DEFAULTS, type CatalogItem } from '../../../shared/domain/catalog';
import { collationKey } from '../../../shared/text/collate';
import { toPersianDigits } from '../../../shared/text/normalize';
import { createdFields, updatedFields, type CoreContext } from '../context';
import { newId } from '../ids';
import type { Handlers } from '../registry';

async function findItem(ctx: CoreContext, id: string, kind: CatalogItem['kind']) {
  const doc = await ctx.db.catalog.findOne(id).exec();
  if (!doc || doc.centerId !== ctx.device.centerId || doc.kind !== kind) {
    throw new AppError(
      'not-found',
      kind === 'department' ? 'این بخش پیدا نشد.' : 'این خدمت پیدا نشد.',
    );
  }
  return doc;
}

/** Names are unique per kind (and per department for services), so lists never show twins. */
async function assertNameFree(
  ctx: CoreContext,
  item: Pick<CatalogItem, 'kind' | 'name' | 'departmentId'>,
  exceptId?: string,
) {
  const same = await ctx.db.catalog
    .find({
      selector: {
        centerId: ctx.device.centerId,
        kind: item.kind,
        sortKey: collationKey(item.name).slice(0, 130),
      },
    })
    .exec();
  if (same.some((d) => d.id !== exceptId && d.departmentId === item.departmentId)) {
    throw new AppError('conflict', 'نامی تکراری است.', {
      fields: { name: 'این نام پیش‌تر ثبت شده است.' },
    });
  }
}

const blank = {
  ...CATALOG_V1_DEFAULTS,
  description: '',
  departmentId: '',
  priceRial: 0,
  durationMin: 0,
  prepaymentRequired: false,
};

export const catalogHandlers: Partial<Handlers> = {
  async 'catalog.list'({ includeInactive }, ctx) {
    const docs = await ctx.db.catalog
      .find({
        selector: { centerId: ctx.device.centerId },
        sort: [{ kind: 'asc' }, { sortKey: 'asc' }],
      })
      .exec();
    const items = docs.map((d) => d.toMutableJSON()).filter((d) => includeInactive || d.active);
    return {
      departments: items.filter((d) => d.kind === 'department'),
      services: items.filter((d) => d.kind === 'service'),
    };
  },

  async 'catalog.saveDepartment'({ id, ...input }, ctx) {
    const fields = {
      ...blank,
      ...input,
      kind: 'department' as const,
      sortKey: collationKey(input.name).slice(0, 130),
    };
    await assertNameFree(ctx, fields, id);
    if (id) {
      const doc = await findItem(ctx, id, 'department');
      return ctx.writer.patch(
        'catalog',
        doc,
        { ...fields, ...updatedFields(ctx) },
        `ویرایش بخش «${input.name}»`,
      );
    }
    const item: CatalogItem = { ...createdFields(ctx, newId()), ...fields };
    return ctx.writer.insert('catalog', item, `ایجاد بخش «${input.name}»`);
  },

  async 'catalog.saveService'({ id, ...input }, ctx) {
    await findItem(ctx, input.departmentId, 'department').catch(() => {
      throw new AppError('invalid', 'بخش انتخاب‌شده پیدا نشد.', {
        fields: { departmentId: 'بخش را انتخاب کنید.' },
      });
    });
    const fields = {
      ...blank,
      ...input,
      kind: 'service' as const,
      sortKey: collationKey(input.name).slice(0, 130),
    };
    await assertNameFree(ctx, fields, id);
    const what = `خدمت «${input.name}» (${toPersianDigits(input.priceRial.toLocaleString('en-US'))} ریال)`;
    if (id) {
      const doc = await findItem(ctx, id, 'service');
      return ctx.writer.patch(
        'catalog',
        doc,
        { ...fields, ...updatedFields(ctx) },
        `ویرایش ${what}`,
      );
    }
    const item: CatalogItem = { ...createdFields(ctx, newId()), ...fields };
    return ctx.writer.insert('catalog', item, `ایجاد ${what}`);
  },
};
