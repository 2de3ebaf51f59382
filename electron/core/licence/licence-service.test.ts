import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/temp';
import { LicenceService } from './licence-service';

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const KEY = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');

function signed(payload: object) {
  const text = JSON.stringify(payload);
  return { payload: text, signature: sign(null, Buffer.from(text), privateKey).toString('base64') };
}

const payload = {
  licenceId: 'l1',
  centerId: 'c1',
  seats: 3,
  modules: ['inventory'],
  issuedAt: '2026-01-01T00:00:00.000Z',
  validUntil: '2027-01-01T00:00:00.000Z',
  graceDays: 14,
  keyId: 'k1',
};

describe('licence on the desk', () => {
  const at = (iso: string) => {
    const temp = tempDir();
    const service = new LicenceService(
      temp.dir,
      () => KEY,
      () => 'c1',
      () => new Date(iso),
    );
    return { service, done: temp.remove };
  };

  it('is valid, then in grace, then expired, checked offline against the pinned key', () => {
    for (const [now, state] of [
      ['2026-06-01T00:00:00Z', 'valid'],
      ['2027-01-10T00:00:00Z', 'grace'],
      ['2027-02-01T00:00:00Z', 'expired'],
    ] as const) {
      const { service, done } = at(now);
      service.save(signed(payload));
      const status = service.status();
      expect(status.state, now).toBe(state);
      expect(status.message).toMatch(/[\u0600-\u06ff]/);
      if (state !== 'expired') expect(status.seats).toBe(3);
      done();
    }
  });

  it('rejects an edited payload, another key and another center', () => {
    const { service, done } = at('2026-06-01T00:00:00Z');
    const good = signed(payload);
    service.save({ ...good, payload: good.payload.replace('"seats":3', '"seats":30') });
    expect(service.status().state).toBe('invalid');
    const other = generateKeyPairSync('ed25519');
    const text = JSON.stringify(payload);
    service.save({
      payload: text,
      signature: sign(null, Buffer.from(text), other.privateKey).toString('base64'),
    });
    expect(service.status().state).toBe('invalid');
    service.save(signed({ ...payload, centerId: 'c2' }));
    expect(service.status().state).toBe('invalid');
    done();
  });

  it('says when there is no licence yet', () => {
    const { service, done } = at('2026-06-01T00:00:00Z');
    expect(service.status().state).toBe('missing');
    done();
  });
});
