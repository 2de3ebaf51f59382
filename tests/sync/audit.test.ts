/**
 * The audit log on the server (C12): entries are appended, never changed or deleted through a
 * push, and the stored chains can be verified — a change made in the database file is found.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, runCommand, verifyStoredAudit } from '../../sync-server/src/index';
import { tempDir } from '../support/temp';
import { auditChain, wire } from './support/audit-entries';
import { insertRow, updateRow } from './support/documents';
import {
  addCenter,
  allDocs,
  push,
  startTestServer,
  type TestCenter,
  type TestServer,
} from './support/harness';

let server: TestServer;
const cleanups: (() => void)[] = [];
afterEach(async () => {
  await server.close();
  for (const c of cleanups.splice(0)) c();
});

async function withCenter(): Promise<TestCenter> {
  server = await startTestServer();
  return addCenter(server);
}

describe('audit entries are append-only', () => {
  it('stores new entries and takes an identical re-send as harmless', async () => {
    const center = await withCenter();
    const entries = await auditChain(center, 2);
    const rows = entries.map((e) => insertRow(wire(e)));
    expect((await push(server, center.token, 'audit', rows)).json()).toEqual({ conflicts: [] });
    const seqs = (await allDocs(server, center, 'audit')).map((d) => d.seq);
    expect((await push(server, center.token, 'audit', rows)).json()).toEqual({ conflicts: [] });
    expect((await allDocs(server, center, 'audit')).map((d) => d.seq)).toEqual(seqs);
  });

  it('refuses to change a stored entry, even with the right assumed state, and stores nothing of the push', async () => {
    const center = await withCenter();
    const [first, second] = await auditChain(center, 2);
    await push(server, center.token, 'audit', [insertRow(wire(first!))]);
    const edited = { ...wire(first!), summary: 'چیزی دیگر' };
    const res = await push(server, center.token, 'audit', [
      insertRow(wire(second!)),
      updateRow(wire(first!), edited),
    ]);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('گزارش تغییرات'),
      details: { index: 1, id: first!.id, reason: 'append-only' },
    });
    const stored = await allDocs(server, center, 'audit');
    expect(stored.map((d) => d.data)).toEqual([first]);
  });

  it('refuses to delete a stored entry, and a blind overwrite too (403, not a conflict)', async () => {
    const center = await withCenter();
    const [entry] = await auditChain(center, 1);
    await push(server, center.token, 'audit', [insertRow(wire(entry!))]);
    const deleted = await push(server, center.token, 'audit', [
      updateRow(wire(entry!), wire(entry!, true)),
    ]);
    expect(deleted.statusCode).toBe(403);
    const blind = await push(server, center.token, 'audit', [
      insertRow({ ...wire(entry!), actorName: 'کسی دیگر' }),
    ]);
    expect(blind.statusCode).toBe(403);
    expect((await allDocs(server, center, 'audit'))[0]!.deleted).toBe(false);
  });
});

describe('verifying the stored audit chains', () => {
  it('finds an entry edited and one removed in the database file, and says so on the command line', async () => {
    const temp = tempDir('sync-audit-');
    cleanups.push(temp.remove);
    server = await startTestServer({ store: await openSqliteStore(temp.dir) });
    const center = await addCenter(server);
    const entries = await auditChain(center, 4);
    await push(
      server,
      center.token,
      'audit',
      entries.map((e) => insertRow(wire(e))),
    );

    expect(await verifyStoredAudit(server.store)).toEqual([
      { centerId: center.centerId, checked: 4, problems: [] },
    ]);
    const lines: string[] = [];
    expect(await runCommand(temp.dir, ['verify-audit'], { out: (l) => lines.push(l) })).toBe(0);
    expect(lines.at(-1)).toBe('audit log intact');

    // Someone with the database file edits entry 2 and removes entry 4.
    const raw = new Database(path.join(temp.dir, 'sync.sqlite'));
    raw
      .prepare(
        "UPDATE documents SET data = json_set(data, '$.summary', 'هیچ تغییری نبود') WHERE collection = 'audit' AND id = ?",
      )
      .run(entries[1]!.id);
    raw.prepare("DELETE FROM documents WHERE collection = 'audit' AND id = ?").run(entries[2]!.id);
    raw.close();

    const [report] = await verifyStoredAudit(server.store, center.centerId);
    expect(report!.problems.map((p) => [p.problem, 'seq' in p ? p.seq : null])).toEqual([
      ['hash', 2],
      ['gap', 3],
    ]);
    lines.length = 0;
    expect(await runCommand(temp.dir, ['verify-audit'], { out: (l) => lines.push(l) })).toBe(1);
    expect(lines.join('\n')).toMatch(/hash at device .* seq 2/);
    expect(lines.at(-1)).toBe('audit log: 2 problem(s) found');
  });
});
