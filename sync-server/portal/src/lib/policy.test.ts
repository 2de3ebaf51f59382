import { describe, expect, it } from 'vitest';
import type { PolicyInfo } from '../../../../shared/portal/contract';
import { policyNotice } from './policy';

const current = { version: '1', publishedAt: '2026-01-01', effectiveAt: '2026-01-01', text: 'متن' };

function policy(effectiveAt: string | null): PolicyInfo {
  return {
    current,
    upcoming: effectiveAt
      ? { version: '2', publishedAt: '2026-11-01', effectiveAt, text: 'متن تازه' }
      : null,
    history: [],
  };
}

describe('the policy change notice (P11)', () => {
  const now = Date.parse('2026-11-25T08:00:00.000Z');

  it('shows within 30 days before the new version takes effect', () => {
    expect(policyNotice(policy('2026-12-20'), now)?.version).toBe('2');
    expect(policyNotice(policy('2026-12-24T20:30:00.000Z'), now)?.version).toBe('2');
  });

  it('does not show earlier than 30 days before', () => {
    expect(policyNotice(policy('2026-12-26'), now)).toBeNull();
  });

  it('does not show once the version is in effect, nor without one', () => {
    expect(policyNotice(policy('2026-11-25'), now)).toBeNull();
    expect(policyNotice(policy(null), now)).toBeNull();
    expect(policyNotice(null, now)).toBeNull();
    expect(policyNotice(policy('soon'), now)).toBeNull();
  });
});

describe('the effective moment', () => {
  it('starts a plain day at midnight in Tehran', async () => {
    const { effectiveMs } = await import('./policy');
    expect(new Date(effectiveMs('2026-12-20')).toISOString()).toBe('2026-12-19T20:30:00.000Z');
    expect(effectiveMs('2026-12-20T10:00:00.000Z')).toBe(Date.parse('2026-12-20T10:00:00.000Z'));
  });
});
