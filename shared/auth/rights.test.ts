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

describe('escalation', async () => {
  const { escalation } = await import('./write-rights');
  const operator = {
    kind: 'operator' as const,
    active: true,
    rightsGranted: ['staff.manage'],
    rightsRevoked: [],
  };
  it('stops a non-manager from making or editing managers', () => {
    expect(escalation(operator, 'staff', null, { kind: 'manager' })).toMatch(/مدیر/);
    expect(escalation(operator, 'staff', { kind: 'manager' }, { kind: 'nurse' })).toMatch(/مدیر/);
    expect(
      escalation({ ...operator, kind: 'manager' }, 'staff', null, { kind: 'manager' }),
    ).toBeNull();
  });
  it('stops granting rights one does not hold, to a person or a kind', () => {
    expect(
      escalation(
        operator,
        'staff',
        { kind: 'nurse', rightsGranted: [] },
        { kind: 'nurse', rightsGranted: ['cashier.refund'] },
      ),
    ).toMatch(/ندارید/);
    expect(
      escalation(
        operator,
        'staff',
        { kind: 'nurse', rightsGranted: [] },
        { kind: 'nurse', rightsGranted: ['sms.view'] },
      ),
    ).toBeNull();
    expect(
      escalation(
        operator,
        'center',
        { rightsByKind: {} },
        { rightsByKind: { nurse: { granted: ['cashier.refund'], revoked: [] } } },
      ),
    ).toMatch(/ندارید/);
    const settingsOnly = { ...operator, rightsGranted: ['settings.edit'] };
    expect(
      escalation(
        settingsOnly,
        'center',
        { rightsByKind: {} },
        { rightsByKind: { nurse: { granted: [], revoked: ['sms.view'] } } },
      ),
    ).toMatch(/مدیریت کارکنان/);
    expect(
      escalation(
        settingsOnly,
        'center',
        { name: 'a', rightsByKind: {} },
        { name: 'b', rightsByKind: {} },
      ),
    ).toBeNull();
  });
});
