/** Calls to the dashboard's JSON API (same origin, session cookie). */

/** Raised when the API says the admin key is missing; the app shows the login form. */
export class Unauthorized extends Error {}

/** GET/POST/DELETE a JSON API path. */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(path, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const data = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (res.status === 401) throw new Unauthorized(data.error ?? 'admin key required');
  if (!res.ok) throw new Error(data.error ?? `HTTP ${res.status}`);
  return data;
}

/** Format a fraction as a percentage. */
export const pct = (v: number | undefined): string => (v === undefined || Number.isNaN(v) ? '–' : `${(v * 100).toFixed(1)}%`);
/** Format dollars. */
export const usd = (v: number | undefined): string => (v === undefined ? '–' : v < 0.01 && v > 0 ? `$${v.toFixed(4)}` : `$${v.toFixed(2)}`);
/** Format an ISO time for a table. */
export const when = (iso: string | undefined): string => (iso ? iso.slice(0, 16).replace('T', ' ') : '–');
/** A path segment. */
export const seg = encodeURIComponent;
