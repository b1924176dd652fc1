/**
 * Placeholder tokens: `[EMAIL_1_5f3a9c2e]` = detector label, a counter per label, and a per-request
 * nonce. The nonce makes a placeholder unguessable from outside the request, so a model echoing one
 * seen in another conversation cannot get this request's value restored.
 */
import { randomBytes } from 'node:crypto';

/** Shape of any placeholder, whatever its nonce; the replacement map decides what is ours. */
export const PLACEHOLDER_RE = /\[[A-Z][A-Z0-9_]*_\d+_[0-9a-z]{6,32}\]/g;
const NONCE_RE = /^[0-9a-z]{6,32}$/;

/** A fresh 8-hex-digit nonce (32 random bits). */
export function newNonce(): string {
  return randomBytes(4).toString('hex');
}

/** True when `nonce` is usable inside placeholders (6-32 lower-case letters or digits). */
export function isValidNonce(nonce: string): boolean {
  return NONCE_RE.test(nonce);
}

/** The placeholder for the `n`-th value of `label` in the request with `nonce`. */
export function formatPlaceholder(label: string, n: number, nonce: string): string {
  return `[${label}_${n}_${nonce}]`;
}
