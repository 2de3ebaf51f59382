/**
 * What the portal reads from a center's synced documents (P12, P4): the public directory and page
 * (profile, gallery, providers, services, rules, published posts) and the facts the shared slot
 * engine needs (hours, exceptions, leaves, closures, holidays, bookings that hold time). Only
 * public fields leave: never staff mobiles, password hashes, rights or settings.
 */
import type { Center } from '../../../shared/domain/center';
import { CENTER_TYPE_LABELS, type CenterType } from '../../../shared/domain/center';
import type { CatalogItem } from '../../../shared/domain/catalog';
import type { ScheduleDoc } from '../../../shared/domain/schedules';
import { staffFullName, type Staff } from '../../../shared/domain/staff';
import type { CenterPage, CenterSummary } from '../../../shared/portal/contract';
import { closedDaysInRange } from '../../../shared/scheduling/holidays';
import type { ScheduleFacts } from '../../../shared/scheduling/slots';
import { searchKey } from '../../../shared/text/normalize';
import { setupPaths } from '../../../shared/sync/protocol';
import type { SyncStore } from '../store/sync-store';

const ALL = 1_000_000;

/** The live documents of one collection of a center. */
export async function liveDocs<T>(store: SyncStore, collection: string, centerId: string) {
  const docs = await store.pull({ collection, centerId, afterSeq: 0, limit: ALL });
  return docs.filter((d) => !d.deleted).map((d) => d.data as unknown as T);
}

export async function centerDoc(store: SyncStore, centerId: string): Promise<Center | null> {
  const doc = await store.getDocument('center', centerId);
  return doc && !doc.deleted ? (doc.data as unknown as Center) : null;
}

/**
 * Whom patients may book on the portal: an active provider, or an active manager who sees patients
 * (a small practice's doctor-owner), known by having weekly hours of their own. A manager without
 * hours runs the center and would only show as a name without times.
 */
export function isProvider(s: Staff, withHours: ReadonlySet<string>): boolean {
  if (!s.active) return false;
  return s.kind === 'provider' || (s.kind === 'manager' && withHours.has(s.id));
}

/** Staff ids with weekly hours of their own at the center. */
export async function providersWithHours(store: SyncStore, centerId: string): Promise<Set<string>> {
  const schedules = await liveDocs<ScheduleDoc>(store, 'schedules', centerId);
  return new Set(
    schedules.filter((d) => d.kind === 'provider-hours' && d.providerId).map((d) => d.providerId),
  );
}

export function isBookableService(c: CatalogItem): boolean {
  return c.kind === 'service' && c.active && c.durationMin > 0;
}

function imageUrl(imageId: string): string {
  return setupPaths.publicImage(imageId);
}

export function summaryOf(center: Center): CenterSummary {
  return {
    id: center.id,
    name: center.name,
    type: center.type,
    typeLabel: CENTER_TYPE_LABELS[center.type as CenterType] ?? center.type,
    city: center.city,
    address: center.address,
    coverImageUrl: center.gallery[0] ? imageUrl(center.gallery[0].imageId) : null,
  };
}

/** Every live center document, read in seq-ordered pages (one query per page, not per center). */
async function allCenters(store: SyncStore): Promise<Center[]> {
  const centers: Center[] = [];
  const PAGE = 500;
  for (let after = 0; ;) {
    const docs = await store.work.documentsAfter('center', after, PAGE);
    for (const d of docs) if (!d.deleted) centers.push(d.data as unknown as Center);
    if (docs.length < PAGE) return centers;
    after = docs.at(-1)!.seq;
  }
}

export interface DirectoryQuery {
  q?: string;
  city?: string;
  service?: string;
}

/**
 * Centers matching every filter given: `q` in the name or type, `city`, and `service` in a bookable
 * service's name, a department's name or a provider's specialty. Sorted by name.
 */
export async function searchCenters(
  store: SyncStore,
  query: DirectoryQuery,
): Promise<CenterSummary[]> {
  const q = searchKey(query.q ?? '');
  const city = searchKey(query.city ?? '');
  const service = searchKey(query.service ?? '');
  const found: CenterSummary[] = [];
  for (const center of await allCenters(store)) {
    const id = center.id;
    const label = CENTER_TYPE_LABELS[center.type as CenterType] ?? '';
    if (q && !searchKey(`${center.name} ${label}`).includes(q)) continue;
    if (city && !searchKey(center.city).includes(city)) continue;
    if (service) {
      const catalog = await liveDocs<CatalogItem>(store, 'catalog', id);
      const staff = await liveDocs<Staff>(store, 'staff', id);
      const withHours = await providersWithHours(store, id);
      const words = [
        ...catalog
          .filter((c) => (c.kind === 'service' && isBookableService(c)) || c.kind === 'department')
          .map((c) => c.name),
        ...staff.filter((s) => isProvider(s, withHours)).map((s) => s.specialty),
      ];
      if (!words.some((w) => searchKey(w).includes(service))) continue;
    }
    found.push(summaryOf(center));
  }
  return found.sort((a, b) => a.name.localeCompare(b.name, 'fa'));
}

