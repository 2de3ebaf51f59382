import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from './logging';

describe('log redaction', () => {
  it('censors authorization headers, bodies, passwords and tokens wherever they are logged', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = Fastify({ logger: loggerOptions({ stream }) });
    app.log.info(
      {
        req: { headers: { authorization: 'Bearer SECRET-TOKEN' } },
        body: { code: '123456', password: 'SECRET-PASSWORD' },
        enrollment: { deviceToken: 'SECRET-DEVICE', body: { code: '654321' } },
        user: { password: 'SECRET-2', passwordHash: 'pbkdf2-sha256$1$2$3' },
      },
      'something happened',
    );
    await app.close();
    const log = lines.join('');
    expect(log).toContain('something happened');
    expect(log).toContain('[redacted]');
    for (const secret of ['SECRET', '123456', '654321', 'pbkdf2'])
      expect(log).not.toContain(secret);
  });
});
