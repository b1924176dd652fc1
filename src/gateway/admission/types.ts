/** Admission: which models a gateway may route to, decided at start-up by a list of checks. */
import type { Lockfile } from '../../artifacts/index.js';
import type { Config } from '../../core/config/config.schema.js';

/** What every check may read. */
export interface AdmissionContext {
  config: Config;
  configPath: string;
  baseDir: string;
  stateDir: string;
  lock: Lockfile | undefined;
  /** Cache path of a hub blob (locked `hf:` models). */
  blobPath?: (sha256: string) => string;
}

/** One check's verdict on one model. */
export interface CheckOutcome {
  passed: boolean;
  reason: string;
}

/** A check over a batch of manifest models (batched so verify and policy run once). */
export interface AdmissionCheck {
  id: 'lock' | 'scan' | 'license' | 'attestation';
  title: string;
  run(models: readonly string[], ctx: AdmissionContext): Promise<Map<string, CheckOutcome>>;
}

/** Every model's verdicts. */
export interface AdmissionReport {
  /** True when every routed model passed every check. */
  admitted: boolean;
  models: { model: string; routes: string[]; checks: ({ id: AdmissionCheck['id'] } & CheckOutcome)[] }[];
  /** Route targets that name no manifest model (a provider ref without `serves:`). */
  unmanaged: { target: string; routes: string[] }[];
}
