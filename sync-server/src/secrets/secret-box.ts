/**
 * Seals the centers' provider secrets (SMS API keys, gateway merchant ids) before they are
 * stored: AES-256-GCM with a key that lives in the data folder (`keys/settings-aes.key`, 32
 * random bytes, mode 0600), not in the database. A copied database alone reveals no key; the
 * data folder as a whole still must be kept private and backed up together (docs/operations.md).
 *
 * Each sealed value is bound (as GCM associated data) to what it is for — the center and the kind
 * of setting — so a sealed key copied onto another center's row does not open.
 *
 * Hazard: losing the key file makes every stored secret unreadable; the centers then enter their
 * keys again. The server never makes a new key over an existing unreadable one silently: a key
 * file that is not 32 bytes stops the start.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const SETTINGS_KEY_FILE = path.join('keys', 'settings-aes.key');
const VERSION = 'v1';

export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  /** A box with a fresh key held in memory only (tests). */
  static inMemory(): SecretBox {
    return new SecretBox(randomBytes(32));
  }

  /** The data folder's key, made on first use. */
  static fromDataDir(dataDir: string): SecretBox {
    const file = path.join(dataDir, SETTINGS_KEY_FILE);
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      // `wx`: two processes starting at once cannot overwrite each other's key.
      try {
        fs.writeFileSync(file, randomBytes(32), { mode: 0o600, flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    const key = fs.readFileSync(file);
    if (key.length !== 32) throw new Error(`${file} is not a 32-byte key`);
    return new SecretBox(key);
  }

  seal(plain: string, boundTo: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(boundTo, 'utf8'));
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url'));
    return [VERSION, ...parts].join('.');
  }

  /** The plain text, or null when the value was not sealed by this key for `boundTo`. */
  open(sealed: string, boundTo: string): string | null {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || data === undefined) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(boundTo, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      const plain = Buffer.concat([
        decipher.update(Buffer.from(data, 'base64url')),
        decipher.final(),
      ]);
      return plain.toString('utf8');
    } catch {
      return null;
    }
  }
}
