/** Pull: paging by checkpoint, remaining counts, and every pull filtered to the device's center. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addCenter,
  pull,
  push,
  startTestServer,
  type TestCenter,
  type TestServer,
} from './support/harness';
import { insertRow, patientDoc } from './support/documents';

let server: TestServer;
let center: TestCenter;

beforeEach(async () => {
  server = await startTestServer();
  center = await addCenter(server);
});
afterEach(() => server.close());

describe('pull', () => {
  it('pages through documents in commit order by seq and limit', async () => {
    const docs = Array.from({ length: 5 }, (_, i) => patientDoc(center, { notes: `#${i}` }));
    for (const doc of docs) await push(server, center.token, 'patients', [insertRow(doc)]);

    const seen: unknown[] = [];
    let seq = 0;
    const remaining: number[] = [];
    for (;;) {
      const res = await pull(server, center.token, 'patients', seq, 2);
      expect(res.statusCode).toBe(200);
      const page = res.json();
      if (page.documents.length === 0) {
        expect(page.checkpoint).toEqual({ seq });
        expect(page.remaining).toBe(0);
        break;
      }
      expect(page.checkpoint.seq).toBeGreaterThan(seq);
      seen.push(...page.documents);
      remaining.push(page.remaining);
      seq = page.checkpoint.seq;
    }
    expect(seen).toEqual(docs);
    expect(remaining).toEqual([3, 1, 0]);
  });

  it('starts after the checkpoint: an updated document comes again with a higher seq', async () => {
    const a = patientDoc(center);
    const b = patientDoc(center);
    await push(server, center.token, 'patients', [insertRow(a), insertRow(b)]);
    const first = (await pull(server, center.token, 'patients')).json();
    const changed = { ...a, notes: 'تازه' };
    await push(server, center.token, 'patients', [
      { assumedMasterState: a, newDocumentState: changed },
    ]);
    const next = (await pull(server, center.token, 'patients', first.checkpoint.seq)).json();
    expect(next.documents).toEqual([changed]);
    expect(next.checkpoint.seq).toBeGreaterThan(first.checkpoint.seq);
  });

  it('returns only the device center documents, also for the center and staff collections', async () => {
    const other = await addCenter(server, 'مرکز دیگر');
    await push(server, center.token, 'patients', [
      insertRow(patientDoc(center, { firstName: 'ما' })),
    ]);
    await push(server, other.token, 'patients', [
      insertRow(patientDoc(other, { firstName: 'آنها' })),
    ]);
    const mine = (await pull(server, center.token, 'patients')).json().documents;
    expect(mine.map((d: { firstName: string }) => d.firstName)).toEqual(['ما']);
    const centers = (await pull(server, center.token, 'center')).json().documents;
    expect(centers.map((d: { id: string }) => d.id)).toEqual([center.centerId]);
    const staff = (await pull(server, other.token, 'staff')).json().documents;
    expect(staff.map((d: { id: string }) => d.id)).toEqual([other.managerId]);
  });

  it('refuses a crafted pull naming another center (403) or carrying unknown parameters (400)', async () => {
    const other = await addCenter(server, 'مرکز دیگر');
    await push(server, other.token, 'patients', [insertRow(patientDoc(other))]);
    const crafted = await pull(
      server,
      center.token,
      'patients',
      0,
      100,
      `&centerId=${other.centerId}`,
    );
    expect(crafted.statusCode).toBe(403);
    expect(crafted.json().code).toBe('forbidden');
    const own = await pull(
      server,
      center.token,
      'patients',
      0,
      100,
      `&centerId=${center.centerId}`,
    );
    expect(own.statusCode).toBe(200);
    expect(own.json().documents).toEqual([]);
    const unknown = await pull(server, center.token, 'patients', 0, 100, '&center=x');
    expect(unknown.statusCode).toBe(400);
  });

  it('refuses bad checkpoints and limits with a structured 400', async () => {
    for (const query of ['seq=-1', 'seq=abc', 'limit=0', 'limit=1001']) {
      const res = await server.app.inject({
        method: 'GET',
        url: `/api/sync/v1/patients/pull?${query}`,
        headers: { authorization: `Bearer ${center.token}` },
      });
      expect(res.statusCode, query).toBe(400);
      expect(res.json()).toMatchObject({ code: 'invalid', message: expect.any(String) });
    }
  });

  it('answers 404 for a collection that is not synced', async () => {
    const res = await pull(server, center.token, 'secrets');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not-found' });
  });
});
