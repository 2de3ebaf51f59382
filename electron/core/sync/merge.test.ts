import { describe, expect, it } from 'vitest';
import { threeWayMerge } from './merge';

const base = {
  id: 'p1',
  firstName: 'علی',
  lastName: 'رضایی',
  mobile: '+989120000000',
  notes: '',
  updatedAt: 't0',
  updatedBy: 's0',
  deviceId: 'd0',
  _deleted: false,
};

describe('three-way merge', () => {
  it('keeps fields each side changed alone', () => {
    const server = {
      ...base,
      mobile: '+989121111111',
      updatedAt: 't1',
      updatedBy: 's1',
      deviceId: 'd1',
    };
    const local = { ...base, notes: 'آلرژی', updatedAt: 't2', updatedBy: 's2', deviceId: 'd2' };
    const { doc, overrides } = threeWayMerge(base, server, local);
    expect(doc).toMatchObject({
      mobile: '+989121111111',
      notes: 'آلرژی',
      updatedBy: 's2',
      deviceId: 'd2',
    });
    expect(overrides).toEqual([]);
  });

  it('keeps the server value of a field both changed, and reports the desk’s value', () => {
    const server = { ...base, mobile: '+989121111111' };
    const local = { ...base, mobile: '+989122222222' };
    const { doc, overrides } = threeWayMerge(base, server, local);
    expect(doc.mobile).toBe('+989121111111');
    expect(overrides).toEqual([
      {
        documentId: 'p1',
        field: 'mobile',
        localValue: '+989122222222',
        serverValue: '+989121111111',
      },
    ]);
  });

  it('lets a server delete win over local edits, and reports them', () => {
    const server = { ...base, _deleted: true };
    const local = { ...base, notes: 'x' };
    const { doc } = threeWayMerge(base, server, local);
    expect(doc._deleted).toBe(true);
  });

  it('applies a local delete when the server did not change the document', () => {
    const { doc } = threeWayMerge(base, { ...base }, { ...base, _deleted: true });
    expect(doc._deleted).toBe(true);
  });

  it('takes the server state when nothing was assumed', () => {
    const server = { ...base, firstName: 'رضا' };
    expect(threeWayMerge(undefined, server, base).doc).toBe(server);
  });
});

describe('merge rules', () => {
  it('recomputes derived fields from the merged fields', async () => {
    const { MERGE_RULES } = await import('./merge-rules');
    const p = { ...base, searchText: 'علی رضایی', sortName: 'x' };
    const server = { ...p, firstName: 'رضا' };
    const local = { ...p, lastName: 'کریمی' };
    const { doc } = threeWayMerge(p, server, local, MERGE_RULES.patients);
    expect(doc.searchText).toBe('رضا کریمی 09120000000');
  });

  it('lets a new slot-race decision of the server set the status, whatever the desk did', async () => {
    const { MERGE_RULES } = await import('./merge-rules');
    const a = { id: 'a1', status: 'booked', start: 600, end: 630, conflict: null, updatedAt: 't0' };
    const server = {
      ...a,
      start: 660,
      end: 690,
      status: 'conflict',
      conflict: { withId: 'a0', at: 't2', reason: 'x' },
    };
    const local = { ...a, start: 660, end: 690, notes: 'تماس گرفته شد', updatedAt: 't1' };
    const { doc, overrides } = threeWayMerge(a, server, local, MERGE_RULES.appointments);
    expect(doc).toMatchObject({
      status: 'conflict',
      conflict: server.conflict,
      notes: 'تماس گرفته شد',
    });
    expect(overrides).toEqual([]);
    // A person resolving it later (status changed from the decision the desk has seen) is not overruled.
    const seen = { ...server };
    const resolved = { ...server, status: 'cancelled', conflict: null };
    expect(
      threeWayMerge(seen, { ...seen, notes: 'x' }, resolved, MERGE_RULES.appointments).doc.status,
    ).toBe('cancelled');
  });
});
