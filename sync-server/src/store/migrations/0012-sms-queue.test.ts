import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { SyncDatabase } from '../schema';
import { migrateTo } from './index';
import { databaseAt, tableNames } from './migration-test-kit';

let db: Kysely<SyncDatabase> | undefined;
afterEach(async () => db?.destroy());

describe('migration 0012-sms-queue', () => {
  it('adds the queue with empty worker columns by default', async () => {
    db = await databaseAt('0011-provider-settings');
    await migrateTo(db as Kysely<unknown>, '0012-sms-queue');
    expect(await tableNames(db)).toContain('sms_queue');
    await db
      .insertInto('sms_queue')
      .values({
        message_id: 'reminder:a1',
        center_id: 'c1',
        kind: 'reminder',
        status: 'waiting',
        send_after: '2026-03-01T06:00:00.000Z',
        next_attempt_at: null,
        lease_until: null,
        lease_token: null,
        next_poll_at: null,
      } as never)
      .execute();
    expect(
      await db
        .selectFrom('sms_queue')
        .select(['provider', 'provider_message_id', 'polls'])
        .execute(),
    ).toEqual([{ provider: '', provider_message_id: '', polls: 0 }]);
  });
});
