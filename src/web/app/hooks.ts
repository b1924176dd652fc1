/** Data loading and hash routing hooks. */
import { useEffect, useState } from 'preact/hooks';
import { Unauthorized, api } from './api.js';

/** The current `#/…` route split in segments. */
export function useRoute(): string[] {
  const read = () => location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const on = () => setRoute(read());
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}

/** State of a load. */
export type Loaded<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ok'; data: T };

let onUnauthorized: () => void = () => {};
/** What to do when a call needs the admin key (set by the app). */
export function setUnauthorizedHandler(fn: () => void): void {
  onUnauthorized = fn;
}

/** Load an API path; reloads when `path` or `version` changes. */
export function useApi<T>(path: string | undefined, version = 0): Loaded<T> {
  const [s, set] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    if (!path) return;
    let live = true;
    set({ state: 'loading' });
    api<T>(path).then(
      (data) => live && set({ state: 'ok', data }),
      (e: unknown) => {
        if (e instanceof Unauthorized) onUnauthorized();
        if (live) set({ state: 'error', message: (e as Error).message });
      },
    );
    return () => {
      live = false;
    };
  }, [path, version]);
  return s;
}
