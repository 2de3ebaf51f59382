import { AppError } from '../../../shared/api/errors';
import type { Handlers } from '../registry';
import { toRows } from '../appointments/rows';
import { packageViews } from '../packages/handlers';

export const patientFileHandlers: Partial<Handlers> = {
  async 'patients.file'({ id }, ctx) {
    const doc = await ctx.db.patients.findOne(id).exec();
    if (!doc || doc.centerId !== ctx.device.centerId)
      throw new AppError('not-found', 'این بیمار پیدا نشد.');
    const [appointments, packages, dependants, bookedBy] = await Promise.all([
      ctx.db.appointments
        .find({ selector: { patientId: id }, sort: [{ patientId: 'asc' }, { date: 'desc' }] })
        .exec(),
      ctx.db.packages.find({ selector: { patientId: id } }).exec(),
      ctx.db.patients.find({ selector: { relatedTo: id } }).exec(),
      doc.relatedTo ? ctx.db.patients.findOne(doc.relatedTo).exec() : null,
    ]);
    return {
      patient: doc.toMutableJSON(),
      appointments: await toRows(
        ctx.db,
        appointments.map((a) => a.toMutableJSON()),
      ),
      packages: await packageViews(
        ctx,
        packages.map((p) => p.toMutableJSON()),
      ),
      dependants: dependants.map((d) => d.toMutableJSON()),
      bookedBy: bookedBy ? bookedBy.toMutableJSON() : null,
    };
  },
};
