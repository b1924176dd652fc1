/** The gate's shapes: what a check reads, what it returns, and its descriptor. */
import type { Lockfile, LockedModel, ProjectPaths } from '../artifacts/index.js';
import type { Config } from '../core/index.js';

/** Every check the gate knows, in the order it runs them. */
export const GATE_CHECK_IDS = ['verify', 'scan', 'license', 'lineage', 'eval', 'redteam'] as const;
/** A gate check id. */
export type GateCheckId = (typeof GATE_CHECK_IDS)[number];

/** What every check may read; built once per gate run. */
export interface GateContext {
  config: Config;
  paths: ProjectPaths;
  lock: Lockfile;
  /** modelgate's version: part of every cache key (rules and scanners change with it). */
  version: string;
  /** Digest of the license catalog files (the license check depends on them). */
  catalogDigest: string;
  /** Cache path of a hub blob (locked `hf:` models). */
  blobPath?: (sha256: string) => string;
  env: Readonly<Record<string, string | undefined>>;
  /** The gate's clock (policy exceptions expire). */
  now: Date;
}

/** One model under the gate. */
export interface GateSubject {
  model: string;
  locked: LockedModel;
  /** Hub commit, local tree digest, or a hosted model's pinned version. */
  revision: string;
}

/** What a check found: values only; a throw is a bug or unrecoverable I/O. */
export interface CheckResult {
  passed: boolean;
  /** One line for the table and the failure reasons. */
  summary: string;
  /** Figures behind the verdict (findings, pairs, per-suite gate results). */
  details: unknown;
  /** The thresholds the verdict applied, as configured. */
  thresholds: unknown;
}

/**
 * A check as a descriptor. `applies` says why a check is skipped for a model
 * (not configured); `inputs` names the digests its result depends on, so an
 * unchanged digest lets the gate reuse the last result; `undefined` inputs
 * mean the check always runs.
 */
export interface GateCheck {
  id: GateCheckId;
  title: string;
  applies(ctx: GateContext, s: GateSubject): string | undefined;
  inputs(ctx: GateContext, s: GateSubject): Promise<Record<string, string> | undefined>;
  run(ctx: GateContext, s: GateSubject): Promise<CheckResult>;
}
