/**
 * `npm run server`: the sync server on SYNC_HOST:SYNC_PORT with its data in SYNC_DATA_DIR
 * (docs/operations.md). SYNC_SEED_DEMO=1 creates «کلینیک نمونه» on an empty database.
 */
import path from 'node:path';
import { readConfig } from './config';
import { seedDemoCenter } from './centers/create-center';
import { FileOutbox } from './outbox/sms-outbox';
import { buildServer } from './server';
import { openSqliteStore } from './store/sqlite-store';

async function main(): Promise<void> {
  const config = readConfig();
  const store = await openSqliteStore(config.dataDir);
  const outbox = new FileOutbox(path.join(config.dataDir, 'outbox'));
  const app = await buildServer({
    store,
    outbox,
    logger: { level: config.logLevel },
    trustProxy: config.trustProxy,
  });

  if (config.seedDemo) {
    const demo = await seedDemoCenter(store, { feed: app.syncFeed });
    if (demo) {
      console.log(
        `Demo center «${demo.centerName}» created. Manager mobile ${demo.mobile}, password ${demo.password}`,
      );
    }
  }

  const address = await app.listen({ port: config.port, host: config.host });
  console.log(`Sync server listening on ${address}; data in ${config.dataDir}`);
  console.log(`Enrollment codes (until SMS is set up): ${outbox.file}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    void app
      .close()
      .then(() => store.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
