import fs from 'node:fs';
import { expect, it } from 'vitest';
import { PRODUCT_VERSION } from './version';

it('reports the version in package.json', () => {
  const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string };
  expect(PRODUCT_VERSION).toBe(pkg.version);
});
