/** Rows of the documents table as the store hands them out. */
import type { Selectable } from 'kysely';
import type { DocumentsTable } from './schema';
import type { StoredDocument } from './sync-store';

type DocRow = Selectable<DocumentsTable>;

export function toStored(row: DocRow): StoredDocument {
  return {
    collection: row.collection,
    id: row.id,
    centerId: row.center_id,
    // PG returns BIGINT as text; seqs stay far below 2^53.
    seq: Number(row.seq),
    deleted: Number(row.deleted) === 1,
    data: JSON.parse(row.data) as Record<string, unknown>,
    serverTime: row.server_time,
    deviceId: row.device_id,
    pushedHash: row.pushed_hash,
  };
}
