/**
 * Crash test: a child process streams bulk writes and prints each acknowledged one; we SIGKILL it
 * mid-stream, reopen the file and require every acknowledged write and a clean integrity check.
 * (SIGKILL proves crash safety of the process; power-cut safety rests on synchronous = FULL.)
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { RxStorage } from 'rxdb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRxStorageSqlite } from './rx-storage-sqlite';
import { defaultFileName } from './sqlite-file';
import { makeTempDir, openInstance, removeDir } from './storage-test-kit';

const ACKS_BEFORE_KILL = 2000;

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeDir(dir));

function runAndKill(): Promise<{ ids: string[]; lastCounter: number; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const script = path.join(import.meta.dirname, 'crash-writer.fixture.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script, dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const ids: string[] = [];
    let lastCounter = 0;
    let pending = '';
    let killed = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('ack ')) ids.push(line.slice(4));
        else if (line.startsWith('counter ')) lastCounter = Number(line.slice(8));
      }
      if (!killed && ids.length >= ACKS_BEFORE_KILL) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ ids, lastCounter, signal }));
  });
}

describe('sqlite storage: crash safety', () => {
  it('keeps every acknowledged write when the writer is killed with SIGKILL', async () => {
    const { ids, lastCounter, signal } = await runAndKill();
    expect(signal).toBe('SIGKILL');
    expect(ids.length).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);

    const file = path.join(dir, defaultFileName('crash'));
    const raw = new Database(file);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();

    const db = await openInstance(
      getRxStorageSqlite({ databaseDir: dir }) as RxStorage<unknown, unknown>,
      'crash',
    );
    const found = await db.findDocumentsById(ids, false);
    const foundIds = new Set(found.map((d) => d.id));
    expect(ids.filter((id) => !foundIds.has(id))).toEqual([]);
    const [counter] = await db.findDocumentsById(['counter'], false);
    expect(Number(counter?.name.slice('bulk '.length))).toBeGreaterThanOrEqual(lastCounter);
    await db.close();
  });
});
