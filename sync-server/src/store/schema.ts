/**
 * The server's SQL tables as Kysely sees them. Columns hold only what both dialects store alike:
 * TEXT, INTEGER (0/1 for booleans), and JSON kept as TEXT, so one query layer serves SQLite and
 * PostgreSQL. Times are UTC ISO strings from the server's clock.
 */
import type { Generated } from 'kysely';

/** One synced document; the client's fields live in `data`, server-only bookkeeping beside it. */
export interface DocumentsTable {
  collection: string;
  id: string;
  center_id: string;
  /** Server sequence of the last write: the pull checkpoint. Never a client value. */
  seq: number;
  /** 1 for a tombstone (`_deleted: true`); tombstones are kept so every desk learns of them. */
  deleted: number;
  /** The document as a client sees it, without `_deleted`, as JSON text. */
  data: string;
  server_time: string;
  /** The authenticated device that caused the write; null for the server's own writes. */
  device_id: string | null;
  /**
   * When the server stored something other than what was pushed (slot arbitration), the hash of
   * that push row (assumed and new state), so that a re-sent push of it is recognised as harmless.
   */
  pushed_hash: string | null;
}

export interface SequencesTable {
  name: string;
  value: number;
}

export interface DevicesTable {
  id: string;
  center_id: string;
  name: string;
  /** SHA-256 (hex) of the bearer token; the token itself is never stored. */
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
  last_seen_at: string | null;
  /** The staff member (manager) who enrolled it. */
  enrolled_by: string;
}

export interface EnrollmentsTable {
  id: string;
  /** +989XXXXXXXXX */
  mobile: string;
  staff_id: string;
  center_id: string;
  device_name: string;
  /** SHA-256 (hex) of `<id>:<code>`. */
  code_hash: string;
  created_at: string;
  expires_at: string;
  attempts: number;
  consumed_at: string | null;
}

/** Derived from `appointments` documents, kept in step inside the push transaction. */
export interface AppointmentSlotsTable {
  appointment_id: string;
  center_id: string;
  provider_id: string;
  date: string;
  start_min: number;
  end_min: number;
  /** 1 when the booking's status holds the provider's time. */
  holds: number;
  overbook: number;
  /** Seq of the write that last placed it: the earliest committed rival wins. */
  seq: number;
}

/** Derived from `staff` documents: who may log in with which mobile (enrollment looks here). */
export interface StaffLoginsTable {
  staff_id: string;
  center_id: string;
  mobile: string;
}

export interface LicencesTable {
  center_id: string;
  licence_id: string;
  key_id: string;
  /** The signed payload's exact JSON text. */
  payload: string;
  /** Ed25519 signature over `payload`'s UTF-8 bytes, base64. */
  signature: string;
  issued_at: string;
}

export interface SignupsTable {
  id: string;
  mobile: string;
  ip_hash: string;
  center_name: string;
  center_type: string;
  city: string;
  manager_gender: string;
  manager_first_name: string;
  manager_last_name: string;
  /** PBKDF2 hash; emptied once the sign-up is finished. */
  password_hash: string;
  /** SHA-256 (hex) of `<id>:<code>`. */
  code_hash: string;
  created_at: string;
  expires_at: string;
  attempts: number;
  consumed_at: string | null;
  /** The center the sign-up created. */
  center_id: string | null;
}

export interface StaffSessionsTable {
  id: string;
  center_id: string;
  staff_id: string;
  device_id: string;
  opened_at: string;
  last_seen_at: string;
  closed_at: string | null;
}

export interface GalleryImagesTable {
  id: string;
  center_id: string;
  file_name: string;
  caption: string;
  width: number;
  height: number;
  bytes: number;
  created_at: string;
  created_by: string;
}

export interface PostsTable {
  id: string;
  center_id: string;
  title: string;
  body: string;
  published: number;
  created_at: string;
  updated_at: string;
  created_by: string;
  updated_by: string;
}

export interface ProviderSettingsTable {
  center_id: string;
  /** 'sms' | 'gateway' */
  kind: string;
  provider: string;
  public_json: string;
  /** secrets/secret-box.ts output: never the key itself. */
  sealed_secret: string;
  updated_at: string;
  updated_by: string;
}

