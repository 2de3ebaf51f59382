/**
 * Online payments through local ZarinPal and Zibal servers and the simulated gateway: success,
 * cancel, amount mismatch, replayed callbacks, ZarinPal's 101, unknown authority, an unreachable
 * gateway; exactly one ledger entry per verified payment, written by the server for the desks.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SERVER_ACTOR_ID, servicePaths } from '../../shared/sync/protocol';
import { safeMaskedCard } from '../../sync-server/src/payments/gateway';
import type { KyselySyncStore } from '../../sync-server/src/store/kysely-store';
import { ZarinpalFake } from '../fakes/zarinpal-fake';
import { ZibalFake } from '../fakes/zibal-fake';
import { appointmentDoc, insertRow, staffDoc } from './support/documents';
import {
  addCenter,
  push,
  startTestServer,
  type TestCenter,
  type TestServer,
} from './support/harness';
import { asStaff } from './support/messaging';

const MERCHANT = 'c0ffee00-1234-4bcd-9aaa-5f3e2d1c0b9a';
let server: TestServer;
let center: TestCenter;
let zarinpal: ZarinpalFake;
let zibal: ZibalFake;

beforeEach(async () => {
  zarinpal = new ZarinpalFake(MERCHANT);
  zibal = new ZibalFake(MERCHANT);
  await Promise.all([zarinpal.listen(), zibal.listen()]);
  server = await startTestServer({
    gatewayEndpoints: { zarinpal: zarinpal.http.url, zibal: zibal.http.url, timeoutMs: 400 },
  });
  await server.listen();
  center = await addCenter(server);
});
afterEach(async () => {
  await server.close();
  await Promise.all([zarinpal.close(), zibal.close()]);
});

function useGateway(gateway: string, merchantId?: string, staffId = center.managerId) {
  return server.app.inject({
    method: 'PUT',
    url: servicePaths.gatewaySettings,
    headers: asStaff(center, staffId),
    payload: merchantId === undefined ? { gateway } : { gateway, merchantId },
  });
}

async function booking() {
  const doc = appointmentDoc(center, { date: '2026-03-05', status: 'held', source: 'portal' });
  await push(server, center.token, 'appointments', [insertRow(doc)]);
  return doc;
}

async function invoice(patientId: string) {
  const at = '2026-03-01T06:00:00.000Z';
  const doc = {
    id: randomUUID(),
    centerId: center.centerId,
    createdAt: at,
    updatedAt: at,
    updatedBy: center.managerId,
    deviceId: center.deviceId,
    kind: 'service',
    patientId,
    appointmentId: '',
    basicInsurerId: '',
    supplementaryInsurerId: '',
    lines: [
      {
        kind: 'service',
        itemId: randomUUID(),
        title: 'ویزیت',
        qty: 1,
        unitPriceRial: 2_000_000,
        basicShareRial: 0,
        supplementaryShareRial: 0,
        discountRial: 0,
        discountReason: '',
        patientRial: 2_000_000,
      },
    ],
    grossRial: 2_000_000,
    insurersRial: 0,
    discountRial: 0,
    dueRial: 2_000_000,
    issuedOn: '2026-03-01',
    status: 'issued',
    voidReason: '',
    deliveredBy: '',
    deliveredAt: '',
    number: '1-7',
    _deleted: false,
  };
  const res = await push(server, center.token, 'invoices', [insertRow(doc)]);
  expect(res.json()).toEqual({ conflicts: [] });
  return doc;
}

function start(subject: { appointmentId: string } | { invoiceId: string }, amountRial = 1_500_000) {
  return server.app.syncPayments.start({
    centerId: center.centerId,
    amountRial,
    description: 'پیش‌پرداخت نوبت',
    ...subject,
    payerIp: '5.160.12.34',
    payerUserAgent: 'Mozilla/5.0 (Linux; Android 14) Mobile',
    resultUrl: 'https://portal.example/pay/result?lang=fa',
    mobile: '09121000001',
  });
}

/** The browser coming back from the gateway: our callback's redirect. */
async function back(url: string) {
  const res = await fetch(url, { redirect: 'manual' });
  return {
    status: res.status,
    location: res.headers.get('location') ?? '',
    body: await res.text(),
  };
}

