/**
 * A center's patients by national id, derived from the `patients` documents (kept in step by the
 * patients rule in the write path), so a portal booking finds the center's existing patient record
 * without reading every patient. Existing documents are indexed here, in pages.
 */
import type { Kysely } from 'kysely';

interface DocRow {
  id: string;
  center_id: string;
  deleted: number;
  data: string;
}

const PAGE = 500;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('patient_national_ids')
    .addColumn('patient_id', 'text', (c) => c.primaryKey())
    .addColumn('center_id', 'text', (c) => c.notNull())
    .addColumn('national_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('patient_national_ids_center')
    .on('patient_national_ids')
    .columns(['center_id', 'national_id'])
    .execute();
  const any = db as unknown as Kysely<{
    documents: DocRow & { collection: string };
    patient_national_ids: { patient_id: string; center_id: string; national_id: string };
  }>;
  let after = '';
  for (;;) {
    const rows = await any
      .selectFrom('documents')
      .select(['id', 'center_id', 'deleted', 'data'])
      .where('collection', '=', 'patients')
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    const values = rows.flatMap((r) => {
      if (Number(r.deleted) === 1) return [];
      const nationalId = (JSON.parse(r.data) as { nationalId?: unknown }).nationalId;
      return typeof nationalId === 'string' && nationalId !== ''
        ? [{ patient_id: r.id, center_id: r.center_id, national_id: nationalId }]
        : [];
    });
    if (values.length > 0) await any.insertInto('patient_national_ids').values(values).execute();
    if (rows.length < PAGE) break;
    after = rows.at(-1)!.id;
  }
}
