/** The test side of tests/support/desk-process.ts: a desk core in a child process. */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Core } from '../../electron/core/create-core';
import { AppError, type ApiError } from '../../shared/api/errors';
import type { ApiEvents, CollectionName, EventName } from '../../shared/api/events';
import type { AppInfo } from '../../shared/api/app';

/** A desk in a child process behaves as a `Core` (calls, events, dump, close). */
export type DeskCore = Core;

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: ApiError };

export async function spawnDesk(dataDir: string): Promise<DeskCore> {
  const child: ChildProcess = fork(path.join(import.meta.dirname, 'desk-process.ts'), [dataDir], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, CLINIC_RXDB_DEV: '1' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, (reply: Reply) => void>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let next = 1;
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.on('message', (m: Record<string, unknown>) => {
      if (m.ready) resolve();
      else if (m.fatal) reject(new Error(String(m.fatal)));
      else if (typeof m.event === 'string') {
        for (const l of listeners.get(m.event as EventName) ?? []) l(m.payload);
      } else if (typeof m.id === 'number') {
        pending.get(m.id)?.(m as unknown as Reply);
        pending.delete(m.id);
      }
    });
  });

  const request = (op: string, extra: object = {}): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, (reply) => {
        if (reply.ok) resolve(reply.result);
        else reject(new AppError(reply.error.code, reply.error.message, reply.error.details));
      });
      child.send({ id, op, ...extra });
    });

  let info = (await request('call', { method: 'app.info', args: {} })) as AppInfo;
  const callUnknown = async (method: string, args: unknown) => {
    const result = await request('call', { method, args });
    // The device id and center change at enrollment.
    if (method === 'sync.enrollFinish')
      info = (await request('call', { method: 'app.info', args: {} })) as AppInfo;
    return result;
  };

  return {
    get info() {
      return info;
    },
    callUnknown,
    call: ((method: string, args: unknown) => callUnknown(method, args)) as DeskCore['call'],
    whenIdle: async () => undefined,
    awaitSynced: async () => {
      await request('awaitSynced');
    },
    dump: (collection: CollectionName) =>
      request('dump', { args: collection }) as Promise<Record<string, unknown>[]>,
    on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await request('close').catch(() => undefined);
      await exited;
    },
  };
}