/** Derived from `messages` documents (status, due time) plus the SMS worker's own columns. */
export interface SmsQueueTable {
  message_id: string;
  center_id: string;
  kind: string;
  status: string;
  send_after: string;
  next_attempt_at: string | null;
  lease_until: string | null;
  lease_token: string | null;
  provider: string;
  provider_message_id: string;
  next_poll_at: string | null;
  polls: number;
  about: string | null;
}

export interface ServerCursorsTable {
  name: string;
  value: number;
}

export interface OtpChallengesTable {
  id: string;
  purpose: string;
  channel: string;
  subject: string;
  ip_hash: string;
  code_hash: string;
  created_at: string;
  expires_at: string;
  attempts: number;
  consumed_at: string | null;
  proof_hash: string | null;
  proof_expires_at: string | null;
  proof_used_at: string | null;
}

export interface CodeSendsTable {
  id: Generated<number>;
  subject: string;
  ip_hash: string;
  purpose: string;
  sent_at: string;
}

export interface PaymentsTable {
  id: string;
  center_id: string;
  gateway: string;
  amount_rial: number;
  description: string;
  invoice_id: string;
  appointment_id: string;
  patient_id: string;
  authority: string;
  status: string;
  payer_ip: string;
  payer_user_agent: string;
  result_url: string;
  ref_id: string;
  card_masked: string;
  failure_reason: string;
  ledger_entry_id: string;
  created_at: string;
  updated_at: string;
}

/** A patient's portal account (P1); the mobile is its login. */
export interface PortalAccountsTable {
  id: string;
  mobile: string;
  national_id: string;
  first_name: string;
  last_name: string;
  gender: string;
  birth_date: string;
  email: string;
  email_verified: number;
  /** shared/auth/password.ts format; never the password. */
  password_hash: string;
  heard_from: string;
  /** The privacy policy version accepted at registration (P3), and when. */
  policy_version: string;
  consented_at: string;
  created_at: string;
  updated_at: string;
}

/** A signed-in portal session: only the cookie token's SHA-256 is kept. */
export interface PortalSessionsTable {
  token_hash: string;
  account_id: string;
  created_at: string;
  expires_at: string;
}

/** People an account holder books for (P6). */
export interface PortalPeopleTable {
  id: string;
  account_id: string;
  first_name: string;
  last_name: string;
  national_id: string;
  mobile: string;
  gender: string;
  relation: string;
  created_at: string;
}

/** Which account made a portal booking (the appointment document is the booking itself). */
export interface PortalBookingsTable {
  appointment_id: string;
  account_id: string;
  /** '' for the holder, else a portal_people id. */
  person_id: string;
  center_id: string;
  patient_id: string;
  price_rial: number;
  /** not-needed | pending | paid | expired ('failed' is read from the payments). */
  payment_status: string;
  /** While held for payment (UTC ISO); null otherwise. */
  hold_until: string | null;
  created_at: string;
  updated_at: string;
}

/** Published privacy policy versions (P11). */
export interface PrivacyPoliciesTable {
  version: string;
  published_at: string;
  effective_at: string;
  text: string;
}

/** Derived from `patients` documents: find a center's patient by national id. */
export interface PatientNationalIdsTable {
  patient_id: string;
  center_id: string;
  national_id: string;
}

/** One failed portal login (S4): counted per mobile over a short window. */
export interface PortalLoginFailuresTable {
  id: Generated<number>;
  mobile: string;
  failed_at: string;
}

export interface SyncDatabase {
  documents: DocumentsTable;
  sequences: SequencesTable;
  devices: DevicesTable;
  enrollments: EnrollmentsTable;
  appointment_slots: AppointmentSlotsTable;
  staff_logins: StaffLoginsTable;
  licences: LicencesTable;
  signups: SignupsTable;
  staff_sessions: StaffSessionsTable;
  gallery_images: GalleryImagesTable;
  posts: PostsTable;
  provider_settings: ProviderSettingsTable;
  sms_queue: SmsQueueTable;
  server_cursors: ServerCursorsTable;
  otp_challenges: OtpChallengesTable;
  code_sends: CodeSendsTable;
  payments: PaymentsTable;
  portal_accounts: PortalAccountsTable;
  portal_sessions: PortalSessionsTable;
  portal_people: PortalPeopleTable;
  portal_bookings: PortalBookingsTable;
  privacy_policies: PrivacyPoliciesTable;
  patient_national_ids: PatientNationalIdsTable;
  portal_login_failures: PortalLoginFailuresTable;
}
