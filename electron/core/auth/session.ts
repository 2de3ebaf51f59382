/**
 * Staff sessions on the desk. The password is checked here against the synced hash, so login works
 * offline; the plain password is never stored or sent anywhere.
 */
import { AppError } from '../../../shared/api/errors';
import type { Session } from '../../../shared/api/auth';
import { verifyPassword } from '../../../shared/auth/password';
import { staffFullName } from '../../../shared/domain/staff';
import { parseMobile } from '../../../shared/text/identity';
import type { ClinicDatabase } from '../db/database';

const MAX_FAILURES = 5;
const LOCK_MS = 60_000;
const WRONG = 'شمارهٔ همراه یا گذرواژه درست نیست.';
/** Checked when the mobile is unknown, so the answer takes as long as for a real account. */
const DUMMY_HASH =
  'pbkdf2-sha256$310000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export class SessionManager {
  private session: Session | null = null;
  private failures = 0;
  private lockedUntil = 0;

  constructor(
    private readonly db: ClinicDatabase,
    private readonly now: () => Date,
  ) {}

  current(): Session | null {
    return this.session;
  }

  async login(mobileText: string, password: string): Promise<Session> {
    const now = this.now().getTime();
    if (now < this.lockedUntil) {
      throw new AppError(
        'forbidden',
        'چند بار پیاپی اشتباه وارد شد؛ یک دقیقه بعد دوباره تلاش کنید.',
      );
    }
    const mobile = parseMobile(mobileText);
    const staff = mobile ? await this.db.staff.findOne({ selector: { mobile } }).exec() : null;
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
    this.session = { staffId: staff.id, name: staffFullName(staff), kind: staff.kind };
    return this.session;
  }

  logout(): void {
    this.session = null;
  }
}
