import { useCallback, useEffect, useState } from 'react';
import type { Args, MethodName, Result } from '../../../shared/api/contract';
import type { CollectionName } from '../../../shared/api/events';
import { BridgeError } from '../../../shared/api/bridge-error';
import { bridge } from '../lib/bridge';

export interface CallState<T> {
  /** The latest answer; kept while a newer one loads so lists do not flicker. */
  data: T | undefined;
  error: BridgeError | null;
  loading: boolean;
  reload(): void;
}

interface Answer<T> {
  request: string;
  data: T | undefined;
  error: BridgeError | null;
}

/**
 * Runs a read method and keeps its result fresh: it re-runs when the arguments change and when
 * any of `collections` changes (locally or through sync). Stale answers never overwrite newer ones.
 */
export function useCall<M extends MethodName>(
  method: M,
  args: Args<M>,
  collections: readonly CollectionName[] = [],
): CallState<Result<M>> {
  const [version, setVersion] = useState(0);
  const [answer, setAnswer] = useState<Answer<Result<M>>>({
    request: '',
    data: undefined,
    error: null,
  });
  const key = JSON.stringify(args);
  const request = `${method}|${key}|${version}`;

  useEffect(() => {
    let current = true;
    bridge.call(method, JSON.parse(key) as Args<M>).then(
      (data) => {
        if (current) setAnswer({ request, data, error: null });
      },
      (e: unknown) => {
        if (!current) return;
        const error =
          e instanceof BridgeError ? e : new BridgeError({ code: 'internal', message: String(e) });
        setAnswer((previous) => ({ request, data: previous.data, error }));
      },
    );
    return () => {
      current = false;
    };
  }, [method, key, request]);

  const watched = collections.join(',');
  useEffect(() => {
    if (!watched) return undefined;
    const names = new Set(watched.split(','));
    return bridge.on('data-changed', (event) => {
      if (names.has(event.collection)) setVersion((v) => v + 1);
    });
  }, [watched]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data: answer.data, error: answer.error, loading: answer.request !== request, reload };
}
