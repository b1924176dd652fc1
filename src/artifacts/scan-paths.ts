/**
 * `modelgate scan`: walk the given files and folders and scan each file with
 * its own budget, two at a time (scanning is mostly I/O and header parsing).
 */
import type { Finding } from '../core/findings.js';
import { fileSource } from './io/byte-source.js';
import { walkSource } from './lock/walk.js';
import { defaultBudget, type ArtifactFormat } from './scanner.js';
import { scanSource } from './scan-source.js';

/** Options for scanPaths. */
export interface ScanPathsOptions {
  /** Extra `module.name` callables allowed in pickles. */
  allowGlobals?: readonly string[];
  /** Called as each file finishes, for progress output. */
  onFile?: (path: string, done: number, total: number) => void;
  /** Files scanned at once. */
  concurrency?: number;
}

/** What a scan saw and found. */
export interface ScanReport {
  files: { path: string; format: ArtifactFormat; size: number }[];
  findings: Finding[];
}

/** Scan files and folders; bad content becomes findings, a missing path an InputError. */
export async function scanPaths(paths: readonly string[], options: ScanPathsOptions = {}): Promise<ScanReport> {
  const targets: { display: string; absolute: string; size: number }[] = [];
  for (const p of paths) {
    const walked = await walkSource(p);
    const single = walked.length === 1 && walked[0]?.absolute === p;
    for (const f of walked) targets.push({ display: single ? p : joinDisplay(p, f.path), absolute: f.absolute, size: f.size });
  }
  const settings = { allowGlobals: new Set(options.allowGlobals ?? []) };
  const files: ScanReport['files'] = new Array(targets.length);
  const findings: Finding[][] = new Array(targets.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let i = next++; i < targets.length; i = next++) {
      const t = targets[i] as (typeof targets)[number];
      const src = await fileSource(t.absolute, t.display);
      try {
        const res = await scanSource(src, 0, defaultBudget(), settings);
        files[i] = { path: t.display, format: res.format, size: t.size };
        findings[i] = res.findings;
      } finally {
        await src.close();
      }
      options.onFile?.(t.display, ++done, targets.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));
  return { files, findings: findings.flat() };
}

function joinDisplay(root: string, rel: string): string {
  return root.endsWith('/') ? `${root}${rel}` : `${root}/${rel}`;
}
