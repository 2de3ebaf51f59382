/**
 * The replication wire protocol between desks and the sync server (docs/sync-protocol.md).
 * Paths, message shapes and limits live here so that both ends are checked against one definition.
 */
import { z } from 'zod';
import type { SignedLicence } from '../domain/licence';

export const SYNC_API = '/api/sync/v1';

/** Paths, relative to the server's base URL. */
export const syncPaths = {
  pull: (collection: string) => `${SYNC_API}/${collection}/pull`,
  push: (collection: string) => `${SYNC_API}/${collection}/push`,
  stream: `${SYNC_API}/stream`,
  enrollStart: '/api/devices/enroll/start',
  enrollFinish: '/api/devices/enroll/finish',
  revoke: '/api/devices/revoke',
  health: '/api/health',
} as const;

/** Largest push batch (rows) and pull batch (documents) the server accepts. */
export const MAX_PUSH_ROWS = 500;
export const MAX_PULL_LIMIT = 1000;
/** Largest request body the sync endpoints accept, in bytes. */
export const MAX_SYNC_BODY_BYTES = 5 * 1024 * 1024;

/**
 * The checkpoint: a server sequence number that grows in commit order. Never a client clock.
 * `null` (or absent) means "from the beginning".
 */
export const checkpointSchema = z.object({ seq: z.number().int().min(0) }).strict();
export type SyncCheckpoint = z.infer<typeof checkpointSchema>;

/** GET pull?seq=<n>&limit=<n> */
export const pullQuerySchema = z.object({
  seq: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(200),
});

/** A document on the wire: the stored fields plus `_deleted` (tombstones are kept). */
export type WireDocument = Record<string, unknown> & { id: string; _deleted: boolean };

export interface PullResponse {
  documents: WireDocument[];
  /** The seq of the last document returned, or the request's seq when there was none. */
  checkpoint: SyncCheckpoint;
  /** Documents of this collection and center still after `checkpoint` (drives the desk's first-sync progress bar). */
  remaining: number;
}

/** One row of a push: RxDB's `RxReplicationWriteToMasterRow`. */
export const pushRowSchema = z
  .object({
    assumedMasterState: z.record(z.string(), z.unknown()).nullable().optional(),
    newDocumentState: z.record(z.string(), z.unknown()),
  })
  .strict();

export const pushBodySchema = z.array(pushRowSchema).max(MAX_PUSH_ROWS);

export interface PushResponse {
  /** The server's current state of every document whose assumed master state was wrong. */
  conflicts: WireDocument[];
}

/** One message of the per-device SSE stream (`data:` line, JSON). */
export type StreamMessage =
  'RESYNC' | { collection: string; documents: WireDocument[]; checkpoint: SyncCheckpoint };

export const enrollStartSchema = z
  .object({
    mobile: z.string().min(1).max(20),
    password: z.string().min(1).max(200),
    deviceName: z.string().min(1).max(80),
    /**
     * Only when the mobile is a manager of several centers: the server then answers 400 with
     * `details.reason: 'choose-center'` and `details.centers: [{centerId, centerName}]`.
     */
    centerId: z.string().min(1).max(80).optional(),
  })
  .strict();

export interface EnrollStartResponse {
  enrollmentId: string;
  /** Where the code went, masked: `0912***4567`. */
  sentTo: string;
  expiresAt: string;
}

export const enrollFinishSchema = z
  .object({ enrollmentId: z.string().min(1).max(80), code: z.string().min(4).max(10) })
  .strict();

export interface EnrollFinishResponse {
  deviceId: string;
  /** Shown once; the server keeps only its hash. Sent as `Authorization: Bearer <token>`. */
  deviceToken: string;
  centerId: string;
  centerName: string;
  /** The manager who enrolled the desk: documents made on it before enrollment are put in their name. */
  managerStaffId: string;
  /** This desk's number in its center (1, 2, 3…): the prefix of the file numbers it gives out. */
  deviceNumber: number;
  /** The server's Ed25519 public key (SPKI, base64): the desk pins it to check licences offline. */
  licenceKey: string;
  /** The center's current signed licence. */
  licence: SignedLicence;
}

