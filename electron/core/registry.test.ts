import { describe, expect, it } from 'vitest';
import { createRegistry, type Handlers } from './registry';
import { appHandlers } from './app/handlers';
import { patientHandlers } from './patients/handlers';
import { syncHandlers } from './sync/handlers';
import { authHandlers } from './auth/handlers';
import { appointmentHandlers } from './appointments/handlers';

describe('handler registry', () => {
  it('accepts one handler per contract method', () => {
    expect(() =>
      createRegistry(appHandlers, authHandlers, patientHandlers, syncHandlers, appointmentHandlers),
    ).not.toThrow();
  });
  it('fails at start-up on a duplicate handler', () => {
    expect(() =>
      createRegistry(
        appHandlers,
        authHandlers,
        patientHandlers,
        syncHandlers,
        appointmentHandlers,
        {
          'app.info': appHandlers['app.info'],
        },
      ),
    ).toThrow(/Duplicate handler for "app.info"/);
  });
  it('fails at start-up when a method has no handler', () => {
    expect(() =>
      createRegistry(appHandlers, authHandlers, syncHandlers, appointmentHandlers),
    ).toThrow(/No handler for: patients\./);
  });
  it('refuses a handler the contract does not declare', () => {
    const stray = { 'app.reboot': async () => null } as unknown as Partial<Handlers>;
    expect(() =>
      createRegistry(
        appHandlers,
        authHandlers,
        patientHandlers,
        syncHandlers,
        appointmentHandlers,
        stray,
      ),
    ).toThrow(/does not declare/);
  });
});
