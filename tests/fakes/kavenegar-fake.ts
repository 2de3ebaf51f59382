/**
 * A local Kavenegar: the REST v1 shapes (key in the path, form bodies, `{ return, entries }`
 * answers, refusals with a non-200 status and the same JSON) for sms/send, sms/status and
 * account/info. Tests script refusals, timeouts and each message's delivery status.
 */
import { FakeHttpServer, type FakeReply } from './fake-http';

export interface KavenegarSent {
  messageid: number;
  receptor: string;
  message: string;
  sender: string;
}

/** What the next send gets: accepted, a Kavenegar refusal status, a 500, or no answer at all. */
export type KavenegarScript = 'ok' | { refuse: number } | 'http-500' | 'hang';

export class KavenegarFake {
  readonly sent: KavenegarSent[] = [];
  /** Kavenegar's message status per id (1 queued … 10 delivered, 11 undelivered). */
  readonly statuses = new Map<number, number>();
  credit = 1_250_000;
  /** Scripts for the next sends, in order; then every send is accepted. */
  readonly script: KavenegarScript[] = [];
  /** Seen before a script step runs (two workers racing must not both get here for one message). */
  sendDelayMs = 0;
  readonly http: FakeHttpServer;
  private nextId = 8_792_343;

  constructor(readonly apiKey: string) {
    this.http = new FakeHttpServer((request) => this.answer(request.path, request.body));
  }

  private refuse(status: number): FakeReply {
    const code = status === 403 ? 403 : status >= 500 ? status : 400;
    return { status: code, json: { return: { status, message: 'رد شد' }, entries: null } };
  }

  private async answer(path: string, body: string): Promise<FakeReply> {
    const match = /^\/v1\/([^/]+)\/([a-z]+)\/([a-z]+)\.json$/.exec(path);
    if (!match) return { status: 404, json: { return: { status: 404, message: 'یافت نشد' } } };
    if (decodeURIComponent(match[1]!) !== this.apiKey) return this.refuse(403);
    const form = new URLSearchParams(body);
    const method = `${match[2]}/${match[3]}`;
    if (method === 'sms/send') {
      if (this.sendDelayMs > 0) await new Promise((r) => setTimeout(r, this.sendDelayMs));
      const step = this.script.shift() ?? 'ok';
      if (step === 'hang') return 'hang';
      if (step === 'http-500') return { status: 500, json: null };
      if (step !== 'ok') return this.refuse(step.refuse);
      const entry = {
        messageid: this.nextId++,
        receptor: form.get('receptor') ?? '',
        message: form.get('message') ?? '',
        sender: form.get('sender') ?? '10004346',
      };
      this.sent.push(entry);
      this.statuses.set(entry.messageid, 1);
      const reply = {
        ...entry,
        status: 1,
        statustext: 'در صف ارسال',
        date: 1356619709,
        cost: 1200,
      };
      return {
        status: 200,
        json: { return: { status: 200, message: 'تایید شد' }, entries: [reply] },
      };
    }
    if (method === 'sms/status') {
      const ids = (form.get('messageid') ?? '').split(',').map(Number);
      const entries = ids.map((id) => ({
        messageid: id,
        status: this.statuses.get(id) ?? 100,
        statustext: '',
      }));
      return { status: 200, json: { return: { status: 200, message: 'تایید شد' }, entries } };
    }
    if (method === 'account/info') {
      const entries = { remaincredit: this.credit, expiredate: 1893456000, type: 'Master' };
      return { status: 200, json: { return: { status: 200, message: 'تایید شد' }, entries } };
    }
    return this.refuse(404);
  }

  listen(): Promise<string> {
    return this.http.listen();
  }

  close(): Promise<void> {
    return this.http.close();
  }
}
