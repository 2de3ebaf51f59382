/** Bookings with the names people read: patient, provider, service. */
import type { AppointmentRow } from '../../../shared/api/appointments';
import type { Appointment } from '../../../shared/domain/appointments';
import { staffFullName } from '../../../shared/domain/staff';
import type { ClinicDatabase } from '../db/database';

export async function toRows(
  db: ClinicDatabase,
  appointments: Appointment[],
): Promise<AppointmentRow[]> {
  const ids = (key: 'patientId' | 'providerId' | 'serviceId') => [
    ...new Set(appointments.map((a) => a[key]).filter(Boolean)),
  ];
  const [patients, staff, services] = await Promise.all([
    db.patients.findByIds(ids('patientId')).exec(),
    db.staff.findByIds(ids('providerId')).exec(),
    db.catalog.findByIds(ids('serviceId')).exec(),
  ]);
  return appointments.map((a) => {
    const p = patients.get(a.patientId);
    const s = staff.get(a.providerId);
    return {
      ...a,
      patientName: p ? `${p.firstName} ${p.lastName}` : 'بیمار حذف‌شده',
      patientMobile: p?.mobile ?? '',
      patientNationalId: p?.nationalId ?? '',
      patientFileNumber: p?.fileNumber ?? '',
      providerName: s ? staffFullName(s) : 'ارائه‌دهندهٔ نامشخص',
      serviceName: services.get(a.serviceId)?.name ?? '',
    };
  });
}
