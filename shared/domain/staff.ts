/**
 * Staff: everyone who works at the center (C3, C10, C11). Those with a mobile and a password hash
 * can log in on a desk, offline too (the hash is synced; the password never is).
 */
import { z } from 'zod';
import { baseDocShape, idField, toRxJsonSchema } from '../schema/base';

export const STAFF_KINDS = [
  'manager',
  'provider',
  'reception',
  'assistant',
  'nurse',
  'operator',
] as const;
export type StaffKind = (typeof STAFF_KINDS)[number];

export const STAFF_KIND_LABELS: Record<StaffKind, string> = {
  manager: 'مدیر',
  provider: 'ارائه‌دهندهٔ خدمت',
  reception: 'پذیرش و صندوق',
  assistant: 'دستیار',
  nurse: 'پرستار',
  operator: 'اپراتور',
};

export const staffDocSchema = z.object({
  ...baseDocShape,
  firstName: z.string().min(1).max(60),
  lastName: z.string().min(1).max(60),
  /** +989XXXXXXXXX, or '' for staff who do not log in. */
  mobile: z.string().max(13),
  kind: z.enum(STAFF_KINDS),
  /** e.g. «دکتر», shown before the name of providers. */
  title: z.string().max(40),
  specialty: z.string().max(120),
  active: z.boolean(),
  /** {@link hashPassword} output, or '' when the person cannot log in. */
  passwordHash: z.string().max(200),
  /** Per-person changes to the kind's default rights. */
  rightsGranted: z.array(z.string().max(60)).max(200),
  rightsRevoked: z.array(z.string().max(60)).max(200),
  departmentIds: z.array(idField).max(50),
  serviceIds: z.array(idField).max(500),
});

export type Staff = z.infer<typeof staffDocSchema>;

export const staffRxSchema = toRxJsonSchema(staffDocSchema, {
  title: 'staff',
  description: 'People of the center, their kinds, rights and login hashes',
  version: 0,
  indexes: [['mobile'], ['kind'], ['updatedAt']],
});

export function staffFullName(s: Pick<Staff, 'firstName' | 'lastName' | 'title'>): string {
  return [s.title, s.firstName, s.lastName].filter(Boolean).join(' ');
}
