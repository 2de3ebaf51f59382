import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password';

describe('passwords', () => {
  it('verifies the right password and refuses others', async () => {
    const stored = await hashPassword('کلمه‌عبور123', 2_000);
    expect(stored).toMatch(/^pbkdf2-sha256\$2000\$/);
    expect(stored).not.toContain('123');
    expect(await verifyPassword('کلمه‌عبور123', stored)).toBe(true);
    expect(await verifyPassword('کلمه‌عبور124', stored)).toBe(false);
  });
  it('salts every hash', async () => {
    expect(await hashPassword('secret123', 2_000)).not.toBe(await hashPassword('secret123', 2_000));
  });
  it('refuses malformed stored values', async () => {
    for (const stored of [
      '',
      'plain',
      'pbkdf2-sha256$10$a$b',
      'md5$1$a$b',
      'pbkdf2-sha256$5000$%%%$%%%',
    ]) {
      expect(await verifyPassword('x', stored), stored).toBe(false);
    }
  });
  it('asks for 8+ characters with letters and digits', () => {
    expect(passwordProblem('abc')).toMatch(/۸/);
    expect(passwordProblem('abcdefgh')).toMatch(/عدد/);
    expect(passwordProblem('abcd1234')).toBeNull();
  });
});
