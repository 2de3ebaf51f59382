/** What desks' tests, tools and the CLI use from the sync server. */
export { buildServer, type ServerOptions, type SyncServer, type RateLimitOptions } from './server';
export { openSqliteStore } from './store/sqlite-store';
export type { SyncStore, StoredDocument, DeviceRecord } from './store/sync-store';
export {
  createCenter,
  seedDemoCenter,
  DEMO_CENTER,
  type NewCenter,
  type CreatedCenter,
} from './centers/create-center';
export {
  FileOutbox,
  MemoryOutbox,
  readLatestCode,
  type SmsOutbox,
  type SmsMessage,
} from './outbox/sms-outbox';
export { issueDevice } from './devices/enrollment';
export { InProcessChangeFeed, type ChangeFeed } from './replication/change-feed';
export type { CollectionRegistry, ServerCollection } from './replication/registry';
export { mayWrite } from './replication/rights';
export { verifyStoredAudit, type CenterAuditReport } from './audit/verify-audit';
export { LicenceIssuer, DEFAULT_LICENCE, type LicenceTerms } from './licence/issuer';
export { generateLicenceKeys, loadOrCreateLicenceKeys, type LicenceKeys } from './licence/keys';
export { FileMediaFiles, MemoryMediaFiles, type MediaFiles } from './media/media-files';
export { runCommand } from './cli/commands';
export { STAFF_HEADER } from './http/acting-staff';
export { loggerOptions } from './http/logging';
export { defaultDataDir, readConfig } from './config';
export { SmsWorker, type SmsWorkerOptions } from './sms/sms-worker';
export type { SmsProvider, SmsEndpoints } from './sms/provider';
export { SecretBox } from './secrets/secret-box';
export { SmtpMailer, FileMailOutbox, MemoryMailer, type Mailer } from './mail/mailer';
export { startCode, verifyCode, consumeProof } from './otp/one-time-codes';
export type { StartPaymentInput, StartedPayment } from './payments/payments';
export { buildSimulatedGateway } from './payments/simulated-gateway';
