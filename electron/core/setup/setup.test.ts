/**
 * Setup on a desk working alone (enrolled desks are tested with a real server in tests/desk-sync):
 * catalogue and staff rules, and that every change lands in the audit chain.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import { verifyPassword } from '../../../shared/auth/password';
import { createCore, type Core } from '../create-core';
import { tempDir } from '../../../tests/support/temp';

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('setup on a desk', () => {
  let core: Core;
  let temp: ReturnType<typeof tempDir>;
  beforeEach(async () => {
    temp = tempDir();
    core = await createCore({ dataDir: temp.dir, host: 'test', devMode: true });
  });
  afterEach(async () => {
    await core.close();
    temp.remove();
  });

  it('saves departments and services, refusing bad input with field messages and saving nothing', async () => {
    const dept = await core.call('catalog.saveDepartment', { name: ' فيزيوتراپي ' });
    expect(dept).toMatchObject({ kind: 'department', name: 'فیزیوتراپی', active: true });
    const service = await core.call('catalog.saveService', {
      name: 'جلسهٔ فیزیوتراپی',
      departmentId: dept.id,
      priceRial: 4_500_000,
      durationMin: 45,
      prepaymentRequired: true,
    });
    expect(service).toMatchObject({ kind: 'service', departmentId: dept.id, priceRial: 4_500_000 });

    for (const [bad, field] of [
      [{ name: '  ' }, 'name'],
      [{ priceRial: -1 }, 'priceRial'],
      [{ priceRial: 10.5 }, 'priceRial'],
      [{ durationMin: 0 }, 'durationMin'],
      [{ departmentId: '' }, 'departmentId'],
    ] as const) {
      const error = await refusal(
        core.call(
          'catalog.saveService',
          Object.assign(
            { name: 'ویزیت', departmentId: dept.id, priceRial: 1, durationMin: 15 },
            bad,
          ),
        ),
      );
      expect(error.code, field).toBe('invalid');
      expect(error.details?.fields?.[field], field).toMatch(/[\u0600-\u06ff]/);
    }
    const twin = await refusal(core.call('catalog.saveDepartment', { name: 'فیزیوتراپی' }));
    expect(twin.details?.fields?.name).toBeTruthy();
    const list = await core.call('catalog.list', {});
    expect(list.departments).toHaveLength(1);
    expect(list.services).toHaveLength(1);
  });

  it('creates staff with a hashed password, refuses a bad or taken mobile, and never shows the hash', async () => {
    const nurse = await core.call('staff.save', {
      firstName: 'سمیرا',
      lastName: 'نیکو',
      mobile: '09123334455',
      kind: 'nurse',
      password: 'nurse1234',
    });
    expect(nurse).toMatchObject({ kind: 'nurse', canLogIn: true, mobile: '+989123334455' });
    expect(nurse).not.toHaveProperty('passwordHash');
    expect(nurse.rights).toContain('cashier.view');
    const [stored] = await core.dump('staff');
    expect(await verifyPassword('nurse1234', String(stored!.passwordHash))).toBe(true);

    expect(
      (
        await refusal(
          core.call('staff.save', { firstName: 'الف', lastName: 'ب', mobile: '12', kind: 'nurse' }),
        )
      ).details?.fields?.mobile,
    ).toBeTruthy();
    expect(
      (
        await refusal(
          core.call('staff.save', {
            firstName: 'الف',
            lastName: 'ب',
            mobile: '09123334455',
            kind: 'operator',
          }),
        )
      ).code,
    ).toBe('conflict');
    expect(
      (
        await refusal(
          core.call('staff.save', {
            firstName: 'الف',
            lastName: 'ب',
            mobile: '09120001111',
            kind: 'nurse',
            password: 'short',
          }),
        )
      ).details?.fields?.password,
    ).toBeTruthy();

    const changed = await core.call('staff.setRights', {
      id: nurse.id,
      granted: ['inventory.edit'],
      revoked: ['cashier.view'],
    });
    expect(changed.rights).toContain('inventory.edit');
    expect(changed.rights).not.toContain('cashier.view');
    expect((await core.call('staff.list', {})).map((s) => s.id)).toEqual([nurse.id]);
  });

  it('records every change in a hash chain, and the verify command finds tampering in the local database', async () => {
    const p = await core.call('patients.create', {
      firstName: 'زهرا',
      lastName: 'احمدی',
      mobile: '09121112233',
      gender: 'female',
    });
    await core.call('patients.update', {
      id: p.id,
      firstName: 'زهرا',
      lastName: 'احمدی',
      mobile: '09351112233',
      gender: 'female',
    });
    await core.call('catalog.saveDepartment', { name: 'دندانپزشکی' });
    await core.call('patients.remove', { id: p.id });

    const log = await core.call('audit.list', {});
    expect(log.total).toBe(4);
    expect(log.items.map((e) => e.action)).toEqual(['delete', 'create', 'update', 'create']);
    const edit = log.items.find((e) => e.action === 'update')!;
    expect(edit.changes).toEqual([
      { field: 'mobile', before: '+989121112233', after: '+989351112233' },
    ]);
    expect(edit.summary).toContain('زهرا احمدی');
    expect((await core.call('audit.list', { section: 'catalog' })).total).toBe(1);
    expect((await core.call('audit.list', { targetId: p.id })).total).toBe(3);
    expect(await core.call('audit.verify', {})).toMatchObject({
      ok: true,
      checked: 4,
      problems: [],
    });
    await core.close();

    const run = () =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', 'electron/core/audit/verify-cli.ts', temp.dir],
        { encoding: 'utf8' },
      );
    const clean = run();
    expect(clean.stdout).toContain('OK: every chain is intact.');
    expect(clean.status).toBe(0);

    // Someone edits an entry and deletes another straight in the SQLite file.
    const db = new Database(path.join(temp.dir, 'db', 'desk.sqlite'));
    const rows = db.prepare('SELECT id, data FROM "audit/v0"').all() as {
      id: string;
      data: string;
    }[];
    const bySeq = new Map(rows.map((r) => [JSON.parse(r.data).seq as number, r]));
    const edited = JSON.parse(bySeq.get(2)!.data);
    edited.changes[0].after = '+989000000000';
    db.prepare('UPDATE "audit/v0" SET data = ? WHERE id = ?').run(
      JSON.stringify(edited),
      bySeq.get(2)!.id,
    );
    db.prepare('DELETE FROM "audit/v0" WHERE id = ?').run(bySeq.get(3)!.id);
    db.close();

    const tampered = run();
    expect(tampered.status).toBe(1);
    expect(tampered.stdout).toContain('TAMPERED');
    expect(tampered.stdout).toMatch(/#2 \[hash\]/);
    expect(tampered.stdout).toMatch(/#3 \[gap\]/);
    core = await createCore({ dataDir: temp.dir, host: 'test', devMode: true });
  }, 60_000);
});
