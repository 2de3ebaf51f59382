/**
 * A local Zibal: v1/request, start and v1/verify with Zibal's result codes (100 success, 102
 * unknown merchant, 201 already verified, 202 not paid, 203 unknown trackId) and its callback
 * query (`trackId`, `success`, `status`, `orderId`).
 */
import { FakeHttpServer, jsonBody, type FakeReply } from './fake-http';

interface Session {
  amount: number;
  paidAmount: number;
  callbackUrl: string;
  orderId: string;
  state: 'new' | 'paid' | 'cancelled' | 'verified';
  refNumber: number;
}

export class ZibalFake {
  readonly sessions = new Map<number, Session>();
  readonly http: FakeHttpServer;
  private next = 3_714_000_000;

  constructor(readonly merchant: string) {
    this.http = new FakeHttpServer((request) => {
      const body = jsonBody(request);
      if (request.path === '/v1/request') return this.request(body);
      if (request.path === '/v1/verify') return this.verify(body);
      return { status: 404, json: { result: 203, message: 'not found' } };
    });
  }

  private request(body: Record<string, unknown>): FakeReply {
    if (body.merchant !== this.merchant) {
      return { status: 200, json: { result: 102, message: 'merchant یافت نشد.' } };
    }
    const trackId = this.next++;
    const amount = Number(body.amount);
    this.sessions.set(trackId, {
      amount,
      paidAmount: amount,
      callbackUrl: String(body.callbackUrl),
      orderId: String(body.orderId ?? ''),
      state: 'new',
      refNumber: 0,
    });
    return { status: 200, json: { trackId, result: 100, message: 'success' } };
  }

  private verify(body: Record<string, unknown>): FakeReply {
    if (body.merchant !== this.merchant) return { status: 200, json: { result: 102 } };
    const session = this.sessions.get(Number(body.trackId));
    if (!session) return { status: 200, json: { result: 203, message: 'trackId نامعتبر' } };
    if (session.state !== 'paid' && session.state !== 'verified') {
      return { status: 200, json: { result: 202, message: 'سفارش پرداخت نشده یا ناموفق بوده' } };
    }
    const first = session.state === 'paid';
    session.state = 'verified';
    if (first) session.refNumber = 9_000_000 + this.next++;
    return {
      status: 200,
      json: {
        paidAt: '2026-03-01T10:05:00.000',
        cardNumber: '62741****44',
        status: 1,
        amount: session.paidAmount,
        refNumber: session.refNumber,
        description: '',
        orderId: session.orderId,
        result: first ? 100 : 201,
        message: first ? 'success' : 'previously verified',
      },
    };
  }

  pay(trackId: string, paidAmount?: number): string {
    const session = this.sessions.get(Number(trackId))!;
    session.state = 'paid';
    if (paidAmount !== undefined) session.paidAmount = paidAmount;
    return this.back(trackId, session, true);
  }

  cancel(trackId: string): string {
    const session = this.sessions.get(Number(trackId))!;
    session.state = 'cancelled';
    return this.back(trackId, session, false);
  }

  private back(trackId: string, session: Session, paid: boolean): string {
    const url = new URL(session.callbackUrl);
    url.searchParams.set('trackId', trackId);
    url.searchParams.set('success', paid ? '1' : '0');
    url.searchParams.set('status', paid ? '2' : '3');
    url.searchParams.set('orderId', session.orderId);
    return url.toString();
  }

  listen(): Promise<string> {
    return this.http.listen();
  }

  close(): Promise<void> {
    return this.http.close();
  }
}
