/**
 * Test helpers for the pickle scanner: a minimal ScanContext, one-call scans
 * of in-memory bytes, and small finding matchers.
 */
import type { Finding } from '../../../core/findings.js';
import { bufferSource, type ByteSource } from '../../io/byte-source.js';
import { defaultBudget, type ScanContext } from '../../scanner.js';
import { scanPickleFile } from '../sequence.js';

/** A context that records nested scans instead of dispatching them. */
export function pickleContext(allow: readonly string[] = [], nested: string[] = []): ScanContext {
  return {
    depth: 0,
    budget: defaultBudget(),
    settings: { allowGlobals: new Set(allow) },
    scanNested: (src: ByteSource) => {
      nested.push(src.name);
      return Promise.resolve([]);
    },
  };
}

/** Scan bytes as a pickle file named `name`. */
export function scanBytes(bytes: Uint8Array, opts: { allow?: readonly string[]; name?: string; nested?: string[] } = {}): Promise<Finding[]> {
  return scanPickleFile(bufferSource(opts.name ?? 'test.pkl', bytes), pickleContext(opts.allow, opts.nested));
}

/** `ruleId severity evidence` of each finding, sorted, for exact assertions. */
export function summary(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.severity} ${f.evidence ?? '-'}`).sort();
}

/** Findings of one rule. */
export function ofRule(findings: readonly Finding[], ruleId: string): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}
