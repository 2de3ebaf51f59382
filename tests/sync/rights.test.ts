/**
 * Rights on push (C10, S3): every written row needs the right the shared `writePermission` names,
 * decided by the shared `can` with the center's per-kind changes from its stored center document.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOT_ALLOWED } from '../../sync-server/src/replication/rights';
import { auditChain, wire } from './support/audit-entries';
import {
  appointmentDoc,
  catalogDoc,
  insertRow,
  patientDoc,
  staffDoc,
  updateRow,
} from './support/documents';
import {
  addCenter,
  allDocs,
  push,
  startTestServer,
  type TestCenter,
  type TestServer,
} from './support/harness';

let server: TestServer;
let center: TestCenter;

beforeEach(async () => {
  server = await startTestServer();
  center = await addCenter(server);
});
afterEach(() => server.close());

/** Adds a staff member through the manager's push and returns their document. */
async function hire(overrides: Record<string, unknown>) {
  const doc = staffDoc(center, overrides);
  const res = await push(server, center.token, 'staff', [insertRow(doc)]);
  expect(res.statusCode).toBe(200);
  return doc;
}

/** The manager changes the center's rights for one kind through a normal center push. */
async function setKindRights(kind: string, granted: string[], revoked: string[] = []) {
  const [stored] = await allDocs(server, center, 'center');
  const before = { ...stored!.data, _deleted: false };
  const after = { ...before, rightsByKind: { [kind]: { granted, revoked } } };
  const res = await push(server, center.token, 'center', [updateRow(before, after)]);
  expect(res.statusCode).toBe(200);
}

describe('rights on push', () => {
  it('refuses a catalog item pushed by a nurse, stores nothing, and says why in Persian', async () => {
    const nurse = await hire({ kind: 'nurse' });
    const item = catalogDoc(center, { updatedBy: nurse.id });
    const res = await push(server, center.token, 'catalog', [insertRow(item)]);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({
      code: 'forbidden',
      message: NOT_ALLOWED,
      details: { index: 0, id: item.id },
    });
    expect(await allDocs(server, center, 'catalog')).toEqual([]);
  });

  it('accepts the nurse once the center grants nurses settings.edit', async () => {
    const nurse = await hire({ kind: 'nurse' });
    await setKindRights('nurse', ['settings.edit']);
    const item = catalogDoc(center, { updatedBy: nurse.id });
    const res = await push(server, center.token, 'catalog', [insertRow(item)]);
    expect(res.statusCode).toBe(200);
    expect((await allDocs(server, center, 'catalog')).map((d) => d.id)).toEqual([item.id]);
  });

  it('lets a person-level revoke beat the kind grant', async () => {
    const nurse = await hire({ kind: 'nurse', rightsRevoked: ['settings.edit'] });
    const other = await hire({ kind: 'nurse' });
    await setKindRights('nurse', ['settings.edit']);
    const refused = await push(server, center.token, 'catalog', [
      insertRow(catalogDoc(center, { updatedBy: nurse.id })),
    ]);
    expect(refused.statusCode).toBe(403);
    const accepted = await push(server, center.token, 'catalog', [
      insertRow(catalogDoc(center, { updatedBy: other.id })),
    ]);
    expect(accepted.statusCode).toBe(200);
  });

  it('lets a receptionist book but not overbook without appointments.overbook', async () => {
    const reception = await hire({ kind: 'reception' });
    const booking = appointmentDoc(center, { updatedBy: reception.id });
    expect(
      (await push(server, center.token, 'appointments', [insertRow(booking)])).statusCode,
    ).toBe(200);
    const overbooked = { ...booking, overbook: true };
    const res = await push(server, center.token, 'appointments', [updateRow(booking, overbooked)]);
    expect(res.statusCode).toBe(403);
    expect((await allDocs(server, center, 'appointments'))[0]!.data.overbook).toBe(false);

    // A new booking that is overbooked from the start needs the right as well.
    const fresh = appointmentDoc(center, {
      updatedBy: reception.id,
      overbook: true,
      start: 600,
      end: 630,
    });
    expect((await push(server, center.token, 'appointments', [insertRow(fresh)])).statusCode).toBe(
      403,
    );

    // Granted to this person, the same change goes through.
    const [stored] = await allDocs(server, center, 'staff').then((docs) =>
      docs.filter((d) => d.id === reception.id),
    );
    const person = { ...stored!.data, _deleted: false };
    await push(server, center.token, 'staff', [
      updateRow(person, { ...person, rightsGranted: ['appointments.overbook'] }),
    ]);
    const again = await push(server, center.token, 'appointments', [
      updateRow(booking, overbooked),
    ]);
    expect(again.statusCode).toBe(200);
  });

  it('needs patients.remove to delete a patient, which a receptionist lacks by default', async () => {
    const reception = await hire({ kind: 'reception' });
    const patient = patientDoc(center, { updatedBy: reception.id });
    expect((await push(server, center.token, 'patients', [insertRow(patient)])).statusCode).toBe(
      200,
    );
    const gone = { ...patient, _deleted: true };
    const res = await push(server, center.token, 'patients', [updateRow(patient, gone)]);
    expect(res.statusCode).toBe(403);
    const byManager = { ...gone, updatedBy: center.managerId };
    expect(
      (await push(server, center.token, 'patients', [updateRow(patient, byManager)])).statusCode,
    ).toBe(200);
  });

  it('takes audit entries only in the name of the staff member who pushes them', async () => {
    const reception = await hire({ kind: 'reception' });
    const [own] = await auditChain(center, 1, reception.id);
    expect((await push(server, center.token, 'audit', [insertRow(wire(own!))])).statusCode).toBe(
      200,
    );
    // Written by the receptionist's desk session but naming the manager as the actor.
    const [forged] = await auditChain(center, 1, center.managerId);
    const res = await push(server, center.token, 'audit', [
      insertRow(wire({ ...forged!, updatedBy: reception.id })),
    ]);
    expect(res.statusCode).toBe(403);
    expect((await allDocs(server, center, 'audit')).map((d) => d.id)).toEqual([own!.id]);
  });
});
