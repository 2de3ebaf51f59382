/** The staff form's values and how they become the shared schema's input. */
import type { StaffInput, StaffView } from '../../../../../shared/api/setup';
import { staffInputSchema } from '../../../../../shared/api/setup';
import type { StaffKind } from '../../../../../shared/domain/staff';
import { mobileLocal } from '../../../../../shared/text/identity';
import { schemaResolver } from '../../../lib/form-resolver';

export interface StaffFormValues {
  firstName: string;
  lastName: string;
  mobile: string;
  kind: StaffKind | '';
  title: string;
  specialty: string;
  active: boolean;
  password: string;
  passwordRepeat: string;
  departmentIds: string[];
  serviceIds: string[];
}

export const STAFF_FIELDS = [
  'firstName',
  'lastName',
  'mobile',
  'kind',
  'title',
  'specialty',
  'active',
  'password',
  'passwordRepeat',
  'departmentIds',
  'serviceIds',
] as const satisfies readonly (keyof StaffFormValues)[];

export function staffFormValues(staff: StaffView | null): StaffFormValues {
  return {
    firstName: staff?.firstName ?? '',
    lastName: staff?.lastName ?? '',
    mobile: staff?.mobile ? mobileLocal(staff.mobile) : '',
    kind: staff?.kind ?? '',
    title: staff?.title ?? '',
    specialty: staff?.specialty ?? '',
    active: staff?.active ?? true,
    password: '',
    passwordRepeat: '',
    departmentIds: staff?.departmentIds ?? [],
    serviceIds: staff?.serviceIds ?? [],
  };
}

function staffInput(v: StaffFormValues, id: string | undefined): StaffInput {
  return {
    ...(id ? { id } : {}),
    firstName: v.firstName,
    lastName: v.lastName,
    mobile: v.mobile,
    kind: (v.kind || undefined) as StaffKind,
    title: v.title,
    specialty: v.specialty,
    active: v.active,
    ...(v.password ? { password: v.password } : {}),
    departmentIds: v.departmentIds,
    // Only providers give services; a changed kind drops what no longer applies.
    serviceIds: v.kind === 'provider' ? v.serviceIds : [],
  };
}

export function staffResolver(id: string | undefined) {
  return schemaResolver<StaffFormValues, typeof staffInputSchema>(staffInputSchema, {
    toInput: (v) => staffInput(v, id),
    precheck(v): Record<string, string> {
      if (v.password && v.password !== v.passwordRepeat) {
        return { passwordRepeat: 'تکرار گذرواژه با خود آن یکی نیست.' };
      }
      return {};
    },
  });
}
