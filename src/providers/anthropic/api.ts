/** Endpoint, version and auth headers of the Anthropic Messages API. */
import type { ProviderSettings } from '../definition.js';

/** Paths under the base URL (`https://api.anthropic.com`). */
export const ENDPOINTS = { messages: '/v1/messages' } as const;

/** The API version this adapter speaks. */
export const ANTHROPIC_VERSION = '2023-06-01';

/** Request headers: JSON, `x-api-key`, the API version, then configured extras (e.g. `anthropic-beta`). */
export function apiHeaders(s: ProviderSettings): Record<string, string> {
  const h: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json', 'anthropic-version': ANTHROPIC_VERSION };
  if (s.apiKey) h['x-api-key'] = s.apiKey;
  return { ...h, ...s.headers };
}
