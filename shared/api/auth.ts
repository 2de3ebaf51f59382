import { z } from 'zod';
import { method, returns } from './method';
import type { StaffKind } from '../domain/staff';
import type { PermissionId } from '../auth/rights';

/** Who is working at this desk. */
export interface Session {
  staffId: string;
  name: string;
  kind: StaffKind;
  /** What this person may do (the UI hides the rest; the core and the server refuse it). */
  rights: PermissionId[];
}

/** What the UI needs to decide between the login screen and the app. */
export interface AuthState {
  /** The desk is enrolled to a center: staff must log in. Not enrolled: it works alone. */
  loginRequired: boolean;
  session: Session | null;
  centerName: string | null;
}

export const authMethods = {
  'auth.state': method({
    public: true,
    description: 'Whether a login is needed and who is logged in.',
    args: z.object({}).default({}),
    result: returns<AuthState>(),
  }),
  'auth.login': method({
    public: true,
    description:
      'Logs a staff member in with mobile and password, checked on this desk against the synced password hash (works offline).',
    args: z.object({
      mobile: z
        .string({ error: 'شمارهٔ همراه را وارد کنید.' })
        .min(1, 'شمارهٔ همراه را وارد کنید.')
        .max(20),
      password: z
        .string({ error: 'گذرواژه را وارد کنید.' })
        .min(1, 'گذرواژه را وارد کنید.')
        .max(200),
    }),
    result: returns<Session>(),
  }),
  'auth.logout': method({
    public: true,
    description: 'Ends the session on this desk.',
    args: z.object({}).default({}),
    result: returns<null>(),
  }),
};
