/**
 * A desk core served by the node-host and opened in Chromium, logged in: the start of every
 * browser test of the back office.
 */
import type { Browser, Page } from 'playwright-core';
import { startNodeHost, type NodeHost } from '../../electron/node-host/server';
import type { Core } from '../../electron/core/create-core';
import { launchChromium } from './browser';
import { TEST_RENDERER_DIR } from './paths';

export interface DeskInBrowser {
  host: NodeHost;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export async function openDeskInBrowser(
  core: Core,
  viewport = { width: 1360, height: 860 },
): Promise<DeskInBrowser> {
  const host = await startNodeHost({ core, staticDir: TEST_RENDERER_DIR, port: 0 });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  await page.goto(host.openUrl);
  await page.getByTestId('session-name').waitFor({ timeout: 15_000 });
  return {
    host,
    browser,
    page,
    async close() {
      await browser.close();
      await host.close();
    },
  };
}
