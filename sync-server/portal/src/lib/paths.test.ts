import { describe, expect, it } from 'vitest';
import { CSRF_HEADER as contractCsrf, portalPaths } from '../../../../shared/portal/contract';
import { CSRF_HEADER, paths } from './paths';

describe('the portal’s copy of the API paths', () => {
  it('is exactly the contract’s', () => {
    expect(CSRF_HEADER).toBe(contractCsrf);
    expect(Object.keys(paths).sort()).toEqual(Object.keys(portalPaths).sort());
    for (const [name, path] of Object.entries(portalPaths)) {
      const ours = paths[name as keyof typeof paths];
      if (typeof path === 'function') {
        expect(typeof ours, name).toBe('function');
        expect((ours as (id: string) => string)('id-1'), name).toBe(path('id-1'));
      } else {
        expect(ours, name).toBe(path);
      }
    }
  });
});
