import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { SyncDatabase } from '../schema';
import { migrateTo } from './index';
import { databaseAt, tableNames } from './migration-test-kit';

let db: Kysely<SyncDatabase> | undefined;
afterEach(async () => db?.destroy());

const account = (id: string, mobile: string) => ({
  id,
  mobile,
  national_id: '0012345679',
  first_name: 'سارا',
  last_name: 'احمدی',
  gender: 'female',
  birth_date: '1990-01-01',
  email: '',
  password_hash: 'pbkdf2-sha256$1000$a$b',
  heard_from: 'other',
  policy_version: '1',
  consented_at: 't',
  created_at: 't',
  updated_at: 't',
});

describe('migration 0016-portal-accounts', () => {
  it('adds accounts with one account per mobile, sessions and saved people', async () => {
    db = await databaseAt('0015-payments');
    await migrateTo(db as Kysely<unknown>, '0016-portal-accounts');
    expect(await tableNames(db)).toEqual(
      expect.arrayContaining(['portal_accounts', 'portal_sessions', 'portal_people']),
    );
    await db
      .insertInto('portal_accounts')
      .values(account('a1', '+989121111111') as never)
      .execute();
    await expect(
      db
        .insertInto('portal_accounts')
        .values(account('a2', '+989121111111') as never)
        .execute(),
    ).rejects.toThrow();
    const [row] = await db.selectFrom('portal_accounts').select('email_verified').execute();
    expect(row?.email_verified).toBe(0);
  });
});
