/**
 * Reminders are made by the server from committed bookings: one per booking (derived id), at the
 * center's lead time and outside its quiet hours, following the booking when it moves and
 * deleted when it is cancelled; then sent through the center's provider (a local Kavenegar).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SERVER_ACTOR_ID } from '../../shared/sync/protocol';
import { openSse } from './support/sse';
import { push } from './support/harness';
import { updateRow } from './support/documents';
import {
  book,
  reminderId,
  startSmsRig,
  storedMessage,
  useKavenegar,
  type SmsRig,
} from './support/messaging';

let rig: SmsRig;
beforeEach(async () => {
  rig = await startSmsRig();
});
afterEach(() => rig.close());

describe('reminders', () => {
  it('a booking pushed by a desk gets one reminder, 24 hours ahead, which is sent at its time', async () => {
    await useKavenegar(rig);
    // The clock is 2026-03-01 10:00 Tehran; the visit is 2026-03-03 09:00 Tehran (05:30 UTC).
    const { appointment } = await book(rig, { date: '2026-03-03', start: 540, end: 570 });
    await rig.server.app.syncWorker.tick();
    await rig.server.app.syncWorker.tick();
    const reminder = await storedMessage(rig, reminderId(appointment.id));
    expect(reminder).toMatchObject({
      kind: 'reminder',
      status: 'waiting',
      to: '+989121000001',
      appointmentId: appointment.id,
      sendAfter: '2026-03-02T05:30:00.000Z',
      updatedBy: SERVER_ACTOR_ID,
      deviceId: 'server',
    });
    expect(reminder!.text).toContain('سارا احمدی');
    expect(reminder!.text).toContain('۰۹:۰۰');
    expect(
      await rig.server.store.pull({
        collection: 'messages',
        centerId: rig.center.centerId,
        afterSeq: 0,
        limit: 10,
      }),
    ).toHaveLength(1);

    // Not before its time.
    rig.server.clock.advance(20 * 3_600_000);
    await rig.server.app.syncWorker.tick();
    expect(rig.kavenegar.sent).toHaveLength(0);

    // At its time, once, and the desks hear of it by stream.
    await rig.server.listen();
    const stream = await openSse(`${rig.server.url}/api/sync/v1/stream`, rig.center.token);
    expect(await stream.nextData()).toBe('RESYNC');
    rig.server.clock.advance(4 * 3_600_000);
    await rig.server.app.syncWorker.tick();
    await rig.server.app.syncWorker.tick();
    expect(rig.kavenegar.sent).toHaveLength(1);
    expect(rig.kavenegar.sent[0]).toMatchObject({ receptor: '09121000001', sender: '10004346' });
    const statuses: string[] = [];
    while (statuses.at(-1) !== 'sent') {
      const message = (await stream.nextData()) as {
        collection: string;
        documents: { status: string }[];
      };
      if (message.collection === 'messages') statuses.push(message.documents[0]!.status);
    }
    expect(statuses).toEqual(['sending', 'sent']);
    stream.close();
    expect(await storedMessage(rig, reminderId(appointment.id))).toMatchObject({
      status: 'sent',
      provider: 'kavenegar',
      providerMessageId: String(rig.kavenegar.sent[0]!.messageid),
      costRial: 1200,
      attempts: 1,
      sentAt: rig.server.clock.now().toISOString(),
    });
  });

  it('moves a reminder out of quiet hours, follows a moved booking and is deleted on cancel', async () => {
    // 24 hours before 07:30 is 07:30, inside the default quiet hours (22:00–08:00): 08:00 instead.
    const { appointment } = await book(rig, { date: '2026-03-03', start: 450, end: 480 });
    await rig.server.app.syncWorker.tick();
    const id = reminderId(appointment.id);
    expect((await storedMessage(rig, id))!.sendAfter).toBe('2026-03-02T04:30:00.000Z');

    const moved = { ...appointment, date: '2026-03-05', start: 600, end: 630 };
    await push(rig.server, rig.center.token, 'appointments', [updateRow(appointment, moved)]);
    await rig.server.app.syncWorker.tick();
    expect(await storedMessage(rig, id)).toMatchObject({
      status: 'waiting',
      sendAfter: '2026-03-04T06:30:00.000Z',
    });
    expect((await storedMessage(rig, id))!.text).toContain('۱۰:۰۰');

    const cancelled = { ...moved, status: 'cancelled', cancelReason: 'بیمار تماس گرفت' };
    await push(rig.server, rig.center.token, 'appointments', [updateRow(moved, cancelled)]);
    await rig.server.app.syncWorker.tick();
    expect((await storedMessage(rig, id))!.status).toBe('deleted');

    // Nothing is sent for it, ever.
    rig.server.clock.advance(5 * 86_400_000);
    await rig.server.app.syncWorker.tick();
    expect(rig.kavenegar.sent).toHaveLength(0);
  });

  it('makes no reminder without a mobile, for a past visit, or when the center turned reminders off', async () => {
    const noMobile = await book(rig, { date: '2026-03-03' }, '');
    const past = await book(rig, { date: '2026-02-27' });
    await rig.server.app.syncWorker.tick();
    expect(await storedMessage(rig, reminderId(noMobile.appointment.id))).toBeNull();
    expect(await storedMessage(rig, reminderId(past.appointment.id))).toBeNull();

    const centerDoc = await rig.server.store.getDocument('center', rig.center.centerId);
    const before: Record<string, unknown> = { ...centerDoc!.data, _deleted: false };
    const off = { ...before, smsAuto: { ...(before.smsAuto as object), reminder: false } };
    const later = await book(rig, { date: '2026-03-04' });
    await rig.server.app.syncWorker.tick();
    expect((await storedMessage(rig, reminderId(later.appointment.id)))!.status).toBe('waiting');
    await push(rig.server, rig.center.token, 'center', [updateRow(before, off)]);
    await rig.server.app.syncWorker.tick();
    expect((await storedMessage(rig, reminderId(later.appointment.id)))!.status).toBe('deleted');
  });

  it('holds an automatic message back during quiet hours and sends it when they end', async () => {
    await useKavenegar(rig);
    // 22:30 Tehran.
    rig.server.clock.advance(12.5 * 3_600_000);
    const { appointment } = await book(rig, { date: '2026-03-02', start: 540, end: 570 });
    await rig.server.app.syncWorker.tick();
    // Its 24-hour mark is past; it is due now, but now is quiet.
    await rig.server.app.syncWorker.tick();
    expect(rig.kavenegar.sent).toHaveLength(0);
    expect((await storedMessage(rig, reminderId(appointment.id)))!.status).toBe('waiting');
    // 08:00 Tehran.
    rig.server.clock.advance(9.5 * 3_600_000);
    await rig.server.app.syncWorker.tick();
    expect(rig.kavenegar.sent).toHaveLength(1);
  });
});
