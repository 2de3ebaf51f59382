/**
 * The licence (C11): what the center bought — how many staff may be logged in at once and which
 * add-on modules — issued and signed by the sync server (Ed25519). Desks keep the signed licence and
 * check it offline too; after `validUntil` it keeps working for `graceDays`, then logins stop.
 */
import { z } from 'zod';

export const licencePayloadSchema = z
  .object({
    licenceId: z.string().min(1).max(40),
    centerId: z.string().min(1).max(40),
    /** Staff logged in at once, across all desks of the center. */
    seats: z.number().int().min(1).max(1000),
    modules: z.array(z.string().max(40)).max(20),
    issuedAt: z.string().max(30),
    validUntil: z.string().max(30),
    graceDays: z.number().int().min(0).max(90),
    /** Which server key signed it (key rotation). */
    keyId: z.string().min(1).max(40),
  })
  .strict();

export type LicencePayload = z.infer<typeof licencePayloadSchema>;

/** What travels and is stored: the payload's exact JSON text and its signature (base64). */
export interface SignedLicence {
  payload: string;
  signature: string;
}

export type LicenceState = 'valid' | 'grace' | 'expired' | 'invalid' | 'missing';

export interface LicenceStatus {
  state: LicenceState;
  seats: number;
  modules: string[];
  validUntil: string | null;
  /** Persian, for people. */
  message: string;
}

const DAY_MS = 86_400_000;

/** The state of a licence whose signature already checked out, at `now`. */
export function licenceStateAt(payload: LicencePayload, now: Date): 'valid' | 'grace' | 'expired' {
  const until = Date.parse(payload.validUntil);
  if (now.getTime() <= until) return 'valid';
  if (now.getTime() <= until + payload.graceDays * DAY_MS) return 'grace';
  return 'expired';
}
