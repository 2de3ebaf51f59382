/** Creating centers through the write path, and the demo seed. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../shared/auth/password';
import { createCenter, seedDemoCenter, DEMO_CENTER } from '../../sync-server/src/index';
import {
  addCenter,
  pull,
  startTestServer,
  TEST_ITERATIONS,
  type TestServer,
} from './support/harness';
import type { ChangeFeed, FeedMessage } from '../../sync-server/src/replication/change-feed';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

describe('createCenter', () => {
  it('writes the center and its manager with seqs, so a desk of the center pulls both', async () => {
    const center = await addCenter(server, 'درمانگاه مهر');
    const centers = (await pull(server, center.token, 'center')).json();
    expect(centers.documents).toHaveLength(1);
    expect(centers.documents[0]).toMatchObject({
      id: center.centerId,
      centerId: center.centerId,
      name: 'درمانگاه مهر',
      type: 'clinic',
      updatedBy: center.managerId,
      _deleted: false,
    });
    const staff = (await pull(server, center.token, 'staff')).json().documents;
    expect(staff).toHaveLength(1);
    expect(staff[0]).toMatchObject({
      kind: 'manager',
      active: true,
      mobile: expect.stringMatching(/^\+989/),
    });
    expect(await verifyPassword(center.password, staff[0].passwordHash)).toBe(true);
    expect(staff[0].passwordHash).not.toContain(center.password);
    expect(centers.checkpoint.seq).toBeGreaterThan(0);
  });

  it('publishes both documents to the change feed it is given, one message per collection', async () => {
    const published: [string, FeedMessage][] = [];
    const feed: ChangeFeed = {
      publish: (centerId, message) => published.push([centerId, message]),
      subscribe: () => () => undefined,
    };
    const created = await createCenter(
      server.store,
      {
        name: 'دندانپزشکی سوم',
        type: 'dental',
        manager: { firstName: 'الف', lastName: 'ب', mobile: '09130000000', password: 'abc12345' },
      },
      { feed, passwordIterations: TEST_ITERATIONS },
    );
    expect(published.map(([centerId, m]) => [centerId, m.collection, m.documents.length])).toEqual([
      [created.centerId, 'center', 1],
      [created.centerId, 'staff', 1],
    ]);
    const [centerMessage, staffMessage] = published.map(([, m]) => m);
    expect(staffMessage!.checkpoint.seq).toBeGreaterThan(centerMessage!.checkpoint.seq);
    expect(staffMessage!.documents[0]).toMatchObject({
      id: created.managerStaffId,
      _deleted: false,
    });
  });

  it('refuses a bad mobile or a weak password and writes nothing', async () => {
    const input = { name: 'x', type: 'clinic' as const };
    await expect(
      createCenter(server.store, {
        ...input,
        manager: { firstName: 'a', lastName: 'b', mobile: '123', password: 'abc12345' },
      }),
    ).rejects.toMatchObject({
      code: 'invalid',
      details: { fields: { 'manager.mobile': expect.any(String) } },
    });
    await expect(
      createCenter(server.store, {
        ...input,
        manager: { firstName: 'a', lastName: 'b', mobile: '09120000001', password: 'short' },
      }),
    ).rejects.toMatchObject({
      code: 'invalid',
      details: { fields: { 'manager.password': expect.any(String) } },
    });
    await expect(
      createCenter(server.store, {
        ...input,
        name: '',
        manager: { firstName: 'a', lastName: 'b', mobile: '09120000001', password: 'abc12345' },
      }),
    ).rejects.toMatchObject({ code: 'invalid', details: { fields: { name: expect.any(String) } } });
    expect(await server.store.hasDocuments('center')).toBe(false);
    expect(await server.store.hasDocuments('staff')).toBe(false);
  });
});

describe('seedDemoCenter', () => {
  it('creates «کلینیک نمونه» with manager 09120000000 / demo1234 only when there is no center', async () => {
    const seeded = await seedDemoCenter(server.store, { passwordIterations: TEST_ITERATIONS });
    expect(seeded).toMatchObject({
      centerName: 'کلینیک نمونه',
      mobile: '09120000000',
      password: 'demo1234',
    });
    expect(DEMO_CENTER.name).toBe('کلینیک نمونه');
    expect(await server.store.findStaffByMobile('+989120000000')).toEqual([
      { staffId: seeded!.managerStaffId, centerId: seeded!.centerId },
    ]);
    expect(await seedDemoCenter(server.store, { passwordIterations: TEST_ITERATIONS })).toBeNull();
  });

  it('does not seed next to an existing center', async () => {
    await addCenter(server);
    expect(await seedDemoCenter(server.store)).toBeNull();
  });
});
