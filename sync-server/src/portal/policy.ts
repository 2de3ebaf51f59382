/**
 * Privacy policy versions (P3, P11). The current version is the newest one already in effect; a
 * version published with a future effective date is `upcoming` (the portal shows a notice in the
 * 30 days before it applies). A fresh install gets version 1 (the text below) the first time the
 * policy is read, effective at once. An operator publishes a new version with {@link publishPolicy}
 * (CLI: `sync-server policy:publish`); a published version is never edited.
 */
import { AppError, invalidFields } from '../../../shared/api/errors';
import type { PolicyInfo, PolicyVersion } from '../../../shared/portal/contract';
import type { PolicyRecord } from '../store/portal-store';
import type { SyncStore } from '../store/sync-store';

export const FIRST_POLICY_VERSION = '1';

export const FIRST_POLICY_TEXT = `سیاست حفظ حریم خصوصی سامانهٔ نوبت‌دهی

۱. اطلاعاتی که می‌گیریم: نام و نام خانوادگی، کد ملی، شمارهٔ همراه، جنسیت، تاریخ تولد، ایمیل و نحوهٔ آشنایی شما با سامانه؛ و برای نوبت‌هایی که برای دیگران می‌گیرید، نام، کد ملی و شمارهٔ همراه آن افراد.
۲. کاربرد اطلاعات: ثبت و پیگیری نوبت در مرکزی که انتخاب می‌کنید، فرستادن پیامک تأیید و یادآوری، و بازیابی گذرواژه.
۳. چه کسی اطلاعات را می‌بیند: فقط مرکز درمانی‌ای که نزد آن نوبت می‌گیرید، اطلاعات نوبت و پروندهٔ شما را در همان مرکز می‌بیند. اطلاعات شما فروخته نمی‌شود و در اختیار شخص ثالث قرار نمی‌گیرد.
۴. پرداخت: پرداخت در درگاه بانکی انجام می‌شود و هیچ اطلاعات کارت بانکی در این سامانه ذخیره نمی‌شود. نشانی IP و مشخصات دستگاه شما همراه هر تراکنش ثبت می‌شود تا تراکنش‌های ناموفق قابل پیگیری باشند.
۵. امنیت حساب: گذرواژه‌ها فقط به صورت درهم‌سازی‌شده نگهداری می‌شوند و کدهای یک‌بارمصرف زمان انقضا و تعداد تلاش محدود دارند.
۶. افراد زیر ۱۸ سال نمی‌توانند در سامانه ثبت‌نام کنند.
۷. بستن حساب: هر زمان بخواهید می‌توانید حساب خود را ببندید؛ حساب و مشخصات شخصی شما از سامانه حذف می‌شود و سوابق درمانی نزد مراکز باقی می‌ماند.
۸. تغییر این سیاست: نسخهٔ تازه دست‌کم ۳۰ روز پیش از اجرا در همهٔ صفحه‌های سامانه اعلام می‌شود.`;

const EXISTS = 'این شمارهٔ نسخه پیش‌تر منتشر شده است؛ نسخهٔ منتشرشده ویرایش نمی‌شود.';

function versionOf(p: PolicyRecord): PolicyVersion {
  return {
    version: p.version,
    publishedAt: p.publishedAt,
    effectiveAt: p.effectiveAt,
    text: p.text,
  };
}

/** Every version, seeding version 1 on a fresh install. */
async function versions(store: SyncStore, now: Date): Promise<PolicyRecord[]> {
  const found = await store.portal.listPolicies();
  if (found.length > 0) return found;
  const at = now.toISOString();
  await store.write((tx) =>
    tx.portal.insertPolicy({
      version: FIRST_POLICY_VERSION,
      publishedAt: at,
      effectiveAt: at,
      text: FIRST_POLICY_TEXT,
    }),
  );
  return store.portal.listPolicies();
}

export async function policyInfo(store: SyncStore, now: Date): Promise<PolicyInfo> {
  const all = await versions(store, now);
  const at = now.toISOString();
  const inEffect = all.filter((p) => p.effectiveAt <= at);
  const future = all.filter((p) => p.effectiveAt > at);
  // Never empty: version 1 is seeded effective at the first read.
  const current = inEffect.at(-1) ?? all[0]!;
  return {
    current: versionOf(current),
    upcoming: future.length > 0 ? versionOf(future.at(-1)!) : null,
    history: all.map(({ version, publishedAt, effectiveAt }) => ({
      version,
      publishedAt,
      effectiveAt,
    })),
  };
}

/** The versions a person may accept at registration: the current one and any upcoming one. */
export async function acceptableVersions(store: SyncStore, now: Date): Promise<string[]> {
  const info = await policyInfo(store, now);
  return [info.current.version, ...(info.upcoming ? [info.upcoming.version] : [])];
}

/**
 * Publishes a new version. `effectiveAt` defaults to 30 days from now (so the notice runs its
 * full time); an earlier date, even now, is allowed for a correction the operator must make at once.
 */
export async function publishPolicy(
  store: SyncStore,
  input: { version: string; text: string; effectiveAt?: string },
  now: Date,
): Promise<PolicyVersion> {
  const fields: Record<string, string> = {};
  const version = input.version.trim();
  const text = input.text.trim();
  if (!/^[0-9A-Za-z.-]{1,20}$/.test(version)) fields.version = 'شمارهٔ نسخه معتبر نیست.';
  if (text.length < 20 || text.length > 100_000)
    fields.text = 'متن سیاست خالی یا بیش از حد بلند است.';
  const effective = input.effectiveAt
    ? new Date(input.effectiveAt)
    : new Date(now.getTime() + 30 * 86_400_000);
  if (Number.isNaN(effective.getTime())) fields.effectiveAt = 'تاریخ اجرا معتبر نیست.';
  if (Object.keys(fields).length > 0) throw invalidFields(fields);
  await versions(store, now);
  const record: PolicyRecord = {
    version,
    publishedAt: now.toISOString(),
    effectiveAt: effective.toISOString(),
    text,
  };
  const inserted = await store.write((tx) => tx.portal.insertPolicy(record));
  if (!inserted) throw new AppError('conflict', EXISTS, { fields: { version: EXISTS } });
  return versionOf(record);
}
