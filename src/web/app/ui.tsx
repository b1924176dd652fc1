/** Small shared view pieces. */
import type { ComponentChildren } from 'preact';
import type { Loaded } from './hooks.js';

/** Render a load: a spinner line, an error line, or the content. */
export function Show<T>(props: { data: Loaded<T>; children: (d: T) => ComponentChildren }) {
  if (props.data.state === 'loading') return <p class="muted">Loading…</p>;
  if (props.data.state === 'error') return <p class="error">{props.data.message}</p>;
  return <>{props.children(props.data.data)}</>;
}

/** A coloured status badge. */
export function Badge(props: { status: string }) {
  const cls = /^(passed|ok|active|completed|fixed|same)$/.test(props.status) ? 'good' : /^(failed|revoked|broke|error|expired)$/.test(props.status) ? 'bad' : 'neutral';
  return <span class={`badge ${cls}`}>{props.status}</span>;
}

/** Pretty JSON of any value (escaped by the renderer, never injected as HTML). */
export function Json(props: { value: unknown }) {
  return <pre class="json">{props.value === null || props.value === undefined ? '–' : JSON.stringify(props.value, null, 2)}</pre>;
}
