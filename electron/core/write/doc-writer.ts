/**
 * The one way handlers change documents: every create, edit and delete is written and then recorded
 * in the audit log in the actor's name (C12). Handlers never write collections directly.
 *
 * Hazard: RxDB has no transaction across collections, so a crash between the document write and the
 * audit append leaves a change without its entry. Writes are serialized and the append follows at
 * once; the chain itself stays consistent (the entry is simply absent, never half-written).
 */
import type { RxCollection, RxDocument } from 'rxdb';
import type { CollectionName } from '../../../shared/api/events';
import type { ClinicDatabase } from '../db/database';
import type { AuditActor, AuditWriter } from '../audit/audit-writer';

type Data = Record<string, unknown> & { id: string };

export class DocWriter {
  constructor(
    private readonly db: ClinicDatabase,
    private readonly audit: AuditWriter,
    private readonly actor: () => AuditActor,
  ) {}

  private collection(name: CollectionName): RxCollection {
    return this.db.collections[name] as unknown as RxCollection;
  }

  async insert<T extends Data>(name: CollectionName, doc: T, summary: string): Promise<T> {
    const written = await this.collection(name).insert(doc);
    await this.audit.record(this.actor(), {
      action: 'create',
      collection: name,
      documentId: doc.id,
      before: null,
      after: doc,
      summary,
    });
    return written.toMutableJSON() as T;
  }

  async patch<T extends Data>(
    name: CollectionName,
    doc: RxDocument<T>,
    patch: Partial<T>,
    summary: string,
  ): Promise<T> {
    const before = doc.toMutableJSON() as T;
    const updated = await doc.incrementalPatch(patch as never);
    const after = updated.toMutableJSON() as T;
    await this.audit.record(this.actor(), {
      action: 'update',
      collection: name,
      documentId: before.id,
      before,
      after,
      summary,
    });
    return after;
  }

  /** Soft delete: the tombstone carries who removed it and when. */
  async remove<T extends Data>(
    name: CollectionName,
    doc: RxDocument<T>,
    stamp: Partial<T>,
    summary: string,
  ): Promise<void> {
    const before = doc.toMutableJSON() as T;
    await doc.incrementalModify((data) => {
      Object.assign(data, stamp);
      (data as typeof data & { _deleted: boolean })._deleted = true;
      return data;
    });
    await this.audit.record(this.actor(), {
      action: 'delete',
      collection: name,
      documentId: before.id,
      before,
      after: null,
      summary,
    });
  }
}
