/**
 * A desktop core in its own process, driven over IPC. Open-source RxDB allows 13 collections per
 * process and one desk opens up to 12, so tests with several desks run each extra desk here — which
 * is also how real desks live: one process each.
 */
import { createCore, type Core } from '../../electron/core/create-core';
import { toApiError } from '../../shared/api/errors';
import { EVENT_NAMES } from '../../shared/api/events';

interface Request {
  id: number;
  op: 'call' | 'awaitSynced' | 'dump' | 'close';
  method?: string;
  args?: unknown;
}

const dataDir = process.argv[2];
if (!dataDir || !process.send) throw new Error('usage: fork desk-process.ts <dataDir>');

let core: Core;
const send = (message: unknown) => process.send!(message);

createCore({ dataDir, host: 'test', devMode: true }).then(
  (c) => {
    core = c;
    for (const event of EVENT_NAMES) core.on(event, (payload) => send({ event, payload }));
    send({ ready: true });
  },
  (error: unknown) => {
    send({ fatal: String(error) });
    process.exit(1);
  },
);

process.on('message', (message: Request) => {
  const reply = (body: object) => send({ id: message.id, ...body });
  const run = async (): Promise<unknown> => {
    switch (message.op) {
      case 'call':
        return core.callUnknown(message.method!, message.args);
      case 'awaitSynced':
        return core.awaitSynced();
      case 'dump':
        return core.dump(message.args as never);
      case 'close':
        await core.close();
        return null;
    }
  };
  run().then(
    (result) => {
      reply({ ok: true, result });
      if (message.op === 'close') setImmediate(() => process.exit(0));
    },
    (error: unknown) => reply({ ok: false, error: toApiError(error) }),
  );
});
