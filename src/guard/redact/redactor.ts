/** Redaction: replace detected secrets and personal data by placeholders, remembering the originals. */
import type { Finding } from '../../core/findings.js';
import { UsageError } from '../../core/errors.js';
import { detectorLabel } from '../define.js';
import { hitsToFindings } from '../engine/findings.js';
import { scanHits } from '../scan.js';
import type { ScanOptions } from '../types.js';
import { formatPlaceholder, isValidNonce, newNonce } from './placeholder.js';

/** Options of a redaction: which detectors, and the request's nonce (random when absent). */
export interface RedactOptions extends ScanOptions {
  /** 6-32 lower-case letters/digits; pass one to make placeholders reproducible (tests, replays). */
  nonce?: string;
}

/** What `redact` returns. */
export interface RedactResult {
  text: string;
  /** Placeholder → original value, for the restorer. */
  replacements: Map<string, string>;
  findings: Finding[];
  nonce: string;
}

/**
 * One request's redaction state: every text redacted through it shares the placeholder numbering,
 * and the same value always gets the same placeholder (so a conversation stays coherent).
 */
export interface Redactor {
  readonly nonce: string;
  readonly replacements: Map<string, string>;
  readonly findings: Finding[];
  /** Redact one text; `where` (a JSON path) goes into the findings' `location.key`. */
  redact(text: string, where?: string): string;
}

/** Start a request's redaction state. */
export function createRedactor(options: RedactOptions = {}): Redactor {
  const nonce = options.nonce ?? newNonce();
  if (!isValidNonce(nonce)) throw new UsageError('redaction nonce must be 6-32 lower-case letters or digits');
  const replacements = new Map<string, string>();
  const byValue = new Map<string, string>();
  const counters = new Map<string, number>();
  const findings: Finding[] = [];
  const placeholderFor = (label: string, value: string): string => {
    const key = `${label}\u0000${value}`;
    let p = byValue.get(key);
    if (p === undefined) {
      const n = (counters.get(label) ?? 0) + 1;
      counters.set(label, n);
      p = formatPlaceholder(label, n, nonce);
      byValue.set(key, p);
      replacements.set(p, value);
    }
    return p;
  };
  return {
    nonce,
    replacements,
    findings,
    redact(text, where) {
      const hits = scanHits(text, options);
      if (hits.length === 0) return text;
      for (const f of hitsToFindings(text, hits, options.file ?? '<text>')) {
        findings.push(where === undefined ? f : { ...f, location: { ...f.location, key: where } });
      }
      let out = '';
      let last = 0;
      for (const h of hits) {
        out += text.slice(last, h.start) + placeholderFor(detectorLabel(h.detector), text.slice(h.start, h.end));
        last = h.end;
      }
      return out + text.slice(last);
    },
  };
}

/**
 * Replace secrets and personal data in `text` by placeholders.
 * @example
 * const r = redact('write to bob@example.com', { nonce: 'a1b2c3d4' });
 * r.text; // 'write to [EMAIL_1_a1b2c3d4]'
 * r.replacements.get('[EMAIL_1_a1b2c3d4]'); // 'bob@example.com'
 */
export function redact(text: string, options: RedactOptions = {}): RedactResult {
  const r = createRedactor(options);
  return { text: r.redact(text), replacements: r.replacements, findings: r.findings, nonce: r.nonce };
}
