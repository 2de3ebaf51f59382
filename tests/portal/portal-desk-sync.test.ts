/**
 * A portal booking reaches an enrolled desk through sync like a desk's own booking, and a desk
 * that, while offline, gives away a time the portal has already given finds its booking in the
 * conflict queue once it syncs (B8, P4). The center's provider, service and hours are set on the
 * desk itself and reach the portal the same way.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { portalPaths } from '../../shared/portal/contract';
import { addDays } from '../../shared/scheduling/day-math';
import { todayInTehran } from '../../shared/time/dates';
import { startSyncRig, type RigDesk, type SyncRig } from '../support/sync-rig';
import { ACCOUNT_PASSWORD, insertAccount } from './support/center';
import { PortalClient } from './support/client';

let rig: SyncRig;
let desk: RigDesk;
let client: PortalClient;
let providerId: string;
let serviceId: string;

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  rig = await startSyncRig();
  desk = await rig.addDesk('desk-a');
  providerId = (
    await desk.core.call('staff.save', {
      firstName: 'رضا',
      lastName: 'حکیمی',
      kind: 'provider',
      title: 'دکتر',
    })
  ).id;
  const dept = await desk.core.call('catalog.saveDepartment', { name: 'فیزیوتراپی' });
  serviceId = (
    await desk.core.call('catalog.saveService', {
      name: 'فیزیوتراپی',
      departmentId: dept.id,
      priceRial: 3_000_000,
      durationMin: 30,
    })
  ).id;
  const day = [{ start: 8 * 60, end: 14 * 60 }];
  await desk.core.call('schedules.setProviderHours', {
    providerId,
    week: Array.from({ length: 7 }, () => day),
    slotStepMin: 30,
  });
  await desk.core.awaitSynced();
  const account = await insertAccount(rig.store, 1, new Date().toISOString());
  client = new PortalClient(rig.url);
  await client.session();
  await client.post(portalPaths.login, { mobile: account.mobile, password: ACCOUNT_PASSWORD });
  await client.session();
}, 90_000);
afterAll(() => rig?.close());

async function freeSlots() {
  const from = addDays(todayInTehran(), 2);
  const q = `?providerId=${providerId}&serviceId=${serviceId}&from=${from}&to=${addDays(from, 14)}`;
  const res = await client.get(`${portalPaths.slots(rig.centerId)}${q}`);
  expect(res.status).toBe(200);
  return res.body.slots as { date: string; start: number; end: number }[];
}

async function deskDay(date: string) {
  return (await desk.core.call('appointments.list', { from: date, to: date })).items;
}

it('a portal booking appears on the desk through sync', async () => {
  const [slot] = await freeSlots();
  expect(slot).toBeTruthy();
  const booked = await client.post(portalPaths.bookings, {
    centerId: rig.centerId,
    providerId,
    serviceId,
    date: slot!.date,
    start: slot!.start,
  });
  expect(booked.status).toBe(200);
  const rows = await eventually(
    () => deskDay(slot!.date),
    (items) => items.some((r) => r.id === booked.body.booking.id),
  );
  expect(rows.find((r) => r.id === booked.body.booking.id)).toMatchObject({
    start: slot!.start,
    status: 'booked',
  });
}, 30_000);

it("a desk's offline booking of a time the portal gave goes to the conflict queue on sync", async () => {
  const slot = (await freeSlots())[0]!;
  const patient = await desk.core.call('patients.create', {
    firstName: 'مینا',
    lastName: 'کاظمی',
    mobile: '09121234567',
    gender: 'female',
  });
  await desk.core.awaitSynced();
  desk.proxy.cut();
  const portal = await client.post(portalPaths.bookings, {
    centerId: rig.centerId,
    providerId,
    serviceId,
    date: slot.date,
    start: slot.start,
  });
  expect(portal.status).toBe(200);
  const offline = await desk.core.call('appointments.book', {
    providerId,
    serviceId,
    date: slot.date,
    start: slot.start,
    end: slot.end,
    patientId: patient.id,
  });
  desk.proxy.restore();
  await desk.core.call('sync.now', {});
  await desk.core.awaitSynced();
  const conflicts = await eventually(
    async () => (await desk.core.call('sync.conflicts', {})).bookings,
    (list) => list.some((b) => b.appointment.id === offline.id),
  );
  expect(conflicts.map((b) => b.appointment.id)).toEqual([offline.id]);
  const server = await rig.store.getDocument('appointments', offline.id);
  expect(server?.data).toMatchObject({
    status: 'conflict',
    conflict: { withId: portal.body.booking.id },
  });
  expect((await client.get(portalPaths.booking(portal.body.booking.id))).body.status).toBe(
    'booked',
  );
}, 30_000);
