/**
 * pino options for the server: secrets never reach a log line. Request logs carry method, URL,
 * status and timing only (no headers, no bodies), no secret is ever put in a URL, and these paths
 * are redacted as a second line of defence should anything log a header or a body.
 */
import type { FastifyLoggerOptions } from 'fastify';
import type { PinoLoggerOptions } from 'fastify/types/logger';

export type ServerLoggerOptions = FastifyLoggerOptions & PinoLoggerOptions;

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'authorization',
  'body',
  '*.body',
  'password',
  '*.password',
  'deviceToken',
  '*.deviceToken',
  'token',
  '*.token',
  'passwordHash',
  '*.passwordHash',
  // Provider secrets (SMS API keys, gateway merchant ids) and one-time code proofs.
  'apiKey',
  '*.apiKey',
  'merchantId',
  '*.merchantId',
  'secret',
  '*.secret',
  'proof',
  '*.proof',
];

export function loggerOptions(base: ServerLoggerOptions = {}): ServerLoggerOptions {
  return {
    level: 'info',
    ...base,
    redact: { paths: [...REDACT_PATHS], censor: '[redacted]' },
  };
}
