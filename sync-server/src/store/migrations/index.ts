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

export const MIGRATIONS: Record<string, Migration> = {
  '0001-documents': m0001,
  '0002-devices': m0002,
  '0003-enrollments': m0003,
  '0004-appointment-slots': m0004,
  '0005-staff-logins': m0005,
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
