/**
 * The center's signed licence on this desk (C11). The server signs it with Ed25519; the desk pins the
 * server's public key at enrollment and checks the licence offline, so neither a copied nor an
 * edited licence file gives more seats or more time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createPublicKey, verify } from 'node:crypto';
import {
  licencePayloadSchema,
  licenceStateAt,
  type LicencePayload,
  type LicenceStatus,
  type SignedLicence,
} from '../../../shared/domain/licence';
import { writeFileAtomic } from '../config';
import { toPersianDigits } from '../../../shared/text/normalize';
import { formatJalali } from '../../../shared/time/dates';

const MESSAGES = {
  missing: 'این رایانه هنوز مجوزی از سرور مرکز نگرفته است.',
  invalid:
    'مجوز نرم‌افزار روی این رایانه معتبر نیست (امضای آن درست نیست). با پشتیبانی تماس بگیرید.',
  expired: 'مهلت مجوز نرم‌افزار و مهلت اضافهٔ آن گذشته است؛ برای تمدید با پشتیبانی تماس بگیرید.',
} as const;

export class LicenceService {
  private readonly file: string;

  constructor(
    dataDir: string,
    private readonly key: () => string | null,
    private readonly centerId: () => string,
    private readonly now: () => Date,
  ) {
    this.file = path.join(dataDir, 'licence.json');
  }

  save(signed: SignedLicence): void {
    writeFileAtomic(this.file, `${JSON.stringify(signed, null, 2)}\n`);
  }

  private load(): SignedLicence | null {
    if (!fs.existsSync(this.file)) return null;
    try {
      const parsed = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Partial<SignedLicence>;
      return typeof parsed.payload === 'string' && typeof parsed.signature === 'string'
        ? (parsed as SignedLicence)
        : null;
    } catch {
      return null;
    }
  }

  /** The payload if the signature checks out against the pinned key and it is this center's. */
  verified(signed: SignedLicence): LicencePayload | null {
    const keyText = this.key();
    if (!keyText) return null;
    try {
      const key = createPublicKey({
        key: Buffer.from(keyText, 'base64'),
        format: 'der',
        type: 'spki',
      });
      const ok = verify(
        null,
        Buffer.from(signed.payload, 'utf8'),
        key,
        Buffer.from(signed.signature, 'base64'),
      );
      if (!ok) return null;
      const payload = licencePayloadSchema.parse(JSON.parse(signed.payload));
      return payload.centerId === this.centerId() ? payload : null;
    } catch {
      return null;
    }
  }

  status(): LicenceStatus {
    const signed = this.load();
    if (!signed)
      return {
        state: 'missing',
        seats: 0,
        modules: [],
        validUntil: null,
        message: MESSAGES.missing,
      };
    const payload = this.verified(signed);
    if (!payload)
      return {
        state: 'invalid',
        seats: 0,
        modules: [],
        validUntil: null,
        message: MESSAGES.invalid,
      };
    const state = licenceStateAt(payload, this.now());
    const until = formatJalali(
      new Date(Date.parse(payload.validUntil) + 210 * 60_000).toISOString().slice(0, 10),
    );
    const message =
      state === 'valid'
        ? `مجوز برای ${toPersianDigits(payload.seats)} کاربر هم‌زمان، معتبر تا ${toPersianDigits(until)}.`
        : state === 'grace'
          ? `مهلت مجوز در ${toPersianDigits(until)} گذشته است؛ تا ${toPersianDigits(payload.graceDays)} روز پس از آن برنامه کار می‌کند. برای تمدید اقدام کنید.`
          : MESSAGES.expired;
    return {
      state,
      seats: payload.seats,
      modules: payload.modules,
      validUntil: payload.validUntil,
      message,
    };
  }
}
