/**
 * Turn request bytes into a JSON value safely: invalid UTF-8 and nesting
 * deeper than a bound are refused before JSON.parse runs, so a hostile body
 * can neither smuggle replacement characters through nor exhaust the stack.
 */
import { isUtf8 } from 'node:buffer';
import { badRequest } from '../errors.js';

/** Deepest nesting a request may have (OpenAI bodies need fewer than 10 levels; tool schemas a few more). */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/** The deepest nesting in JSON bytes, stopping as soon as it passes `max` (strings are skipped). */
export function jsonDepthExceeds(buf: Uint8Array, max: number): boolean {
  let depth = 0;
  const n = buf.length;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === QUOTE) {
      // Skip to the closing quote; escapes hide the quote after a backslash.
      for (i++; i < n; i++) {
        const c = buf[i];
        if (c === BACKSLASH) i++;
        else if (c === QUOTE) break;
      }
    } else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) depth--;
  }
  return false;
}

/**
 * Parse a request body as a JSON object.
 * @example const obj = parseJsonBody(bytes); // throws a 400 ApiError when the bytes are not a JSON object
 */
export function parseJsonBody(buf: Buffer, maxDepth = MAX_JSON_DEPTH): Record<string, unknown> {
  if (buf.length === 0) throw badRequest('Request body is empty; send a JSON object.');
  if (!isUtf8(buf)) throw badRequest('Request body is not valid UTF-8.');
  if (jsonDepthExceeds(buf, maxDepth)) throw badRequest(`Request JSON nests deeper than ${maxDepth} levels.`);
  let value: unknown;
  try {
    value = JSON.parse(buf.toString('utf8'));
  } catch (e) {
    throw badRequest(`We could not parse the JSON body of your request: ${(e as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw badRequest('Request body must be a JSON object.');
  return value as Record<string, unknown>;
}
