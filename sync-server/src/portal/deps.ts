/** What the portal's services need from the server they run in. */
import type { OtpDeps } from '../otp/one-time-codes';
import type { StartPaymentInput, StartedPayment } from '../payments/payments';
import type { WritePath } from '../replication/commit';

export interface PortalDeps {
  /** The server's write path: documents the portal writes get seqs and reach desks by stream. */
  path: WritePath;
  otp: OtpDeps;
  startPayment(input: StartPaymentInput): Promise<StartedPayment>;
  /** This server as browsers reach it (the gateway's return to the result page). */
  publicUrl(): string;
  /** PBKDF2 iterations for passwords; only tests lower it. */
  passwordIterations?: number;
}