async function ledger() {
  return (
    await server.store.pull({
      collection: 'ledger',
      centerId: center.centerId,
      afterSeq: 0,
      limit: 100,
    })
  ).map((d) => d.data);
}

const authorityOf = (redirectUrl: string) => new URL(redirectUrl).pathname.split('/').pop()!;

describe('payments through ZarinPal', () => {
  beforeEach(async () => {
    expect((await useGateway('zarinpal', MERCHANT)).statusCode).toBe(200);
  });

  it('verifies a paid booking once and writes one online deposit for the desks', async () => {
    const appointment = await booking();
    const started = await start({ appointmentId: appointment.id });
    expect(started.gateway).toBe('zarinpal');
    expect(started.redirectUrl).toBe(
      `${zarinpal.http.url}/pg/StartPay/${authorityOf(started.redirectUrl)}`,
    );
    const result = await back(zarinpal.pay(authorityOf(started.redirectUrl)));
    expect(result.status).toBe(302);
    expect(result.location).toBe(
      `https://portal.example/pay/result?lang=fa&payment=${started.paymentId}&status=verified`,
    );
    const entries = await ledger();
    expect(entries).toHaveLength(1);
    const payment = await server.store.work.getPayment(started.paymentId);
    expect(entries[0]).toMatchObject({
      kind: 'deposit',
      patientId: appointment.patientId,
      invoiceId: '',
      amountRial: 1_500_000,
      method: 'online',
      reference: payment!.refId,
      cashierId: SERVER_ACTOR_ID,
      updatedBy: SERVER_ACTOR_ID,
      deviceId: 'server',
      day: '2026-03-01',
    });
    expect(payment).toMatchObject({
      status: 'verified',
      cardMasked: '502229******5995',
      payerIp: '5.160.12.34',
      payerUserAgent: 'Mozilla/5.0 (Linux; Android 14) Mobile',
      ledgerEntryId: entries[0]!.id,
    });
    // The request carried what ZarinPal needs, in Rials, and our callback.
    const asked = JSON.parse(zarinpal.http.requests[0]!.body) as Record<string, unknown>;
    expect(asked).toMatchObject({ merchant_id: MERCHANT, amount: 1_500_000, currency: 'IRR' });
    expect(asked.callback_url).toBe(`${server.url}/api/payments/callback/zarinpal`);
  });

  it('a replayed or racing callback never credits twice', async () => {
    const started = await start({ appointmentId: (await booking()).id });
    const url = zarinpal.pay(authorityOf(started.redirectUrl));
    const results = await Promise.all([back(url), back(url), back(url)]);
    expect(results.map((r) => new URL(r.location).searchParams.get('status'))).toEqual([
      'verified',
      'verified',
      'verified',
    ]);
    expect(await back(url)).toMatchObject({ status: 302 });
    expect(await ledger()).toHaveLength(1);
  });

  it('takes ZarinPal 101 (verified before) as verified, with one entry', async () => {
    const started = await start({ appointmentId: (await booking()).id });
    const authority = authorityOf(started.redirectUrl);
    const url = zarinpal.pay(authority);
    zarinpal.verifiedElsewhere(authority);
    expect(new URL((await back(url)).location).searchParams.get('status')).toBe('verified');
    expect((await server.store.work.getPayment(started.paymentId))!.refId).toBe('777001');
    expect(await ledger()).toHaveLength(1);
  });

  it('ends a cancelled payment cancelled, and an amount the gateway disagrees with failed, with no money', async () => {
    const cancelled = await start({ appointmentId: (await booking()).id });
    const result = await back(zarinpal.cancel(authorityOf(cancelled.redirectUrl)));
    expect(new URL(result.location).searchParams.get('status')).toBe('cancelled');

    const tampered = await start({ appointmentId: (await booking()).id });
    const authority = authorityOf(tampered.redirectUrl);
    const url = zarinpal.pay(authority);
    zarinpal.setAmount(authority, 1_000);
    expect(new URL((await back(url)).location).searchParams.get('status')).toBe('failed');
    expect(await server.store.work.getPayment(tampered.paymentId)).toMatchObject({
      status: 'failed',
      failureReason: 'مبلغ پرداخت‌شده با مبلغ این پرداخت یکی نیست.',
    });
    expect(await ledger()).toHaveLength(0);
  });

  it('answers an unknown authority with not-found and changes nothing', async () => {
    const res = await server.app.inject({
      method: 'GET',
      url: `${servicePaths.paymentCallback('zarinpal')}?Authority=A00000000000000000000000000000000999&Status=OK`,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not-found', message: 'این پرداخت پیدا نشد.' });
    expect(zarinpal.http.requests).toHaveLength(0);
  });

  it('keeps a payment pending while the gateway cannot be reached, and verifies on the next callback', async () => {
    const started = await start({ appointmentId: (await booking()).id });
    const url = zarinpal.pay(authorityOf(started.redirectUrl));
    zarinpal.verifyHangs = true;
    expect(new URL((await back(url)).location).searchParams.get('status')).toBe('pending');
    zarinpal.verifyHangs = false;
    expect(new URL((await back(url)).location).searchParams.get('status')).toBe('verified');
    expect(await ledger()).toHaveLength(1);
  });

  it('stores no card data: only the masked number the gateway gave', async () => {
    const started = await start({ appointmentId: (await booking()).id });
    await back(zarinpal.pay(authorityOf(started.redirectUrl)));
    const rows = await (server.store as KyselySyncStore).db
      .selectFrom('payments')
      .selectAll()
      .execute();
    // Nothing like a card number in what the gateway's answers fill in, and no card hash anywhere.
    const stored = JSON.stringify(
      rows.map((r) => [r.ref_id, r.card_masked, r.failure_reason, r.description]),
    );
    expect(stored).not.toMatch(/\d{11,}/);
    expect(JSON.stringify(rows)).not.toContain('1EBE3EBEBE35C7EC');
    expect(rows[0]!.card_masked).toBe('502229******5995');
    expect(safeMaskedCard('5022291083818920')).toBe('');
    expect(safeMaskedCard('6037-9971-2345-1234')).toBe('');
    expect(safeMaskedCard('62741****44')).toBe('62741****44');
  });
});

describe('a gateway that refuses or does not answer the request', () => {
  it('records the attempt with the payer IP and the reason, and says so in Persian', async () => {
    await useGateway('zarinpal', 'ffffffff-0000-0000-0000-000000000000');
    const appointment = await booking();
    await expect(start({ appointmentId: appointment.id })).rejects.toMatchObject({
      code: 'offline',
      message: 'کد پذیرنده (مرچنت) یا IP سرور در زرین‌پال معتبر نیست.',
    });
    await zarinpal.close();
    await useGateway('zarinpal', MERCHANT);
    await expect(start({ appointmentId: appointment.id })).rejects.toMatchObject({
      code: 'offline',
      message: 'درگاه پرداخت در دسترس نیست؛ کمی بعد دوباره تلاش کنید.',
    });
    const rows = await (server.store as KyselySyncStore).db
      .selectFrom('payments')
      .select(['status', 'payer_ip', 'payer_user_agent', 'failure_reason'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      {
        status: 'failed',
        payer_ip: '5.160.12.34',
        payer_user_agent: 'Mozilla/5.0 (Linux; Android 14) Mobile',
        failure_reason: 'کد پذیرنده (مرچنت) یا IP سرور در زرین‌پال معتبر نیست.',
      },
      {
        status: 'failed',
        payer_ip: '5.160.12.34',
        payer_user_agent: 'Mozilla/5.0 (Linux; Android 14) Mobile',
        failure_reason: 'ارتباط با سرویس‌دهنده برقرار نشد.',
      },
    ]);
    // The fake is closed; the afterEach closes it again harmlessly.
    zarinpal = new ZarinpalFake(MERCHANT);
    await zarinpal.listen();
  });
});

describe('payments through Zibal', () => {
  it('pays an invoice, refuses a different amount, and a repeated verify (201) adds nothing', async () => {
    expect((await useGateway('zibal', MERCHANT)).statusCode).toBe(200);
    const bill = await invoice(randomUUID());
    const started = await start({ invoiceId: bill.id }, 2_000_000);
    expect(started.redirectUrl).toMatch(new RegExp(`^${zibal.http.url}/start/\\d+$`));
    const url = zibal.pay(authorityOf(started.redirectUrl));
    expect(new URL((await back(url)).location).searchParams.get('status')).toBe('verified');
    expect(new URL((await back(url)).location).searchParams.get('status')).toBe('verified');
    const entries = await ledger();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      kind: 'payment',
      invoiceId: bill.id,
      patientId: bill.patientId,
      amountRial: 2_000_000,
    });
    expect((await server.store.work.getPayment(started.paymentId))!.cardMasked).toBe('62741****44');

    const short = await start({ invoiceId: bill.id }, 2_000_000);
    const shortUrl = zibal.pay(authorityOf(short.redirectUrl), 20_000);
    expect(new URL((await back(shortUrl)).location).searchParams.get('status')).toBe('failed');
    const cancelled = await start({ invoiceId: bill.id }, 2_000_000);
    expect(
      new URL(
        (await back(zibal.cancel(authorityOf(cancelled.redirectUrl)))).location,
      ).searchParams.get('status'),
    ).toBe('cancelled');
    expect(await ledger()).toHaveLength(1);
  });
});

