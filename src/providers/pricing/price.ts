/**
 * Price lookup and cost arithmetic. Config pricing wins over the default
 * table. Model ids are matched exactly after dropping a router prefix
 * (`openai/gpt-4o`) and a date or `-latest` suffix; there is no fuzzy prefix
 * matching, because `o3-pro` priced as `o3` would be a silent 10x error.
 */
import type { PricingConfig } from '../../core/config/provider.schema.js';
import type { Cost, Usage } from '../types.js';
import { DEFAULT_PRICES, type PriceTable } from './default-table.js';

/** A resolved price and where it came from. */
export interface ResolvedPrice {
  input: number;
  output: number;
  cached_input?: number;
  basis: 'config' | 'table';
  /** The table key that matched. */
  key?: string;
}

const SUFFIX = /(?:-\d{4}-\d{2}-\d{2}|-\d{8}|-latest|@\d{8})$/;

/** Candidate table keys for a model id, most specific first. */
export function modelKeys(model: string): string[] {
  const lower = model.trim().toLowerCase();
  const bare = lower.includes('/') ? lower.slice(lower.lastIndexOf('/') + 1) : lower;
  const keys = [lower, bare, bare.replace(SUFFIX, '')];
  return [...new Set(keys)];
}

function indexOf(table: PriceTable): Map<string, string> {
  const idx = new Map<string, string>();
  for (const [key, e] of Object.entries(table.models)) {
    idx.set(key, key);
    for (const a of e.aliases ?? []) idx.set(a, key);
  }
  return idx;
}

const defaultIndex = indexOf(DEFAULT_PRICES);

/**
 * The price of a model: the provider's configured pricing, else the table.
 * @example lookupPrice('gpt-4o-2024-08-06')?.input // 2.5
 */
export function lookupPrice(model: string, o: { config?: PricingConfig; table?: PriceTable } = {}): ResolvedPrice | undefined {
  if (o.config) return { ...o.config, basis: 'config' };
  const table = o.table ?? DEFAULT_PRICES;
  const idx = o.table ? indexOf(table) : defaultIndex;
  for (const k of modelKeys(model)) {
    const key = idx.get(k);
    const e = key ? table.models[key] : undefined;
    if (key && e) return { input: e.input, output: e.output, ...(e.cached_input !== undefined ? { cached_input: e.cached_input } : {}), basis: 'table', key };
  }
  return undefined;
}

/**
 * Cost of one call. Cached prompt tokens are billed at `cached_input`
 * (or `input` when the model has no cache price); the rest at `input`.
 * @example computeCost({ prompt_tokens: 1000, completion_tokens: 500, total_tokens: 1500, source: 'api' }, { input: 2.5, output: 10, basis: 'table' }).total_usd // 0.0075
 */
export function computeCost(usage: Usage, price: Pick<ResolvedPrice, 'input' | 'output' | 'cached_input' | 'basis'>): Cost {
  const cached = Math.min(usage.cached_tokens ?? 0, usage.prompt_tokens);
  const fresh = usage.prompt_tokens - cached;
  const input_usd = (fresh * price.input) / 1e6;
  const cached_input_usd = (cached * (price.cached_input ?? price.input)) / 1e6;
  const output_usd = (usage.completion_tokens * price.output) / 1e6;
  return { input_usd, cached_input_usd, output_usd, total_usd: input_usd + cached_input_usd + output_usd, basis: price.basis };
}
