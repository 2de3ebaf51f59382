import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { asPortalError, type PortalError } from './errors';

export interface Loaded<T> {
  /** The latest answer; kept while a newer one loads so the page does not flicker. */
  data: T | undefined;
  error: PortalError | null;
  loading: boolean;
  reload(): void;
}

interface Answer<T> {
  request: string;
  data: T | undefined;
  error: PortalError | null;
}

/**
 * Loads `load()` and loads again when `key` changes or on `reload()`; an older answer never
 * overwrites a newer one. `key === null` loads nothing (e.g. a choice is still missing).
 */
export function useLoad<T>(key: string | null, load: () => Promise<T>): Loaded<T> {
  const [version, setVersion] = useState(0);
  const [answer, setAnswer] = useState<Answer<T>>({ request: '', data: undefined, error: null });
  const request = key === null ? '' : `${key}|${version}`;
  const loader = useRef(load);
  useEffect(() => {
    loader.current = load;
  });

  useEffect(() => {
    if (!request) return undefined;
    let current = true;
    loader.current().then(
      (data) => {
        if (current) setAnswer({ request, data, error: null });
      },
      (e: unknown) => {
        if (current) setAnswer((prev) => ({ request, data: prev.data, error: asPortalError(e) }));
      },
    );
    return () => {
      current = false;
    };
  }, [request]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return {
    data: request ? answer.data : undefined,
    error: request ? answer.error : null,
    loading: request !== '' && answer.request !== request,
    reload,
  };
}

/** Sets the tab's title: «<page> | نوبت‌دهی آنلاین». */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} | نوبت‌دهی آنلاین` : 'نوبت‌دهی آنلاین مراکز درمانی';
  }, [title]);
}

/** The current time, ticking every `ms` (for countdowns). */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(timer);
  }, [ms]);
  return now;
}

function subscribeOnline(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** False while the browser knows it has no network. */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}

/** Remembers a promise per key for the page's life (public data many pages show); failures are forgotten. */
export function memoize<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (key) => {
    let promise = cache.get(key);
    if (!promise) {
      promise = load(key);
      cache.set(key, promise);
      promise.catch(() => cache.delete(key));
    }
    return promise;
  };
}
