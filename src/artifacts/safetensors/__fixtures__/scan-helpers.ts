/**
 * Test helpers shared by the tensor-format, remote-code and writer tests:
 * run one scanner or the whole dispatcher on bytes, and locate the optional
 * real model fixtures (present in the workspace, absent in users' clones).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../../../core/findings.js';
import { bufferSource } from '../../io/byte-source.js';
import { scanSource } from '../../scan-source.js';
import { defaultBudget, type FormatScanner, type ScanContext } from '../../scanner.js';

/** A ScanContext whose nested scans go through the real dispatcher. */
export function testContext(depth = 0): ScanContext {
  const budget = defaultBudget();
  const settings = { allowGlobals: new Set<string>() };
  return { depth, budget, settings, scanNested: async (src) => (await scanSource(src, depth + 1, budget, settings)).findings };
}

/** Run one scanner on in-memory bytes. */
export function scanWith(scanner: FormatScanner, name: string, bytes: Uint8Array | string): Promise<Finding[]> {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return scanner.scan(bufferSource(name, data), testContext());
}

/** Run the dispatcher (detection, then the scanner) on in-memory bytes. */
export async function scanBytes(name: string, bytes: Uint8Array | string): Promise<Finding[]> {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const budget = defaultBudget();
  return (await scanSource(bufferSource(name, data), 0, budget, { allowGlobals: new Set() })).findings;
}

/** Rule ids of findings, for compact assertions. */
export const ruleIds = (fs: readonly Finding[]): string[] => fs.map((f) => f.ruleId);

/** The finding with a rule id, failing loudly when absent. */
export function findingOf(fs: readonly Finding[], ruleId: string): Finding {
  const f = fs.find((x) => x.ruleId === ruleId);
  if (!f) throw new Error(`no ${ruleId} finding in: ${JSON.stringify(fs.map((x) => `${x.ruleId} ${x.message}`))}`);
  return f;
}

const here = dirname(fileURLToPath(import.meta.url));
/** The workspace's real model files (`shared/fixtures/models` beside the repository), or MODELGATE_MODEL_FIXTURES. */
export const REAL_MODELS_DIR = process.env.MODELGATE_MODEL_FIXTURES ?? resolve(here, '../../../../..', 'shared', 'fixtures', 'models');

/** Path of a real fixture file, or undefined when the folder or file is absent. */
export function realModel(file: string): string | undefined {
  const p = join(REAL_MODELS_DIR, file);
  return existsSync(p) ? p : undefined;
}
