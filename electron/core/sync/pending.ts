/**
 * Local changes not yet accepted by the server, for the status area's "waiting to go up" count.
 * Fed by collection hooks (which fire for writes made on this desk, not for writes that replication
 * pulls in) and drained when a push of that exact version succeeds.
 */
export class PendingTracker {
  /** `collection/id` → updatedAt of the newest local version. */
  private readonly waiting = new Map<string, string>();
  private listener: (() => void) | null = null;

  onChange(listener: () => void): void {
    this.listener = listener;
  }

  markLocal(collection: string, id: string, updatedAt: unknown): void {
    // Audit entries ride along with the changes they describe; people count changes, not entries.
    if (collection === 'audit') return;
    this.waiting.set(`${collection}/${id}`, String(updatedAt ?? ''));
    this.listener?.();
  }

  /** Pushed versions the server has answered for (accepted, or returned as conflicts to merge). */
  accepted(collection: string, docs: { id?: unknown; updatedAt?: unknown }[]): void {
    let changed = false;
    for (const doc of docs) {
      const key = `${collection}/${String(doc.id)}`;
      if (this.waiting.get(key) === String(doc.updatedAt ?? '')) {
        this.waiting.delete(key);
        changed = true;
      }
    }
    if (changed) this.listener?.();
  }

  get count(): number {
    return this.waiting.size;
  }
}