describe('the simulated gateway', () => {
  it('is the default: a Persian page where the payer pays, then one verified entry', async () => {
    const started = await start({ appointmentId: (await booking()).id });
    expect(started.gateway).toBe('simulated');
    expect(started.redirectUrl.startsWith(`${server.url}/simulated-gateway/pg/StartPay/`)).toBe(
      true,
    );
    const page = await fetch(started.redirectUrl);
    const html = await page.text();
    expect(html).toContain('درگاه پرداخت آزمایشی');
    expect(html).toContain('۱,۵۰۰,۰۰۰ ریال');
    const paid = await fetch(`${started.redirectUrl}/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    const result = await back(paid.headers.get('location')!);
    expect(new URL(result.location).searchParams.get('status')).toBe('verified');
    expect(await ledger()).toHaveLength(1);
  });

  it('lets the payer cancel on its page', async () => {
    const started = await start({ appointmentId: (await booking()).id });
    const cancelled = await fetch(`${started.redirectUrl}/cancel`, {
      method: 'POST',
      redirect: 'manual',
    });
    const result = await back(cancelled.headers.get('location')!);
    expect(new URL(result.location).searchParams.get('status')).toBe('cancelled');
    expect(await ledger()).toHaveLength(0);
  });
});

describe('gateway settings', () => {
  it('keeps the merchant id sealed, answers it masked, and needs settings.edit', async () => {
    expect(
      (
        await server.app.inject({
          method: 'GET',
          url: servicePaths.gatewaySettings,
          headers: asStaff(center),
        })
      ).json(),
    ).toEqual({
      gateway: 'simulated',
      merchantId: null,
      isDefault: true,
      updatedAt: null,
    });
    const saved = await useGateway('zarinpal', MERCHANT);
    expect(saved.json()).toMatchObject({
      gateway: 'zarinpal',
      merchantId: '••••0b9a',
      isDefault: false,
    });
    expect((await useGateway('zibal')).statusCode).toBe(400);
    const row = await server.store.work.getProviderSettings(center.centerId, 'gateway');
    expect(JSON.stringify(row)).not.toContain(MERCHANT);
    const reception = staffDoc(center, { kind: 'reception' });
    await push(server, center.token, 'staff', [insertRow(reception)]);
    expect((await useGateway('simulated', undefined, reception.id)).statusCode).toBe(403);
  });

  it('refuses to start a payment for another center’s booking or without a subject', async () => {
    const other = await addCenter(server, 'کلینیک دیگر');
    const theirs = appointmentDoc(other);
    await push(server, other.token, 'appointments', [insertRow(theirs)]);
    await expect(start({ appointmentId: theirs.id })).rejects.toMatchObject({ code: 'not-found' });
    await expect(start({ appointmentId: '' })).rejects.toMatchObject({ code: 'invalid' });
  });
});
