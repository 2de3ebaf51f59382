/**
 * Runs once before the test files: builds the renderer that browser tests load through the
 * node-host (into dist/test-renderer, so a developer's dist/renderer is never touched).
 */
import { buildRenderer } from '../../scripts/build.mjs';
import { TEST_RENDERER_DIR } from '../support/paths';

export default async function setup(): Promise<void> {
  await buildRenderer({ outDir: TEST_RENDERER_DIR, quiet: true });
}
