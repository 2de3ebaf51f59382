/**
 * The store beneath the routes: seqs grow in commit order, a failed write leaves no trace, writes
 * queue one after another, and a file store keeps what it committed across a reopen.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/temp';
import { openSqliteStore } from './sqlite-store';
import type { DocumentWrite, SyncStore } from './sync-store';

const stores: SyncStore[] = [];
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const c of cleanups.splice(0)) c();
});

async function open(location = ':memory:'): Promise<SyncStore> {
  const store = await openSqliteStore(location);
  stores.push(store);
  return store;
}

const write = (id: string, centerId = 'c1', data: Record<string, unknown> = {}): DocumentWrite => ({
  collection: 'patients',
  id,
  centerId,
  deleted: false,
  data: { id, ...data },
  serverTime: '2026-01-01T00:00:00.000Z',
  deviceId: 'd1',
  pushedHash: null,
});

describe('SyncStore on SQLite', () => {
  it('hands out growing seqs in commit order, also when writes are started together', async () => {
    const store = await open();
    const order: string[] = [];
    await Promise.all(
      ['a', 'b', 'c', 'd'].map((id) =>
        store.write(
          async (tx) => {
            // Yield inside the transaction: a second write must still wait for this one.
            await new Promise((r) => setImmediate(r));
            return tx.putDocument(write(id));
          },
          (stored) => order.push(`${stored.id}:${stored.seq}`),
        ),
      ),
    );
    expect(order).toEqual(['a:1', 'b:2', 'c:3', 'd:4']);
    await store.write((tx) => tx.putDocument(write('a', 'c1', { v: 2 })));
    const pulled = await store.pull({
      collection: 'patients',
      centerId: 'c1',
      afterSeq: 0,
      limit: 10,
    });
    expect(pulled.map((d) => `${d.id}:${d.seq}`)).toEqual(['b:2', 'c:3', 'd:4', 'a:5']);
  });

  it('rolls back everything a failed write did, including its seqs', async () => {
    const store = await open();
    await expect(
      store.write(async (tx) => {
        await tx.putDocument(write('a'));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await store.hasDocuments('patients')).toBe(false);
    const stored = await store.write((tx) => tx.putDocument(write('b')));
    expect(stored.seq).toBe(1);
  });

  it('filters pulls by center and counts what remains', async () => {
    const store = await open();
    await store.write(async (tx) => {
      for (const id of ['a', 'b', 'c']) await tx.putDocument(write(id, 'c1'));
      await tx.putDocument(write('x', 'c2'));
    });
    const page = await store.pull({
      collection: 'patients',
      centerId: 'c1',
      afterSeq: 0,
      limit: 2,
    });
    expect(page.map((d) => d.id)).toEqual(['a', 'b']);
    expect(
      await store.countAfter({ collection: 'patients', centerId: 'c1', afterSeq: page[1]!.seq }),
    ).toBe(1);
    expect(await store.countAfter({ collection: 'patients', centerId: 'c2', afterSeq: 0 })).toBe(1);
  });

  it('keeps committed documents in the data folder across a reopen', async () => {
    const temp = tempDir('sync-store-');
    cleanups.push(temp.remove);
    const first = await openSqliteStore(temp.dir);
    await first.write((tx) => tx.putDocument(write('kept', 'c1', { name: 'سارا' })));
    await first.close();
    const again = await open(temp.dir);
    expect((await again.getDocument('patients', 'kept'))?.data).toEqual({
      id: 'kept',
      name: 'سارا',
    });
    // Reopening runs no migration twice.
    expect((await again.write((tx) => tx.putDocument(write('next')))).seq).toBe(2);
  });
});
