/**
 * The audit log is append-only on the server (C12, S3): entries are inserted, never changed or
 * deleted, whoever asks. The per-device hash chains make a change detectable on any copy; this
 * rule makes the server's copy refuse one outright.
 */
import type { CollectionRule } from '../replication/collection-rules';

export const auditRule: CollectionRule = { appendOnly: true };
