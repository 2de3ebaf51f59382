/**
 * Handlers of the contract's methods. Each domain registers its handlers in its own small file; a
 * name registered twice, or a contract method left without a handler, fails at start-up.
 */
import { contract, type MethodName, type ParsedArgs, type Result } from '../../shared/api/contract';
import type { CoreContext } from './context';

export type Handler<M extends MethodName> = (
  args: ParsedArgs<M>,
  ctx: CoreContext,
) => Promise<Result<M>>;

export type Handlers = { [M in MethodName]: Handler<M> };

export function createRegistry(...domains: Partial<Handlers>[]): Handlers {
  const all: Partial<Record<MethodName, unknown>> = {};
  for (const domain of domains) {
    for (const [name, handler] of Object.entries(domain)) {
      if (!Object.hasOwn(contract, name)) {
        throw new Error(`Handler for "${name}", which the contract does not declare`);
      }
      if (Object.hasOwn(all, name)) throw new Error(`Duplicate handler for "${name}"`);
      all[name as MethodName] = handler;
    }
  }
  const missing = Object.keys(contract).filter((name) => !Object.hasOwn(all, name));
  if (missing.length > 0) throw new Error(`No handler for: ${missing.join(', ')}`);
  return all as Handlers;
}
