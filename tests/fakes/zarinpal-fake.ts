/**
 * A local ZarinPal v4: request.json, StartPay and verify.json with ZarinPal's codes (100 paid and
 * verified now, 101 verified before, -50 amount differs, -51 not paid, -53 another merchant,
 * -54 unknown authority) and `{ data, errors }` answers. The test plays the payer with
 * {@link ZarinpalFake.pay} / {@link ZarinpalFake.cancel}, which answer the callback URL the
 * browser would be sent to; it can also change a session's amount, answer 101 on the first
 * verify (verified elsewhere before) or stop answering.
 */
import { FakeHttpServer, jsonBody, type FakeReply } from './fake-http';

interface Session {
  merchantId: string;
  amount: number;
  callbackUrl: string;
  state: 'new' | 'paid' | 'cancelled' | 'verified';
  refId: number;
}

export class ZarinpalFake {
  readonly sessions = new Map<string, Session>();
  /** Verify answers hang (the gateway is unreachable) while true. */
  verifyHangs = false;
  readonly http: FakeHttpServer;
  private next = 1;

  constructor(readonly merchantId: string) {
    this.http = new FakeHttpServer((request) => {
      const body = jsonBody(request);
      if (request.path === '/pg/v4/payment/request.json') return this.request(body);
      if (request.path === '/pg/v4/payment/verify.json') return this.verify(body);
      return { status: 404, json: this.error(-54) };
    });
  }

  private error(code: number) {
    return { data: [], errors: { code, message: `error ${code}`, validations: [] } };
  }

  private request(body: Record<string, unknown>): FakeReply {
    if (body.merchant_id !== this.merchantId) return { status: 401, json: this.error(-10) };
    const amount = Number(body.amount);
    if (!Number.isInteger(amount) || amount < 1000 || body.currency !== 'IRR') {
      return { status: 400, json: this.error(-9) };
    }
    const authority = `A${String(this.next++).padStart(35, '0')}`;
    this.sessions.set(authority, {
      merchantId: String(body.merchant_id),
      amount,
      callbackUrl: String(body.callback_url),
      state: 'new',
      refId: 0,
    });
    const data = { code: 100, message: 'Success', authority, fee_type: 'Merchant', fee: 100 };
    return { status: 200, json: { data, errors: [] } };
  }

  private verify(body: Record<string, unknown>): FakeReply {
    if (this.verifyHangs) return 'hang';
    const session = this.sessions.get(String(body.authority));
    if (!session) return { status: 404, json: this.error(-54) };
    if (session.merchantId !== body.merchant_id) return { status: 403, json: this.error(-53) };
    if (Number(body.amount) !== session.amount) return { status: 400, json: this.error(-50) };
    if (session.state !== 'paid' && session.state !== 'verified') {
      return { status: 400, json: this.error(-51) };
    }
    const first = session.state === 'paid';
    session.state = 'verified';
    if (first) session.refId = 201_000 + this.next++;
    const data = {
      code: first ? 100 : 101,
      message: first ? 'Paid' : 'Verified',
      card_hash: '1EBE3EBEBE35C7EC0F8D6EE4F2F859107A87822CA179BC9528767EA7B5489B69',
      card_pan: '502229******5995',
      ref_id: session.refId,
      fee_type: 'Merchant',
      fee: 100,
    };
    return { status: 200, json: { data, errors: [] } };
  }

  /** The payer paid: the URL the gateway sends the browser back to. */
  pay(authority: string): string {
    return this.finish(authority, 'paid');
  }

  cancel(authority: string): string {
    return this.finish(authority, 'cancelled');
  }

  /** Makes a paid session look verified already (a verify elsewhere): the next answer is 101. */
  verifiedElsewhere(authority: string): void {
    const session = this.sessions.get(authority)!;
    session.state = 'verified';
    session.refId = 777_001;
  }

  /** The session's amount as the gateway has it (what the payer actually paid). */
  setAmount(authority: string, amount: number): void {
    this.sessions.get(authority)!.amount = amount;
  }

  private finish(authority: string, state: 'paid' | 'cancelled'): string {
    const session = this.sessions.get(authority);
    if (!session) throw new Error(`no session ${authority}`);
    session.state = state;
    const url = new URL(session.callbackUrl);
    url.searchParams.set('Authority', authority);
    url.searchParams.set('Status', state === 'paid' ? 'OK' : 'NOK');
    return url.toString();
  }

  listen(): Promise<string> {
    return this.http.listen();
  }

  close(): Promise<void> {
    return this.http.close();
  }
}
