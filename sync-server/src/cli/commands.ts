/**
 * Operator commands of `npm run server -- <command>` (docs/operations.md). They open the same
 * data folder as the server; they may run while it runs (SQLite locks across processes, and they
 * write no synced documents, so the server's order of checkpoints is untouched).
 *
 *   verify-audit [centerId]    checks the stored audit chains; exit code 1 when something is wrong
 *   licence <centerId> [--seats N] [--modules a,b] [--valid-until YYYY-MM-DD] [--grace-days N]
 *                              re-issues the center's licence with the terms given
 *   policy <version> --file <text file> [--effective-at ISO instant]
 *                              publishes a privacy policy version (default: effective in 30 days)
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { verifyStoredAudit } from '../audit/verify-audit';
import { LicenceIssuer, type LicenceChange } from '../licence/issuer';
import { loadOrCreateLicenceKeys } from '../licence/keys';
import { publishPolicy } from '../portal/policy';
import { openSqliteStore } from '../store/sqlite-store';
import type { SyncStore } from '../store/sync-store';

export const COMMANDS = ['verify-audit', 'licence', 'policy'] as const;

export interface CommandIo {
  out: (line: string) => void;
  now?: () => Date;
}

const TEHRAN_OFFSET_MS = 3.5 * 3_600_000;

/** A calendar day means its end in Tehran (UTC+03:30, no daylight saving since 2022). */
export function endOfTehranDay(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`--valid-until is not YYYY-MM-DD: ${day}`);
  const at = Date.parse(`${day}T23:59:59.999+03:30`);
  // Date.parse rolls 2026-02-30 over to March; read the day back in Tehran time to refuse it.
  const back = Number.isNaN(at) ? '' : new Date(at + TEHRAN_OFFSET_MS).toISOString().slice(0, 10);
  if (back !== day) throw new Error(`--valid-until is not a date: ${day}`);
  return new Date(at).toISOString();
}

function wholeNumber(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} is not a whole number: ${text}`);
  return n;
}

async function verifyAudit(store: SyncStore, args: string[], io: CommandIo): Promise<number> {
  const reports = await verifyStoredAudit(store, args[0]);
  let problems = 0;
  for (const report of reports) {
    problems += report.problems.length;
    const state = report.problems.length === 0 ? 'ok' : `${report.problems.length} problem(s)`;
    io.out(`center ${report.centerId}: ${report.checked} entries, ${state}`);
    for (const p of report.problems) {
      const where = 'deviceId' in p ? `device ${p.deviceId} seq ${p.seq}` : `entry ${p.entryId}`;
      io.out(`  ${p.problem} at ${where}: ${p.message}`);
    }
  }
  io.out(problems === 0 ? 'audit log intact' : `audit log: ${problems} problem(s) found`);
  return problems === 0 ? 0 : 1;
}

async function licence(
  store: SyncStore,
  dataDir: string,
  args: string[],
  io: CommandIo,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      seats: { type: 'string' },
      modules: { type: 'string' },
      'valid-until': { type: 'string' },
      'grace-days': { type: 'string' },
    },
  });
  const centerId = positionals[0];
  if (!centerId || positionals.length > 1) {
    throw new Error(
      'usage: licence <centerId> [--seats N] [--modules a,b] [--valid-until YYYY-MM-DD] [--grace-days N]',
    );
  }
  if (!(await store.getDocument('center', centerId))) throw new Error(`No center ${centerId}`);
  const change: LicenceChange = {};
  const seats = wholeNumber('--seats', values.seats);
  if (seats !== undefined) change.seats = seats;
  const graceDays = wholeNumber('--grace-days', values['grace-days']);
  if (graceDays !== undefined) change.graceDays = graceDays;
  if (values.modules !== undefined) {
    change.modules = values.modules
      .split(',')
      .map((m) => m.trim())
      .filter(Boolean);
  }
  if (values['valid-until'] !== undefined)
    change.validUntil = endOfTehranDay(values['valid-until']);
  const issuer = new LicenceIssuer(loadOrCreateLicenceKeys(dataDir), io.now ?? (() => new Date()));
  const { payload } = await store.write((tx) => issuer.change(tx, centerId, change));
  io.out(JSON.stringify(payload, null, 2));
  io.out(`Signed with key ${payload.keyId}; desks fetch it from GET /api/licence.`);
  return 0;
}

async function policy(store: SyncStore, args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { file: { type: 'string' }, 'effective-at': { type: 'string' } },
  });
  const version = positionals[0];
  if (!version || positionals.length > 1 || !values.file) {
    throw new Error('usage: policy <version> --file <text file> [--effective-at ISO instant]');
  }
  const published = await publishPolicy(
    store,
    {
      version,
      text: await readFile(values.file, 'utf8'),
      ...(values['effective-at'] ? { effectiveAt: values['effective-at'] } : {}),
    },
    (io.now ?? (() => new Date()))(),
  );
  io.out(`Published privacy policy ${published.version}, effective ${published.effectiveAt}.`);
  return 0;
}

/** Runs one command against the data folder; returns the process exit code. */
export async function runCommand(
  dataDir: string,
  argv: string[],
  io: CommandIo = { out: (line) => console.log(line) },
): Promise<number> {
  const [command, ...args] = argv;
  const store = await openSqliteStore(dataDir);
  try {
    if (command === 'verify-audit') return await verifyAudit(store, args, io);
    if (command === 'licence') return await licence(store, dataDir, args, io);
    if (command === 'policy') return await policy(store, args, io);
    throw new Error(`Unknown command ${command ?? ''}; one of: ${COMMANDS.join(', ')}`);
  } finally {
    await store.close();
  }
}
