/**
 * Creating a center: its profile document and its first manager's staff document, written through
 * the same path as pushes, so both get seqs and reach every desk on its first pull.
 */
import { CENTER_V1_DEFAULTS, CENTER_V2_DEFAULTS } from '../../../shared/domain/center';
import { v7 as uuidv7 } from 'uuid';
import { invalidFields } from '../../../shared/api/errors';
import { hashPassword, passwordProblem } from '../../../shared/auth/password';
import type { Center, CenterType } from '../../../shared/domain/center';
import type { Staff } from '../../../shared/domain/staff';
import { parseMobile } from '../../../shared/text/identity';
import { InProcessChangeFeed, type ChangeFeed } from '../replication/change-feed';
import { commitServerWrites } from '../replication/commit';
import { DEFAULT_REGISTRY, deepStrict } from '../replication/registry';
import { issueFields } from '../replication/validate';
import type { StoreTransaction, SyncStore } from '../store/sync-store';
import { DEFAULT_RULES } from '../replication/default-rules';

/** The manager's password in clear (hashed here), or already hashed (a sign-up hashes at once). */
type ManagerSecret =
  { password: string; passwordHash?: never } | { passwordHash: string; password?: never };

export interface NewCenter {
  name: string;
  type: CenterType;
  city?: string;
  manager: {
    firstName: string;
    lastName: string;
    mobile: string;
    /**
     * Asked at sign-up (C1). The staff schema has no gender field, so nothing is stored in the
     * staff document; the sign-up keeps it in its own table.
     */
    gender?: 'female' | 'male';
  } & ManagerSecret;
}

export interface CreatedCenter {
  centerId: string;
  centerName: string;
  managerStaffId: string;
}

export interface CreateCenterOptions {
  /** A running server's feed (`app.syncFeed`), so open streams hear of the new documents. */
  feed?: ChangeFeed;
  now?: () => Date;
  /** PBKDF2 iterations of the manager's password hash; only tests lower it. */
  passwordIterations?: number;
  /**
   * Runs in the transaction that writes the center, with its ids (a sign-up marks itself used
   * and the center's first licence is stored there); throwing writes nothing.
   */
  alongside?: (tx: StoreTransaction, created: CreatedCenter) => Promise<void>;
}

/** The id desks see as `deviceId` on documents the server itself wrote. */
export const SERVER_DEVICE_ID = 'server';

function checked(collection: 'center' | 'staff', doc: Record<string, unknown>) {
  const entry = DEFAULT_REGISTRY[collection]!;
  const result = deepStrict(entry.docSchema).safeParse(doc);
  if (!result.success) throw invalidFields(issueFields(result.error.issues));
  return doc;
}

export async function createCenter(
  store: SyncStore,
  input: NewCenter,
  options: CreateCenterOptions = {},
): Promise<CreatedCenter> {
  const mobile = parseMobile(input.manager.mobile);
  if (!mobile) throw invalidFields({ 'manager.mobile': 'شمارهٔ همراه مدیر معتبر نیست.' });
  const { password } = input.manager;
  const problem = password === undefined ? null : passwordProblem(password);
  if (problem) throw invalidFields({ 'manager.password': problem });
  const passwordHash =
    password === undefined
      ? input.manager.passwordHash
      : await hashPassword(password, options.passwordIterations);
  if (!passwordHash) throw invalidFields({ 'manager.password': 'گذرواژهٔ مدیر لازم است.' });

  const now = (options.now ?? (() => new Date()))();
  const at = now.toISOString();
  const centerId = uuidv7();
  const managerStaffId = uuidv7();
  const base = {
    centerId,
    createdAt: at,
    updatedAt: at,
    updatedBy: managerStaffId,
    deviceId: SERVER_DEVICE_ID,
  };
  const alongside = options.alongside;
  const created: CreatedCenter = { centerId, centerName: input.name.trim(), managerStaffId };
  const center: Center = {
    ...base,
    id: centerId,
    name: input.name.trim(),
    type: input.type,
    city: input.city?.trim() ?? '',
    address: '',
    phones: [],
    location: null,
    mapUrl: '',
    social: {},
    bookingRules: '',
    cancellationRules: '',
    selfCancellation: { enabled: false, minNoticeHours: 24 },
    // 0 = Saturday … 6 = Friday: most Iranian clinics close on Friday.
    weekend: [6],
    moneyUnit: 'toman',
    modules: [],
    rightsByKind: {},
    gallery: [],
    ...CENTER_V1_DEFAULTS,
    ...structuredClone(CENTER_V2_DEFAULTS),
  };
  const manager: Staff = {
    ...base,
    id: managerStaffId,
    firstName: input.manager.firstName.trim(),
    lastName: input.manager.lastName.trim(),
    mobile,
    kind: 'manager',
    title: '',
    specialty: '',
    active: true,
    passwordHash,
    rightsGranted: [],
    rightsRevoked: [],
    departmentIds: [],
    serviceIds: [],
  };
  await commitServerWrites(
    {
      store,
      feed: options.feed ?? new InProcessChangeFeed(),
      rules: DEFAULT_RULES,
      now: () => now,
    },
    centerId,
    [
      {
        collection: 'center',
        id: centerId,
        state: { data: checked('center', center), deleted: false },
      },
      {
        collection: 'staff',
        id: managerStaffId,
        state: { data: checked('staff', manager), deleted: false },
      },
    ],
    alongside && ((tx) => alongside(tx, created)),
  );
  return created;
}

export const DEMO_CENTER = {
  name: 'کلینیک نمونه',
  type: 'clinic',
  city: 'تهران',
  manager: { firstName: 'مدیر', lastName: 'نمونه', mobile: '09120000000', password: 'demo1234' },
} as const satisfies NewCenter;

/**
 * Seeds «کلینیک نمونه» when the server has no center yet; returns what was created (with the
 * manager's credentials, to print) or null when there already was a center.
 */
export async function seedDemoCenter(
  store: SyncStore,
  options: CreateCenterOptions = {},
): Promise<(CreatedCenter & { mobile: string; password: string }) | null> {
  if (await store.hasDocuments('center')) return null;
  const created = await createCenter(
    store,
    { ...DEMO_CENTER, manager: { ...DEMO_CENTER.manager } },
    options,
  );
  return { ...created, mobile: DEMO_CENTER.manager.mobile, password: DEMO_CENTER.manager.password };
}
