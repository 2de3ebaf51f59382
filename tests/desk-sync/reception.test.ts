/**
 * Reception across two offline desks: a booking that lost the last free slot waits in the conflict
 * queue until a person moves it (nothing lost), and session counts of a package stay right when both
 * desks record sessions offline.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSyncRig, type RigDesk, type SyncRig } from '../support/sync-rig';

let rig: SyncRig;
let a: RigDesk;
let b: RigDesk;
let providerId: string;
let serviceId: string;
let patientId: string;

async function both(fn: (d: RigDesk) => Promise<void>) {
  await fn(a);
  await fn(b);
}

async function settle() {
  for (let i = 0; i < 3; i++) for (const d of [a, b]) await d.core.awaitSynced();
}

beforeAll(async () => {
  rig = await startSyncRig();
  a = await rig.addDesk('desk-a');
  b = await rig.addDesk('desk-b');
  providerId = (
    await a.core.call('staff.save', {
      firstName: 'رضا',
      lastName: 'حکیمی',
      kind: 'provider',
      title: 'دکتر',
    })
  ).id;
  const dept = await a.core.call('catalog.saveDepartment', { name: 'فیزیوتراپی' });
  serviceId = (
    await a.core.call('catalog.saveService', {
      name: 'فیزیوتراپی',
      departmentId: dept.id,
      priceRial: 3_000_000,
      durationMin: 30,
    })
  ).id;
  patientId = (
    await a.core.call('patients.create', {
      firstName: 'مینا',
      lastName: 'کاظمی',
      mobile: '09121234567',
      gender: 'female',
    })
  ).id;
  await settle();
}, 90_000);
afterAll(() => rig?.close());

it('both offline desks take the last free slot; one waits in the conflict queue and a person moves it', async () => {
  const other = await b.core.call('patients.create', {
    firstName: 'علی',
    lastName: 'نوری',
    mobile: '09350000000',
    gender: 'male',
  });
  await settle();
  a.proxy.cut();
  b.proxy.cut();
  const slot = { providerId, serviceId, date: '2026-12-10', start: 600, end: 630 };
  const first = await a.core.call('appointments.book', { ...slot, patientId });
  const second = await b.core.call('appointments.book', { ...slot, patientId: other.id });
  a.proxy.restore();
  await a.core.call('sync.now', {});
  await a.core.awaitSynced();
  b.proxy.restore();
  await b.core.call('sync.now', {});
  await settle();

  await both(async (d) => {
    const { bookings } = await d.core.call('sync.conflicts', {});
    expect(bookings.map((x) => x.appointment.id)).toEqual([second.id]);
  });
  // A receptionist on desk B calls the patient and moves the booking to 10:30.
  await b.core.call('appointments.move', {
    id: second.id,
    date: '2026-12-10',
    start: 630,
    end: 660,
  });
  await settle();
  await both(async (d) => {
    expect((await d.core.call('sync.conflicts', {})).bookings).toEqual([]);
    const day = await d.core.call('appointments.list', {
      from: '2026-12-10',
      to: '2026-12-10',
      statuses: ['booked'],
    });
    expect(day.items.map((r) => [r.id, r.start])).toEqual([
      [first.id, 600],
      [second.id, 630],
    ]);
  });
}, 60_000);

it('session counts stay right when both desks record sessions of one package offline', async () => {
  const pkg = await a.core.call('packages.sell', {
    patientId,
    serviceId,
    sessions: 5,
    priceRial: 12_000_000,
  });
  const visits = [];
  for (let i = 0; i < 4; i++) {
    visits.push(
      await a.core.call('appointments.book', {
        providerId,
        serviceId,
        date: `2026-11-1${i + 1}`,
        start: 540,
        end: 570,
        patientId,
        packageId: pkg.id,
      }),
    );
  }
  await settle();
  a.proxy.cut();
  b.proxy.cut();
  await a.core.call('appointments.checkIn', { id: visits[0]!.id });
  await b.core.call('appointments.checkIn', { id: visits[1]!.id });
  await b.core.call('appointments.noShow', { id: visits[2]!.id });
  a.proxy.restore();
  b.proxy.restore();
  await a.core.call('sync.now', {});
  await b.core.call('sync.now', {});
  await settle();
  await both(async (d) => {
    const [view] = await d.core.call('packages.list', { patientId });
    expect(view!.usage).toMatchObject({ used: 2, booked: 1, noShows: 1, left: 2 });
  });
}, 60_000);
