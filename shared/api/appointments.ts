import { z } from 'zod';
import { method, returns } from './method';
import { MINUTES_PER_DAY, type Appointment } from '../domain/appointments';
import { idField } from '../schema/base';
import { isIsoDate } from '../time/dates';

export const bookArgs = z
  .object({
    patientId: idField,
    providerId: idField,
    serviceId: z.string().max(40).default(''),
    date: z.string().refine(isIsoDate, 'تاریخ نوبت معتبر نیست.'),
    start: z
      .number()
      .int()
      .min(0, 'ساعت شروع معتبر نیست.')
      .max(MINUTES_PER_DAY - 1, 'ساعت شروع معتبر نیست.'),
    end: z.number().int().min(1).max(MINUTES_PER_DAY, 'ساعت پایان معتبر نیست.'),
    notes: z.string().max(2000).default(''),
    overbook: z.boolean().default(false),
  })
  .refine((a) => a.end > a.start, {
    message: 'پایان نوبت باید پس از شروع آن باشد.',
    path: ['end'],
  });

export const appointmentMethods = {
  'appointments.book': method({
    permission: 'appointments.book',
    description:
      "Books a provider's time for a patient; refuses time already held on this desk unless overbooking.",
    args: bookArgs,
    result: returns<Appointment>(),
    write: true,
  }),
  'appointments.get': method({
    permission: 'appointments.view',
    description: 'One appointment by id.',
    args: z.object({ id: idField }),
    result: returns<Appointment>(),
  }),
};
