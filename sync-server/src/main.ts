/**
 * `npm run server`: the sync server on SYNC_HOST:SYNC_PORT with its data in SYNC_DATA_DIR
 * (docs/operations.md). SYNC_SEED_DEMO=1 creates «کلینیک نمونه» on an empty database.
 * `npm run server -- <command>` runs an operator command instead (cli/commands.ts).
 */
import path from 'node:path';
import { runCommand } from './cli/commands';
import { readConfig } from './config';
import { seedDemoCenter } from './centers/create-center';
import { FileOutbox } from './outbox/sms-outbox';
import { FileMailOutbox, SmtpMailer } from './mail/mailer';
import { buildServer } from './server';
import { DEFAULT_SMS_ENDPOINTS } from './sms/provider';
import { remoteSmsProvider } from './sms/sms-providers';
import { openSqliteStore } from './store/sqlite-store';

async function serve(): Promise<void> {
  const config = readConfig();
  const store = await openSqliteStore(config.dataDir);
  const outbox = new FileOutbox(path.join(config.dataDir, 'outbox'));
  const e = config.endpoints;
  const smsEndpoints = {
    ...DEFAULT_SMS_ENDPOINTS,
    ...(e.kavenegar ? { kavenegar: e.kavenegar } : {}),
    ...(e.smsir ? { smsir: e.smsir } : {}),
  };
  const sms = config.systemSms;
  const mailFrom = config.mailFrom || undefined;
  const app = await buildServer({
    store,
    outbox,
    dataDir: config.dataDir,
    logger: { level: config.logLevel },
    trustProxy: config.trustProxy,
    smsEndpoints,
    ...(sms.provider === 'outbox'
      ? {}
      : { systemSms: remoteSmsProvider(sms.provider, sms.apiKey, sms.sender, smsEndpoints) }),
    mailer: config.smtpUrl
      ? new SmtpMailer(config.smtpUrl, mailFrom)
      : new FileMailOutbox(path.join(config.dataDir, 'outbox', 'mail'), mailFrom),
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
    gatewayEndpoints: {
      ...(e.zarinpal ? { zarinpal: e.zarinpal } : {}),
      ...(e.zibal ? { zibal: e.zibal } : {}),
    },
    simulatedGateway: config.simulatedGateway,
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
  console.log(`Licence key ${app.syncLicences.keys.keyId}`);
  console.log(`Enrollment codes (until SMS is set up): ${outbox.file}`);
  if (config.workerIntervalMs > 0) app.syncWorker.start(config.workerIntervalMs);

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

const args = process.argv.slice(2);
if (args.length === 0) {
  serve().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  runCommand(readConfig().dataDir, args).then(
    (code) => process.exit(code),
    (error: unknown) => {
      // An operator's mistake (a wrong flag, an unknown center): the message is enough.
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
