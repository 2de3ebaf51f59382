/**
 * Reading working time from the local `schedules` collection, and the ids of keyed documents.
 *
 * Keyed kinds (center hours, provider hours, an exception, a year's lunar list) get an id derived
 * from center + key, so two enrolled desks setting the same thing offline edit one document (a
 * document conflict, merged by sync) instead of creating two. A desk that worked alone before
 * enrolling keeps the ids it made with its placeholder center, so a key can still have more than
 * one live document; readers therefore always look documents up by key and take the newest.
 */
import type { RxDocument } from 'rxdb';
import { v5 as uuidv5 } from 'uuid';
import { AppError } from '../../../shared/api/errors';
import type { ScheduleDoc, ScheduleKind } from '../../../shared/domain/schedules';
import { staffFullName, type Staff } from '../../../shared/domain/staff';
import {
  closedDaysInRange,
  type Closure,
  type LunarOverrides,
} from '../../../shared/scheduling/holidays';
import type { ScheduleFacts } from '../../../shared/scheduling/slots';
import type { CoreContext } from '../context';

/** Namespace of the derived schedule ids (any fixed UUID; never change it). */
const SCHEDULE_ID_NAMESPACE = '6f1d3c0e-5b7a-4c1e-9a55-2d8e7f40b913';

/** The id a keyed document gets on every desk of the center. */
export function keyedId(ctx: CoreContext, kind: ScheduleKind, ...key: (string | number)[]): string {
  return uuidv5([ctx.device.centerId, kind, ...key].join('|'), SCHEDULE_ID_NAMESPACE);
}

/** The center's weekend before its profile exists (a desk working alone): Friday. */
const DEFAULT_WEEKEND = [6];

type ScheduleRx = RxDocument<ScheduleDoc>;

/** Newest first: the document every desk agrees to read when a key has several. */
function newest(docs: ScheduleRx[]): ScheduleRx | null {
  return (
    [...docs].sort((a, b) =>
      a.updatedAt === b.updatedAt ? (a.id < b.id ? 1 : -1) : a.updatedAt < b.updatedAt ? 1 : -1,
    )[0] ?? null
  );
}

/** One keyed document per key: the newest of each group. */
function newestPerKey(docs: ScheduleRx[], key: (d: ScheduleRx) => string): ScheduleRx[] {
  const groups = new Map<string, ScheduleRx[]>();
  for (const d of docs) groups.set(key(d), [...(groups.get(key(d)) ?? []), d]);
  return [...groups.values()].map((g) => newest(g)!);
}

async function findKind(
  ctx: CoreContext,
  kind: ScheduleKind,
  selector: Record<string, unknown> = {},
): Promise<ScheduleRx[]> {
  const docs = await ctx.db.schedules
    .find({
      selector: { kind, ...selector },
      sort: [{ kind: 'asc' }, { providerId: 'asc' }, { date: 'asc' }],
    })
    .exec();
  return docs.filter((d) => d.centerId === ctx.device.centerId);
}

export async function findCenterHours(ctx: CoreContext): Promise<ScheduleRx | null> {
  return newest(await findKind(ctx, 'center-hours', { providerId: '' }));
}

export async function findProviderHours(ctx: CoreContext, providerId: string) {
  return newest(await findKind(ctx, 'provider-hours', { providerId }));
}

export async function findException(ctx: CoreContext, providerId: string, date: string) {
  return newest(await findKind(ctx, 'exception', { providerId, date }));
}

/** Exceptions of a provider from `from` (inclusive) on, optionally up to `to`. */
export async function findExceptions(ctx: CoreContext, providerId: string, from = '', to?: string) {
  const date = to === undefined ? { $gte: from } : { $gte: from, $lte: to };
  return newestPerKey(await findKind(ctx, 'exception', { providerId, date }), (d) => d.date);
}

/** Leaves of a provider that end on or after `from`. */
export async function findLeaves(ctx: CoreContext, providerId: string, from = '') {
  return (await findKind(ctx, 'leave', { providerId })).filter((d) => d.toDate >= from);
}

/** The center's closures that touch `from`…`to`. */
export async function findClosures(ctx: CoreContext, from: string, to: string): Promise<Closure[]> {
  return (await findKind(ctx, 'closure', { providerId: '' }))
    .filter((d) => d.date <= to && d.toDate >= from)
    .map((d) => ({ id: d.id, from: d.date, to: d.toDate, reason: d.reason }));
}

export async function findLunarList(ctx: CoreContext, jalaliYear: number) {
  return newest(await findKind(ctx, 'lunar-holidays', { providerId: '', jalaliYear }));
}

export async function lunarOverrides(ctx: CoreContext): Promise<LunarOverrides> {
  const docs = newestPerKey(await findKind(ctx, 'lunar-holidays'), (d) => String(d.jalaliYear));
  return new Map(docs.map((d) => [d.jalaliYear, d.holidays.map((h) => ({ ...h }))]));
}

export async function centerWeekend(ctx: CoreContext): Promise<number[]> {
  const center = await ctx.db.center.findOne(ctx.device.centerId).exec();
  return center ? [...center.weekend] : DEFAULT_WEEKEND;
}

/** Everything that closes days from `from` to `to`, for this center. */
export async function centerClosedDays(ctx: CoreContext, from: string, to: string) {
  const [weekend, overrides, closures] = await Promise.all([
    centerWeekend(ctx),
    lunarOverrides(ctx),
    findClosures(ctx, from, to),
  ]);
  return {
    weekend,
    ...closedDaysInRange(from, to, { weekend, lunarOverrides: overrides, closures }),
  };
}

/**
 * A provider: an active staff member of kind 'provider' or 'manager' (in a small practice the
 * manager is the doctor). Anything else is refused with the field it came from.
 */
export async function findProvider(
  ctx: CoreContext,
  providerId: string,
  field = 'providerId',
): Promise<Staff> {
  const doc = await ctx.db.staff.findOne(providerId).exec();
  const staff = doc?.toMutableJSON();
  if (
    !staff ||
    staff.centerId !== ctx.device.centerId ||
    !staff.active ||
    (staff.kind !== 'provider' && staff.kind !== 'manager')
  ) {
    throw new AppError('not-found', 'این ارائه‌دهنده پیدا نشد.', {
      fields: { [field]: 'ارائه‌دهندهٔ فعال را انتخاب کنید.' },
    });
  }
  return staff;
}

export const providerName = (s: Staff) => staffFullName(s);

/** The facts the slot engine needs for one provider over `from`…`to`. */
export async function providerFacts(
  ctx: CoreContext,
  providerId: string,
  from: string,
  to: string,
  closed: Awaited<ReturnType<typeof centerClosedDays>>,
): Promise<ScheduleFacts> {
  const [center, own, exceptions, leaves] = await Promise.all([
    findCenterHours(ctx),
    findProviderHours(ctx, providerId),
    findExceptions(ctx, providerId, from, to),
    findLeaves(ctx, providerId, from),
  ]);
  return {
    centerHours: center ? center.toMutableJSON().week : null,
    providerHours: own ? own.toMutableJSON().week : null,
    slotStepMin: own?.slotStepMin ?? 0,
    exceptions: exceptions.map((e) => ({ date: e.date, blocks: e.toMutableJSON().blocks })),
    leaves: leaves
      .filter((l) => l.date <= to)
      .map((l) => ({ from: l.date, to: l.toDate, reason: l.reason })),
    holidays: closed.holidays,
    weekend: closed.weekend,
  };
}
