/**
 * The server's Ed25519 key pair that signs licences. Created on first start in the data folder
 * (`keys/licence-ed25519.pem`, mode 0600) and kept: desks pin the public key at enrollment, so a
 * lost key means re-enrolling every desk (docs/operations.md). Without a data folder (tests) the
 * pair lives in memory only.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const KEYS_DIR_NAME = 'keys';
export const PRIVATE_KEY_FILE = 'licence-ed25519.pem';
export const PUBLIC_KEY_FILE = 'licence-ed25519.pub.pem';

export interface LicenceKeys {
  privateKey: KeyObject;
  /** SPKI DER, base64: what `EnrollFinishResponse.licenceKey` carries. */
  publicKeySpki: string;
  /** The first 16 hex digits of the SPKI's SHA-256: names the key in every payload. */
  keyId: string;
}

function fromPrivate(privateKey: KeyObject): LicenceKeys {
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error('The licence key is not an Ed25519 key');
  }
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  return {
    privateKey,
    publicKeySpki: spki.toString('base64'),
    keyId: createHash('sha256').update(spki).digest('hex').slice(0, 16),
  };
}

export function generateLicenceKeys(): LicenceKeys {
  return fromPrivate(generateKeyPairSync('ed25519').privateKey);
}

/** Reads the key pair from `<dataDir>/keys/`, creating it on first use. */
export function loadOrCreateLicenceKeys(dataDir: string): LicenceKeys {
  const dir = path.join(dataDir, KEYS_DIR_NAME);
  const file = path.join(dir, PRIVATE_KEY_FILE);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!fs.existsSync(file)) {
    const keys = generateLicenceKeys();
    const pem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' });
    try {
      // 'wx': if another process created the file meanwhile, keep theirs and read it below.
      fs.writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const keys = fromPrivate(createPrivateKey(fs.readFileSync(file)));
  // The public half beside it, for operators; the server always derives it from the private key.
  const pub = createPublicKey(keys.privateKey).export({ type: 'spki', format: 'pem' });
  fs.writeFileSync(path.join(dir, PUBLIC_KEY_FILE), pub, { mode: 0o644 });
  return keys;
}
