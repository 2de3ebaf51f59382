/// <reference types="vite/client" />
import type { Transport } from '../../shared/api/transport';

declare global {
  interface Window {
    /** Set by Electron's preload; absent when the node-host serves the UI to a browser. */
    clinicTransport?: Transport;
  }
}
