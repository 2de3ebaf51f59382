import type { ApiError, ErrorCode, ErrorDetails } from './errors';

/** What a bridge's `call` rejects with: an Error (for stack traces) that carries the ApiError data. */
export class BridgeError extends Error implements ApiError {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'BridgeError';
    this.code = error.code;
    this.details = error.details;
  }

  /** Per-field messages, when the error is about form fields. */
  get fields(): Record<string, string> {
    return this.details?.fields ?? {};
  }
}
