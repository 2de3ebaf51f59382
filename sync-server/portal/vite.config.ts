import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = import.meta.dirname;

/**
 * The patient portal: served by the sync server at `/` (index.html for every unknown path, so the
 * history router's deep links and the gateway's return to `/payment/result` work). Assets are
 * therefore absolute (`/assets/...`). The manifest lets the portal benchmark follow a route's chunks.
 */
export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir: path.resolve(here, '..', '..', 'dist', 'portal'),
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    target: 'es2022',
    assetsInlineLimit: 0,
  },
});
