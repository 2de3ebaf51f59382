/**
 * Staff sessions on the desk (C11). The password is checked here against the synced hash, so login
 * works offline; the plain password is never stored or sent anywhere. On an enrolled desk a login
 * also needs a valid signed licence (checked offline) and, when the server is reachable, one of the
 * center's seats: the server counts staff logged in across all desks.
 */
import { AppError } from '../../../shared/api/errors';
import type { Session } from '../../../shared/api/auth';
import { verifyPassword } from '../../../shared/auth/password';
import { staffFullName } from '../../../shared/domain/staff';
import {
  SESSION_HEARTBEAT_MS,
  setupPaths,
  type SessionOpenResponse,
} from '../../../shared/sync/protocol';
import { parseMobile } from '../../../shared/text/identity';
import type { ClinicDatabase } from '../db/database';
import type { LicenceService } from '../licence/licence-service';
import { OfflineError, type SyncHttp } from '../sync/http';
import type { RightsResolver } from './rights-resolver';

const MAX_FAILURES = 5;
const LOCK_MS = 60_000;
const WRONG = 'شمارهٔ همراه یا گذرواژه درست نیست.';
/** Checked when the mobile is unknown, so the answer takes as long as for a real account. */
const DUMMY_HASH =
  'pbkdf2-sha256$310000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export interface SessionDeps {
  db: ClinicDatabase;
  rights: RightsResolver;
  licence: LicenceService;
  /** The sync server, when the desk is enrolled. */
  server: () => SyncHttp | null;
  now: () => Date;
}

export class SessionManager {
  private session: Session | null = null;
  private serverSession: { id: string; http: SyncHttp } | null = null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private failures = 0;
  private lockedUntil = 0;

  constructor(private readonly deps: SessionDeps) {}

  current(): Session | null {
    return this.session;
  }

  /** The current session with rights read afresh (they may have changed on another desk). */
  async refreshed(): Promise<Session | null> {
    if (!this.session) return null;
    const staff = await this.deps.rights.staff(this.session.staffId);
    if (!staff || !staff.active) {
      await this.logout();
      return null;
    }
    this.session = {
      ...this.session,
      kind: staff.kind,
      rights: await this.deps.rights.rightsOf(staff.id),
    };
    return this.session;
  }

  async login(mobileText: string, password: string): Promise<Session> {
    const now = this.deps.now().getTime();
    if (now < this.lockedUntil) {
      throw new AppError(
        'forbidden',
        'چند بار پیاپی اشتباه وارد شد؛ یک دقیقه بعد دوباره تلاش کنید.',
      );
    }
    const mobile = parseMobile(mobileText);
    const staff = mobile ? await this.deps.db.staff.findOne({ selector: { mobile } }).exec() : null;
    const ok = await verifyPassword(password, staff?.passwordHash || DUMMY_HASH);
    if (!staff || !ok || !staff.active || !staff.passwordHash) {
      this.failures += 1;
      if (this.failures >= MAX_FAILURES) {
        this.failures = 0;
        this.lockedUntil = now + LOCK_MS;
      }
      throw new AppError('unauthorized', WRONG, { fields: { password: WRONG } });
    }
    this.failures = 0;

    const server = this.deps.server();
    if (server) {
      const licence = this.deps.licence.status();
      if (licence.state !== 'valid' && licence.state !== 'grace') {
        throw new AppError('forbidden', licence.message, { reason: `licence-${licence.state}` });
      }
      await this.closeServerSession();
      try {
        const opened = await server.post<SessionOpenResponse>(setupPaths.sessionOpen, {
          staffId: staff.id,
        });
        this.serverSession = { id: opened.sessionId, http: server };
        this.startHeartbeat();
      } catch (error) {
        // Offline: the signed licence still applies (checked above); the seat is this desk's own.
        if (!(error instanceof OfflineError)) throw error;
      }
    }
    this.session = {
      staffId: staff.id,
      name: staffFullName(staff),
      kind: staff.kind,
      rights: await this.deps.rights.rightsOf(staff.id),
    };
    return this.session;
  }

  private startHeartbeat(): void {
    this.stopHeartbeat();
    this.heartbeat = setInterval(() => {
      const s = this.serverSession;
      if (s)
        void s.http.post(setupPaths.sessionHeartbeat, { sessionId: s.id }).catch(() => undefined);
    }, SESSION_HEARTBEAT_MS);
    this.heartbeat.unref?.();
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  private async closeServerSession(): Promise<void> {
    const s = this.serverSession;
    this.serverSession = null;
    this.stopHeartbeat();
    if (s) await s.http.post(setupPaths.sessionClose, { sessionId: s.id }).catch(() => undefined);
  }

  async logout(): Promise<void> {
    this.session = null;
    await this.closeServerSession();
  }
}
