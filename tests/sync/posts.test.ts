/**
 * Blog posts of the public profile (C2): per center, from a desk, by staff with the settings
 * rights; plain text stored as given and only ever returned inside JSON.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setupPaths, type BlogPost } from '../../shared/sync/protocol';
import { STAFF_HEADER } from '../../sync-server/src/index';
import { insertRow, staffDoc, updateRow } from './support/documents';
import {
  addCenter,
  allDocs,
  auth,
  push,
  startTestServer,
  type TestCenter,
  type TestServer,
} from './support/harness';

let server: TestServer;
let center: TestCenter;
beforeEach(async () => {
  server = await startTestServer();
  center = await addCenter(server);
});
afterEach(() => server.close());

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

function call(method: Method, url: string, desk: TestCenter, staffId: string, payload?: object) {
  return server.app.inject({
    method,
    url,
    headers: { ...auth(desk.token), [STAFF_HEADER]: staffId },
    ...(payload ? { payload } : {}),
  });
}

const list = (desk = center, staffId = center.managerId) =>
  call('GET', setupPaths.posts, desk, staffId);
const create = (payload: object, desk = center, staffId = center.managerId) =>
  call('POST', setupPaths.posts, desk, staffId, payload);

const POST = {
  title: 'ساعت کاری نوروز',
  body: 'از ۲۸ اسفند تا ۴ فروردین تعطیل هستیم.',
  published: true,
};

describe('blog posts', () => {
  it('creates, lists newest first, updates and deletes a center’s posts', async () => {
    const first = await create(POST);
    expect(first.statusCode).toBe(201);
    const created: BlogPost = first.json();
    expect(created).toEqual({
      id: expect.any(String),
      centerId: center.centerId,
      ...POST,
      createdAt: server.clock.now().toISOString(),
      updatedAt: server.clock.now().toISOString(),
    });
    server.clock.advance(60_000);
    const second: BlogPost = (await create({ ...POST, title: 'دوم', published: false })).json();
    expect((await list()).json().map((p: BlogPost) => p.id)).toEqual([second.id, created.id]);

    server.clock.advance(60_000);
    const updated = await call('PUT', setupPaths.post(created.id), center, center.managerId, {
      ...POST,
      body: 'متن تازه',
    });
    expect(updated.json()).toMatchObject({
      id: created.id,
      body: 'متن تازه',
      createdAt: created.createdAt,
      updatedAt: server.clock.now().toISOString(),
    });

    const deleted = await call('DELETE', setupPaths.post(second.id), center, center.managerId);
    expect(deleted.json()).toEqual({ id: second.id });
    expect((await list()).json().map((p: BlogPost) => [p.id, p.body])).toEqual([
      [created.id, 'متن تازه'],
    ]);
  });

  it('stores text exactly as given and returns it only as JSON, never as HTML', async () => {
    const body = '<script>alert("x")</script>\n  <b>تخفیف</b> &amp; ویزیت  ';
    const res = await create({ ...POST, title: ' <img src=x onerror=alert(1)> ', body });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const [stored] = (await list()).json();
    expect(stored.body).toBe(body);
    expect(stored.title).toBe(' <img src=x onerror=alert(1)> ');
  });

  it('refuses invalid posts with per-field messages', async () => {
    const empty = await create({ ...POST, title: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().details.fields).toHaveProperty('title');
    const long = await create({ ...POST, body: 'ا'.repeat(20_001) });
    expect(long.statusCode).toBe(400);
    expect(long.json().details.fields).toHaveProperty('body');
    const extra = await create({ ...POST, html: '<p>' });
    expect(extra.statusCode).toBe(400);
    expect((await list()).json()).toEqual([]);
  });

  it('keeps centers apart: another center neither sees nor changes a post', async () => {
    const mine: BlogPost = (await create(POST)).json();
    const other = await addCenter(server, 'مرکز دیگر');
    expect((await list(other, other.managerId)).json()).toEqual([]);
    const put = await call('PUT', setupPaths.post(mine.id), other, other.managerId, POST);
    expect(put.statusCode).toBe(404);
    const del = await call('DELETE', setupPaths.post(mine.id), other, other.managerId);
    expect(del.statusCode).toBe(404);
    expect((await list()).json()).toHaveLength(1);
  });

  it('needs settings.view to list and settings.edit to write', async () => {
    const nurse = staffDoc(center, { kind: 'nurse' });
    await push(server, center.token, 'staff', [insertRow(nurse)]);
    expect((await list(center, nurse.id)).statusCode).toBe(403);
    expect((await create(POST, center, nurse.id)).statusCode).toBe(403);

    // The center lets nurses see the settings: listing works, writing still does not.
    const [stored] = await allDocs(server, center, 'center');
    const before = { ...stored!.data, _deleted: false };
    const after = {
      ...before,
      rightsByKind: { nurse: { granted: ['settings.view'], revoked: [] } },
    };
    await push(server, center.token, 'center', [updateRow(before, after)]);
    expect((await list(center, nurse.id)).statusCode).toBe(200);
    expect((await create(POST, center, nurse.id)).statusCode).toBe(403);
  });
});
