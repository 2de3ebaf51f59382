/**
 * Which staff member logs in with which mobile, derived from `staff` documents, so enrollment can
 * find a manager by mobile with an index instead of reading JSON (which differs per dialect).
 */
import type { Kysely } from 'kysely';

interface Tables {
  documents: { collection: string; id: string; center_id: string; deleted: number; data: string };
  staff_logins: { staff_id: string; center_id: string; mobile: string };
}

export async function up(raw: Kysely<unknown>): Promise<void> {
  const db = raw as Kysely<Tables>;
  await db.schema
    .createTable('staff_logins')
    .addColumn('staff_id', 'text', (c) => c.primaryKey())
    .addColumn('center_id', 'text', (c) => c.notNull())
    .addColumn('mobile', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('staff_logins_mobile').on('staff_logins').column('mobile').execute();

  const rows = await db
    .selectFrom('documents')
    .select(['id', 'center_id', 'data'])
    .where('collection', '=', 'staff')
    .where('deleted', '=', 0)
    .execute();
  for (const row of rows) {
    const mobile = (JSON.parse(row.data) as { mobile?: unknown }).mobile;
    if (typeof mobile !== 'string' || mobile === '') continue;
    await db
      .insertInto('staff_logins')
      .values({ staff_id: row.id, center_id: row.center_id, mobile })
      .execute();
  }
}
