/**
 * The portal API end to end over HTTP, as the SPA's browser uses it: register in three steps with
 * the SMS code from the server's SMS outbox and the email code from its mail outbox, log out and in,
 * find the center, book a prepaid service for oneself and pay it through the simulated gateway
 * (following its page and redirects as a browser would), book for another person, list, print the
 * receipt, cancel, reset the password by SMS code and close the account.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { portalPaths } from '../../shared/portal/contract';
import { SERVER_ACTOR_ID } from '../../shared/sync/protocol';
import { MemoryMailer, readLatestCode } from '../../sync-server/src/index';
import {
  allDocs,
  startTestServer,
  TEST_ITERATIONS,
  type TestServer,
} from '../sync/support/harness';
import { seedCenter, type SeededCenter } from './support/center';
import { PortalClient } from './support/client';

let server: TestServer;
afterEach(async () => server?.close());

const PATIENT = {
  mobile: '09123334455',
  firstName: 'سحر',
  lastName: 'امینی',
  nationalId: '1234567806',
  email: 'Sahar.Amini@example.com',
  password: 'gole-sorkh-14',
  newPassword: 'baran-e-pa1z',
};
const OTHER = {
  firstName: 'کاوه',
  lastName: 'امینی',
  nationalId: '1234646994',
  mobile: '09357778899',
  relation: 'برادر',
  gender: 'male',
};
const DAY = '2026-03-03';

async function start(mailer = new MemoryMailer()) {
  server = await startTestServer({
    passwordIterations: TEST_ITERATIONS,
    portalDir: false,
    portalSweepMs: 0,
    mailer,
  });
  await server.listen();
  return { mailer, center: await seedCenter(server) };
}

async function register(client: PortalClient) {
  await client.session();
  const started = await client.post(portalPaths.registerStart, { mobile: PATIENT.mobile });
  expect(started.status).toBe(200);
  const code = await readLatestCode(server.outbox, PATIENT.mobile, 'mobile-code');
  const verified = await client.post(portalPaths.registerVerifyMobile, {
    mobile: PATIENT.mobile,
    code,
  });
  expect(verified.status).toBe(200);
  const policy = await client.get(portalPaths.policy);
  return client.post(portalPaths.registerFinish, {
    ticket: verified.body.ticket,
    firstName: PATIENT.firstName,
    lastName: PATIENT.lastName,
    nationalId: PATIENT.nationalId,
    gender: 'female',
    birthDate: '1995-06-01',
    email: PATIENT.email,
    password: PATIENT.password,
    heardFrom: 'friends',
    acceptedPolicyVersion: policy.body.current.version,
  });
}

/** Pays at the simulated gateway as a browser would: its page, the pay form, the redirects. */
async function payAtGateway(redirectUrl: string): Promise<string> {
  const page = await fetch(redirectUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  const action = /<form method="post" action="([^"]+\/pay)">/.exec(html)?.[1];
  expect(action).toBeTruthy();
  const paid = await fetch(new URL(action!, redirectUrl), { method: 'POST', redirect: 'manual' });
  expect(paid.status).toBe(303);
  const callback = await fetch(paid.headers.get('location')!, { redirect: 'manual' });
  expect(callback.status).toBe(302);
  return callback.headers.get('location')!;
}

async function bookingDocs(center: SeededCenter) {
  const docs = await allDocs(server, { ...center, mobile: '', password: '' }, 'appointments');
  return docs.map((d) => d.data);
}

