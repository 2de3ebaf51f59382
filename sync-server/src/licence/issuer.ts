/**
 * Issuing and signing each center's licence (C11). The signature covers the payload's exact JSON
 * text, which is stored and sent as it was signed, so no re-serialization can break it.
 *
 * A center without a licence (created before licences existed, by the demo seed or by an
 * operator) gets the default one the first time a desk asks; a licence signed by an older key is
 * signed again with the same terms.
 */
import { sign } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { invalidFields } from '../../../shared/api/errors';
import {
  licencePayloadSchema,
  type LicencePayload,
  type SignedLicence,
} from '../../../shared/domain/licence';
import type { LicenceRecord } from '../store/setup-store';
import type { StoreTransaction, SyncStore } from '../store/sync-store';
import type { LicenceKeys } from './keys';

/** What a new center gets: two staff logged in at once, no add-on modules, one year, 14 days grace. */
export const DEFAULT_LICENCE = { seats: 2, modules: [] as string[], validDays: 365, graceDays: 14 };

const DAY_MS = 86_400_000;

export interface LicenceTerms {
  seats: number;
  modules: string[];
  validUntil: string;
  graceDays: number;
}

export type LicenceChange = Partial<LicenceTerms>;

export interface CurrentLicence {
  signed: SignedLicence;
  payload: LicencePayload;
}

export function parsePayload(record: Pick<LicenceRecord, 'payload'>): LicencePayload {
  return licencePayloadSchema.parse(JSON.parse(record.payload));
}

export class LicenceIssuer {
  constructor(
    readonly keys: LicenceKeys,
    private readonly now: () => Date,
  ) {}

  get publicKey(): string {
    return this.keys.publicKeySpki;
  }

  defaultTerms(): LicenceTerms {
    return {
      seats: DEFAULT_LICENCE.seats,
      modules: [...DEFAULT_LICENCE.modules],
      validUntil: new Date(this.now().getTime() + DEFAULT_LICENCE.validDays * DAY_MS).toISOString(),
      graceDays: DEFAULT_LICENCE.graceDays,
    };
  }

  /** Signs a new licence with these terms and stores it as the center's current one. */
  async issue(
    tx: StoreTransaction,
    centerId: string,
    terms: LicenceTerms,
  ): Promise<CurrentLicence> {
    const checked = licencePayloadSchema.safeParse({
      licenceId: uuidv7(),
      centerId,
      seats: terms.seats,
      modules: terms.modules,
      issuedAt: this.now().toISOString(),
      validUntil: terms.validUntil,
      graceDays: terms.graceDays,
      keyId: this.keys.keyId,
    });
    if (!checked.success || Number.isNaN(Date.parse(terms.validUntil))) {
      const fields: Record<string, string> = {};
      for (const issue of checked.error?.issues ?? []) fields[issue.path.join('.')] = issue.message;
      if (Number.isNaN(Date.parse(terms.validUntil)))
        fields.validUntil = 'تاریخ اعتبار معتبر نیست.';
      throw invalidFields(fields, 'شرایط پروانه معتبر نیست.');
    }
    const payload = checked.data;
    // Fixed key order (the schema's): the text is what gets signed, stored and sent.
    const text = JSON.stringify(payload);
    const signature = sign(null, Buffer.from(text, 'utf8'), this.keys.privateKey).toString(
      'base64',
    );
    await tx.putLicence({
      centerId,
      licenceId: payload.licenceId,
      keyId: payload.keyId,
      payload: text,
      signature,
      issuedAt: payload.issuedAt,
    });
    return { signed: { payload: text, signature }, payload };
  }

  /** The center's current licence, issuing the default (or re-signing with this key) if needed. */
  async current(tx: StoreTransaction, centerId: string): Promise<CurrentLicence> {
    const stored = await tx.getLicence(centerId);
    if (!stored) return this.issue(tx, centerId, this.defaultTerms());
    const payload = parsePayload(stored);
    if (stored.keyId !== this.keys.keyId) return this.issue(tx, centerId, payload);
    return { signed: { payload: stored.payload, signature: stored.signature }, payload };
  }

  /** Reads without a write when the stored licence is fine (the common case). */
  async currentFor(store: SyncStore, centerId: string): Promise<CurrentLicence> {
    const stored = await store.getLicence(centerId);
    if (stored && stored.keyId === this.keys.keyId) {
      return {
        signed: { payload: stored.payload, signature: stored.signature },
        payload: parsePayload(stored),
      };
    }
    return store.write((tx) => this.current(tx, centerId));
  }

  /** Re-issues the center's licence with some terms changed (the operator's CLI). */
  async change(tx: StoreTransaction, centerId: string, change: LicenceChange) {
    const { payload } = await this.current(tx, centerId);
    return this.issue(tx, centerId, {
      seats: change.seats ?? payload.seats,
      modules: change.modules ?? payload.modules,
      validUntil: change.validUntil ?? payload.validUntil,
      graceDays: change.graceDays ?? payload.graceDays,
    });
  }
}
