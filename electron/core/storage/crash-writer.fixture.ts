/**
 * Child process for storage-crash.test.ts: streams bulk writes into the sqlite storage and prints
 * one line per acknowledged write, until it is killed. Usage: crash-writer.fixture.ts <databaseDir>
 */
import type { RxStorage } from 'rxdb';
import { getRxStorageSqlite } from './rx-storage-sqlite';
import { item, nextRevision, openInstance, type ItemDoc } from './storage-test-kit';

const databaseDir = process.argv[2];
if (!databaseDir) throw new Error('usage: crash-writer.fixture.ts <databaseDir>');

const storage = getRxStorageSqlite({ databaseDir }) as RxStorage<unknown, unknown>;
const db = await openInstance(storage, 'crash');
let counter: ItemDoc = item({ id: 'counter', age: 0 });
await db.bulkWrite([{ document: counter }], 'crash');

for (let bulk = 1; ; bulk++) {
  const docs = Array.from({ length: 25 }, () => item({ name: `bulk ${bulk}`, age: bulk % 150 }));
  const nextCounter = nextRevision(counter, { score: bulk % 1000, name: `bulk ${bulk}` });
  const result = await db.bulkWrite(
    [...docs.map((document) => ({ document })), { previous: counter, document: nextCounter }],
    'crash',
  );
  if (result.error.length > 0) throw new Error(`write failed: ${JSON.stringify(result.error[0])}`);
  counter = nextCounter;
  // Only now is the write acknowledged: say so, one line per document.
  process.stdout.write(`${docs.map((d) => `ack ${d.id}\n`).join('')}counter ${bulk}\n`);
}
