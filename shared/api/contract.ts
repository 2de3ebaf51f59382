/**
 * The typed contract between the UI and the desktop core: every `domain.verb` method (arguments →
 * result) and every pushed event. The same map is served by Electron's IPC and by the node-host's
 * HTTP transport; the UI does not know which one it talks to.
 */
import type { z } from 'zod';
import type { ApiEvents, EventName } from './events';
import type { ApiError } from './errors';
import { mergeMethods, type MethodSpec } from './method';
import { appMethods } from './app';
import { patientMethods } from './patients';
import { syncMethods } from './sync';
import { authMethods } from './auth';
import { appointmentMethods } from './appointments';
import { setupMethods } from './setup';
import { profileMethods } from './profile';
import { moneyMethods } from './money';
import { messageMethods } from './messages';
import { schedulingMethods } from './scheduling';

/** All methods. Merging throws at start-up if two domains declare the same name. */
export const contract = mergeMethods(
  appMethods,
  authMethods,
  syncMethods,
  patientMethods,
  appointmentMethods,
  setupMethods,
  profileMethods,
  moneyMethods,
  messageMethods,
  schedulingMethods,
);

export type Contract = typeof contract;
export type MethodName = keyof Contract & string;

/** What a caller passes (before defaults and normalisation). */
export type Args<M extends MethodName> = z.input<Contract[M]['args']>;
/** What a handler receives (parsed, normalised). */
export type ParsedArgs<M extends MethodName> = z.output<Contract[M]['args']>;
export type Result<M extends MethodName> =
  Contract[M] extends MethodSpec<z.ZodType, infer R> ? R : never;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** The object the UI talks to, whatever the host. */
export interface Bridge {
  /** Calls a method; rejects with a {@link BridgeError} carrying the error's code. */
  call<M extends MethodName>(method: M, args: Args<M>): Promise<Result<M>>;
  /** Subscribes to a pushed event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
}

/** One call on the wire (IPC or HTTP). */
export interface CallRequest {
  method: string;
  args: unknown;
}

/** One reply on the wire. */
export type CallResponse = { ok: true; result: unknown } | { ok: false; error: ApiError };

export type { ApiEvents, EventName };
