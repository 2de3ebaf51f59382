/**
 * A center's SMS provider settings: stored sealed on the server only, answered masked, changed
 * only with sms.manage; the balance from the provider; and the keys never in a log line, an
 * answer or the database in clear.
 */
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { servicePaths } from '../../shared/sync/protocol';
import { insertRow, staffDoc } from './support/documents';
import { push } from './support/harness';
import {
  asStaff,
  KAVENEGAR_KEY,
  messageDoc,
  putSmsSettings,
  startSmsRig,
  useKavenegar,
  type SmsRig,
} from './support/messaging';

let rig: SmsRig;
afterEach(() => rig.close());

function get(path: string, staffId = rig.center.managerId) {
  return rig.server.app.inject({ method: 'GET', url: path, headers: asStaff(rig.center, staffId) });
}

describe('SMS settings', () => {
  it('answers the outbox by default, stores a key sealed and shows it masked', async () => {
    rig = await startSmsRig();
    expect((await get(servicePaths.smsSettings)).json()).toEqual({
      provider: 'outbox',
      sender: '',
      apiKey: null,
      isDefault: true,
      updatedAt: null,
    });
    await useKavenegar(rig);
    const shown = (await get(servicePaths.smsSettings)).json();
    expect(shown).toMatchObject({ provider: 'kavenegar', sender: '10004346', isDefault: false });
    expect(shown.apiKey).toBe(`••••${KAVENEGAR_KEY.slice(-4)}`);
    // The form re-sends without the key: the stored one stays.
    const kept = await putSmsSettings(rig, { provider: 'kavenegar', sender: '2000500666' });
    expect(kept.json().apiKey).toBe(shown.apiKey);
    const row = await rig.server.store.work.getProviderSettings(rig.center.centerId, 'sms');
    expect(JSON.stringify(row)).not.toContain(KAVENEGAR_KEY);
    // Switching provider needs that provider's key; SMS.ir needs a line of digits.
    const noKey = await putSmsSettings(rig, { provider: 'smsir', sender: '30007732000000' });
    expect(noKey.statusCode).toBe(400);
    const noLine = await putSmsSettings(rig, { provider: 'smsir', apiKey: 'k', sender: 'خط' });
    expect(noLine.json().details.fields).toHaveProperty('sender');
  });

  it('needs sms.manage to read or change settings, and sms.view for the balance', async () => {
    rig = await startSmsRig();
    const reception = staffDoc(rig.center, { kind: 'reception' });
    await push(rig.server, rig.center.token, 'staff', [insertRow(reception)]);
    expect((await get(servicePaths.smsSettings, reception.id)).statusCode).toBe(403);
    const put = await putSmsSettings(rig, { provider: 'outbox' }, reception.id);
    expect(put.statusCode).toBe(403);
    expect((await get(servicePaths.smsBalance, reception.id)).json()).toEqual({
      provider: 'outbox',
      amount: null,
      unit: 'none',
    });
    const stranger = await rig.server.app.inject({ method: 'GET', url: servicePaths.smsBalance });
    expect(stranger.statusCode).toBe(401);
  });

  it('reads the balance from Kavenegar in Rials and says in Persian when it cannot', async () => {
    rig = await startSmsRig();
    await useKavenegar(rig);
    expect((await get(servicePaths.smsBalance)).json()).toEqual({
      provider: 'kavenegar',
      amount: 1_250_000,
      unit: 'rial',
    });
    await rig.kavenegar.close();
    const down = await get(servicePaths.smsBalance);
    expect(down.statusCode).toBe(503);
    expect(down.json().message).toContain('ارتباط با سرویس‌دهنده برقرار نشد');
  });

  it('never writes a provider key to the logs, whatever happens', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    rig = await startSmsRig({ logger: { stream, level: 'trace' } });
    await useKavenegar(rig);
    await get(servicePaths.smsSettings);
    await get(servicePaths.smsBalance);
    rig.kavenegar.script.push({ refuse: 403 }, 'hang', 'http-500');
    for (let i = 0; i < 4; i++) {
      await push(rig.server, rig.center.token, 'messages', [insertRow(messageDoc(rig.center))]);
    }
    for (let i = 0; i < 3; i++) {
      await rig.server.app.syncWorker.tick();
      rig.server.clock.advance(10 * 60_000);
    }
    await rig.kavenegar.close();
    await push(rig.server, rig.center.token, 'messages', [insertRow(messageDoc(rig.center))]);
    await rig.server.app.syncWorker.tick();
    await get(servicePaths.smsBalance);
    const log = lines.join('');
    expect(log).toContain('sms settings saved');
    expect(log).toContain('"result":"sent"');
    expect(log).toContain('kavenegar-403');
    expect(log).not.toContain(KAVENEGAR_KEY);
    expect(log).not.toContain(encodeURIComponent(KAVENEGAR_KEY));
    expect(log).not.toContain(KAVENEGAR_KEY.slice(0, 12));
  });
});
