/**
 * The migrations, in order. One file per migration; names sort in the order they run, and a
 * released name is never renamed or edited (a fix is a new migration).
 */
import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import * as m0001 from './0001-documents';
import * as m0002 from './0002-devices';
import * as m0003 from './0003-enrollments';
import * as m0004 from './0004-appointment-slots';
import * as m0005 from './0005-staff-logins';
import * as m0006 from './0006-licences';
import * as m0007 from './0007-signups';
import * as m0008 from './0008-staff-sessions';
import * as m0009 from './0009-gallery-images';
import * as m0010 from './0010-posts';
import * as m0011 from './0011-provider-settings';
import * as m0012 from './0012-sms-queue';
import * as m0013 from './0013-server-cursors';
import * as m0014 from './0014-one-time-codes';
import * as m0015 from './0015-payments';
import * as m0016 from './0016-portal-accounts';
import * as m0017 from './0017-portal-bookings';
import * as m0018 from './0018-privacy-policies';
import * as m0019 from './0019-patient-national-ids';
import * as m0020 from './0020-portal-login-failures';

export const MIGRATIONS: Record<string, Migration> = {
  '0001-documents': m0001,
  '0002-devices': m0002,
  '0003-enrollments': m0003,
  '0004-appointment-slots': m0004,
  '0005-staff-logins': m0005,
  '0006-licences': m0006,
  '0007-signups': m0007,
  '0008-staff-sessions': m0008,
  '0009-gallery-images': m0009,
  '0010-posts': m0010,
  '0011-provider-settings': m0011,
  '0012-sms-queue': m0012,
  '0013-server-cursors': m0013,
  '0014-one-time-codes': m0014,
  '0015-payments': m0015,
  '0016-portal-accounts': m0016,
  '0017-portal-bookings': m0017,
  '0018-privacy-policies': m0018,
  '0019-patient-national-ids': m0019,
  '0020-portal-login-failures': m0020,
};

export type MigrationName = keyof typeof MIGRATIONS;

function migratorFor(db: Kysely<unknown>): Migrator {
  return new Migrator({ db, provider: { getMigrations: () => Promise.resolve(MIGRATIONS) } });
}

function check(result: MigrationResultSet): void {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`Migration ${failed ?? '?'} failed: ${String(result.error)}`, {
      cause: result.error,
    });
  }
}

export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  check(await migratorFor(db).migrateToLatest());
}

/** Runs the migrations up to and including `name` (tests build older versions with it). */
export async function migrateTo(db: Kysely<unknown>, name: string): Promise<void> {
  check(await migratorFor(db).migrateTo(name));
}
