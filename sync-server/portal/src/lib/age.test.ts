import { describe, expect, it } from 'vitest';
import { birthDateProblem, FUTURE_BIRTH_MESSAGE, UNDER_AGE_MESSAGE } from './age';

describe('the under-18 check (P2)', () => {
  const today = '2026-11-25';

  it('accepts someone who turns 18 today or earlier', () => {
    expect(birthDateProblem('2008-11-25', today)).toBeNull();
    expect(birthDateProblem('1980-01-01', today)).toBeNull();
  });

  it('refuses someone who turns 18 tomorrow', () => {
    expect(birthDateProblem('2008-11-26', today)).toBe(UNDER_AGE_MESSAGE);
    expect(birthDateProblem('2020-05-01', today)).toBe(UNDER_AGE_MESSAGE);
  });

  it('refuses a birth date in the future and leaves an empty one to the schema', () => {
    expect(birthDateProblem('2026-11-26', today)).toBe(FUTURE_BIRTH_MESSAGE);
    expect(birthDateProblem('', today)).toBeNull();
  });

  it('says it in Persian with Persian digits', () => {
    expect(UNDER_AGE_MESSAGE).toContain('۱۸');
  });
});
