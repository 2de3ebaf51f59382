import type { ConflictBooking } from '../../../shared/api/sync';
import { staffFullName } from '../../../shared/domain/staff';
import { mobileLocal } from '../../../shared/text/identity';
import type { Handlers } from '../registry';

export const syncHandlers: Partial<Handlers> = {
  async 'sync.status'(_args, ctx) {
    return ctx.sync.status();
  },
  async 'sync.info'(_args, ctx) {
    return ctx.sync.info();
  },
  async 'sync.enrollStart'(args, ctx) {
    return ctx.sync.enrollStart(args);
  },
  async 'sync.enrollFinish'(args, ctx) {
    return ctx.sync.enrollFinish(args);
  },
  async 'sync.now'(_args, ctx) {
    ctx.sync.reSync();
    return null;
  },
  async 'sync.conflicts'(_args, ctx) {
    const db = ctx.db;
    const docs = await db.appointments
      .find({
        selector: { centerId: ctx.device.centerId, status: 'conflict' },
        sort: [{ date: 'asc' }, { start: 'asc' }],
      })
      .exec();
    const bookings: ConflictBooking[] = [];
    for (const doc of docs) {
      const a = doc.toMutableJSON();
      const [patient, provider, winner] = await Promise.all([
        db.patients.findOne(a.patientId).exec(),
        db.staff.findOne(a.providerId).exec(),
        a.conflict ? db.appointments.findOne(a.conflict.withId).exec() : null,
      ]);
      const winnerPatient = winner ? await db.patients.findOne(winner.patientId).exec() : null;
      bookings.push({
        appointment: a,
        patientName: patient ? `${patient.firstName} ${patient.lastName}` : 'بیمار نامشخص',
        patientMobile: patient?.mobile ? mobileLocal(patient.mobile) : '',
        serviceName: a.serviceId
          ? ((await db.catalog.findOne(a.serviceId).exec())?.name ?? '')
          : '',
        providerName: provider ? staffFullName(provider) : 'ارائه‌دهندهٔ نامشخص',
        winner: winner
          ? {
              id: winner.id,
              patientName: winnerPatient
                ? `${winnerPatient.firstName} ${winnerPatient.lastName}`
                : 'بیمار نامشخص',
              start: winner.start,
              end: winner.end,
            }
          : null,
      });
    }
    return { bookings, overridden: ctx.sync.conflictLog.list() };
  },
};
