import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh temporary folder per test; removed by the returned function. */
export function tempDir(prefix = 'clinic-test-'): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
