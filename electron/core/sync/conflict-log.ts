/**
 * Edits the desk lost to another device's earlier edit of the same field. They are not silently
 * dropped: each is appended to `<dataDir>/sync-conflicts.jsonl` and listed on the conflict screen.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface FieldOverride {
  at: string;
  collection: string;
  documentId: string;
  field: string;
  /** What this desk had written. */
  localValue: unknown;
  /** What the server kept (committed first). */
  serverValue: unknown;
}

export class ConflictLog {
  private readonly file: string | null;
  private readonly entries: FieldOverride[] = [];

  constructor(dataDir: string | null) {
    this.file = dataDir ? path.join(dataDir, 'sync-conflicts.jsonl') : null;
    if (this.file && fs.existsSync(this.file)) {
      for (const line of fs.readFileSync(this.file, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        try {
          this.entries.push(JSON.parse(line) as FieldOverride);
        } catch {
          // A torn last line from a crash: skip it, keep the rest.
        }
      }
    }
  }

  record(entries: FieldOverride[]): void {
    if (entries.length === 0) return;
    this.entries.push(...entries);
    if (this.file)
      fs.appendFileSync(this.file, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
  }

  /** Newest first. */
  list(limit = 200): FieldOverride[] {
    return this.entries.slice(-limit).reverse();
  }
}
