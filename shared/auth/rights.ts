/**
 * Access rights (C10, S3): one catalogue of actions, defaults per staff kind, changes per kind (by
 * the center) and per person. {@link can} is the one pure function that decides; the desk's core,
 * the UI and the sync server all call it.
 */
import type { StaffKind } from '../domain/staff';

export interface Permission {
  id: string;
  /** The back-office section it belongs to (for the rights editor and the menu). */
  section: string;
  label: string;
}

export const PERMISSIONS = [
  { id: 'patients.view', section: 'patients', label: 'دیدن بیماران' },
  { id: 'patients.edit', section: 'patients', label: 'ثبت و ویرایش بیمار' },
  { id: 'patients.remove', section: 'patients', label: 'حذف پروندهٔ بیمار' },
  { id: 'appointments.view', section: 'appointments', label: 'دیدن نوبت‌ها' },
  { id: 'appointments.book', section: 'appointments', label: 'ثبت و جابه‌جایی نوبت' },
  { id: 'appointments.cancel', section: 'appointments', label: 'لغو نوبت' },
  { id: 'appointments.checkIn', section: 'appointments', label: 'پذیرش و ثبت حضور' },
  { id: 'appointments.overbook', section: 'appointments', label: 'نوبت اضافه (هم‌زمان)' },
  { id: 'packages.sell', section: 'packages', label: 'فروش بستهٔ جلسه‌ای' },
  { id: 'packages.attend', section: 'packages', label: 'ثبت حضور جلسه' },
  { id: 'shop.sell', section: 'shop', label: 'فروش کالا' },
  { id: 'shop.deliver', section: 'shop', label: 'ثبت تحویل کالا' },
  { id: 'cashier.view', section: 'cashier', label: 'دیدن صندوق و تراکنش‌ها' },
  { id: 'cashier.receive', section: 'cashier', label: 'دریافت وجه' },
  { id: 'cashier.refund', section: 'cashier', label: 'بازپرداخت' },
  { id: 'cashier.discount', section: 'cashier', label: 'تخفیف' },
  { id: 'cashier.close', section: 'cashier', label: 'بستن صندوق' },
  { id: 'inventory.view', section: 'inventory', label: 'دیدن انبار' },
  { id: 'inventory.edit', section: 'inventory', label: 'ورود و خروج کالا' },
  { id: 'sms.view', section: 'sms', label: 'دیدن پیامک‌ها' },
  { id: 'sms.manage', section: 'sms', label: 'مدیریت پیامک‌ها' },
  { id: 'settings.view', section: 'settings', label: 'دیدن تنظیمات مرکز' },
  { id: 'settings.edit', section: 'settings', label: 'ویرایش مرکز، بخش‌ها و خدمات' },
  { id: 'staff.manage', section: 'settings', label: 'مدیریت کارکنان و دسترسی‌ها' },
  { id: 'logs.view', section: 'logs', label: 'دیدن گزارش تغییرات' },
  { id: 'conflicts.resolve', section: 'conflicts', label: 'رسیدگی به تعارض‌ها' },
] as const satisfies readonly Permission[];

export type PermissionId = (typeof PERMISSIONS)[number]['id'];

export const PERMISSION_IDS: readonly PermissionId[] = PERMISSIONS.map((p) => p.id);

export function isPermission(id: string): id is PermissionId {
  return (PERMISSION_IDS as readonly string[]).includes(id);
}

const ALL = PERMISSION_IDS;

/** What each kind may do before anyone changes it. Managers may always do everything. */
export const DEFAULT_RIGHTS: Record<StaffKind, readonly PermissionId[]> = {
  manager: ALL,
  reception: [
    'patients.view',
    'patients.edit',
    'appointments.view',
    'appointments.book',
    'appointments.cancel',
    'appointments.checkIn',
    'packages.sell',
    'packages.attend',
    'shop.sell',
    'shop.deliver',
    'cashier.view',
    'cashier.receive',
    'cashier.discount',
    'cashier.close',
    'sms.view',
    'conflicts.resolve',
  ],
  provider: ['patients.view', 'appointments.view', 'appointments.checkIn', 'packages.attend'],
  assistant: [
    'patients.view',
    'patients.edit',
    'appointments.view',
    'appointments.book',
    'appointments.checkIn',
    'packages.attend',
  ],
  nurse: [
    'patients.view',
    'patients.edit',
    'appointments.view',
    'appointments.checkIn',
    'packages.attend',
    'cashier.view',
    'cashier.receive',
    'inventory.view',
  ],
  operator: [
    'patients.view',
    'patients.edit',
    'appointments.view',
    'appointments.book',
    'appointments.cancel',
    'sms.view',
  ],
};

/** Changes to a kind's defaults, or to one person's rights. */
export interface RightsChange {
  granted: readonly string[];
  revoked: readonly string[];
}

export type KindRights = Partial<Record<StaffKind, RightsChange>>;

export interface RightsHolder {
  kind: StaffKind;
  active: boolean;
  rightsGranted: readonly string[];
  rightsRevoked: readonly string[];
}

/** Everything the person may do: kind defaults, then the center's change for the kind, then theirs. */
export function effectiveRights(staff: RightsHolder, byKind: KindRights = {}): Set<PermissionId> {
  if (!staff.active) return new Set();
  if (staff.kind === 'manager') return new Set(ALL);
  const rights = new Set<string>(DEFAULT_RIGHTS[staff.kind]);
  const apply = (change: RightsChange | undefined) => {
    for (const p of change?.granted ?? []) rights.add(p);
    for (const p of change?.revoked ?? []) rights.delete(p);
  };
  apply(byKind[staff.kind]);
  apply({ granted: staff.rightsGranted, revoked: staff.rightsRevoked });
  return new Set([...rights].filter(isPermission));
}

export function can(
  staff: RightsHolder,
  permission: PermissionId,
  byKind: KindRights = {},
): boolean {
  return effectiveRights(staff, byKind).has(permission);
}
