/**
 * Patient file numbers that desks give out without asking each other: `<desk number>-<sequence>`
 * (desk numbers come from the server at enrollment; 0 before). The sequence lives in
 * `<dataDir>/counters.json`, written atomically before the number is used, so a crash may skip a
 * number but never reuse one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../config';

export class FileNumbers {
  private readonly file: string;
  private counters: Record<string, number>;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'counters.json');
    this.counters = fs.existsSync(this.file)
      ? (JSON.parse(fs.readFileSync(this.file, 'utf8')) as Record<string, number>)
      : {};
  }

  /** The next number of a series (`patients`, `invoices`) on this desk. */
  next(deskNumber: number, series = 'patients'): string {
    const key = `${series}:${deskNumber}`;
    const value = (this.counters[key] ?? 0) + 1;
    this.counters = { ...this.counters, [key]: value };
    writeFileAtomic(this.file, `${JSON.stringify(this.counters)}\n`);
    return `${deskNumber}-${value}`;
  }
}
