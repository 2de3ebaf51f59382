import { describe, expect, it } from 'vitest';
import { can, DEFAULT_RIGHTS, effectiveRights, PERMISSION_IDS } from './rights';

const nurse = { kind: 'nurse' as const, active: true, rightsGranted: [], rightsRevoked: [] };

describe('rights', () => {
  it('gives each kind its defaults and managers everything', () => {
    expect(can(nurse, 'cashier.view')).toBe(true);
    expect(can(nurse, 'settings.edit')).toBe(false);
    expect(effectiveRights({ ...nurse, kind: 'manager' }).size).toBe(PERMISSION_IDS.length);
    for (const list of Object.values(DEFAULT_RIGHTS))
      for (const p of list) expect(PERMISSION_IDS).toContain(p);
  });
  it('applies the kind change, then the person change', () => {
    const byKind = { nurse: { granted: ['inventory.edit'], revoked: ['cashier.receive'] } };
    expect(can(nurse, 'inventory.edit', byKind)).toBe(true);
    expect(can(nurse, 'cashier.receive', byKind)).toBe(false);
    const person = {
      ...nurse,
      rightsGranted: ['cashier.receive'],
      rightsRevoked: ['cashier.view'],
    };
    expect(can(person, 'cashier.receive', byKind)).toBe(true);
    expect(can(person, 'cashier.view', byKind)).toBe(false);
  });
  it('gives inactive staff nothing and ignores unknown rights', () => {
    expect(effectiveRights({ ...nurse, active: false }).size).toBe(0);
    expect(effectiveRights({ ...nurse, rightsGranted: ['bank.rob'] })).not.toContain('bank.rob');
  });
  it('cannot take rights away from a manager', () => {
    expect(
      can({ ...nurse, kind: 'manager', rightsRevoked: ['staff.manage'] }, 'staff.manage'),
    ).toBe(true);
  });
});
