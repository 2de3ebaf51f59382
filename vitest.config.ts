import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,electron,renderer,sync-server,tests,build}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', 'dist/**'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: { CLINIC_RXDB_DEV: '1' },
    globalSetup: ['tests/setup/global-setup.ts'],
  },
});