export const revokeSchema = z
  .object({
    mobile: z.string().min(1).max(20),
    password: z.string().min(1).max(200),
    deviceId: z.string().min(1).max(80),
  })
  .strict();

export interface RevokeResponse {
  deviceId: string;
  /** When the device lost access (the first revocation's time if it was already revoked). */
  revokedAt: string;
}

/** GET health: no authentication. */
export interface HealthResponse {
  ok: true;
  /** The server's clock, so a desk can show how far its own clock is off. */
  time: string;
}

/** Body limit of the enrollment and revoke endpoints, in bytes (they carry a few short fields). */
export const MAX_DEVICE_BODY_BYTES = 4 * 1024;

/** The stream sends a `: heartbeat` comment at least this often (milliseconds). */
export const STREAM_HEARTBEAT_MS = 15_000;

// ——— Center accounts, licences, staff sessions, public profile media (setup issue) ———

export const setupPaths = {
  signupStart: '/api/centers/signup/start',
  signupFinish: '/api/centers/signup/finish',
  licence: '/api/licence',
  sessionOpen: '/api/sessions/open',
  sessionHeartbeat: '/api/sessions/heartbeat',
  sessionClose: '/api/sessions/close',
  gallery: '/api/centers/gallery',
  galleryImage: (imageId: string) => `/api/centers/gallery/${imageId}`,
  publicImage: (imageId: string) => `/public/images/${imageId}.webp`,
  posts: '/api/centers/posts',
  post: (postId: string) => `/api/centers/posts/${postId}`,
} as const;

/** C1: a new center and its manager; the manager's mobile is verified by an SMS code. */
export const signupStartSchema = z
  .object({
    centerName: z.string().min(1).max(120),
    centerType: z.string().min(1).max(40),
    city: z.string().max(60).optional(),
    manager: z
      .object({
        gender: z.enum(['female', 'male']),
        firstName: z.string().min(1).max(60),
        lastName: z.string().min(1).max(60),
        mobile: z.string().min(1).max(20),
        password: z.string().min(1).max(200),
      })
      .strict(),
  })
  .strict();

export interface SignupStartResponse {
  signupId: string;
  sentTo: string;
  expiresAt: string;
}

export const signupFinishSchema = z
  .object({ signupId: z.string().min(1).max(80), code: z.string().min(4).max(10) })
  .strict();

export interface SignupFinishResponse {
  centerId: string;
  centerName: string;
  managerStaffId: string;
}

/** A staff member starts working on a desk: the server counts seats across the center's desks. */
export const sessionOpenSchema = z.object({ staffId: z.string().min(1).max(40) }).strict();

export interface SessionOpenResponse {
  sessionId: string;
  /** The session lapses unless a heartbeat arrives before this. */
  expiresAt: string;
  seats: number;
  inUse: number;
}

export const sessionRefSchema = z.object({ sessionId: z.string().min(1).max(80) }).strict();

/** How often a desk sends a heartbeat for an open session, and when the server lets one lapse. */
export const SESSION_HEARTBEAT_MS = 60_000;
export const SESSION_TTL_MS = 180_000;

/** Gallery upload: the image travels as base64 JSON; the server re-encodes it (WebP, ≤ 1600 px). */
export const galleryUploadSchema = z
  .object({
    fileName: z.string().min(1).max(200),
    mime: z.enum(['image/jpeg', 'image/png', 'image/webp']),
    dataBase64: z.string().min(1).max(14_000_000),
    caption: z.string().max(200).default(''),
  })
  .strict();

export interface GalleryUploadResponse {
  imageId: string;
  width: number;
  height: number;
  bytes: number;
}

export const postInputSchema = z
  .object({
    title: z.string().min(1).max(200),
    body: z.string().min(1).max(20_000),
    published: z.boolean(),
  })
  .strict();

