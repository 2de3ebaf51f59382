/**
 * The SMS worker (B7): sends the `messages` that are due through each center's provider and
 * writes their fate back through the server's write path, so every desk sees it by stream.
 *
 * Exactly one send per message, however many workers (or server instances on one database) run:
 * a message is *claimed* in one write transaction that re-reads its stored state — only a
 * `waiting` message whose time and back-off have come, or a `sending` one whose lease lapsed (its
 * worker died), can be claimed — and turns it `sending` with a lease (a random token and an
 * expiry in the queue row). A desk's delete that arrives before the claim wins (the message is
 * `deleted`, never claimed); one that arrives after loses (message-rule.ts refuses changes to a
 * message that is no longer waiting, and a desk that assumed `waiting` gets the usual conflict).
 * The result is written only by the worker still holding the lease.
 *
 * Hazard: a worker that dies after the provider accepted a message and before it wrote `sent`
 * leaves a claim that lapses after {@link SmsWorkerOptions.leaseMs}; the message is then sent
 * again. The lease is kept far longer than the HTTP timeout so that a slow worker never loses its
 * claim while it is still waiting for the provider.
 *
 * Retries: a refusal that may pass (timeout, provider down, no credit) puts the message back to
 * `waiting` with its attempt count and Persian reason, not before an exponential back-off; after
 * {@link SmsWorkerOptions.maxAttempts} (or at once for a refusal that cannot pass, such as a bad
 * number) it is `failed` with the reason. Quiet hours (the center's) hold back every automatic
 * message (all kinds but `custom`). Delivery reports are polled from providers that give them.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Message } from '../../../shared/domain/messages';
import { SERVER_ACTOR_ID, SERVER_DEVICE_ID } from '../../../shared/sync/protocol';
import { ProviderError } from '../http/outbound';
import { commitServerWork, type WritePath } from '../replication/commit';
import type { SmsQueueRecord } from '../store/work-store';
import type { SmsProvider } from './provider';
import { scanReminders } from './reminders';
import type { SmsProviders } from './sms-providers';
import { inQuietHours, type QuietHours } from './tehran-time';

export interface SmsWorkerOptions {
  /** How long a claim holds (ms); far above the providers' HTTP timeout. */
  leaseMs: number;
  maxAttempts: number;
  /** First back-off (ms); doubles per attempt up to {@link maxBackoffMs}. */
  backoffMs: number;
  maxBackoffMs: number;
  /** Delivery reports are asked for at these delays after sending (ms), then no more. */
  pollDelaysMs: readonly number[];
  batch: number;
}

export const DEFAULT_WORKER_OPTIONS: SmsWorkerOptions = {
  leaseMs: 5 * 60_000,
  maxAttempts: 5,
  backoffMs: 60_000,
  maxBackoffMs: 60 * 60_000,
  pollDelaysMs: [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 6 * 3_600_000, 24 * 3_600_000],
  batch: 50,
};

const UNKNOWN_FAILURE = 'ارسال پیامک با خطای پیش‌بینی‌نشده روبه‌رو شد.';

export interface TickReport {
  reminders: number;
  sent: number;
  retried: number;
  failed: number;
  delivered: number;
}

