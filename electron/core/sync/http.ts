/**
 * HTTP to the sync server with the device token. Failures are sorted into "cannot reach the
 * server" (offline: retried quietly) and "the server said no" (shown to a person).
 */
import { AppError, isApiError } from '../../../shared/api/errors';

export const REQUEST_TIMEOUT_MS = 30_000;

/** The server could not be reached (network down, server stopped, connection cut). */
export class OfflineError extends Error {
  constructor(cause: unknown) {
    super(`sync server unreachable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'OfflineError';
  }
}

/** The server answered with an error. */
export class ServerError extends AppError {
  readonly status: number;
  constructor(
    status: number,
    code: AppError['code'],
    message: string,
    details?: AppError['details'],
  ) {
    super(code, message, details);
    this.status = status;
  }
}

export class SyncHttp {
  constructor(
    readonly serverUrl: string,
    private readonly token: string | null,
  ) {}

  url(pathAndQuery: string): string {
    return new URL(pathAndQuery, this.serverUrl).toString();
  }

  headers(extra: Record<string, string> = {}): Record<string, string> {
    return this.token ? { authorization: `Bearer ${this.token}`, ...extra } : extra;
  }

  async request<T>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    pathAndQuery: string,
    body?: unknown,
    signal?: AbortSignal,
    extraHeaders: Record<string, string> = {},
  ): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.url(pathAndQuery), {
        method,
        headers: this.headers(
          body === undefined
            ? extraHeaders
            : { 'content-type': 'application/json', ...extraHeaders },
        ),
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new OfflineError(error);
    }
    let data: unknown;
    try {
      data = await response.json();
    } catch (error) {
      if (response.ok) throw new OfflineError(error);
      data = null;
    }
    if (response.ok) return data as T;
    const apiError = isApiError(data)
      ? data
      : isApiError((data as { error?: unknown } | null)?.error)
        ? (data as { error: never }).error
        : null;
    if (apiError)
      throw new ServerError(response.status, apiError.code, apiError.message, apiError.details);
    if (response.status >= 500) throw new OfflineError(new Error(`HTTP ${response.status}`));
    throw new ServerError(response.status, 'internal', `پاسخ نامعتبر از سرور (${response.status})`);
  }

  get<T>(pathAndQuery: string): Promise<T> {
    return this.request<T>('GET', pathAndQuery);
  }

  post<T>(pathAndQuery: string, body: unknown): Promise<T> {
    return this.request<T>('POST', pathAndQuery, body);
  }
}
