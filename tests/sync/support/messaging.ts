/**
 * A sync server whose SMS providers are local fakes (Kavenegar, SMS.ir), with a clock the test
 * moves and short back-offs, plus helpers to book, configure SMS and read the queue back.
 */
import { randomUUID } from 'node:crypto';
import { servicePaths } from '../../../shared/sync/protocol';
import { messageKey } from '../../../shared/domain/messages';
import { STAFF_HEADER } from '../../../sync-server/src/index';
import { KavenegarFake } from '../../fakes/kavenegar-fake';
import { SmsIrFake } from '../../fakes/sms-ir-fake';
import { appointmentDoc, insertRow, patientDoc } from './documents';
import {
  addCenter,
  auth,
  push,
  startTestServer,
  type TestCenter,
  type TestServer,
} from './harness';
import type { ServerOptions } from '../../../sync-server/src/index';

export const KAVENEGAR_KEY = '6A7F99EB-KAVE-SECRET-4412-A9726DFB7CD2';
export const SMSIR_KEY = 'smsir-SECRET-OqWNSN8PzlWCjHMW9rQq37PUHq4Eb7zT';

export interface SmsRig {
  server: TestServer;
  center: TestCenter;
  kavenegar: KavenegarFake;
  smsir: SmsIrFake;
  close(): Promise<void>;
}

export async function startSmsRig(options: Partial<ServerOptions> = {}): Promise<SmsRig> {
  const kavenegar = new KavenegarFake(KAVENEGAR_KEY);
  const smsir = new SmsIrFake(SMSIR_KEY);
  await Promise.all([kavenegar.listen(), smsir.listen()]);
  const server = await startTestServer({
    smsEndpoints: { kavenegar: kavenegar.http.url, smsir: smsir.http.url, timeoutMs: 400 },
    smsWorker: { backoffMs: 60_000, maxBackoffMs: 10 * 60_000, leaseMs: 5 * 60_000 },
    ...options,
  });
  const center = await addCenter(server);
  return {
    server,
    center,
    kavenegar,
    smsir,
    async close() {
      await server.close();
      await Promise.all([kavenegar.close(), smsir.close()]);
    },
  };
}

export function asStaff(center: TestCenter, staffId = center.managerId): Record<string, string> {
  return { ...auth(center.token), [STAFF_HEADER]: staffId };
}

export function putSmsSettings(
  rig: SmsRig,
  body: Record<string, unknown>,
  staffId = rig.center.managerId,
) {
  return rig.server.app.inject({
    method: 'PUT',
    url: servicePaths.smsSettings,
    headers: asStaff(rig.center, staffId),
    payload: body,
  });
}

export async function useKavenegar(rig: SmsRig): Promise<void> {
  const res = await putSmsSettings(rig, {
    provider: 'kavenegar',
    sender: '10004346',
    apiKey: KAVENEGAR_KEY,
  });
  if (res.statusCode !== 200) throw new Error(res.body);
}

/** A patient with a mobile and a booking of theirs, pushed from the desk. */
export async function book(
  rig: SmsRig,
  booking: Record<string, unknown> = {},
  mobile = '+989121000001',
) {
  const patient = patientDoc(rig.center, { mobile });
  await push(rig.server, rig.center.token, 'patients', [insertRow(patient)]);
  const appointment = appointmentDoc(rig.center, {
    patientId: patient.id,
    trackingCode: '48213',
    ...booking,
  });
  const res = await push(rig.server, rig.center.token, 'appointments', [insertRow(appointment)]);
  if (res.statusCode !== 200) throw new Error(res.body);
  return { patient, appointment };
}

export function messageDoc(center: TestCenter, overrides: Record<string, unknown> = {}) {
  const at = '2026-03-01T06:30:00.000Z';
  return {
    id: randomUUID(),
    centerId: center.centerId,
    createdAt: at,
    updatedAt: at,
    updatedBy: center.managerId,
    deviceId: center.deviceId,
    kind: 'confirmation',
    to: '+989121000002',
    text: 'نوبت شما ثبت شد.',
    patientId: '',
    appointmentId: '',
    status: 'waiting',
    sendAfter: '',
    attempts: 0,
    lastError: '',
    provider: '',
    providerMessageId: '',
    costRial: 0,
    sentAt: '',
    deliveredAt: '',
    _deleted: false,
    ...overrides,
  };
}

/** The stored message as a desk would pull it (with `_deleted`), or null. */
export async function storedMessage(
  rig: SmsRig,
  id: string,
): Promise<Record<string, unknown> | null> {
  const doc = await rig.server.store.getDocument('messages', id);
  return doc ? { ...doc.data, _deleted: doc.deleted } : null;
}

export function reminderId(appointmentId: string): string {
  return messageKey('reminder', appointmentId);
}