export class SmsWorker {
  /** Tells this worker's claims apart in logs. */
  readonly id = randomUUID().slice(0, 8);
  private readonly options: SmsWorkerOptions;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly path: WritePath,
    private readonly providers: SmsProviders,
    private readonly log: FastifyBaseLogger | null = null,
    options: Partial<SmsWorkerOptions> = {},
  ) {
    this.options = { ...DEFAULT_WORKER_OPTIONS, ...options };
  }

  /** One pass: reminders, due messages, delivery reports. Never throws (errors are logged). */
  async tick(): Promise<TickReport> {
    const report: TickReport = { reminders: 0, sent: 0, retried: 0, failed: 0, delivered: 0 };
    try {
      report.reminders = await scanReminders(this.path);
    } catch (error) {
      this.log?.error({ err: error }, 'reminder scan failed');
    }
    try {
      await this.sendDue(report);
      await this.pollDeliveries(report);
    } catch (error) {
      this.log?.error({ err: error }, 'sms worker pass failed');
    }
    return report;
  }

  /** Ticks every `intervalMs` until {@link stop}; a tick never overlaps the previous one. */
  start(intervalMs: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick().finally(() => (this.running = null));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async sendDue(report: TickReport): Promise<void> {
    const now = this.path.now();
    const due = await this.path.store.work.dueMessages(now.toISOString(), this.options.batch);
    const quietByCenter = new Map<string, QuietHours | null>();
    for (const entry of due) {
      if (entry.kind !== 'custom') {
        if (!quietByCenter.has(entry.centerId)) {
          const center = await this.path.store.getDocument('center', entry.centerId);
          quietByCenter.set(entry.centerId, (center?.data.quietHours as QuietHours) ?? null);
        }
        const quiet = quietByCenter.get(entry.centerId);
        if (quiet && inQuietHours(now, quiet)) continue;
      }
      await this.sendOne(entry, report);
    }
  }

  /** Claims the message if it still may be sent; returns it and the lease token, or null. */
  private claim(entry: SmsQueueRecord): Promise<{ message: Message; token: string } | null> {
    const token = randomUUID();
    return commitServerWork(this.path, entry.centerId, async (w) => {
      const doc = await w.get('messages', entry.messageId);
      const queued = await w.tx.getQueueEntry(entry.messageId);
      if (!doc || doc.deleted || !queued) return null;
      const message = doc.data as Message;
      const now = w.now.toISOString();
      const free =
        (message.status === 'waiting' &&
          (message.sendAfter === '' || Date.parse(message.sendAfter) <= w.now.getTime()) &&
          (queued.nextAttemptAt === null || queued.nextAttemptAt <= now)) ||
        (message.status === 'sending' && queued.leaseUntil !== null && queued.leaseUntil < now);
      if (!free) return null;
      await w.put('messages', entry.messageId, {
        deleted: false,
        data: { ...message, status: 'sending', ...this.stamp(now) },
      });
      const until = new Date(w.now.getTime() + this.options.leaseMs).toISOString();
      await w.tx.updateQueueWork(entry.messageId, { leaseUntil: until, leaseToken: token });
      return { message, token };
    });
  }

  private stamp(at: string) {
    return { updatedAt: at, updatedBy: SERVER_ACTOR_ID, deviceId: SERVER_DEVICE_ID };
  }

  private async sendOne(entry: SmsQueueRecord, report: TickReport): Promise<void> {
    const claimed = await this.claim(entry);
    if (!claimed) return;
    let provider: SmsProvider | null = null;
    let outcome:
      | { ok: true; providerMessageId: string; costRial: number }
      | { ok: false; error: ProviderError };
    try {
      provider = await this.providers.forCenter(entry.centerId);
      const sent = await provider.send({ to: claimed.message.to, text: claimed.message.text });
      outcome = { ok: true, ...sent };
    } catch (error) {
      const known =
        error instanceof ProviderError
          ? error
          : new ProviderError('unexpected', UNKNOWN_FAILURE, true);
      if (!(error instanceof ProviderError)) {
        this.log?.error({ err: error, messageId: entry.messageId }, 'sms send threw');
      }
      outcome = { ok: false, error: known };
    }
    const result = await commitServerWork(this.path, entry.centerId, async (w) => {
      const queued = await w.tx.getQueueEntry(entry.messageId);
      const doc = await w.get('messages', entry.messageId);
      // Someone else holds the message now (this worker's lease lapsed): theirs to write.
      if (!doc || doc.deleted || queued?.leaseToken !== claimed.token) return 'lost' as const;
      const message = doc.data as Message;
      const now = w.now.toISOString();
      const attempts = message.attempts + 1;
      if (outcome.ok) {
        await w.put('messages', entry.messageId, {
          deleted: false,
          data: {
            ...message,
            ...this.stamp(now),
            status: 'sent',
            attempts,
            lastError: '',
            provider: provider!.name,
            providerMessageId: outcome.providerMessageId.slice(0, 64),
            costRial: outcome.costRial,
            sentAt: now,
          },
        });
        const firstPoll = this.options.pollDelaysMs[0];
        await w.tx.updateQueueWork(entry.messageId, {
          leaseUntil: null,
          leaseToken: null,
          provider: provider!.name,
          providerMessageId: outcome.providerMessageId,
          polls: 0,
          nextPollAt:
            provider!.reportsDelivery && firstPoll !== undefined
              ? new Date(w.now.getTime() + firstPoll).toISOString()
              : null,
        });
        return 'sent' as const;
      }
      const retry = outcome.error.retryable && attempts < this.options.maxAttempts;
      await w.put('messages', entry.messageId, {
        deleted: false,
        data: {
          ...message,
          ...this.stamp(now),
          status: retry ? 'waiting' : 'failed',
          attempts,
          lastError: outcome.error.reason.slice(0, 300),
        },
      });
      const backoff = Math.min(
        this.options.backoffMs * 2 ** (attempts - 1),
        this.options.maxBackoffMs,
      );
      await w.tx.updateQueueWork(entry.messageId, {
        leaseUntil: null,
        leaseToken: null,
        nextAttemptAt: retry ? new Date(w.now.getTime() + backoff).toISOString() : null,
      });
      return retry ? ('retried' as const) : ('failed' as const);
    });
    if (result === 'sent') report.sent += 1;
    else if (result === 'retried') report.retried += 1;
    else if (result === 'failed') report.failed += 1;
    this.log?.info(
      {
        messageId: entry.messageId,
        centerId: entry.centerId,
        worker: this.id,
        result,
        ...(outcome.ok ? {} : { error: outcome.error.code }),
      },
      'sms',
    );
  }

  private async pollDeliveries(report: TickReport): Promise<void> {
    const now = this.path.now();
    const rows = await this.path.store.work.pollableMessages(now.toISOString(), 200);
    const byCenter = new Map<string, SmsQueueRecord[]>();
    for (const row of rows)
      byCenter.set(row.centerId, [...(byCenter.get(row.centerId) ?? []), row]);
    for (const [centerId, list] of byCenter) {
      let reports = new Map<string, { state: string; reason?: string }>();
      let provider: SmsProvider | null = null;
      try {
        provider = await this.providers.forCenter(centerId);
        const mine = list.filter((r) => r.provider === provider!.name);
        if (mine.length > 0)
          reports = await provider.deliveries(mine.map((r) => r.providerMessageId));
      } catch (error) {
        this.log?.warn(
          { centerId, error: error instanceof ProviderError ? error.code : 'unexpected' },
          'sms delivery poll failed',
        );
      }
      for (const row of list) {
        const got =
          provider?.name === row.provider ? reports.get(row.providerMessageId) : undefined;
        if (await this.applyReport(row, provider, got)) report.delivered += 1;
      }
    }
  }

  /** Writes a delivery report (or schedules the next ask); true when it was delivered. */
  private applyReport(
    row: SmsQueueRecord,
    provider: SmsProvider | null,
    got: { state: string; reason?: string } | undefined,
  ): Promise<boolean> {
    return commitServerWork(this.path, row.centerId, async (w) => {
      const doc = await w.get('messages', row.messageId);
      const message = doc && !doc.deleted ? (doc.data as Message) : null;
      const now = w.now.toISOString();
      if (!message || message.status !== 'sent') {
        await w.tx.updateQueueWork(row.messageId, { nextPollAt: null });
        return false;
      }
      if (got?.state === 'delivered' || got?.state === 'failed') {
        const delivered = got.state === 'delivered';
        await w.put('messages', row.messageId, {
          deleted: false,
          data: {
            ...message,
            ...this.stamp(now),
            status: delivered ? 'delivered' : 'failed',
            ...(delivered ? { deliveredAt: now } : { lastError: (got.reason ?? '').slice(0, 300) }),
          },
        });
        await w.tx.updateQueueWork(row.messageId, { nextPollAt: null });
        return delivered;
      }
      // Still pending (or the provider changed, or it could not be asked): ask again later.
      const delay =
        provider?.name === row.provider ? this.options.pollDelaysMs[row.polls + 1] : undefined;
      await w.tx.updateQueueWork(row.messageId, {
        polls: row.polls + 1,
        nextPollAt: delay === undefined ? null : new Date(w.now.getTime() + delay).toISOString(),
      });
      return false;
    });
  }
}
