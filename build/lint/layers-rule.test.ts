/**
 * The import table of ARCHITECTURE.md is enforced by lint: each case lints a snippet as if it were a
 * file in a given folder, with the project's real ESLint configuration.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '..', '..') });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'local/layers').map((m) => m.message);
}

describe('import layering', () => {
  it.each([
    [
      'electron/core/x.ts',
      "import { app } from 'electron';\nexport const a = app;\n",
      /'electron' may only be imported/,
    ],
    [
      'renderer/src/x.ts',
      "import fs from 'node:fs';\nexport const a = fs;\n",
      /Node built-in 'node:fs'/,
    ],
    ['renderer/src/x.ts', "import fs from 'fs';\nexport const a = fs;\n", /Node built-in 'fs'/],
    [
      'renderer/src/x.ts',
      "import { createCore } from '../../electron/core/create-core';\nexport const a = createCore;\n",
      /'renderer' code may not import from 'core'/,
    ],
    ['shared/x.ts', "import path from 'node:path';\nexport const a = path;\n", /Node built-in/],
    [
      'shared/x.ts',
      "import { bridge } from '../renderer/src/lib/bridge';\nexport const a = bridge;\n",
      /'shared' code may not import from 'renderer'/,
    ],
    [
      'electron/core/x.ts',
      "import { startNodeHost } from '../node-host/server';\nexport const a = startNodeHost;\n",
      /'core' code may not import from 'node-host'/,
    ],
    [
      'sync-server/x.ts',
      "import { createCore } from '../electron/core/create-core';\nexport const a = createCore;\n",
      /'server' code may not import from 'core'/,
    ],
    [
      'renderer/src/x.ts',
      "import Database from 'better-sqlite3';\nexport const a = Database;\n",
      /server-only package/,
    ],
    [
      'electron/node-host/x.ts',
      "export const load = () => import('electron');\n",
      /'electron' may only be imported/,
    ],
  ])('refuses in %s: %s', async (file, code, expected) => {
    const errors = await layerErrors(file, code);
    expect(errors.join('\n')).toMatch(expected);
  });

  it.each([
    [
      'electron/main/x.ts',
      "import { app } from 'electron';\nimport { createCore } from '../core/create-core';\nexport const a = [app, createCore];\n",
    ],
    [
      'electron/node-host/x.ts',
      "import { createCore } from '../core/create-core';\nexport const a = createCore;\n",
    ],
    [
      'renderer/src/x.ts',
      "import { searchKey } from '../../shared/text/normalize';\nexport const a = searchKey;\n",
    ],
    [
      'electron/core/x.ts',
      "import fs from 'node:fs';\nimport type { BrowserWindow } from 'electron';\nexport const a: [typeof fs, BrowserWindow | null] = [fs, null];\n",
    ],
  ])('allows in %s: %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
