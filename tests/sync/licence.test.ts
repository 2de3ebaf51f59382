/**
 * Licences (C11): the server's Ed25519 key in its data folder, the default licence of a center,
 * the signature a desk checks offline, the licence route, and the operator's CLI that changes it.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { licencePayloadSchema, type SignedLicence } from '../../shared/domain/licence';
import { setupPaths, syncPaths } from '../../shared/sync/protocol';
import {
  generateLicenceKeys,
  openSqliteStore,
  readLatestCode,
  runCommand,
} from '../../sync-server/src/index';
import { endOfTehranDay } from '../../sync-server/src/cli/commands';
import { tempDir } from '../support/temp';
import { addCenter, auth, startTestServer, type TestServer } from './support/harness';

let server: TestServer;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  await server.close();
  for (const c of cleanups.splice(0).reverse()) await c();
});

function verifies(licence: SignedLicence, licenceKey: string): boolean {
  const key = createPublicKey({
    key: Buffer.from(licenceKey, 'base64'),
    format: 'der',
    type: 'spki',
  });
  return verify(
    null,
    Buffer.from(licence.payload, 'utf8'),
    key,
    Buffer.from(licence.signature, 'base64'),
  );
}

async function enroll(mobile: string, password: string) {
  const started = await server.app.inject({
    method: 'POST',
    url: syncPaths.enrollStart,
    payload: { mobile, password, deviceName: 'پذیرش' },
  });
  const code = await readLatestCode(server.outbox, mobile);
  const finished = await server.app.inject({
    method: 'POST',
    url: syncPaths.enrollFinish,
    payload: { enrollmentId: started.json().enrollmentId, code },
  });
  expect(finished.statusCode).toBe(200);
  return finished.json();
}

async function getLicence(token: string): Promise<SignedLicence> {
  const res = await server.app.inject({
    method: 'GET',
    url: setupPaths.licence,
    headers: auth(token),
  });
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('licences', () => {
  it('hands a desk the key and the default licence at enrollment; the signature verifies, a changed payload does not', async () => {
    server = await startTestServer();
    const center = await addCenter(server);
    const device = await enroll(center.mobile, center.password);

    const spki = Buffer.from(device.licenceKey, 'base64');
    expect(createPublicKey({ key: spki, format: 'der', type: 'spki' }).asymmetricKeyType).toBe(
      'ed25519',
    );
    expect(verifies(device.licence, device.licenceKey)).toBe(true);
    const payload = licencePayloadSchema.parse(JSON.parse(device.licence.payload));
    const now = server.clock.now().getTime();
    expect(payload).toMatchObject({
      centerId: center.centerId,
      seats: 2,
      modules: [],
      graceDays: 14,
      issuedAt: new Date(now).toISOString(),
      validUntil: new Date(now + 365 * 86_400_000).toISOString(),
      keyId: createHash('sha256').update(spki).digest('hex').slice(0, 16),
    });

    const forged = {
      ...device.licence,
      payload: device.licence.payload.replace('"seats":2', '"seats":20'),
    };
    expect(forged.payload).not.toBe(device.licence.payload);
    expect(verifies(forged, device.licenceKey)).toBe(false);
    const otherKey = generateLicenceKeys().publicKeySpki;
    expect(verifies(device.licence, otherKey)).toBe(false);

    // The route answers the same licence (issued once, not again per request).
    server.clock.advance(60_000);
    expect(await getLicence(device.deviceToken)).toEqual(device.licence);
    const anonymous = await server.app.inject({ method: 'GET', url: setupPaths.licence });
    expect(anonymous.statusCode).toBe(401);
  });

  it('creates the key pair once in the data folder (private key 0600) and keeps it across restarts', async () => {
    const temp = tempDir('sync-keys-');
    cleanups.push(temp.remove);
    server = await startTestServer({ store: await openSqliteStore(temp.dir), dataDir: temp.dir });
    const center = await addCenter(server);
    const first = await getLicence(center.token);
    const keyFile = path.join(temp.dir, 'keys', 'licence-ed25519.pem');
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const publicKey = server.app.syncLicences.publicKey;
    await server.close();

    server = await startTestServer({ store: await openSqliteStore(temp.dir), dataDir: temp.dir });
    expect(server.app.syncLicences.publicKey).toBe(publicKey);
    expect(await getLicence(center.token)).toEqual(first);
  });

  it('signs a stored licence again, same terms, when the server key changed', async () => {
    const temp = tempDir('sync-rotate-');
    cleanups.push(temp.remove);
    server = await startTestServer({ store: await openSqliteStore(temp.dir) });
    const center = await addCenter(server);
    const old = JSON.parse((await getLicence(center.token)).payload);
    await server.close();

    const keys = generateLicenceKeys();
    server = await startTestServer({ store: await openSqliteStore(temp.dir), licenceKeys: keys });
    const renewed = await getLicence(center.token);
    expect(verifies(renewed, keys.publicKeySpki)).toBe(true);
    expect(JSON.parse(renewed.payload)).toMatchObject({
      keyId: keys.keyId,
      seats: old.seats,
      validUntil: old.validUntil,
    });
  });

  it('lets the operator change seats, modules and validity from the command line', async () => {
    const temp = tempDir('sync-cli-');
    cleanups.push(temp.remove);
    server = await startTestServer({ store: await openSqliteStore(temp.dir), dataDir: temp.dir });
    const center = await addCenter(server);
    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line) };
    const code = await runCommand(
      temp.dir,
      [
        'licence',
        center.centerId,
        '--seats',
        '5',
        '--modules',
        'inventory, sms',
        '--valid-until',
        '2027-03-20',
      ],
      io,
    );
    expect(code).toBe(0);

    const licence = await getLicence(center.token);
    expect(verifies(licence, server.app.syncLicences.publicKey)).toBe(true);
    expect(JSON.parse(licence.payload)).toMatchObject({
      seats: 5,
      modules: ['inventory', 'sms'],
      // The end of 20 March 2027 in Tehran.
      validUntil: '2027-03-20T20:29:59.999Z',
      graceDays: 14,
    });
    expect(lines.join('\n')).toContain('"seats": 5');

    await expect(
      runCommand(temp.dir, ['licence', 'no-such-center', '--seats', '3'], io),
    ).rejects.toThrow(/No center/);
    await expect(
      runCommand(temp.dir, ['licence', center.centerId, '--seats', 'many'], io),
    ).rejects.toThrow(/--seats/);
    await expect(
      runCommand(temp.dir, ['licence', center.centerId, '--seats', '0'], io),
    ).rejects.toMatchObject({
      code: 'invalid',
      details: { fields: { seats: expect.any(String) } },
    });
  });

  it('reads a calendar day as its end in Tehran and refuses days that do not exist', () => {
    expect(endOfTehranDay('2026-12-31')).toBe('2026-12-31T20:29:59.999Z');
    expect(() => endOfTehranDay('2026-02-30')).toThrow(/not a date/);
    expect(() => endOfTehranDay('20260101')).toThrow(/YYYY-MM-DD/);
  });
});
