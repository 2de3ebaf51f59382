/**
 * A transport carries calls and events between the UI and the core: Electron's IPC (preload) or
 * the node-host's HTTP + SSE. Both speak {@link CallRequest}/{@link CallResponse}; the UI wraps
 * whichever it has with {@link bridgeFromTransport}.
 */
import { BridgeError } from './bridge-error';
import type { Bridge, CallRequest, CallResponse } from './contract';
import type { EventName } from './events';

export interface Transport {
  invoke(request: CallRequest): Promise<CallResponse>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/** IPC channel names (Electron). */
export const IPC_CALL_CHANNEL = 'clinic:call';
export const IPC_EVENT_CHANNEL = 'clinic:event';

export function bridgeFromTransport(transport: Transport): Bridge {
  return {
    async call(method, args) {
      const response = await transport.invoke({ method, args });
      if (response.ok) return response.result as never;
      throw new BridgeError(response.error);
    },
    on(event, listener) {
      return transport.subscribe(event, listener as (payload: unknown) => void);
    },
  };
}
