/**
 * Runs once before the test files: builds the renderer that browser tests load through the
 * node-host and the patient portal the sync server serves in portal tests (into dist/test-renderer
 * and dist/test-portal, so a developer's dist/renderer and dist/portal are never touched).
 */
import { buildPortal, buildRenderer } from '../../scripts/build.mjs';
import { TEST_PORTAL_DIR, TEST_RENDERER_DIR } from '../support/paths';

export default async function setup(): Promise<void> {
  // For quick runs of non-browser tests while the UIs are being changed.
  if (process.env.SKIP_RENDERER_BUILD === '1') return;
  await buildRenderer({ outDir: TEST_RENDERER_DIR, quiet: true });
  await buildPortal({ outDir: TEST_PORTAL_DIR, quiet: true });
}
