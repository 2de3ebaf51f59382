/**
 * A center ready for portal bookings, written through the server's write path as desks would have
 * synced it: open every day 08:00–20:00 with patient self-cancellation (2 hours' notice), a
 * department with a visit (no prepayment) and a prepaid laser service, one provider giving both.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Center } from '../../../shared/domain/center';
import { hashPassword } from '../../../shared/auth/password';
import type { PortalAccountRecord } from '../../../sync-server/src/store/portal-store';
import type { SyncStore } from '../../../sync-server/src/store/sync-store';
import { addCenter, TEST_ITERATIONS, type TestServer } from '../../sync/support/harness';
import { commitSeed, offerDocs } from '../../support/portal-center';

export interface SeededCenter {
  centerId: string;
  managerId: string;
  token: string;
  deviceId: string;
  providerId: string;
  visitId: string;
  laserId: string;
}

export async function seedCenter(
  server: TestServer,
  fields: Partial<Center> = {},
  name = 'کلینیک پوست آرامش',
): Promise<SeededCenter> {
  const center = await addCenter(server, name);
  const at = server.clock.now().toISOString();
  const base = () => ({
    id: uuidv7(),
    centerId: center.centerId,
    createdAt: at,
    updatedAt: at,
    updatedBy: center.managerId,
    deviceId: center.deviceId,
  });
  const before = await server.store.getDocument('center', center.centerId);
  const profile: Center = {
    ...(before!.data as unknown as Center),
    city: 'اصفهان',
    address: 'خیابان چهارباغ، پلاک ۸',
    selfCancellation: { enabled: true, minNoticeHours: 2 },
    weekend: [],
    updatedAt: at,
    ...fields,
  };
  const offer = offerDocs(
    base,
    {
      provider: { firstName: 'نسرین', lastName: 'کاظمی', specialty: 'متخصص پوست' },
      visit: { name: 'ویزیت پوست', priceRial: 2_500_000, durationMin: 30 },
      laser: { name: 'لیزر', priceRial: 15_000_000, durationMin: 30 },
    },
    { centerHours: false },
  );
  await commitSeed(server.app.syncWritePath, center.centerId, [
    { collection: 'center', doc: profile },
    ...offer.docs,
  ]);
  return {
    centerId: center.centerId,
    managerId: center.managerId,
    token: center.token,
    deviceId: center.deviceId,
    providerId: offer.providerId,
    visitId: offer.visitId,
    laserId: offer.laserId,
  };
}

let hash: Promise<string> | null = null;
export const ACCOUNT_PASSWORD = 'gole-sorkh-14';

/** An adult account stored directly (registration itself is tested through the API). */
export async function insertAccount(
  store: SyncStore,
  n: number,
  at: string,
): Promise<PortalAccountRecord> {
  hash ??= hashPassword(ACCOUNT_PASSWORD, TEST_ITERATIONS);
  const account: PortalAccountRecord = {
    id: uuidv7(),
    mobile: `+98935${String(n).padStart(7, '0')}`,
    nationalId: validNationalId(123_450_000 + n),
    firstName: 'بیمار',
    lastName: `شماره ${n}`,
    gender: 'female',
    birthDate: '1990-05-05',
    email: '',
    emailVerified: false,
    passwordHash: await hash,
    heardFrom: 'other',
    policyVersion: '1',
    consentedAt: at,
    createdAt: at,
    updatedAt: at,
  };
  await store.write((tx) => tx.portal.insertAccount(account));
  return account;
}

/** A checksum-valid national id from a 9-digit body. */
export function validNationalId(body: number): string {
  const digits = String(body).padStart(9, '0');
  const sum = [...digits].reduce((s, d, i) => s + Number(d) * (10 - i), 0);
  const r = sum % 11;
  return `${digits}${r < 2 ? r : 11 - r}`;
}
