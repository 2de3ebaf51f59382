/** Persian names for what the audit log records: collections, actions, fields and their values. */
import { PERMISSIONS } from '../../../../shared/auth/rights';
import type { AuditAction } from '../../../../shared/domain/audit';
import { CENTER_TYPE_LABELS } from '../../../../shared/domain/center';
import { STAFF_KIND_LABELS } from '../../../../shared/domain/staff';
import { GENDER_LABELS } from '../../../../shared/domain/patients';
import { faNumber, jalaliDate } from '../../lib/format';

/** The log's sections: the collections whose changes it records. */
export const COLLECTION_LABELS: Record<string, string> = {
  patients: 'بیماران',
  appointments: 'نوبت‌ها',
  staff: 'کارکنان',
  catalog: 'بخش‌ها و خدمات',
  center: 'مشخصات مرکز',
};

export const ACTION_LABELS: Record<AuditAction, string> = {
  create: 'ثبت',
  update: 'ویرایش',
  delete: 'حذف',
};

export const FIELD_LABELS: Record<string, string> = {
  firstName: 'نام',
  lastName: 'نام خانوادگی',
  nationalId: 'کد ملی',
  mobile: 'همراه',
  gender: 'جنسیت',
  birthDate: 'تاریخ تولد',
  notes: 'یادداشت',
  name: 'نام',
  type: 'نوع مرکز',
  city: 'شهر',
  address: 'نشانی',
  phones: 'تلفن‌ها',
  location: 'مختصات',
  mapUrl: 'پیوند نقشه',
  social: 'شبکه‌های اجتماعی',
  bookingRules: 'قوانین نوبت‌دهی',
  cancellationRules: 'قوانین لغو',
  selfCancellation: 'لغو به دست بیمار',
  weekend: 'روزهای تعطیل',
  moneyUnit: 'واحد پول',
  modules: 'بخش‌های خریداری‌شده',
  rightsByKind: 'دسترسی نقش‌ها',
  gallery: 'تصاویر',
  kind: 'نقش / نوع',
  title: 'عنوان',
  specialty: 'تخصص',
  active: 'فعال',
  passwordHash: 'گذرواژه',
  rightsGranted: 'دسترسی‌های افزوده',
  rightsRevoked: 'دسترسی‌های برداشته',
  departmentIds: 'بخش‌ها',
  serviceIds: 'خدمت‌ها',
  description: 'توضیح',
  departmentId: 'بخش',
  priceRial: 'مبلغ (ریال)',
  durationMin: 'مدت (دقیقه)',
  prepaymentRequired: 'پیش‌پرداخت اینترنتی',
  status: 'وضعیت',
  date: 'تاریخ',
  start: 'ساعت آغاز',
  end: 'ساعت پایان',
  providerId: 'ارائه‌دهنده',
  patientId: 'بیمار',
  serviceId: 'خدمت',
  trackingCode: 'کد پیگیری',
};

const WEEKDAYS = ['شنبه', 'یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه'];

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function permissionLabel(id: string): string {
  return PERMISSIONS.find((p) => p.id === id)?.label ?? id;
}

/** A recorded value (JSON text, or plain text) as people read it. */
export function auditValueText(field: string, text: string): string {
  if (text === '') return '—';
  const value = parse(text);
  if (value === true) return 'بله';
  if (value === false) return 'خیر';
  if (value === null) return '—';
  if (field === 'rightsGranted' || field === 'rightsRevoked') {
    return Array.isArray(value) && value.length > 0
      ? value.map((v) => permissionLabel(String(v))).join('، ')
      : '—';
  }
  if (field === 'weekend' && Array.isArray(value)) {
    return value.map((d) => WEEKDAYS[Number(d)] ?? String(d)).join('، ') || '—';
  }
  if (typeof value === 'string') {
    if (field === 'kind' && value in STAFF_KIND_LABELS) {
      return STAFF_KIND_LABELS[value as keyof typeof STAFF_KIND_LABELS];
    }
    if (field === 'type' && value in CENTER_TYPE_LABELS) {
      return CENTER_TYPE_LABELS[value as keyof typeof CENTER_TYPE_LABELS];
    }
    if (field === 'gender' && value in GENDER_LABELS) {
      return GENDER_LABELS[value as keyof typeof GENDER_LABELS];
    }
    if (field === 'moneyUnit')
      return value === 'rial' ? 'ریال' : value === 'toman' ? 'تومان' : value;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return jalaliDate(value);
    return value;
  }
  if (typeof value === 'number') return faNumber.format(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return value.join('، ') || '—';
  }
  return text;
}
