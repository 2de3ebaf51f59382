import { z } from 'zod';
import { method, returns } from './method';
import { patientInputSchema, type Patient } from '../domain/patients';
import { idField } from '../schema/base';

/** A page of search results and how many matched in all. */
export interface Page<T> {
  items: T[];
  total: number;
}

export const patientSearchArgs = z.object({
  /** Free text: any part of the name, national id or mobile, in any digits or letter forms. */
  query: z.string().max(100, 'عبارت جستجو بیش از حد طولانی است.').default(''),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).default(0),
});

export const patientMethods = {
  'patients.create': method({
    permission: 'patients.edit',
    description: 'Registers a new patient of the center.',
    args: patientInputSchema,
    result: returns<Patient>(),
    write: true,
  }),
  'patients.update': method({
    permission: 'patients.edit',
    description: "Replaces a patient's editable fields.",
    args: patientInputSchema.extend({ id: idField }),
    result: returns<Patient>(),
    write: true,
  }),
  'patients.remove': method({
    permission: 'patients.remove',
    description: "Removes a patient's file (kept as a tombstone so every device learns of it).",
    args: z.object({ id: idField }),
    result: returns<null>(),
    write: true,
  }),
  'patients.get': method({
    permission: 'patients.view',
    description: 'One patient by id.',
    args: z.object({ id: idField }),
    result: returns<Patient>(),
  }),
  'patients.search': method({
    permission: 'patients.view',
    description:
      'Finds patients by name, national id or mobile, ignoring Arabic/Persian letter forms, ZWNJ and digit scripts; sorted by name.',
    args: patientSearchArgs,
    result: returns<Page<Patient>>(),
  }),
};
