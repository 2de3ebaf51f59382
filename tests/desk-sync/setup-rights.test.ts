/**
 * Rights and seats across desks with a real server: what a manager sets on one desk governs what a
 * nurse can do on another (desk core and server both refuse), and the licence limits how many staff
 * work at once, offline too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncRig, type RigDesk, type SyncRig } from '../support/sync-rig';

const NURSE = { mobile: '09123334455', password: 'nurse1234' };
const OPERATOR = { mobile: '09124445566', password: 'operator12' };

describe('rights and seats across desks', () => {
  let rig: SyncRig;
  let a: RigDesk;
  let b: RigDesk;
  let c: RigDesk;
  let nurseId: string;

  beforeAll(async () => {
    rig = await startSyncRig();
    a = await rig.addDesk('desk-a');
    b = await rig.addDesk('desk-b');
    c = await rig.addDesk('desk-c');
    const nurse = await a.core.call('staff.save', {
      firstName: 'سمیرا',
      lastName: 'نیکو',
      kind: 'nurse',
      ...NURSE,
    });
    nurseId = nurse.id;
    await a.core.call('staff.save', {
      firstName: 'کاوه',
      lastName: 'راد',
      kind: 'operator',
      ...OPERATOR,
    });
    await a.core.awaitSynced();
    for (const d of [b, c]) {
      await d.core.call('auth.logout', {});
      await d.core.awaitSynced();
    }
  }, 90_000);
  afterAll(() => rig?.close());

  it('a nurse on another desk works within her rights; the core refuses the rest', async () => {
    const session = await b.core.call('auth.login', NURSE);
    expect(session.kind).toBe('nurse');
    expect(session.rights).toContain('patients.edit');
    await b.core.call('patients.create', {
      firstName: 'آرش',
      lastName: 'امینی',
      mobile: '09120009988',
      gender: 'male',
    });
    await expect(b.core.call('catalog.saveDepartment', { name: 'بخش تازه' })).rejects.toMatchObject(
      { code: 'forbidden' },
    );
    await expect(b.core.call('audit.list', {})).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('a right the manager removes on desk A stops the nurse on desk B once it syncs', async () => {
    await a.core.call('staff.setRights', { id: nurseId, granted: [], revoked: ['patients.edit'] });
    await a.core.awaitSynced();
    await expect
      .poll(
        async () => (await b.core.call('auth.state', {})).session?.rights.includes('patients.edit'),
        { timeout: 15_000 },
      )
      .toBe(false);
    await expect(
      b.core.call('patients.create', {
        firstName: 'نگار',
        lastName: 'امینی',
        mobile: '09120009989',
        gender: 'female',
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    // The change and who made it are in the audit log.
    const log = await a.core.call('audit.list', { targetId: nurseId });
    expect(log.items[0]).toMatchObject({ action: 'update', actorId: rig.managerId });
    expect(log.items[0]!.changes.map((x) => x.field)).toContain('rightsRevoked');
  });

  it('the licence limits staff logged in at once across desks (2 seats): a third login is refused', async () => {
    const status = await c.core.call('licence.status', {});
    expect(status).toMatchObject({ state: 'valid', seats: 2 });
    // Seats: the manager on desk A, the nurse on desk B.
    await expect(c.core.call('auth.login', OPERATOR)).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/[\u0600-\u06ff]/),
    });
    await b.core.call('auth.logout', {});
    const session = await c.core.call('auth.login', OPERATOR);
    expect(session.kind).toBe('operator');
    await c.core.call('auth.logout', {});
  });

  it('offline, the signed licence still applies; a tampered licence is rejected', async () => {
    c.proxy.cut();
    const offline = await c.core.call('auth.login', OPERATOR);
    expect(offline.kind).toBe('operator');
    await c.core.call('auth.logout', {});

    const file = path.join(c.dataDir, 'licence.json');
    const signed = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      payload: string;
      signature: string;
    };
    const forged = { ...signed, payload: signed.payload.replace(/"seats":\d+/, '"seats":500') };
    fs.writeFileSync(file, JSON.stringify(forged));
    expect((await c.core.call('licence.status', {})).state).toBe('invalid');
    await expect(c.core.call('auth.login', OPERATOR)).rejects.toMatchObject({ code: 'forbidden' });
    fs.writeFileSync(file, JSON.stringify(signed));
    expect((await c.core.call('licence.status', {})).state).toBe('valid');
    c.proxy.restore();
  });
});
