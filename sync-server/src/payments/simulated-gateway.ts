/**
 * A local simulated payment gateway: a real HTTP service that speaks ZarinPal v4's protocol
 * (request.json, StartPay, verify.json with codes 100/101/-50/-51/-54) and shows the payer a
 * Persian page with «پرداخت» and «انصراف». A fresh install sends centers' payments here (mounted
 * under `/simulated-gateway/` of the sync server) until a center enters its ZarinPal or Zibal
 * merchant; it can also run on its own ({@link buildSimulatedGateway}). No money moves and no
 * card is asked for. Sessions live in memory: a restart forgets unpaid ones.
 */
import { randomInt } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import { toPersianDigits } from '../../../shared/text/normalize';

interface Session {
  authority: string;
  merchantId: string;
  amount: number;
  description: string;
  callbackUrl: string;
  state: 'new' | 'paid' | 'cancelled' | 'verified';
  refId: number;
}

function newAuthority(): string {
  let digits = '';
  while (digits.length < 35) digits += String(randomInt(0, 10));
  return `S${digits}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function error(code: number, message: string) {
  return { data: [], errors: { code, message, validations: [] } };
}

function page(session: Session, prefix: string): string {
  const amount = toPersianDigits(session.amount.toLocaleString('en-US'));
  const action = `${prefix}/pg/StartPay/${session.authority}`;
  return `<!doctype html>
<html lang="fa" dir="rtl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>درگاه پرداخت آزمایشی</title>
<style>body{font-family:Vazirmatn,Tahoma,sans-serif;background:#f4f6f8;margin:0;padding:2rem}
main{max-width:26rem;margin:auto;background:#fff;border-radius:12px;padding:1.5rem;box-shadow:0 2px 8px #0002}
h1{font-size:1.2rem}p{line-height:1.8}.amount{font-size:1.4rem;font-weight:bold}
form{display:inline}button{font:inherit;padding:.6rem 1.4rem;border-radius:8px;border:0;margin-inline-end:.5rem;cursor:pointer}
.pay{background:#2e7d32;color:#fff}.cancel{background:#e0e0e0}</style></head>
<body><main>
<h1>درگاه پرداخت آزمایشی</h1>
<p>این درگاه فقط برای آزمایش است؛ پولی جابه‌جا نمی‌شود و شمارهٔ کارتی پرسیده نمی‌شود.</p>
<p>مبلغ: <span class="amount">${amount} ریال</span></p>
<p>بابت: ${escapeHtml(session.description)}</p>
<form method="post" action="${action}/pay"><button class="pay" type="submit">پرداخت</button></form>
<form method="post" action="${action}/cancel"><button class="cancel" type="submit">انصراف</button></form>
</main></body></html>`;
}

/** The gateway's routes; `prefix` is where it is mounted (for the page's form actions). */
export function simulatedGateway(prefix: string): FastifyPluginAsync {
  return async (app) => {
    const sessions = new Map<string, Session>();
    let nextRef = 100_000;
    // The page's forms post urlencoded (empty) bodies: accepted here only.
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, done) => done(null, body),
    );

    app.post('/pg/v4/payment/request.json', async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const amount = Number(body.amount);
      const callbackUrl = typeof body.callback_url === 'string' ? body.callback_url : '';
      const merchantId = typeof body.merchant_id === 'string' ? body.merchant_id : '';
      if (
        !merchantId ||
        !Number.isInteger(amount) ||
        amount < 1000 ||
        !/^https?:\/\//.test(callbackUrl)
      ) {
        return reply.code(400).send(error(-9, 'Validation error'));
      }
      const session: Session = {
        authority: newAuthority(),
        merchantId,
        amount,
        description: String(body.description ?? '').slice(0, 500),
        callbackUrl,
        state: 'new',
        refId: 0,
      };
      sessions.set(session.authority, session);
      return {
        data: {
          code: 100,
          message: 'Success',
          authority: session.authority,
          fee_type: 'Merchant',
          fee: 0,
        },
        errors: [],
      };
    });

    app.get<{ Params: { authority: string } }>(
      '/pg/StartPay/:authority',
      async (request, reply) => {
        const session = sessions.get(request.params.authority);
        if (!session || session.state !== 'new') {
          return reply
            .code(404)
            .type('text/html; charset=utf-8')
            .send('<p dir="rtl">این پرداخت پیدا نشد.</p>');
        }
        return reply
          .header(
            'content-security-policy',
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
          )
          .type('text/html; charset=utf-8')
          .send(page(session, prefix));
      },
    );

    app.post<{ Params: { authority: string; choice: string } }>(
      '/pg/StartPay/:authority/:choice',
      async (request, reply) => {
        const session = sessions.get(request.params.authority);
        const choice = request.params.choice;
        if (!session || session.state !== 'new' || (choice !== 'pay' && choice !== 'cancel')) {
          return reply.code(404).send(error(-54, 'Invalid authority.'));
        }
        session.state = choice === 'pay' ? 'paid' : 'cancelled';
        const back = new URL(session.callbackUrl);
        back.searchParams.set('Authority', session.authority);
        back.searchParams.set('Status', choice === 'pay' ? 'OK' : 'NOK');
        return reply.code(303).header('location', back.toString()).send();
      },
    );

    app.post('/pg/v4/payment/verify.json', async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const session = sessions.get(String(body.authority ?? ''));
      if (!session) return reply.code(404).send(error(-54, 'Invalid authority.'));
      if (session.merchantId !== body.merchant_id) {
        return reply.code(403).send(error(-53, 'Session is not this merchant_id session'));
      }
      if (Number(body.amount) !== session.amount) {
        return reply
          .code(400)
          .send(error(-50, 'Session is not valid, amounts values is not the same.'));
      }
      if (session.state !== 'paid' && session.state !== 'verified') {
        return reply
          .code(400)
          .send(error(-51, 'Session is not valid, session is not active paid try.'));
      }
      const first = session.state === 'paid';
      if (first) {
        session.state = 'verified';
        session.refId = nextRef++;
      }
      return {
        data: {
          code: first ? 100 : 101,
          message: first ? 'Paid' : 'Verified',
          card_hash: '',
          card_pan: '502229******5995',
          ref_id: session.refId,
          fee_type: 'Merchant',
          fee: 0,
        },
        errors: [],
      };
    });
  };
}

/** The simulated gateway on its own (e.g. `listen({ port: 5191 })`), at the root path. */
export async function buildSimulatedGateway(): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(simulatedGateway(''));
  return app;
}
