/**
 * Session packages (B4): sold once, used through appointments that point at them. Counts are derived
 * from those appointments on every read (shared/domain/packages.ts), so offline desks agree.
 */
import { AppError } from '../../../shared/api/errors';
import type { PackageView } from '../../../shared/api/appointments';
import { packageUsage, type SessionPackage } from '../../../shared/domain/packages';
import { toPersianDigits } from '../../../shared/text/normalize';
import { todayInTehran } from '../../../shared/time/dates';
import { createdFields, type CoreContext } from '../context';
import { newId } from '../ids';
import type { Handlers } from '../registry';

export async function packageViews(
  ctx: CoreContext,
  packages: SessionPackage[],
): Promise<PackageView[]> {
  const today = todayInTehran(ctx.now());
  const services = await ctx.db.catalog
    .findByIds([...new Set(packages.map((p) => p.serviceId))])
    .exec();
  return Promise.all(
    packages.map(async (pkg) => {
      const visits = await ctx.db.appointments.find({ selector: { packageId: pkg.id } }).exec();
      return {
        ...pkg,
        usage: packageUsage(pkg, visits, today),
        serviceName: services.get(pkg.serviceId)?.name ?? '',
      };
    }),
  );
}

export const packageHandlers: Partial<Handlers> = {
  async 'packages.sell'(args, ctx) {
    const [patient, service] = await Promise.all([
      ctx.db.patients.findOne(args.patientId).exec(),
      ctx.db.catalog.findOne(args.serviceId).exec(),
    ]);
    if (!patient || patient.centerId !== ctx.device.centerId)
      throw new AppError('not-found', 'این بیمار پیدا نشد.');
    if (!service || service.kind !== 'service' || !service.active) {
      throw new AppError('invalid', 'خدمت انتخاب‌شده فعال نیست.', {
        fields: { serviceId: 'خدمت را انتخاب کنید.' },
      });
    }
    const today = todayInTehran(ctx.now());
    if (args.validUntil && args.validUntil < today) {
      throw new AppError('invalid', 'تاریخ اعتبار گذشته است.', {
        fields: { validUntil: 'تاریخی در آینده انتخاب کنید.' },
      });
    }
    const title = `${toPersianDigits(args.sessions)} جلسه ${service.name}`;
    const pkg: SessionPackage = {
      ...createdFields(ctx, newId()),
      patientId: args.patientId,
      serviceId: args.serviceId,
      title,
      sessions: args.sessions,
      priceRial: args.priceRial,
      soldOn: today,
      validUntil: args.validUntil,
      status: 'active',
      notes: args.notes,
    };
    const saved = await ctx.writer.insert(
      'packages',
      pkg,
      `فروش بستهٔ ${title} به ${patient.firstName} ${patient.lastName}`,
    );
    return (await packageViews(ctx, [saved]))[0]!;
  },

  async 'packages.list'({ patientId }, ctx) {
    const docs = await ctx.db.packages
      .find({ selector: { patientId }, sort: [{ patientId: 'asc' }, { soldOn: 'desc' }] })
      .exec();
    return packageViews(
      ctx,
      docs.map((d) => d.toMutableJSON()),
    );
  },
};
