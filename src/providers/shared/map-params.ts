/**
 * Request mapping as data: each adapter declares how ChatRequest fields land
 * in its wire body (name, clamping, default, small transform) and one
 * `mapParams()` applies it. Code is written only where a vendor really differs.
 */
import type { ChatRequest } from '../types.js';

/** How one request field maps to the wire. */
export interface ParamSpec {
  /** Wire name. */
  param: string;
  min?: number;
  max?: number;
  /** Used when the request leaves the field undefined. */
  default?: unknown;
  transform?: (value: never) => unknown;
}

/** A map from request field to wire parameter. Fields left out are not sent. */
export type ParamMap = { readonly [K in keyof ChatRequest]?: ParamSpec };

/** Options for mapParams. */
export interface MapOptions {
  /** Wire parameters this upstream rejects; they are never sent. */
  drop?: readonly string[];
  /** Per-vendor overrides merged over the base map (e.g. a lower temperature max, a renamed field). */
  overrides?: ParamMap;
}

/**
 * Build the wire body fields from a request.
 * @example
 * mapParams({ temperature: { param: 'temperature', min: 0, max: 1 } }, { messages: [], temperature: 1.7 }) // { temperature: 1 }
 */
export function mapParams(map: ParamMap, req: ChatRequest, o: MapOptions = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const merged: ParamMap = o.overrides ? { ...map, ...o.overrides } : map;
  for (const key of Object.keys(merged) as (keyof ChatRequest)[]) {
    const spec = merged[key];
    if (!spec || o.drop?.includes(spec.param)) continue;
    let value: unknown = req[key] ?? spec.default;
    if (value === undefined) continue;
    if (typeof value === 'number') value = clamp(value, spec.min, spec.max);
    out[spec.param] = spec.transform ? spec.transform(value as never) : (value as unknown);
  }
  return out;
}

function clamp(n: number, min: number | undefined, max: number | undefined): number {
  if (min !== undefined && n < min) return min;
  if (max !== undefined && n > max) return max;
  return n;
}

/** `stop` as an array (Anthropic, node-llama-cpp), or undefined when empty. */
export function stopList(stop: string | string[] | undefined): string[] | undefined {
  if (stop === undefined) return undefined;
  const list = (Array.isArray(stop) ? stop : [stop]).filter((s) => s.length > 0);
  return list.length > 0 ? list : undefined;
}
