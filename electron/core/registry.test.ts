import { describe, expect, it } from 'vitest';
import { createRegistry, type Handlers } from './registry';
import { DOMAIN_HANDLERS } from './handlers';
import { appHandlers } from './app/handlers';

describe('handler registry', () => {
  it('accepts one handler per contract method', () => {
    expect(() => createRegistry(...DOMAIN_HANDLERS)).not.toThrow();
  });
  it('fails at start-up on a duplicate handler', () => {
    expect(() =>
      createRegistry(...DOMAIN_HANDLERS, { 'app.info': appHandlers['app.info'] }),
    ).toThrow(/Duplicate handler for "app.info"/);
  });
  it('fails at start-up when a method has no handler', () => {
    expect(() => createRegistry(...DOMAIN_HANDLERS.filter((d) => !('patients.get' in d)))).toThrow(
      /No handler for: .*patients\./,
    );
  });
  it('refuses a handler the contract does not declare', () => {
    const stray = { 'app.reboot': async () => null } as unknown as Partial<Handlers>;
    expect(() => createRegistry(...DOMAIN_HANDLERS, stray)).toThrow(/does not declare/);
  });
});