export interface BlogPost {
  id: string;
  centerId: string;
  title: string;
  body: string;
  published: boolean;
  createdAt: string;
  updatedAt: string;
}

// ——— SMS providers, one-time codes, online payments (SMS/email/payments issue) ———

/**
 * The `updatedBy` (and a ledger entry's `cashierId`) of documents the server writes on its own:
 * reminders, SMS statuses, verified online payments. No staff document has this id; desks show it
 * as «سامانه». Such documents carry `deviceId: 'server'`.
 */
export const SERVER_ACTOR_ID = 'system';
export const SERVER_DEVICE_ID = 'server';

export const servicePaths = {
  smsSettings: '/api/centers/sms/settings',
  smsBalance: '/api/centers/sms/balance',
  gatewaySettings: '/api/centers/payments/settings',
  otpStart: '/api/otp/start',
  otpVerify: '/api/otp/verify',
  /** The gateways send the payer's browser here (ZarinPal: `?Authority&Status`, Zibal: `?trackId&success&status`). */
  paymentCallback: (gateway: string) => `/api/payments/callback/${gateway}`,
  /** The local simulated gateway (speaks ZarinPal v4), mounted by default. */
  simulatedGateway: '/simulated-gateway',
} as const;

export const SMS_PROVIDER_CHOICES = ['outbox', 'kavenegar', 'smsir'] as const;

/** PUT sms settings: `apiKey` omitted keeps the stored one; `''` removes it. */
export const smsSettingsInputSchema = z
  .object({
    provider: z.enum(SMS_PROVIDER_CHOICES),
    /** The sender line (Kavenegar: optional, the account's default; SMS.ir: required, digits). */
    sender: z.string().max(20).default(''),
    apiKey: z.string().max(200).optional(),
  })
  .strict();

export interface SmsSettingsResponse {
  provider: (typeof SMS_PROVIDER_CHOICES)[number];
  sender: string;
  /** `••••1a2b`, or null when no key is stored. The key itself never leaves the server. */
  apiKey: string | null;
  /** Whether this is the server's default (no settings saved for the center yet). */
  isDefault: boolean;
  updatedAt: string | null;
}

export interface SmsBalanceResponse {
  provider: (typeof SMS_PROVIDER_CHOICES)[number];
  /** null for the outbox. */
  amount: number | null;
  /** Kavenegar: Rials; SMS.ir: its SMS credit units. */
  unit: 'rial' | 'sms' | 'none';
}

export const GATEWAY_CHOICES = ['simulated', 'zarinpal', 'zibal'] as const;

export const gatewaySettingsInputSchema = z
  .object({
    gateway: z.enum(GATEWAY_CHOICES),
    /** ZarinPal's 36-character merchant id or Zibal's merchant; omitted keeps the stored one. */
    merchantId: z.string().max(100).optional(),
  })
  .strict();

export interface GatewaySettingsResponse {
  gateway: (typeof GATEWAY_CHOICES)[number];
  merchantId: string | null;
  isDefault: boolean;
  updatedAt: string | null;
}

export const OTP_PURPOSES = ['portal-mobile', 'portal-email', 'password-reset'] as const;

export const otpStartSchema = z
  .object({
    purpose: z.enum(OTP_PURPOSES),
    /** A mobile (any common form) for SMS purposes, an email address for `portal-email`. */
    to: z.string().min(3).max(200),
  })
  .strict();

export interface OtpStartResponse {
  challengeId: string;
  /** Masked: `0912***4567` or `a***@example.com`. */
  sentTo: string;
  expiresAt: string;
}

export const otpVerifySchema = z
  .object({ challengeId: z.string().min(1).max(80), code: z.string().min(4).max(10) })
  .strict();

export interface OtpVerifyResponse {
  /**
   * One-use proof that the mobile or email was verified, for the portal's next step (sign-up,
   * new password); the server keeps only its hash. Valid {@link OTP_PROOF_TTL_MS}.
   */
  proof: string;
  expiresAt: string;
}

export const OTP_PROOF_TTL_MS = 15 * 60_000;
