/**
 * Domain rules that run inside the push transaction for one collection: they may change what is
 * stored (slot arbitration) and keep derived tables in step (slots, staff logins).
 */
import type { StoreTransaction, StoredDocument } from '../store/sync-store';
import type { DocState } from './wire';

export interface RuleContext {
  tx: StoreTransaction;
  /** The server's clock for this transaction. */
  now: Date;
  centerId: string;
  id: string;
  /** True for the server's own writes (workers, sign-up); false for a desk's push. */
  server: boolean;
}

export interface CollectionRule {
  /**
   * Documents are written once: a push that would change or delete a stored one (anything but an
   * identical re-send) refuses the whole push with 403, whatever its assumed state.
   */
  appendOnly?: boolean;
  /**
   * Returns the state to store: `after` itself, or a changed copy (the push is then not reported
   * as a conflict: the desk receives the stored state through pull or stream). May throw an
   * AppError to refuse the whole push.
   */
  prepare?(ctx: RuleContext, before: StoredDocument | null, after: DocState): Promise<DocState>;
  /** Runs after the document is stored, in the same transaction. */
  derive?(ctx: RuleContext, stored: StoredDocument): Promise<void>;
}

export type CollectionRules = Record<string, CollectionRule>;
