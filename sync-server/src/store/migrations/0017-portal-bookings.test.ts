import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { SyncDatabase } from '../schema';
import { migrateTo } from './index';
import { databaseAt, tableNames } from './migration-test-kit';

let db: Kysely<SyncDatabase> | undefined;
afterEach(async () => db?.destroy());

describe('migration 0017-portal-bookings', () => {
  it('adds portal bookings whose hold may be empty', async () => {
    db = await databaseAt('0016-portal-accounts');
    await migrateTo(db as Kysely<unknown>, '0017-portal-bookings');
    expect(await tableNames(db)).toContain('portal_bookings');
    await db
      .insertInto('portal_bookings')
      .values({
        appointment_id: 'ap1',
        account_id: 'a1',
        person_id: '',
        center_id: 'c1',
        patient_id: 'p1',
        price_rial: 0,
        payment_status: 'not-needed',
        hold_until: null,
        created_at: 't',
        updated_at: 't',
      })
      .execute();
    expect(await db.selectFrom('portal_bookings').select('hold_until').execute()).toEqual([
      { hold_until: null },
    ]);
  });
});
