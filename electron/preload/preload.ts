/**
 * Exposes exactly one narrow object to the sandboxed renderer: the transport of the contract.
 * Nothing else from Node or Electron crosses.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { CallRequest, CallResponse } from '../../shared/api/contract';
import type { EventName } from '../../shared/api/events';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type Transport } from '../../shared/api/transport';

const transport = {
  invoke(request: CallRequest): Promise<CallResponse> {
    return ipcRenderer.invoke(IPC_CALL_CHANNEL, {
      method: request.method,
      args: request.args,
    }) as Promise<CallResponse>;
  },
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
    const handler = (_e: unknown, name: unknown, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
    };
  },
} satisfies Transport;

contextBridge.exposeInMainWorld('clinicTransport', transport);
