import type { ApiEvents, EventName } from '../../shared/api/events';

export type Listener<E extends EventName> = (payload: ApiEvents[E]) => void;

/** A typed event emitter; a throwing listener never breaks the others. */
export class Emitter {
  private readonly listeners = new Map<EventName, Set<(payload: never) => void>>();

  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }

  emit<E extends EventName>(event: E, payload: ApiEvents[E]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        (listener as Listener<E>)(payload);
      } catch (error) {
        console.error(`listener of ${event} failed`, error);
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
