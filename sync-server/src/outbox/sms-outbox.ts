/**
 * The local SMS outbox: what a fresh install "sends" until a center (or the operator) sets up an
 * SMS provider (sms/outbox-provider.ts wraps it as one). The file outbox
 * appends one JSON line per message to `<dir>/sms.jsonl`; an operator (or a test) reads the code
 * there. The outbox is a message store, not a log: it holds the codes on purpose, so keep the
 * data folder private (docs/operations.md).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { parseMobile } from '../../../shared/text/identity';
import { toLatinDigits } from '../../../shared/text/normalize';

export interface SmsMessage {
  id: string;
  at: string;
  /** +989XXXXXXXXX */
  to: string;
  text: string;
  /** What it is: codes are found by their kind; `message` is a queued SMS the worker sent. */
  kind: 'enrollment-code' | 'signup-code' | 'mobile-code' | 'reset-code' | 'message';
}

export interface SmsOutbox {
  send(message: Omit<SmsMessage, 'id'>): Promise<void>;
}

/** An outbox whose messages can be read back (the local ones; a provider's cannot). */
export interface ReadableOutbox extends SmsOutbox {
  list(): Promise<SmsMessage[]>;
}

export const OUTBOX_FILE_NAME = 'sms.jsonl';

export class FileOutbox implements ReadableOutbox {
  readonly file: string;

  constructor(dir: string) {
    this.file = path.join(dir, OUTBOX_FILE_NAME);
  }

  async send(message: Omit<SmsMessage, 'id'>): Promise<void> {
    await fs.mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const line = `${JSON.stringify({ id: randomUUID(), ...message })}\n`;
    // One appendFile call per line: concurrent sends never interleave within a line.
    await fs.appendFile(this.file, line, { encoding: 'utf8', mode: 0o600 });
  }

  async list(): Promise<SmsMessage[]> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as SmsMessage);
  }
}

export class MemoryOutbox implements ReadableOutbox {
  readonly messages: SmsMessage[] = [];

  send(message: Omit<SmsMessage, 'id'>): Promise<void> {
    this.messages.push({ id: randomUUID(), ...message });
    return Promise.resolve();
  }

  list(): Promise<SmsMessage[]> {
    return Promise.resolve([...this.messages]);
  }
}

/** The one-time code of the latest SMS of `kind` to `mobile` (any common form); throws if none. */
export async function readLatestCode(
  outbox: ReadableOutbox,
  mobile: string,
  kind: SmsMessage['kind'] = 'enrollment-code',
): Promise<string> {
  const to = parseMobile(mobile) ?? mobile;
  const messages = await outbox.list();
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.to !== to || m.kind !== kind) continue;
    const code = /(\d{6})/.exec(toLatinDigits(m.text));
    if (code) return code[1]!;
  }
  throw new Error(`No ${kind} was sent to ${to}`);
}
