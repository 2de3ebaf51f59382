/**
 * Patients (B2): the shape stored on every device and the rules for what people may enter.
 */
import { z } from 'zod';
import { baseDocShape, toRxJsonSchema } from '../schema/base';
import { parseMobile, parseNationalId, mobileLocal } from '../text/identity';
import { searchKey, tidyPersian } from '../text/normalize';
import { collationKey } from '../text/collate';
import { isIsoDate, todayInTehran } from '../time/dates';

export const GENDERS = ['female', 'male'] as const;
export type Gender = (typeof GENDERS)[number];

export const GENDER_LABELS: Record<Gender, string> = { female: 'زن', male: 'مرد' };

export const NAME_MAX = 60;
export const NOTES_MAX = 2000;

/** The stored patient document. Absent optional values are '' so that they can be indexed. */
export const patientDocSchema = z.object({
  ...baseDocShape,
  firstName: z.string().min(1).max(NAME_MAX),
  lastName: z.string().min(1).max(NAME_MAX),
  /** 10 digits, checksum-verified, or ''. */
  nationalId: z.string().max(10),
  /** +989XXXXXXXXX. */
  mobile: z.string().max(13),
  gender: z.enum(GENDERS),
  /** YYYY-MM-DD (Gregorian) or ''. */
  birthDate: z.string().max(10),
  notes: z.string().max(NOTES_MAX),
  /** The clinic's file number: `<desk number>-<sequence>`, unique without coordination. */
  fileNumber: z.string().max(20),
  /** The account holder who booked for this person on the portal (P6), or ''. */
  relatedTo: z.string().max(40),
  /** That relation in Persian («فرزند», «همسر»…), or ''. */
  relation: z.string().max(40),
  /** {@link patientSearchText}: kept in the document so that every device can search offline. */
  searchText: z.string().max(400),
  /** {@link patientSortName}: last then first name in an alphabetical sort form, for the list index. */
  sortName: z.string().max(130),
});

export type Patient = z.infer<typeof patientDocSchema>;

export const patientRxSchema = toRxJsonSchema(patientDocSchema, {
  title: 'patients',
  description: 'Patients of the center',
  version: 0,
  indexes: [['centerId', 'sortName'], ['nationalId'], ['mobile'], ['fileNumber'], ['updatedAt']],
});

const nameField = (label: string) =>
  z
    .string({ error: `${label} را وارد کنید.` })
    .transform(tidyPersian)
    .pipe(
      z
        .string()
        .min(1, `${label} را وارد کنید.`)
        .max(NAME_MAX, `${label} حداکثر ${NAME_MAX.toLocaleString('fa-IR')} حرف است.`),
    );

const EARLIEST_BIRTH = '1900-01-01';

/** What a person enters for a patient; parsed into canonical values. */
export const patientInputSchema = z.object({
  firstName: nameField('نام'),
  lastName: nameField('نام خانوادگی'),
  nationalId: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return '';
      const id = parseNationalId(value);
      if (id === null) {
        ctx.addIssue({
          code: 'custom',
          message: 'کد ملی معتبر نیست؛ ۱۰ رقم آن را دوباره بررسی کنید.',
        });
        return z.NEVER;
      }
      return id;
    }),
  mobile: z.string({ error: 'شمارهٔ همراه را وارد کنید.' }).transform((value, ctx) => {
    if (value.trim() === '') {
      ctx.addIssue({ code: 'custom', message: 'شمارهٔ همراه را وارد کنید.' });
      return z.NEVER;
    }
    const mobile = parseMobile(value);
    if (mobile === null) {
      ctx.addIssue({
        code: 'custom',
        message: 'شمارهٔ همراه معتبر نیست؛ مانند ۰۹۱۲۱۲۳۴۵۶۷ وارد کنید.',
      });
      return z.NEVER;
    }
    return mobile;
  }),
  gender: z.enum(GENDERS, { error: 'جنسیت را انتخاب کنید.' }),
  birthDate: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return '';
      if (!isIsoDate(value) || value < EARLIEST_BIRTH) {
        ctx.addIssue({ code: 'custom', message: 'تاریخ تولد معتبر نیست.' });
        return z.NEVER;
      }
      if (value > todayInTehran()) {
        ctx.addIssue({ code: 'custom', message: 'تاریخ تولد نمی‌تواند در آینده باشد.' });
        return z.NEVER;
      }
      return value;
    }),
  notes: z
    .string()
    .max(NOTES_MAX, `یادداشت حداکثر ${NOTES_MAX.toLocaleString('fa-IR')} حرف است.`)
    .optional()
    .transform((v) => (v ?? '').trim()),
});

export type PatientInput = z.input<typeof patientInputSchema>;
export type PatientFields = z.output<typeof patientInputSchema>;

/** The text a patient is found by: name, national id and mobile (as 09…), in search form. */
export function patientSearchText(
  p: Pick<Patient, 'firstName' | 'lastName' | 'nationalId' | 'mobile'> & { fileNumber?: string },
): string {
  return searchKey(
    [
      p.firstName,
      p.lastName,
      p.nationalId,
      p.mobile ? mobileLocal(p.mobile) : '',
      p.fileNumber ?? '',
    ].join(' '),
  );
}

export function patientFullName(p: Pick<Patient, 'firstName' | 'lastName'>): string {
  return `${p.firstName} ${p.lastName}`;
}

/** Sort form of "last first": Persian alphabetical order under plain string comparison. */
export function patientSortName(p: Pick<Patient, 'firstName' | 'lastName'>): string {
  return collationKey(`${p.lastName} ${p.firstName}`).slice(0, 130);
}
