/**
 * A center ready for the patient portal, written into a sync server's store the way desks would
 * have synced it: profile with contact, map, social links, rules and patient self-cancellation; a
 * gallery image and a published post; a department with a free-of-prepayment visit and a
 * prepaid laser service; one provider giving both, working every day from 08:00 to 20:00.
 */
import { v7 as uuidv7 } from 'uuid';
import sharp from 'sharp';
import { CATALOG_V1_DEFAULTS } from '../../shared/domain/catalog';
import type { Center } from '../../shared/domain/center';
import { scheduleBlank } from '../../shared/domain/schedules';
import { createCenter } from '../../sync-server/src/centers/create-center';
import { reencodeImage } from '../../sync-server/src/media/reencode';
import { commitServerWrites, type WritePath } from '../../sync-server/src/replication/commit';
import { DEFAULT_REGISTRY } from '../../sync-server/src/replication/registry';
import type { SyncServer } from '../../sync-server/src/server';
import type { SyncStore } from '../../sync-server/src/store/sync-store';

export const PORTAL_CENTER = {
  name: 'کلینیک پوست آرامش',
  city: 'اصفهان',
  address: 'خیابان چهارباغ بالا، کوچهٔ ۱۲، پلاک ۸',
  manager: { firstName: 'نرگس', lastName: 'مدیری', mobile: '09120000077', password: 'test1234' },
  provider: { firstName: 'نسرین', lastName: 'کاظمی', specialty: 'متخصص پوست و مو' },
  visit: { name: 'ویزیت پوست', priceRial: 2_500_000, durationMin: 30 },
  laser: { name: 'لیزر موهای زائد', priceRial: 15_000_000, durationMin: 30 },
  post: { title: 'مراقبت از پوست در زمستان', body: 'در هوای سرد <b>پوست</b> زودتر خشک می‌شود.' },
} as const;

export interface PortalCenter {
  centerId: string;
  managerId: string;
  providerId: string;
  visitId: string;
  laserId: string;
}

const HOURS = [{ start: 8 * 60, end: 20 * 60 }];

export async function seedPortalCenter(app: SyncServer, store: SyncStore): Promise<PortalCenter> {
  const c = PORTAL_CENTER;
  const created = await createCenter(
    store,
    { name: c.name, type: 'clinic', city: c.city, manager: { ...c.manager } },
    { feed: app.syncFeed, passwordIterations: 1000 },
  );
  const { centerId, managerStaffId } = created;
  const at = new Date().toISOString();
  const base = () => ({
    id: uuidv7(),
    centerId,
    createdAt: at,
    updatedAt: at,
    updatedBy: managerStaffId,
    deviceId: 'server',
  });

  // Gallery images, stored as the desk's upload route stores them (the first is the cover).
  const gallery: { imageId: string; caption: string }[] = [];
  for (const [caption, background] of [
    ['سالن انتظار', '#7fb3b0'],
    ['اتاق لیزر', '#b39b7f'],
  ] as const) {
    const png = await sharp({ create: { width: 640, height: 400, channels: 3, background } })
      .png()
      .toBuffer();
    const image = await reencodeImage(png);
    const imageId = uuidv7();
    await app.syncMedia.write(centerId, imageId, image.data);
    await store.write((tx) =>
      tx.insertGalleryImage({
        id: imageId,
        centerId,
        fileName: `${imageId}.png`,
        caption,
        width: image.width,
        height: image.height,
        bytes: image.data.length,
        createdAt: at,
        createdBy: managerStaffId,
      }),
    );
    gallery.push({ imageId, caption });
  }
  await store.write(async (tx) => {
    await tx.insertPost({
      id: uuidv7(),
      centerId,
      title: c.post.title,
      body: c.post.body,
      published: true,
      createdAt: at,
      updatedAt: at,
      createdBy: managerStaffId,
      updatedBy: managerStaffId,
    });
  });

  const before = await store.getDocument('center', centerId);
  const center: Center = {
    ...(before!.data as unknown as Center),
    address: c.address,
    phones: ['03132223344'],
    location: { lat: 32.6539, lng: 51.666 },
    mapUrl: 'https://www.openstreetmap.org/?mlat=32.6539&mlon=51.666#map=17/32.6539/51.666',
    social: { instagram: 'https://instagram.com/aramesh.clinic' },
    bookingRules: 'لطفاً ۱۵ دقیقه پیش از نوبت در پذیرش باشید و کارت ملی همراه داشته باشید.',
    cancellationRules: 'نوبت را تا ۲ ساعت پیش از زمان آن می‌توانید لغو کنید.',
    selfCancellation: { enabled: true, minNoticeHours: 2 },
    // Open every day, so a free slot is always within reach whatever day the test runs.
    weekend: [],
    gallery,
    updatedAt: at,
  };
  const offer = offerDocs(base, c, { centerHours: true });
  await commitSeed(app.syncWritePath, centerId, [
    { collection: 'center', doc: center },
    ...offer.docs,
  ]);
  return {
    centerId,
    managerId: managerStaffId,
    providerId: offer.providerId,
    visitId: offer.visitId,
    laserId: offer.laserId,
  };
}

