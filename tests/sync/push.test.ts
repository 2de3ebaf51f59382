/**
 * Push: new / update / conflict / harmless re-send / tombstones, one transaction per push, strict
 * validation that refuses the whole batch, center and actor checks.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addCenter,
  allDocs,
  pull,
  push,
  startTestServer,
  type TestCenter,
  type TestServer,
} from './support/harness';
import { appointmentDoc, insertRow, patientDoc, staffDoc, updateRow } from './support/documents';

let server: TestServer;
let center: TestCenter;

beforeEach(async () => {
  server = await startTestServer();
  center = await addCenter(server);
});
afterEach(() => server.close());

async function storedPatients() {
  return (await allDocs(server, center, 'patients')).map((d) => ({
    ...d.data,
    _deleted: d.deleted,
  }));
}

describe('push', () => {
  it('stores a new document and reports no conflict', async () => {
    const doc = patientDoc(center);
    const res = await push(server, center.token, 'patients', [insertRow(doc)]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ conflicts: [] });
    expect(await storedPatients()).toEqual([doc]);
  });

  it('updates when the assumed master state equals the server state, whatever the key order', async () => {
    const doc = patientDoc(center);
    await push(server, center.token, 'patients', [insertRow(doc)]);
    const reordered = Object.fromEntries(Object.entries(doc).reverse());
    const next = { ...doc, notes: 'حساسیت به پنی‌سیلین' };
    const res = await push(server, center.token, 'patients', [updateRow(reordered, next)]);
    expect(res.json()).toEqual({ conflicts: [] });
    expect(await storedPatients()).toEqual([next]);
  });

  it('returns the server state as a conflict when the assumed state is stale, and writes nothing', async () => {
    const doc = patientDoc(center);
    await push(server, center.token, 'patients', [insertRow(doc)]);
    const first = { ...doc, mobile: '+989351111111' };
    await push(server, center.token, 'patients', [updateRow(doc, first)]);
    const second = { ...doc, mobile: '+989352222222' };
    const res = await push(server, center.token, 'patients', [updateRow(doc, second)]);
    expect(res.json()).toEqual({ conflicts: [first] });
    expect(await storedPatients()).toEqual([first]);
  });

  it('treats a push without an assumed state over an existing document as a conflict', async () => {
    const doc = patientDoc(center);
    await push(server, center.token, 'patients', [insertRow(doc)]);
    const res = await push(server, center.token, 'patients', [insertRow({ ...doc, notes: 'x' })]);
    expect(res.json()).toEqual({ conflicts: [doc] });
  });

  it('takes a re-sent push as harmless: no conflict, no new seq', async () => {
    const doc = patientDoc(center);
    const next = { ...doc, notes: 'یک' };
    await push(server, center.token, 'patients', [insertRow(doc)]);
    expect((await push(server, center.token, 'patients', [insertRow(doc)])).json()).toEqual({
      conflicts: [],
    });
    await push(server, center.token, 'patients', [updateRow(doc, next)]);
    const [before] = await allDocs(server, center, 'patients');
    // The desk never saw the answer and sends the same push again.
    const resend = await push(server, center.token, 'patients', [updateRow(doc, next)]);
    expect(resend.json()).toEqual({ conflicts: [] });
    const [after] = await allDocs(server, center, 'patients');
    expect(after!.seq).toBe(before!.seq);
  });

  it('keeps tombstones: a delete is stored and pulled with _deleted true', async () => {
    const doc = patientDoc(center);
    await push(server, center.token, 'patients', [insertRow(doc)]);
    const gone = { ...doc, _deleted: true };
    expect((await push(server, center.token, 'patients', [updateRow(doc, gone)])).json()).toEqual({
      conflicts: [],
    });
    const pulled = (await pull(server, center.token, 'patients')).json();
    expect(pulled.documents).toEqual([gone]);
    // A stale edit of a deleted document conflicts with the tombstone.
    const stale = await push(server, center.token, 'patients', [
      updateRow(doc, { ...doc, notes: 'x' }),
    ]);
    expect(stale.json()).toEqual({ conflicts: [gone] });
  });

  it('keeps the server clock and the authenticated device in columns, never the client claims', async () => {
    const doc = patientDoc(center, { updatedAt: '1999-01-01T00:00:00.000Z', deviceId: 'forged' });
    await push(server, center.token, 'patients', [insertRow(doc)]);
    const [stored] = await allDocs(server, center, 'patients');
    expect(stored!.serverTime).toBe(server.clock.now().toISOString());
    expect(stored!.deviceId).toBe(center.deviceId);
    // ...and the document itself is stored as pushed: the server does not rewrite compared fields.
    expect(stored!.data.updatedAt).toBe('1999-01-01T00:00:00.000Z');
  });
});

describe('push validation', () => {
  it('refuses the whole batch when one row is invalid, storing nothing', async () => {
    const good = patientDoc(center);
    const bad = patientDoc(center, { gender: 'unknown', lastName: '' });
    const res = await push(server, center.token, 'patients', [insertRow(good), insertRow(bad)]);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('invalid');
    expect(body.message).toMatch(/ردیف ۲/);
    expect(body.details).toMatchObject({ index: 1, id: bad.id });
    expect(Object.keys(body.details.fields).sort()).toEqual(['gender', 'lastName']);
    expect(await allDocs(server, center, 'patients')).toEqual([]);
  });

  it('refuses unknown fields, nested ones too', async () => {
    const extra = patientDoc(center, { isAdmin: true });
    const res = await push(server, center.token, 'patients', [insertRow(extra)]);
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields).toHaveProperty('isAdmin');

    const nested = {
      ...appointmentDoc(center),
      conflict: { withId: 'a', at: 'b', reason: 'c', x: 1 },
    };
    const res2 = await push(server, center.token, 'appointments', [insertRow(nested)]);
    expect(res2.statusCode).toBe(400);
    expect(res2.json().details.fields).toHaveProperty(['conflict.x']);
  });

  it('refuses a malformed row shape and a batch above the row limit', async () => {
    const res = await push(server, center.token, 'patients', [
      { newDocumentState: patientDoc(center), extra: 1 } as never,
    ]);
    expect(res.statusCode).toBe(400);
    const many = Array.from({ length: 501 }, () => insertRow(patientDoc(center)));
    const res2 = await push(server, center.token, 'patients', many);
    expect(res2.statusCode).toBe(400);
    expect(await allDocs(server, center, 'patients')).toEqual([]);
  });
});

describe('push checks centers and the acting staff member', () => {
  it('refuses a document of another center (403) and stores nothing of the batch', async () => {
    const other = await addCenter(server, 'مرکز دیگر');
    const mine = patientDoc(center);
    const theirs = patientDoc(center, { centerId: other.centerId });
    const res = await push(server, center.token, 'patients', [insertRow(mine), insertRow(theirs)]);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'forbidden', details: { index: 1, id: theirs.id } });
    expect(await allDocs(server, center, 'patients')).toEqual([]);
  });

  it('refuses an id that already exists in another center', async () => {
    const other = await addCenter(server, 'مرکز دیگر');
    const theirs = patientDoc(other);
    await push(server, other.token, 'patients', [insertRow(theirs)]);
    const hijack = { ...theirs, centerId: center.centerId, updatedBy: center.managerId };
    const res = await push(server, center.token, 'patients', [updateRow(theirs, hijack)]);
    expect(res.statusCode).toBe(403);
    expect((await allDocs(server, other, 'patients'))[0]!.data).toEqual(
      Object.fromEntries(Object.entries(theirs).filter(([k]) => k !== '_deleted')),
    );
  });

  it('refuses writes by a staff member without the right, inactive, or of another center', async () => {
    // A provider's default rights do not include editing patients.
    const provider = staffDoc(center, { kind: 'provider' });
    const inactive = staffDoc(center, { kind: 'manager', active: false });
    await push(server, center.token, 'staff', [insertRow(provider), insertRow(inactive)]);
    const other = await addCenter(server, 'مرکز دیگر');
    for (const actor of [provider.id, inactive.id, other.managerId, 'nobody']) {
      const res = await push(server, center.token, 'patients', [
        insertRow(patientDoc(center, { updatedBy: actor })),
      ]);
      expect(res.statusCode, actor).toBe(403);
      expect(res.json().code).toBe('forbidden');
    }
    expect(await allDocs(server, center, 'patients')).toEqual([]);
  });

  it('judges each row by the actor as the batch left them: a manager who steps down writes no more', async () => {
    const [managerDoc] = await allDocs(server, center, 'staff');
    const manager = { ...managerDoc!.data, _deleted: false };
    const res = await push(server, center.token, 'staff', [
      updateRow(manager, { ...manager, kind: 'reception' }),
      insertRow(staffDoc(center)),
    ]);
    expect(res.statusCode).toBe(403);
    expect(res.json().details).toMatchObject({ index: 1 });
    expect((await allDocs(server, center, 'staff')).map((d) => d.data.kind)).toEqual(['manager']);
  });
});
