import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** The renderer built once per test run by tests/setup/global-setup.ts. */
export const TEST_RENDERER_DIR = path.join(ROOT, 'dist', 'test-renderer');
/** The patient portal built once per test run by tests/setup/global-setup.ts. */
export const TEST_PORTAL_DIR = path.join(ROOT, 'dist', 'test-portal');