/** What a seeded center offers: its provider's name and the two services. */
export interface OfferNames {
  provider: { firstName: string; lastName: string; specialty: string };
  visit: { name: string; priceRial: number; durationMin: number };
  laser: { name: string; priceRial: number; durationMin: number };
}

interface SeedDoc {
  collection: string;
  doc: { id: string };
}

/**
 * A center's bookable offer as synced documents: a department with a visit (no prepayment) and a
 * prepaid laser service, one provider giving both, working every day 08:00–20:00 (and the center's
 * own hours too when `centerHours`). `base` gives each document its id and center fields.
 */
export function offerDocs(
  base: () => { id: string },
  names: OfferNames,
  options: { centerHours: boolean },
): { docs: SeedDoc[]; providerId: string; visitId: string; laserId: string } {
  const catalog = (fields: Record<string, unknown>) => ({
    ...base(),
    description: '',
    active: true,
    departmentId: '',
    priceRial: 0,
    durationMin: 0,
    prepaymentRequired: false,
    ...CATALOG_V1_DEFAULTS,
    ...fields,
  });
  const department = catalog({ kind: 'department', name: 'پوست و مو', sortKey: 'پوست و مو' });
  const visit = catalog({
    kind: 'service',
    name: names.visit.name,
    sortKey: '1',
    departmentId: department.id,
    priceRial: names.visit.priceRial,
    durationMin: names.visit.durationMin,
  });
  const laser = catalog({
    kind: 'service',
    name: names.laser.name,
    sortKey: '2',
    departmentId: department.id,
    priceRial: names.laser.priceRial,
    durationMin: names.laser.durationMin,
    prepaymentRequired: true,
  });
  const provider = {
    ...base(),
    firstName: names.provider.firstName,
    lastName: names.provider.lastName,
    mobile: '',
    kind: 'provider',
    title: 'دکتر',
    specialty: names.provider.specialty,
    active: true,
    passwordHash: '',
    rightsGranted: [],
    rightsRevoked: [],
    departmentIds: [department.id],
    serviceIds: [visit.id, laser.id],
  };
  const week = Array.from({ length: 7 }, () => HOURS);
  const providerHours = {
    ...base(),
    ...scheduleBlank(),
    kind: 'provider-hours',
    providerId: provider.id,
    week,
    slotStepMin: 30,
  };
  const docs: SeedDoc[] = [
    { collection: 'catalog', doc: department },
    { collection: 'catalog', doc: visit },
    { collection: 'catalog', doc: laser },
    { collection: 'staff', doc: provider },
  ];
  if (options.centerHours) {
    const centerHours = { ...base(), ...scheduleBlank(), kind: 'center-hours', week };
    docs.push({ collection: 'schedules', doc: centerHours });
  }
  docs.push({ collection: 'schedules', doc: providerHours });
  return { docs, providerId: provider.id, visitId: visit.id, laserId: laser.id };
}

/** Writes seed documents through the server's write path, as a desk's push would. */
export async function commitSeed(
  writePath: WritePath,
  centerId: string,
  docs: readonly SeedDoc[],
): Promise<void> {
  const writes = docs.map(({ collection, doc }) => {
    // The same check a desk's push gets: a wrong seed fails here, not as an empty portal page.
    DEFAULT_REGISTRY[collection]!.docSchema.parse(doc);
    return {
      collection,
      id: doc.id,
      state: { data: doc as unknown as Record<string, unknown>, deleted: false },
    };
  });
  await commitServerWrites(writePath, centerId, writes);
}
