import { describe, expect, it } from 'vitest';
import { canonicalJson, sameState, stateHash } from './canonical';

describe('canonical JSON', () => {
  it('ignores key order at every depth but not array order or values', () => {
    const a = { b: 1, a: { y: [1, { q: 1, p: 2 }], x: null }, _deleted: false };
    const b = { _deleted: false, a: { x: null, y: [1, { p: 2, q: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(sameState(a, b)).toBe(true);
    expect(stateHash(a)).toBe(stateHash(b));
    expect(sameState(a, { ...b, _deleted: true })).toBe(false);
    expect(sameState({ l: [1, 2] }, { l: [2, 1] })).toBe(false);
    expect(sameState({ v: 1 }, { v: '1' })).toBe(false);
  });

  it('treats an undefined value like an absent key, as JSON does', () => {
    expect(sameState({ a: 1, b: undefined }, { a: 1 })).toBe(true);
  });
});
