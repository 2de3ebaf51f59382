/**
 * The node-host transport: calls over `POST /api/call`, events over one EventSource. The per-run
 * token travels as an httpOnly cookie set when the printed link was opened.
 */
import type { CallRequest, CallResponse } from '../../../shared/api/contract';
import type { EventName } from '../../../shared/api/events';
import type { Transport } from '../../../shared/api/transport';

const OFFLINE: CallResponse = {
  ok: false,
  error: { code: 'offline', message: 'ارتباط با هستهٔ برنامه قطع است. برنامه را دوباره اجرا کنید.' },
};

export function createHttpTransport(): Transport {
  let source: EventSource | null = null;
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  function ensureSource(event: EventName): EventSource {
    source ??= new EventSource('/api/events', { withCredentials: true });
    if (!listeners.has(event)) {
      const set = new Set<(payload: unknown) => void>();
      listeners.set(event, set);
      source.addEventListener(event, (message) => {
        const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
        for (const listener of set) listener(payload);
      });
    }
    return source;
  }

  return {
    async invoke(request: CallRequest): Promise<CallResponse> {
      let response: Response;
      try {
        response = await fetch('/api/call', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(request),
        });
      } catch {
        return OFFLINE;
      }
      try {
        return (await response.json()) as CallResponse;
      } catch {
        return OFFLINE;
      }
    },
    subscribe(event, listener) {
      ensureSource(event);
      listeners.get(event)!.add(listener);
      return () => listeners.get(event)?.delete(listener);
    },
  };
}
