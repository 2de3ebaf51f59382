/**
 * A large generated clinic for benchmarks (`npm run seed:large`): 200,000 patients, 60 providers and
 * 1,000,000 appointments over three years, written into a desk data folder. Generated once into
 * `.cache/large-clinic/` and reused (delete the folder to generate again). Writes go straight to the
 * database (this is a data generator, not staff work, so nothing is audited).
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../electron/core/db/database';
import { loadDeviceIdentity } from '../../electron/core/config';
import type { Appointment } from '../../shared/domain/appointments';
import { patientSearchText, patientSortName, type Patient } from '../../shared/domain/patients';
import type { Staff } from '../../shared/domain/staff';
import { ROOT } from '../support/paths';

export const LARGE = {
  patients: 200_000,
  providers: 60,
  appointments: 1_000_000,
  firstDay: '2024-03-20',
  days: 1095,
};
export const LARGE_DIR = path.join(ROOT, '.cache', 'large-clinic');

const FIRST = [
  'زهرا',
  'علی',
  'مریم',
  'حسین',
  'فاطمه',
  'محمد',
  'سارا',
  'رضا',
  'نرگس',
  'امیر',
  'الهام',
  'مهدی',
  'لیلا',
  'حمید',
  'سمیرا',
  'کاوه',
  'نگار',
  'پویا',
  'شیرین',
  'بهرام',
];
const LAST = [
  'احمدی',
  'محمدی',
  'کریمی',
  'حسینی',
  'رضایی',
  'موسوی',
  'جعفری',
  'صادقی',
  'کاظمی',
  'نوری',
  'رحیمی',
  'قاسمی',
  'عباسی',
  'زارعی',
  'هاشمی',
  'مرادی',
  'یزدانی',
  'فرهادی',
  'شریفی',
  'کیانی',
  'طاهری',
  'نیک‌نام',
  'پاکزاد',
  'سلیمانی',
  'امینی',
];

/** A deterministic generator, so every run builds the same clinic. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A checksum-valid national id from a 9-digit body. */
export function nationalIdFor(n: number): string {
  const body = String(100_000_000 + (n % 800_000_000)).slice(0, 9);
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * (10 - i), 0) % 11;
  return body + String(sum < 2 ? sum : 11 - sum);
}

export function mobileFor(n: number): string {
  return `+989${String(100_000_000 + n).slice(0, 9)}`;
}

function id(prefix: number, n: number): string {
  return `0190${String(prefix).padStart(4, '0')}-0000-7000-8000-${String(n).padStart(12, '0')}`;
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export async function seedLargeClinic(dir = LARGE_DIR, log = console.log): Promise<string> {
  const marker = path.join(dir, 'seeded.json');
  if (fs.existsSync(marker)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const device = loadDeviceIdentity(dir);
  const { db } = await openDatabase({ dataDir: dir, storage: 'sqlite' });
  const random = rng(1405);
  const at = '2024-03-20T05:00:00.000Z';
  const base = (docId: string) => ({
    id: docId,
    centerId: device.centerId,
    createdAt: at,
    updatedAt: at,
    updatedBy: 'seed',
    deviceId: 'seed',
  });
  const started = Date.now();

  const providers: Staff[] = Array.from({ length: LARGE.providers }, (_, i) => ({
    ...base(id(1, i)),
    firstName: FIRST[i % FIRST.length]!,
    lastName: LAST[(i * 7) % LAST.length]!,
    mobile: mobileFor(900_000 + i),
    kind: 'provider',
    title: 'دکتر',
    specialty: '',
    active: true,
    passwordHash: '',
    rightsGranted: [],
    rightsRevoked: [],
    departmentIds: [],
    serviceIds: [],
  }));
  await db.staff.bulkInsert(providers);

  const BATCH = 5_000;
  for (let start = 0; start < LARGE.patients; start += BATCH) {
    const batch: Patient[] = [];
    for (let i = start; i < Math.min(LARGE.patients, start + BATCH); i++) {
      const fields = {
        firstName: FIRST[Math.floor(random() * FIRST.length)]!,
        lastName: `${LAST[Math.floor(random() * LAST.length)]!}${i % 7 === 0 ? '‌زاده' : ''}`,
        nationalId: nationalIdFor(i * 7919),
        mobile: mobileFor(i),
        fileNumber: `1-${i + 1}`,
      };
      batch.push({
        ...base(id(2, i)),
        ...fields,
        gender: random() < 0.5 ? 'female' : 'male',
        birthDate: addDays('1950-01-01', Math.floor(random() * 25_000)),
        notes: '',
        relatedTo: '',
        relation: '',
        searchText: patientSearchText(fields),
        sortName: patientSortName(fields),
      });
    }
    await db.patients.bulkInsert(batch);
  }
  log(`patients: ${LARGE.patients} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const perProviderDay = LARGE.appointments / (LARGE.providers * LARGE.days);
  let made = 0;
  let batch: Appointment[] = [];
  for (let p = 0; p < LARGE.providers && made < LARGE.appointments; p++) {
    for (let d = 0; d < LARGE.days && made < LARGE.appointments; d++) {
      const count = Math.round(perProviderDay + (random() - 0.5) * 4);
      for (let k = 0; k < count && made < LARGE.appointments; k++) {
        const start = 8 * 60 + k * 30;
        batch.push({
          ...base(id(3, made)),
          patientId: id(2, Math.floor(random() * LARGE.patients)),
          providerId: id(1, p),
          serviceId: '',
          date: addDays(LARGE.firstDay, d),
          start,
          end: start + 30,
          status: random() < 0.85 ? 'done' : random() < 0.5 ? 'cancelled' : 'no-show',
          source: random() < 0.3 ? 'portal' : 'desk',
          trackingCode: String(10_000_000 + made),
          overbook: false,
          notes: '',
          cancelReason: '',
          conflict: null,
          packageId: '',
          walkIn: false,
          checkedInAt: '',
        });
        made += 1;
        if (batch.length === BATCH) {
          await db.appointments.bulkInsert(batch);
          batch = [];
        }
      }
    }
  }
  // Rounding leaves a few short: top up on the last day so the clinic has exactly the target.
  for (let k = 0; made < LARGE.appointments; k++) {
    const start = 6 * 60 + (k % 60) * 15;
    batch.push({
      ...batch[0]!,
      ...base(id(3, made)),
      providerId: id(1, k % LARGE.providers),
      start,
      end: start + 15,
      trackingCode: String(10_000_000 + made),
    });
    made += 1;
  }
  if (batch.length) await db.appointments.bulkInsert(batch);
  log(`appointments: ${made} in ${((Date.now() - started) / 1000).toFixed(1)} s total`);
  await db.close();
  fs.writeFileSync(
    marker,
    JSON.stringify({ ...LARGE, appointmentsMade: made, at: new Date().toISOString() }, null, 2),
  );
  return dir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const dir = await seedLargeClinic();
  console.log(`large clinic ready in ${dir}`);
}
