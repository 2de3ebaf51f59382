/**
 * A local SMS.ir: REST v1 with the `x-api-key` header and `{ status, message, data }` answers
 * (status 1 = success; logical refusals with HTTP 400, a wrong key with 401) for send/bulk, the
 * per-message report and the credit.
 */
import { FakeHttpServer, jsonBody, type FakeReply } from './fake-http';

export interface SmsIrSent {
  messageId: number;
  lineNumber: unknown;
  messageText: string;
  mobile: string;
}

export type SmsIrScript = 'ok' | { refuse: number } | 'hang';

export class SmsIrFake {
  readonly sent: SmsIrSent[] = [];
  /** SMS.ir's deliveryState per id (1 delivered, 2 not delivered, 3 at the telecom…). */
  readonly states = new Map<number, number>();
  credit = 3_512.5;
  readonly script: SmsIrScript[] = [];
  readonly http: FakeHttpServer;
  private nextId = 90_001;

  constructor(readonly apiKey: string) {
    this.http = new FakeHttpServer((request) => {
      if (request.headers['x-api-key'] !== this.apiKey) {
        return { status: 401, json: { status: 10, message: 'کلید نامعتبر', data: null } };
      }
      return this.answer(request.method, request.path, jsonBody(request));
    });
  }

  private answer(method: string, path: string, body: Record<string, unknown>): FakeReply {
    const ok = (data: unknown): FakeReply => ({
      status: 200,
      json: { status: 1, message: 'موفق', data },
    });
    if (method === 'POST' && path === '/v1/send/bulk') {
      const step = this.script.shift() ?? 'ok';
      if (step === 'hang') return 'hang';
      if (step !== 'ok') {
        return { status: 400, json: { status: step.refuse, message: 'رد شد', data: null } };
      }
      const mobiles = Array.isArray(body.mobiles) ? (body.mobiles as string[]) : [];
      const messageId = this.nextId++;
      this.sent.push({
        messageId,
        lineNumber: body.lineNumber,
        messageText: String(body.messageText ?? ''),
        mobile: mobiles[0] ?? '',
      });
      this.states.set(messageId, 3);
      return ok({ packId: `pack-${messageId}`, messageIds: [messageId], cost: 1 });
    }
    const report = /^\/v1\/send\/(\d+)$/.exec(path);
    if (method === 'GET' && report) {
      const id = Number(report[1]);
      const state = this.states.get(id);
      if (state === undefined) {
        return { status: 400, json: { status: 111, message: 'یافت نشد', data: null } };
      }
      return ok({ messageId: id, deliveryState: state, cost: 1, deliveryDateTime: null });
    }
    if (method === 'GET' && path === '/v1/credit') return ok(this.credit);
    return { status: 404, json: { status: 0, message: 'not found', data: null } };
  }

  listen(): Promise<string> {
    return this.http.listen();
  }

  close(): Promise<void> {
    return this.http.close();
  }
}