export async function centerPage(store: SyncStore, centerId: string): Promise<CenterPage | null> {
  const center = await centerDoc(store, centerId);
  if (!center) return null;
  const [catalog, staff, posts, withHours] = await Promise.all([
    liveDocs<CatalogItem>(store, 'catalog', centerId),
    liveDocs<Staff>(store, 'staff', centerId),
    store.listPosts(centerId),
    providersWithHours(store, centerId),
  ]);
  const departments = new Map(
    catalog.filter((c) => c.kind === 'department').map((d) => [d.id, d.name]),
  );
  const services = catalog
    .filter(isBookableService)
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : 1));
  const serviceIds = new Set(services.map((s) => s.id));
  return {
    ...summaryOf(center),
    phones: [...center.phones],
    location: center.location,
    mapUrl: center.mapUrl,
    social: { ...center.social },
    bookingRules: center.bookingRules,
    cancellationRules: center.cancellationRules,
    selfCancellation: { ...center.selfCancellation },
    gallery: center.gallery.map((g) => ({ imageUrl: imageUrl(g.imageId), caption: g.caption })),
    providers: staff
      .filter((s) => isProvider(s, withHours))
      .map((s) => ({
        id: s.id,
        name: staffFullName(s),
        specialty: s.specialty,
        // No list means the provider offers every service.
        serviceIds: (s.serviceIds.length > 0 ? s.serviceIds : [...serviceIds]).filter((id) =>
          serviceIds.has(id),
        ),
      })),
    services: services.map((s) => ({
      id: s.id,
      name: s.name,
      departmentName: departments.get(s.departmentId) ?? '',
      priceRial: s.priceRial,
      durationMin: s.durationMin,
      prepaymentRequired: s.prepaymentRequired,
    })),
    posts: posts
      .filter((p) => p.published)
      .map((p) => ({ id: p.id, title: p.title, body: p.body, publishedAt: p.createdAt })),
  };
}

/** Newest first, so every reader picks the same document when a key has several (schedule-store). */
function newest(docs: ScheduleDoc[]): ScheduleDoc | null {
  return (
    [...docs].sort((a, b) =>
      a.updatedAt === b.updatedAt ? (a.id < b.id ? 1 : -1) : a.updatedAt < b.updatedAt ? 1 : -1,
    )[0] ?? null
  );
}

function newestPerKey(docs: ScheduleDoc[], key: (d: ScheduleDoc) => string): ScheduleDoc[] {
  const groups = new Map<string, ScheduleDoc[]>();
  for (const d of docs) groups.set(key(d), [...(groups.get(key(d)) ?? []), d]);
  return [...groups.values()].map((g) => newest(g)!);
}

/** The slot engine's facts for one provider over `from`…`to`, as a desk computes them. */
export async function providerFacts(
  store: SyncStore,
  center: Center,
  providerId: string,
  from: string,
  to: string,
): Promise<ScheduleFacts> {
  const all = await liveDocs<ScheduleDoc>(store, 'schedules', center.id);
  const of = (kind: ScheduleDoc['kind']) => all.filter((d) => d.kind === kind);
  const centerHours = newest(of('center-hours'));
  const own = newest(of('provider-hours').filter((d) => d.providerId === providerId));
  const lunar = newestPerKey(of('lunar-holidays'), (d) => String(d.jalaliYear));
  const closures = of('closure')
    .filter((d) => d.date <= to && d.toDate >= from)
    .map((d) => ({ id: d.id, from: d.date, to: d.toDate, reason: d.reason }));
  const closed = closedDaysInRange(from, to, {
    weekend: center.weekend,
    lunarOverrides: new Map(lunar.map((d) => [d.jalaliYear, d.holidays.map((h) => ({ ...h }))])),
    closures,
  });
  const exceptions = newestPerKey(
    of('exception').filter((d) => d.providerId === providerId && d.date >= from && d.date <= to),
    (d) => d.date,
  );
  return {
    centerHours: centerHours ? centerHours.week : null,
    providerHours: own ? own.week : null,
    slotStepMin: own?.slotStepMin ?? 0,
    exceptions: exceptions.map((e) => ({ date: e.date, blocks: e.blocks })),
    leaves: of('leave')
      .filter((l) => l.providerId === providerId && l.toDate >= from && l.date <= to)
      .map((l) => ({ from: l.date, to: l.toDate, reason: l.reason })),
    holidays: closed.holidays,
    weekend: center.weekend,
  };
}
