/**
 * Runs once before the test files: builds the renderer that browser tests load through the
 * node-host (into dist/test-renderer, so a developer's dist/renderer is never touched).
 */
import { buildRenderer } from '../../scripts/build.mjs';
import { TEST_RENDERER_DIR } from '../support/paths';

export default async function setup(): Promise<void> {
  // For quick runs of non-browser tests while the renderer is being changed.
  if (process.env.SKIP_RENDERER_BUILD === '1') return;
  await buildRenderer({ outDir: TEST_RENDERER_DIR, quiet: true });
}
