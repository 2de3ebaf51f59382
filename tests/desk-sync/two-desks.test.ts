/**
 * B8 end to end: one sync server, two desktop cores on real HTTP through cuttable proxies. Both go
 * offline, both work, both come back; nothing is lost, conflicts follow the documented policy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskDocs, hashDocs, startSyncRig, type RigDesk, type SyncRig } from '../support/sync-rig';

const patient = (firstName: string, lastName: string, mobile: string) => ({
  firstName,
  lastName,
  mobile,
  gender: 'female' as const,
});

async function settle(rig: SyncRig, desks: RigDesk[]): Promise<void> {
  // Each desk's push may bring back merged documents the other must pull: go round until all agree.
  for (let round = 0; round < 20; round++) {
    for (const d of desks) await d.core.awaitSynced();
    const hashes = [
      hashDocs(await rig.serverDocs()),
      ...(await Promise.all(desks.map(async (d) => hashDocs(await deskDocs(d.core))))),
    ];
    if (hashes.every((h) => h === hashes[0])) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('two desks, offline and back', () => {
  let rig: SyncRig;
  let a: RigDesk;
  let b: RigDesk;

  beforeAll(async () => {
    rig = await startSyncRig();
    a = await rig.addDesk('desk-a');
    b = await rig.addDesk('desk-b');
  }, 60_000);
  afterAll(() => rig?.close());

  it('both desks start with the center and its manager from the server', async () => {
    await settle(rig, [a, b]);
    for (const d of [a, b]) {
      const docs = await deskDocs(d.core);
      expect(docs.center).toHaveLength(1);
      expect(docs.staff.map((s) => s.id)).toEqual([rig.managerId]);
      expect((await d.core.call('sync.status', {})).state).toBe('online');
    }
  });

  it('converges after both desks worked offline: new patients, edits of one patient, deletes', async () => {
    const shared = await a.core.call('patients.create', {
      ...patient('سارا', 'احمدی', '09121000001'),
      nationalId: '0499370899',
    });
    const doomed = await a.core.call('patients.create', patient('نازنین', 'کریمی', '09121000002'));
    await settle(rig, [a, b]);
    expect((await b.core.call('patients.get', { id: shared.id })).firstName).toBe('سارا');

    a.proxy.cut();
    b.proxy.cut();
    await expect.poll(async () => (await a.core.call('sync.status', {})).state).toBe('offline');

    // Desk A: a new patient, a new mobile for the shared patient, a delete.
    const fromA = await a.core.call('patients.create', patient('علی', 'رضایی', '09121000003'));
    await a.core.call('patients.update', {
      ...patient('سارا', 'احمدی', '09351111111'),
      id: shared.id,
      nationalId: '0499370899',
    });
    await a.core.call('patients.remove', { id: doomed.id });
    // Desk B: a new patient, a different mobile AND a note for the shared patient.
    const fromB = await b.core.call('patients.create', patient('مهدی', 'نوری', '09121000004'));
    await b.core.call('patients.update', {
      ...patient('سارا', 'احمدی', '09352222222'),
      id: shared.id,
      nationalId: '0499370899',
      notes: 'حساسیت به پنی‌سیلین',
    });
    expect((await a.core.call('sync.status', {})).pending).toBe(3);

    // A comes back first, so its edit of the mobile is committed first and wins that field.
    a.proxy.restore();
    a.core.call('sync.now', {});
    await a.core.awaitSynced();
    b.proxy.restore();
    b.core.call('sync.now', {});
    await settle(rig, [a, b]);

    const server = await rig.serverDocs();
    const [onA, onB] = [await deskDocs(a.core), await deskDocs(b.core)];
    expect(hashDocs(onA)).toBe(hashDocs(server));
    expect(hashDocs(onB)).toBe(hashDocs(server));

    const ids = server.patients.map((p) => p.id).sort();
    expect(ids).toEqual([shared.id, fromA.id, fromB.id].sort());
    const merged = server.patients.find((p) => p.id === shared.id)!;
    expect(merged.mobile).toBe('+989351111111'); // first committed edit of the field wins
    expect(merged.notes).toBe('حساسیت به پنی‌سیلین'); // B's edit of another field is kept
    expect((await b.core.call('patients.search', { query: 'نوری' })).total).toBe(1);
    expect((await a.core.call('patients.search', { query: 'کریمی' })).total).toBe(0);

    // B's replaced edit is not silently dropped: it is in B's conflict queue.
    const { overridden } = await b.core.call('sync.conflicts', {});
    expect(overridden).toContainEqual(
      expect.objectContaining({
        collection: 'patients',
        documentId: shared.id,
        field: 'mobile',
        localValue: '+989352222222',
        serverValue: '+989351111111',
      }),
    );
    for (const d of [a, b]) expect((await d.core.call('sync.status', {})).pending).toBe(0);
  }, 60_000);

  it('slot race: both offline desks book the same slot; one booking holds, the other is conflict everywhere', async () => {
    const p1 = await a.core.call('patients.create', patient('رها', 'صادقی', '09121000005'));
    const p2 = await b.core.call('patients.create', patient('نیما', 'کاظمی', '09121000006'));
    await settle(rig, [a, b]);
    a.proxy.cut();
    b.proxy.cut();
    const slot = { providerId: rig.managerId, date: '2026-12-01', start: 9 * 60, end: 9 * 60 + 30 };
    const onA = await a.core.call('appointments.book', { ...slot, patientId: p1.id });
    const onB = await b.core.call('appointments.book', { ...slot, patientId: p2.id });
    a.proxy.restore();
    a.core.call('sync.now', {});
    await a.core.awaitSynced();
    b.proxy.restore();
    b.core.call('sync.now', {});
    await settle(rig, [a, b]);

    for (const d of [a, b]) {
      expect((await d.core.call('appointments.get', { id: onA.id })).status).toBe('booked');
      const loser = await d.core.call('appointments.get', { id: onB.id });
      expect(loser.status).toBe('conflict');
      expect(loser.conflict?.withId).toBe(onA.id);
      const { bookings } = await d.core.call('sync.conflicts', {});
      expect(bookings.map((x) => x.appointment.id)).toEqual([onB.id]);
      expect(bookings[0]!.winner?.id).toBe(onA.id);
    }
    const server = await rig.serverDocs();
    expect(server.appointments.filter((x) => x.status === 'booked').map((x) => x.id)).toEqual([
      onA.id,
    ]);
  }, 60_000);

  it('staff log in offline against the synced hash; nothing works before login', async () => {
    await a.core.call('auth.logout', {});
    a.proxy.cut();
    await expect(a.core.call('patients.search', {})).rejects.toMatchObject({
      code: 'unauthorized',
    });
    await expect(
      a.core.call('auth.login', { mobile: '09120000001', password: 'wrong-123' }),
    ).rejects.toMatchObject({
      code: 'unauthorized',
    });
    const session = await a.core.call('auth.login', {
      mobile: '۰۹۱۲۰۰۰۰۰۰۱',
      password: 'test1234',
    });
    expect(session).toMatchObject({ staffId: rig.managerId, kind: 'manager' });
    expect((await a.core.call('patients.search', {})).total).toBeGreaterThan(0);
    a.proxy.restore();
  });
});
