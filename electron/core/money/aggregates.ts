/**
 * Running totals for large clinics (millions of ledger entries): each patient's balance and each
 * good's stock per warehouse, kept in memory from the collections' change streams (local and synced
 * writes alike) after a paged background load. Money and stock documents are append-only (invoices
 * change only their status), so totals are sums of per-document contributions, remembered per id so
 * that a document seen twice is never counted twice.
 */
import type { RxCollection } from 'rxdb';
import { Subscription } from 'rxjs';
import { creditEffect, type LedgerEntry } from '../../../shared/domain/ledger';
import type { Invoice } from '../../../shared/domain/invoices';
import type { StockMovement } from '../../../shared/domain/stock';
import type { ClinicDatabase } from '../db/database';

const PAGE = 5_000;

type Doc = Record<string, unknown> & { id: string; _deleted?: boolean };

/** One collection folded into keyed totals. */
class Totals {
  /** Per document: the key it adds to, and how much. */
  private readonly contributions = new Map<string, { key: string; amount: number }>();
  constructor(
    private readonly contribution: (doc: Doc) => { key: string; amount: number } | null,
    /** Where the sums go; several collections may add into one map (ids never collide). */
    readonly totals = new Map<string, number>(),
  ) {}

  apply(doc: Doc): void {
    const old = this.contributions.get(doc.id);
    if (old) this.add(old.key, -old.amount);
    const next = doc._deleted ? null : this.contribution(doc);
    if (next) {
      this.contributions.set(doc.id, next);
      this.add(next.key, next.amount);
    } else {
      this.contributions.delete(doc.id);
    }
  }

  private add(key: string, amount: number): void {
    const value = (this.totals.get(key) ?? 0) + amount;
    if (value === 0) this.totals.delete(key);
    else this.totals.set(key, value);
  }
}

export class MoneyAggregates {
  /** Patient id → what they owe (positive) or are owed (negative); invoices and ledger add into it. */
  private readonly patientBalances = new Map<string, number>();
  private readonly invoices = new Totals((d) => {
    const i = d as unknown as Invoice;
    return i.status === 'issued' ? { key: i.patientId, amount: i.dueRial } : null;
  }, this.patientBalances);
  private readonly ledger = new Totals((d) => {
    const e = d as unknown as LedgerEntry;
    return e.patientId ? { key: e.patientId, amount: -creditEffect(e) } : null;
  }, this.patientBalances);
  private readonly stock = new Totals((d) => {
    const m = d as unknown as StockMovement;
    return { key: `${m.goodId}|${m.warehouseId}`, amount: m.qtyDelta };
  });
  private readonly subscriptions = new Subscription();
  private loading: Promise<void> | null = null;

  constructor(
    private readonly db: ClinicDatabase,
    /** Documents read per page while loading (small in tests, to cross page boundaries). */
    private readonly pageSize = PAGE,
  ) {}

  load(): Promise<void> {
    this.loading ??= this.build();
    return this.loading;
  }

  private async build(): Promise<void> {
    const sources: [RxCollection, Totals][] = [
      [this.db.invoices as unknown as RxCollection, this.invoices],
      [this.db.ledger as unknown as RxCollection, this.ledger],
      [this.db.stock as unknown as RxCollection, this.stock],
    ];
    for (const [collection, totals] of sources) {
      const backlog: Doc[] = [];
      let live = false;
      this.subscriptions.add(
        collection.$.subscribe((event) => {
          const doc = {
            ...(event.documentData as Doc),
            id: event.documentId,
            _deleted: event.operation === 'DELETE' || (event.documentData as Doc)._deleted,
          };
          if (live) totals.apply(doc);
          else backlog.push(doc);
        }),
      );
      // Keyset paging on (updatedAt, id), which the updatedAt index serves in order: OFFSET paging
      // would walk the index from the start on every page (quadratic on millions of entries).
      let lastAt = '';
      let seenAtLast = 0;
      for (;;) {
        const page = await collection
          .find({
            selector: { updatedAt: { $gte: lastAt } },
            sort: [{ updatedAt: 'asc' }, { id: 'asc' }],
            skip: seenAtLast,
            limit: this.pageSize,
          })
          .exec();
        for (const d of page) {
          const doc = d.toMutableJSON() as Doc & { updatedAt: string };
          totals.apply(doc);
          if (doc.updatedAt === lastAt) seenAtLast += 1;
          else {
            lastAt = doc.updatedAt;
            seenAtLast = 1;
          }
        }
        if (page.length < this.pageSize) break;
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      for (const doc of backlog) totals.apply(doc);
      live = true;
    }
  }

  /** Balance of one patient (positive: owes the center). */
  balance(patientId: string): number {
    return this.patientBalances.get(patientId) ?? 0;
  }

  /**
   * One page of debtors (largest debt first) or creditors (largest credit first), with how many
   * there are and their sum. Only the page is ordered (a bounded selection), not every patient.
   */
  balancePage(
    side: 'debtors' | 'creditors',
    offset: number,
    limit: number,
  ): { page: [string, number][]; total: number; sum: number } {
    const k = offset + limit;
    const top: [string, number][] = [];
    let total = 0;
    let sum = 0;
    const size = (v: number) => (side === 'debtors' ? v : -v);
    for (const [id, v] of this.patientBalances) {
      if (size(v) <= 0) continue;
      total += 1;
      sum += v;
      if (top.length === k && size(v) <= size(top[k - 1]![1])) continue;
      let at = top.length;
      while (at > 0 && size(top[at - 1]![1]) < size(v)) at -= 1;
      top.splice(at, 0, [id, v]);
      if (top.length > k) top.pop();
    }
    return { page: top.slice(offset, k), total, sum };
  }

  stockLevel(goodId: string, warehouseId: string): number {
    return this.stock.totals.get(`${goodId}|${warehouseId}`) ?? 0;
  }

  stockLevels(): Map<string, number> {
    return new Map(this.stock.totals);
  }

  close(): void {
    this.subscriptions.unsubscribe();
  }
}
