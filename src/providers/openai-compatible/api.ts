/** Endpoints and auth headers of OpenAI-compatible servers. */
import type { ProviderSettings } from '../definition.js';

/** Paths under the base URL (which includes `/v1` or the vendor's prefix). */
export const ENDPOINTS = {
  chat: '/chat/completions',
  embeddings: '/embeddings',
} as const;

/** Request headers: JSON, bearer auth when a key is configured, then the configured extra headers. */
export function apiHeaders(s: ProviderSettings): Record<string, string> {
  const h: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
  if (s.apiKey) h.authorization = `Bearer ${s.apiKey}`;
  return { ...h, ...s.headers };
}
