/**
 * A ScanContext for container tests: it records every member handed to
 * `scanNested` and, when asked, recurses into the container scanners itself,
 * so nested routing is testable without the pickle scanner or the dispatcher.
 */
import type { Finding } from '../../../core/findings.js';
import { detectFormat } from '../../detect.js';
import type { ByteSource } from '../../io/byte-source.js';
import { defaultBudget, type ArtifactFormat, type FormatScanner, type ScanBudget, type ScanContext } from '../../scanner.js';

/** One member the scanner handed back. */
export interface NestedCall {
  name: string;
  size: number;
  format: ArtifactFormat;
  depth: number;
  /** First bytes of the member (up to 64). */
  head: Uint8Array;
}

/** Options for `fakeContext`. */
export interface FakeContextOptions {
  budget?: Partial<ScanBudget>;
  /** Scanners to recurse into, by format (e.g. the container scanners). */
  scanners?: Partial<Record<ArtifactFormat, FormatScanner>>;
}

/** A recording context and the list it records into. */
export function fakeContext(opts: FakeContextOptions = {}, depth = 0, calls: NestedCall[] = []): ScanContext & { calls: NestedCall[] } {
  const budget: ScanBudget = { ...defaultBudget(), ...opts.budget };
  return makeContext(budget, opts.scanners ?? {}, depth, calls);
}

function makeContext(
  budget: ScanBudget,
  scanners: Partial<Record<ArtifactFormat, FormatScanner>>,
  depth: number,
  calls: NestedCall[],
): ScanContext & { calls: NestedCall[] } {
  return {
    depth,
    budget,
    settings: { allowGlobals: new Set() },
    calls,
    async scanNested(src: ByteSource): Promise<Finding[]> {
      const format = await detectFormat(src);
      calls.push({ name: src.name, size: src.size, format, depth: depth + 1, head: await src.read(0, 64) });
      if (depth + 1 > budget.maxDepth) return [{ ruleId: 'archive/too-deep', severity: 'high', file: src.name, message: 'too deep' }];
      const scanner = scanners[format];
      return scanner ? scanner.scan(src, makeContext(budget, scanners, depth + 1, calls)) : [];
    },
  };
}

/** Rule ids and severities of findings, for compact assertions. */
export function ruleHits(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId}:${f.severity}`);
}
