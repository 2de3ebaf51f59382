/**
 * Email (P1: the patient's address is verified by an emailed code) through nodemailer. A fresh
 * install has no mail server: messages are written as `.eml` files into the data folder's outbox
 * (`outbox/mail/`), whole, where an operator can open them. With SYNC_SMTP_URL set they go to that
 * SMTP server (docs/operations.md). Like the SMS outbox, the mail outbox holds live codes.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

export const DEFAULT_MAIL_FROM = 'کلینیک <no-reply@localhost>';

/** Sends through an SMTP server: `smtp://user:pass@host:587` or nodemailer's SMTP options. */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    smtp: string | SMTPTransport.Options,
    private readonly from = DEFAULT_MAIL_FROM,
  ) {
    this.transport = nodemailer.createTransport(smtp);
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({ from: this.from, ...mail });
  }
}

/** Writes each message, as sent, to `<dir>/<time>-<id>.eml` (the default without SMTP). */
export class FileMailOutbox implements Mailer {
  private readonly transport = nodemailer.createTransport({ streamTransport: true, buffer: true });

  constructor(
    readonly dir: string,
    private readonly from = DEFAULT_MAIL_FROM,
  ) {}

  async send(mail: OutgoingMail): Promise<void> {
    const info = (await this.transport.sendMail({ from: this.from, ...mail })) as {
      message: Buffer;
    };
    await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
    const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID()}.eml`;
    await fs.writeFile(path.join(this.dir, name), info.message, { mode: 0o600 });
  }
}

/** Keeps messages in memory (tests without a data folder). */
export class MemoryMailer implements Mailer {
  readonly sent: OutgoingMail[] = [];

  send(mail: OutgoingMail): Promise<void> {
    this.sent.push(mail);
    return Promise.resolve();
  }
}
