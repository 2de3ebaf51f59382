import { AppError } from '../../../shared/api/errors';
import {
  patientFullName,
  patientSearchText,
  patientSortName,
  type Patient,
  type PatientFields,
} from '../../../shared/domain/patients';
import { createdFields, updatedFields, type CoreContext } from '../context';
import { newId } from '../ids';
import type { Handlers } from '../registry';
import { searchPatients } from './search';
import { queueAutomatic } from '../messages/queue';

function derived(fields: PatientFields & { fileNumber: string }) {
  return { searchText: patientSearchText(fields), sortName: patientSortName(fields) };
}

/** A national id belongs to one patient of a center. */
async function assertNationalIdFree(ctx: CoreContext, nationalId: string, exceptId?: string) {
  if (nationalId === '') return;
  // By the national id index alone (with centerId RxDB would walk the center's whole name index).
  const existing = await ctx.db.patients.findOne({ selector: { nationalId } }).exec();
  if (existing && existing.id !== exceptId && existing.centerId === ctx.device.centerId) {
    throw new AppError(
      'conflict',
      `بیماری با این کد ملی پیش‌تر ثبت شده است: ${existing.firstName} ${existing.lastName}`,
      {
        fields: { nationalId: 'این کد ملی برای بیمار دیگری ثبت شده است.' },
        existingId: existing.id,
      },
    );
  }
}

async function findOwn(ctx: CoreContext, id: string) {
  const doc = await ctx.db.patients.findOne(id).exec();
  if (!doc || doc.centerId !== ctx.device.centerId) {
    throw new AppError('not-found', 'این بیمار پیدا نشد.');
  }
  return doc;
}

export const patientHandlers: Partial<Handlers> = {
  async 'patients.create'(fields, ctx) {
    await assertNationalIdFree(ctx, fields.nationalId);
    const fileNumber = ctx.fileNumbers.next(ctx.sync.deviceNumber);
    const patient: Patient = {
      ...createdFields(ctx, newId()),
      ...fields,
      fileNumber,
      relatedTo: '',
      relation: '',
      ...derived({ ...fields, fileNumber }),
    };
    const saved = await ctx.writer.insert(
      'patients',
      patient,
      `ثبت بیمار ${patientFullName(patient)}`,
    );
    await queueAutomatic(ctx, 'welcome', saved, null);
    return saved;
  },

  async 'patients.update'({ id, ...fields }, ctx) {
    const doc = await findOwn(ctx, id);
    await assertNationalIdFree(ctx, fields.nationalId, id);
    return ctx.writer.patch(
      'patients',
      doc,
      { ...fields, ...derived({ ...fields, fileNumber: doc.fileNumber }), ...updatedFields(ctx) },
      `ویرایش بیمار ${patientFullName(fields)}`,
    );
  },

  async 'patients.remove'({ id }, ctx) {
    const doc = await findOwn(ctx, id);
    await ctx.writer.remove(
      'patients',
      doc,
      updatedFields(ctx),
      `حذف پروندهٔ ${patientFullName(doc)}`,
    );
    return null;
  },

  async 'patients.get'({ id }, ctx) {
    return (await findOwn(ctx, id)).toMutableJSON();
  },

  async 'patients.search'(args, ctx) {
    return searchPatients(ctx.db, ctx.device.centerId, args, ctx.patientIndex);
  },
};
