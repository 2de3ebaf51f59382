/**
 * An in-memory index of the center's patients for instant search on large clinics (200,000+
 * patients): a name fragment is a substring, which no database index serves, and scanning documents
 * means parsing every one. The index keeps only id, search text and sort key, in sort order, and is
 * kept current from the collection's change stream (local writes and synced ones alike). Until it
 * has loaded, searches fall back to a database query.
 */
import type { Subscription } from 'rxjs';
import type { ClinicDatabase } from '../db/database';

const LOAD_PAGE = 2_000;

interface Entry {
  id: string;
  text: string;
  sort: string;
}

function before(a: Entry, b: Entry): boolean {
  return a.sort < b.sort || (a.sort === b.sort && a.id < b.id);
}

export class PatientSearchIndex {
  private entries: Entry[] = [];
  private byId = new Map<string, Entry>();
  private ready = false;
  private loading: Promise<void> | null = null;
  private subscription: Subscription | null = null;
  /** Changes that arrived while the initial load ran, applied after it. */
  private backlog: { id: string; doc: Entry | null }[] | null = [];

  constructor(
    private readonly db: ClinicDatabase,
    /** The center whose patients are loaded (a desk holds only its own). */
    private readonly centerId: () => string,
  ) {}

  get isReady(): boolean {
    return this.ready;
  }

  /** Starts loading in the background; resolves when the index can answer. */
  load(): Promise<void> {
    this.loading ??= this.build();
    return this.loading;
  }

  private async build(): Promise<void> {
    this.subscription = this.db.patients.$.subscribe((event) => {
      // A desk holds only its own center's patients (documents made before enrollment are moved
      // into the center then), so no center filter: that move must not empty the index.
      const data = event.documentData as {
        searchText?: string;
        sortName?: string;
        _deleted?: boolean;
      };
      const doc =
        event.operation === 'DELETE' || data._deleted
          ? null
          : { id: event.documentId, text: data.searchText ?? '', sort: data.sortName ?? '' };
      if (this.backlog) this.backlog.push({ id: event.documentId, doc });
      else this.apply(event.documentId, doc);
    });
    // Read in pages in name order straight off the (centerId, sortName) index, yielding between
    // pages, so a desk with 200,000 patients draws its first screen and answers calls meanwhile.
    const entries: Entry[] = [];
    for (let skip = 0; ; skip += LOAD_PAGE) {
      const page = await this.db.patients
        .find({
          selector: { centerId: this.centerId() },
          sort: [{ sortName: 'asc' }, { id: 'asc' }],
          skip,
          limit: LOAD_PAGE,
        })
        .exec();
      for (const d of page) entries.push({ id: d.id, text: d.searchText, sort: d.sortName });
      if (page.length < LOAD_PAGE) break;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    // Writes during the load may shift pages; the backlog below replays them, and a duplicate
    // (a row seen on two pages) is dropped here.
    const unique = new Map(entries.map((e) => [e.id, e]));
    if (unique.size !== entries.length) {
      entries.length = 0;
      entries.push(...unique.values());
      entries.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    }
    this.entries = entries;
    this.byId = new Map(entries.map((e) => [e.id, e]));
    for (const change of this.backlog ?? []) this.apply(change.id, change.doc);
    this.backlog = null;
    this.ready = true;
  }

  private indexOf(entry: Entry): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(this.entries[mid]!, entry)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private apply(id: string, doc: Entry | null): void {
    const old = this.byId.get(id);
    if (old) {
      const at = this.indexOf(old);
      if (this.entries[at]?.id === id) this.entries.splice(at, 1);
      this.byId.delete(id);
    }
    if (doc) {
      this.entries.splice(this.indexOf(doc), 0, doc);
      this.byId.set(id, doc);
    }
  }

  /** Ids of patients whose search text holds every token, in name order; and how many matched. */
  search(
    tokens: readonly string[],
    offset: number,
    limit: number,
  ): { ids: string[]; total: number } {
    const ids: string[] = [];
    let total = 0;
    for (const e of this.entries) {
      if (tokens.every((t) => e.text.includes(t))) {
        if (total >= offset && ids.length < limit) ids.push(e.id);
        total += 1;
      }
    }
    return { ids, total };
  }

  close(): void {
    this.subscription?.unsubscribe();
  }
}
