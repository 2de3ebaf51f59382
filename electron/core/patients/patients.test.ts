import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../create-core';
import { AppError } from '../../../shared/api/errors';
import { tempDir } from '../../../tests/support/temp';

const zahra = {
  firstName: 'زهرا',
  lastName: 'کریمی‌نژاد',
  nationalId: '0499370899',
  mobile: '09123456789',
  gender: 'female' as const,
  birthDate: '1991-05-05',
};

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected the call to be refused');
}

describe('patients in the core', () => {
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

  it('creates a patient with canonical values and the document fields', async () => {
    const p = await core.call('patients.create', {
      ...zahra,
      firstName: ' زهرا ',
      nationalId: '۰۴۹۹۳۷۰۸۹۹',
    });
    expect(p).toMatchObject({
      firstName: 'زهرا',
      nationalId: '0499370899',
      mobile: '+989123456789',
      notes: '',
    });
    expect(p.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(p.centerId).toBe(core.info.centerId);
    expect(p.deviceId).toBe(core.info.deviceId);
    expect(p.createdAt).toBe(p.updatedAt);
    expect(await core.call('patients.get', { id: p.id })).toEqual(p);
  });

  it.each([
    [{ nationalId: '1234567890' }, 'nationalId'],
    [{ mobile: '021-1234' }, 'mobile'],
    [{ mobile: '' }, 'mobile'],
    [{ firstName: '   ' }, 'firstName'],
    [{ lastName: 'ن'.repeat(61) }, 'lastName'],
    [{ gender: 'other' }, 'gender'],
    [{ birthDate: '2099-01-01' }, 'birthDate'],
    [{ birthDate: '1990-02-30' }, 'birthDate'],
  ])('refuses %o with a Persian message on %s and stores nothing', async (bad, field) => {
    const error = await refusal(core.call('patients.create', { ...zahra, ...bad } as never));
    expect(error.code).toBe('invalid');
    expect(error.details?.fields?.[field]).toMatch(/[\u0600-\u06ff]/);
    expect((await core.call('patients.search', {})).total).toBe(0);
  });

  it('keeps one patient per national id', async () => {
    const first = await core.call('patients.create', zahra);
    const error = await refusal(core.call('patients.create', { ...zahra, firstName: 'سارا' }));
    expect(error.code).toBe('conflict');
    expect(error.details?.existingId).toBe(first.id);
    expect((await core.call('patients.search', {})).total).toBe(1);
  });

  it('updates a patient and refuses taking another patient’s national id', async () => {
    const a = await core.call('patients.create', zahra);
    const b = await core.call('patients.create', {
      ...zahra,
      nationalId: '',
      firstName: 'سارا',
      mobile: '09120000000',
    });
    const updated = await core.call('patients.update', {
      ...zahra,
      id: a.id,
      mobile: '+98 935 111 2233',
    });
    expect(updated.mobile).toBe('+989351112233');
    expect(updated.createdAt).toBe(a.createdAt);
    const error = await refusal(
      core.call('patients.update', { ...zahra, id: b.id, firstName: 'سارا' }),
    );
    expect(error.code).toBe('conflict');
    expect((await core.call('patients.get', { id: b.id })).nationalId).toBe('');
  });

  it('reports a missing patient as not-found', async () => {
    const error = await refusal(
      core.call('patients.get', { id: '01900000-0000-7000-8000-000000000000' }),
    );
    expect(error.code).toBe('not-found');
  });

  it('searches across letter forms, ZWNJ, digit scripts and mobile formats', async () => {
    await core.call('patients.create', zahra);
    await core.call('patients.create', {
      ...zahra,
      firstName: 'علی',
      lastName: 'محمدی',
      nationalId: '',
      mobile: '09350001122',
    });
    const found = async (query: string) =>
      (await core.call('patients.search', { query })).items.map((p) => p.firstName);
    expect(await found('كريمي')).toEqual(['زهرا']);
    expect(await found('کریمینژاد')).toEqual(['زهرا']);
    expect(await found('کریمی نژاد زهرا')).toEqual(['زهرا']);
    expect(await found('۰۴۹۹۳۷')).toEqual(['زهرا']);
    expect(await found('+98935000')).toEqual(['علی']);
    expect(await found('٠٩٣٥')).toEqual(['علی']);
    expect(await found('علي')).toEqual(['علی']);
    expect(await found('(.*)')).toEqual([]);
    expect(await found('')).toEqual(['زهرا', 'علی']); // کریمی‌نژاد before محمدی
  });

  it('pages results and reports the total', async () => {
    for (let i = 0; i < 7; i++) {
      await core.call('patients.create', {
        ...zahra,
        nationalId: '',
        lastName: `بیمار${i}`,
        mobile: `0912000000${i}`,
      });
    }
    const page = await core.call('patients.search', { query: 'بیمار', limit: 3, offset: 3 });
    expect(page.total).toBe(7);
    expect(page.items.map((p) => p.lastName)).toEqual(['بیمار3', 'بیمار4', 'بیمار5']);
  });

  it('refuses unknown methods and malformed arguments', async () => {
    await expect(core.callUnknown('patients.drop', {})).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(core.callUnknown('patients.search', { limit: 'all' })).rejects.toMatchObject({
      code: 'invalid',
    });
    await expect(core.callUnknown('patients.search', null)).rejects.toMatchObject({
      code: 'invalid',
    });
  });

  it('tells listeners which patients changed', async () => {
    const events: string[][] = [];
    core.on('data-changed', (e) => {
      if (e.collection === 'patients') events.push(e.ids);
    });
    const p = await core.call('patients.create', zahra);
    await new Promise((r) => setTimeout(r, 10));
    expect(events).toEqual([[p.id]]);
  });
});

describe('the data folder', () => {
  it('keeps patients and the device identity across a restart', async () => {
    const temp = tempDir();
    try {
      const first = await createCore({ dataDir: temp.dir, host: 'test', devMode: true });
      expect(first.info.storage).toBe('sqlite');
      const p = await first.call('patients.create', zahra);
      await first.close();
      const second = await createCore({ dataDir: temp.dir, host: 'test', devMode: true });
      expect(second.info.deviceId).toBe(first.info.deviceId);
      expect(await second.call('patients.get', { id: p.id })).toEqual(p);
      expect((await second.call('patients.search', { query: 'كريمي' })).total).toBe(1);
      await second.close();
    } finally {
      temp.remove();
    }
  });
});
