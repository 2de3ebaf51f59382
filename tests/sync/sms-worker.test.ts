/**
 * The SMS worker against local providers: desk-made messages are accepted and sent, delivery
 * comes back, refusals are retried with back-off and end `failed` with their Persian reason,
 * a message deleted while waiting is never sent, and racing workers send each message once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SmsWorker } from '../../sync-server/src/sms/sms-worker';
import { commitServerWork } from '../../sync-server/src/replication/commit';
import { insertRow, staffDoc, updateRow } from './support/documents';
import { push } from './support/harness';
import {
  messageDoc,
  putSmsSettings,
  startSmsRig,
  storedMessage,
  SMSIR_KEY,
  useKavenegar,
  type SmsRig,
} from './support/messaging';

let rig: SmsRig;
beforeEach(async () => {
  rig = await startSmsRig();
});
afterEach(() => rig.close());

const tick = () => rig.server.app.syncWorker.tick();

async function queue(overrides: Record<string, unknown> = {}) {
  const doc = messageDoc(rig.center, overrides);
  const res = await push(rig.server, rig.center.token, 'messages', [insertRow(doc)]);
  expect(res.json()).toEqual({ conflicts: [] });
  return doc;
}

describe('SMS worker', () => {
  it('accepts a confirmation made on a desk and sends it through the center provider', async () => {
    await useKavenegar(rig);
    const doc = await queue();
    await tick();
    expect(rig.kavenegar.sent.map((s) => s.receptor)).toEqual(['09121000002']);
    expect(await storedMessage(rig, doc.id)).toMatchObject({ status: 'sent', costRial: 1200 });
  });

  it('refuses messages a desk may not write: already sent, server fields, bad numbers, changes after the claim', async () => {
    const sent = await push(rig.server, rig.center.token, 'messages', [
      insertRow(messageDoc(rig.center, { status: 'sent' })),
    ]);
    expect(sent.statusCode).toBe(400);
    expect(sent.json().details.fields).toHaveProperty('status');
    const costly = await push(rig.server, rig.center.token, 'messages', [
      insertRow(messageDoc(rig.center, { costRial: 5 })),
    ]);
    expect(costly.statusCode).toBe(400);
    const badNumber = await push(rig.server, rig.center.token, 'messages', [
      insertRow(messageDoc(rig.center, { to: '+981234567890' })),
    ]);
    expect(badNumber.statusCode).toBe(400);

    const doc = await queue();
    await tick();
    const stored = await storedMessage(rig, doc.id);
    const deleteSent = await push(rig.server, rig.center.token, 'messages', [
      updateRow(stored!, { ...stored!, status: 'deleted', updatedBy: rig.center.managerId }),
    ]);
    expect(deleteSent.statusCode).toBe(403);
    expect(deleteSent.json().details.reason).toBe('message-not-waiting');
  });

  it('lets only sms.manage delete a waiting message; reception may queue one', async () => {
    const reception = staffDoc(rig.center, { kind: 'reception' });
    await push(rig.server, rig.center.token, 'staff', [insertRow(reception)]);
    const doc = await queue({ updatedBy: reception.id, sendAfter: '2026-03-05T06:00:00.000Z' });
    const res = await push(rig.server, rig.center.token, 'messages', [
      updateRow(doc, { ...doc, status: 'deleted' }),
    ]);
    expect(res.statusCode).toBe(403);
    const byManager = { ...doc, status: 'deleted', updatedBy: rig.center.managerId };
    const ok = await push(rig.server, rig.center.token, 'messages', [updateRow(doc, byManager)]);
    expect(ok.json()).toEqual({ conflicts: [] });
  });

  it('reads the delivery report back from the provider', async () => {
    await useKavenegar(rig);
    const doc = await queue();
    await tick();
    const id = rig.kavenegar.sent[0]!.messageid;
    // Still queued at the provider: asked again later.
    rig.server.clock.advance(60_000);
    await tick();
    expect((await storedMessage(rig, doc.id))!.status).toBe('sent');
    rig.kavenegar.statuses.set(id, 10);
    rig.server.clock.advance(5 * 60_000);
    await tick();
    expect(await storedMessage(rig, doc.id)).toMatchObject({
      status: 'delivered',
      deliveredAt: rig.server.clock.now().toISOString(),
    });
  });

  it('retries a refusal with growing back-off, then shows it failed with its Persian reason', async () => {
    await useKavenegar(rig);
    rig.kavenegar.script.push(...Array.from({ length: 5 }, () => ({ refuse: 418 })));
    const doc = await queue();
    await tick();
    expect(await storedMessage(rig, doc.id)).toMatchObject({
      status: 'waiting',
      attempts: 1,
      lastError: 'اعتبار حساب کاوه‌نگار کافی نیست؛ حساب را شارژ کنید.',
    });
    // Not before the back-off (1 minute, then 2, 4, 8).
    await tick();
    expect(rig.kavenegar.http.requests).toHaveLength(1);
    for (const minutes of [1, 2, 4, 8]) {
      rig.server.clock.advance(minutes * 60_000);
      await tick();
    }
    expect(rig.kavenegar.http.requests).toHaveLength(5);
    expect(await storedMessage(rig, doc.id)).toMatchObject({
      status: 'failed',
      attempts: 5,
      lastError: 'اعتبار حساب کاوه‌نگار کافی نیست؛ حساب را شارژ کنید.',
    });
    rig.server.clock.advance(86_400_000);
    await tick();
    expect(rig.kavenegar.http.requests).toHaveLength(5);
  });

  it('fails a bad number at once, and retries a provider that does not answer in time', async () => {
    await useKavenegar(rig);
    rig.kavenegar.script.push({ refuse: 411 }, 'hang');
    const bad = await queue();
    await tick();
    expect(await storedMessage(rig, bad.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'شمارهٔ گیرنده از نظر کاوه‌نگار معتبر نیست.',
    });
    const slow = await queue();
    await tick();
    expect(await storedMessage(rig, slow.id)).toMatchObject({
      status: 'waiting',
      lastError: 'سرویس‌دهنده در زمان مقرر پاسخ نداد.',
    });
    rig.server.clock.advance(60_000);
    await tick();
    expect((await storedMessage(rig, slow.id))!.status).toBe('sent');
  });

  it('never sends a message deleted while it was waiting', async () => {
    await useKavenegar(rig);
    const doc = await queue({ sendAfter: '2026-03-01T08:00:00.000Z' });
    const deleted = { ...doc, status: 'deleted' };
    await push(rig.server, rig.center.token, 'messages', [updateRow(doc, deleted)]);
    rig.server.clock.advance(3 * 3_600_000);
    await tick();
    expect(rig.kavenegar.sent).toHaveLength(0);
    expect((await storedMessage(rig, doc.id))!.status).toBe('deleted');
  });

  it('a delete that assumed waiting loses to a claim made meanwhile (normal conflict)', async () => {
    await useKavenegar(rig);
    rig.kavenegar.sendDelayMs = 300;
    const doc = await queue();
    const running = tick();
    while ((await storedMessage(rig, doc.id))!.status !== 'sending') {
      await new Promise((r) => setTimeout(r, 10));
    }
    const res = await push(rig.server, rig.center.token, 'messages', [
      updateRow(doc, { ...doc, status: 'deleted' }),
    ]);
    expect(res.json().conflicts).toEqual([expect.objectContaining({ status: 'sending' })]);
    await running;
    expect(rig.kavenegar.sent).toHaveLength(1);
    expect((await storedMessage(rig, doc.id))!.status).toBe('sent');
  });

  it('two workers racing send each message exactly once', async () => {
    await useKavenegar(rig);
    rig.kavenegar.sendDelayMs = 15;
    const docs = [];
    for (let i = 0; i < 8; i++) docs.push(await queue({ to: `+98912100010${i}` }));
    const app = rig.server.app;
    const second = new SmsWorker(app.syncWritePath, app.syncSmsProviders);
    await Promise.all([app.syncWorker.tick(), second.tick(), app.syncWorker.tick(), second.tick()]);
    const receptors = rig.kavenegar.sent.map((s) => s.receptor).sort();
    expect(receptors).toEqual(docs.map((d) => `0${(d.to as string).slice(3)}`).sort());
    for (const doc of docs) expect((await storedMessage(rig, doc.id))!.status).toBe('sent');
  });

  it('takes over the claim of a worker that died, once its lease has lapsed', async () => {
    await useKavenegar(rig);
    const doc = await queue();
    const path = rig.server.app.syncWritePath;
    // A worker claimed it and died before sending.
    await commitServerWork(path, rig.center.centerId, async (w) => {
      const stored = await w.get('messages', doc.id);
      await w.put('messages', doc.id, {
        deleted: false,
        data: { ...stored!.data, status: 'sending' },
      });
      await w.tx.updateQueueWork(doc.id, {
        leaseToken: 'dead-worker',
        leaseUntil: new Date(w.now.getTime() + 5 * 60_000).toISOString(),
      });
    });
    await tick();
    expect(rig.kavenegar.sent).toHaveLength(0);
    rig.server.clock.advance(5 * 60_000 + 1);
    await tick();
    expect(rig.kavenegar.sent).toHaveLength(1);
    expect((await storedMessage(rig, doc.id))!.status).toBe('sent');
  });

  it('sends through SMS.ir on its line and reads its delivery states', async () => {
    const res = await putSmsSettings(rig, {
      provider: 'smsir',
      sender: '30007732000000',
      apiKey: SMSIR_KEY,
    });
    expect(res.json()).toMatchObject({ provider: 'smsir', sender: '30007732000000' });
    const doc = await queue();
    await tick();
    expect(rig.smsir.sent[0]).toMatchObject({ lineNumber: 30007732000000, mobile: '09121000002' });
    rig.smsir.states.set(rig.smsir.sent[0]!.messageId, 2);
    rig.server.clock.advance(60_000);
    await tick();
    expect(await storedMessage(rig, doc.id)).toMatchObject({
      status: 'failed',
      lastError: 'پیامک به گوشی گیرنده نرسید.',
    });
  });

  it('writes to the local outbox on a fresh install', async () => {
    const doc = await queue();
    await tick();
    expect(await storedMessage(rig, doc.id)).toMatchObject({ status: 'sent', provider: 'outbox' });
    expect(rig.server.outbox.messages.map((m) => [m.to, m.kind])).toEqual([
      ['+989121000002', 'message'],
    ]);
  });
});