describe('portal flow over HTTP', () => {
  it('registers, books and pays, books for another person, cancels, resets the password and closes the account', async () => {
    const { mailer, center } = await start();
    const client = new PortalClient(server.url);

    // Registration: the session cookie is httpOnly and SameSite, and rotates on sign-in.
    const first = await client.session();
    expect(first.body.account).toBeNull();
    expect(first.setCookies[0]).toMatch(/HttpOnly/i);
    expect(first.setCookies[0]).toMatch(/SameSite=Lax/i);
    const anonymous = client.cookie;
    const finished = await register(client);
    expect(finished.status).toBe(200);
    expect(finished.body.account).toMatchObject({
      firstName: PATIENT.firstName,
      mobile: '+989123334455',
      email: 'sahar.amini@example.com',
      emailVerified: false,
    });
    expect(client.cookie).not.toBe(anonymous);
    expect(finished.setCookies[0]).toMatch(/HttpOnly/i);
    expect(finished.setCookies[0]).toMatch(/Max-Age=/i);
    expect((await client.session()).body.account.nationalId).toBe(PATIENT.nationalId);

    // Email verification with the code from the mail outbox.
    expect((await client.post(portalPaths.emailCode)).status).toBe(200);
    const mail = mailer.sent.at(-1)!;
    expect(mail.to).toBe('sahar.amini@example.com');
    const emailCode = /(\d{6})/.exec(mail.text)![1]!;
    const verified = await client.post(portalPaths.emailVerify, { code: emailCode });
    expect(verified.body.emailVerified).toBe(true);

    // Log out and back in.
    expect((await client.post(portalPaths.logout)).status).toBe(200);
    expect((await client.session()).body.account).toBeNull();
    expect((await client.get(portalPaths.me)).status).toBe(401);
    const wrong = await client.post(portalPaths.login, {
      mobile: PATIENT.mobile,
      password: 'not-it-123',
    });
    expect(wrong.status).toBe(401);
    await client.session();
    const login = await client.post(portalPaths.login, {
      mobile: PATIENT.mobile,
      password: PATIENT.password,
    });
    expect(login.status).toBe(200);
    await client.session();

    // The directory and the center's page.
    const found = await client.get(
      `${portalPaths.centers}?city=${encodeURIComponent('اصفهان')}&service=${encodeURIComponent('لیزر')}`,
    );
    expect(found.body.centers.map((c: { id: string }) => c.id)).toEqual([center.centerId]);
    const none = await client.get(`${portalPaths.centers}?city=${encodeURIComponent('شیراز')}`);
    expect(none.body.centers).toEqual([]);
    const page = await client.get(portalPaths.center(center.centerId));
    expect(page.body.services.map((s: { name: string }) => s.name)).toEqual(['ویزیت پوست', 'لیزر']);
    expect(page.body.providers).toContainEqual(
      expect.objectContaining({ id: center.providerId, specialty: 'متخصص پوست' }),
    );
    // The manager has no weekly hours of her own: she runs the center and is not offered.
    expect(page.body.providers.map((p: { id: string }) => p.id)).toEqual([center.providerId]);
    const managerSlots = await client.get(
      `${portalPaths.slots(center.centerId)}?providerId=${center.managerId}&serviceId=${center.laserId}&from=${DAY}&to=${DAY}`,
    );
    expect(managerSlots.status).toBe(404);
    expect(JSON.stringify(page.body)).not.toContain('passwordHash');

    // Free slots from the shared engine, then a prepaid booking for oneself: held while paying.
    const q = `?providerId=${center.providerId}&serviceId=${center.laserId}&from=${DAY}&to=${DAY}`;
    const slots = await client.get(`${portalPaths.slots(center.centerId)}${q}`);
    expect(slots.body.slots).toContainEqual({ date: DAY, start: 600, end: 630 });
    const booked = await client.post(portalPaths.bookings, {
      centerId: center.centerId,
      providerId: center.providerId,
      serviceId: center.laserId,
      date: DAY,
      start: 600,
    });
    expect(booked.status).toBe(200);
    const own = booked.body.booking;
    expect(own).toMatchObject({ status: 'held', payment: 'pending', canCancel: true });
    expect(Date.parse(own.holdUntil) - server.clock.now().getTime()).toBe(15 * 60_000);
    const after = await client.get(`${portalPaths.slots(center.centerId)}${q}`);
    expect(after.body.slots).not.toContainEqual({ date: DAY, start: 600, end: 630 });

    // Pay through the simulated gateway; the browser lands on the portal's result page.
    const pay = await client.post(portalPaths.pay(own.id));
    expect(pay.status).toBe(200);
    // P10: the payer's IP and device are kept with the attempt.
    expect(await server.store.work.getPayment(pay.body.paymentId)).toMatchObject({
      appointmentId: own.id,
      amountRial: 15_000_000,
      payerIp: '127.0.0.1',
      payerUserAgent: expect.stringMatching(/\S/),
    });
    const result = await payAtGateway(pay.body.redirectUrl);
    expect(result).toContain(`/payment/result?booking=${own.id}`);
    expect(result).toContain('status=verified');
    const paid = await client.get(portalPaths.booking(own.id));
    expect(paid.body).toMatchObject({ status: 'booked', payment: 'paid', holdUntil: null });
    const ledger = await allDocs(server, { ...center, mobile: '', password: '' }, 'ledger');
    expect(ledger.map((l) => l.data)).toEqual([
      expect.objectContaining({ kind: 'deposit', method: 'online', amountRial: 15_000_000 }),
    ]);
    const messages = (
      await allDocs(server, { ...center, mobile: '', password: '' }, 'messages')
    ).map((m) => m.data);
    expect(messages).toContainEqual(
      expect.objectContaining({
        kind: 'confirmation',
        appointmentId: own.id,
        to: '+989123334455',
        status: 'waiting',
        updatedBy: SERVER_ACTOR_ID,
      }),
    );

    // For another person (P6): saved to the profile, booked as a patient of the center. The
    // center's record needs their gender; without it nothing is saved.
    const { gender: _gender, ...withoutGender } = OTHER;
    const noGender = await client.post(portalPaths.people, withoutGender);
    expect(noGender.status).toBe(400);
    expect(noGender.body.details.fields.gender).toBe('جنسیت را انتخاب کنید.');
    expect((await client.get(portalPaths.people)).body.people).toEqual([]);
    const person = await client.post(portalPaths.people, OTHER);
    expect(person.status).toBe(200);
    const people = await client.get(portalPaths.people);
    expect(people.body.people.map((p: { nationalId: string }) => p.nationalId)).toEqual([
      OTHER.nationalId,
    ]);
    const forOther = await client.post(portalPaths.bookings, {
      centerId: center.centerId,
      providerId: center.providerId,
      serviceId: center.visitId,
      date: DAY,
      start: 660,
      personId: person.body.id,
    });
    expect(forOther.body.booking).toMatchObject({
      status: 'booked',
      payment: 'not-needed',
      patientName: 'کاوه امینی',
    });
    const patients = (
      await allDocs(server, { ...center, mobile: '', password: '' }, 'patients')
    ).map((p) => p.data);
    expect(patients.map((p) => [p.nationalId, p.gender])).toEqual(
      expect.arrayContaining([
        [PATIENT.nationalId, 'female'],
        [OTHER.nationalId, 'male'],
      ]),
    );
    const docs = await bookingDocs(center);
    expect(docs).toHaveLength(2);
    expect(docs.every((d) => d.source === 'portal')).toBe(true);

    // Both in the user area; the receipt has what the clinic checks on arrival.
    const list = await client.get(portalPaths.bookings);
    expect(list.body.bookings.map((b: { id: string }) => b.id).sort()).toEqual(
      [own.id, forOther.body.booking.id].sort(),
    );
    const receipt = await client.get(portalPaths.receipt(own.id));
    expect(receipt.body).toMatchObject({
      trackingCode: paid.body.trackingCode,
      patientName: 'سحر امینی',
      maskedNationalId: '******7806',
      mobile: '+989123334455',
      paymentStatus: 'paid',
      paymentReference: expect.stringMatching(/^\d+$/),
    });
    expect(JSON.stringify(receipt.body)).not.toContain(PATIENT.nationalId);

    // Cancel one (the center allows it up to 2 hours before).
    const cancelled = await client.post(portalPaths.cancel(forOther.body.booking.id));
    expect(cancelled.body.booking).toMatchObject({ status: 'cancelled', canCancel: false });
    expect((await client.post(portalPaths.cancel(forOther.body.booking.id))).status).toBe(403);

    // Reset the password by SMS code: old sessions end, the new password works.
    const other = new PortalClient(server.url);
    await other.session();
    expect((await other.post(portalPaths.resetStart, { mobile: PATIENT.mobile })).status).toBe(200);
    const resetCode = await readLatestCode(server.outbox, PATIENT.mobile, 'reset-code');
    const reset = await other.post(portalPaths.resetFinish, {
      mobile: PATIENT.mobile,
      code: resetCode,
      password: PATIENT.newPassword,
    });
    expect(reset.status).toBe(200);
    expect((await client.get(portalPaths.me)).status).toBe(401);
    await client.session();
    expect(
      (await client.post(portalPaths.login, { mobile: PATIENT.mobile, password: PATIENT.password }))
        .status,
    ).toBe(401);
    await client.session();
    expect(
      (
        await client.post(portalPaths.login, {
          mobile: PATIENT.mobile,
          password: PATIENT.newPassword,
        })
      ).status,
    ).toBe(200);
    await client.session();

    // Close the account: the login and profile go, the center's records stay.
    expect((await client.post(portalPaths.close, { password: 'wrong-pass-1' })).status).toBe(400);
    expect((await client.post(portalPaths.close, { password: PATIENT.newPassword })).status).toBe(
      200,
    );
    expect((await client.session()).body.account).toBeNull();
    expect(await server.store.portal.getAccountByMobile('+989123334455')).toBeNull();
    expect(
      (
        await client.post(portalPaths.login, {
          mobile: PATIENT.mobile,
          password: PATIENT.newPassword,
        })
      ).status,
    ).toBe(401);
    expect(await bookingDocs(center)).toHaveLength(2);
  }, 30_000);
});
