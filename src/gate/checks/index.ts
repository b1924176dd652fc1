/**
 * The gate's checks, one descriptor each, keyed by id: `satisfies` makes a
 * missing or extra id fail `tsc`, and `GATE_CHECK_IDS` fixes the run order.
 */
import type { GateCheck, GateCheckId } from '../types.js';
import { GATE_CHECK_IDS } from '../types.js';
import { evalCheck } from './eval.js';
import { licenseCheck } from './license.js';
import { lineageCheck } from './lineage.js';
import { redteamCheck } from './redteam.js';
import { scanCheck } from './scan.js';
import { verifyCheck } from './verify.js';

/** Every gate check by id. */
export const GATE_CHECKS = {
  verify: verifyCheck,
  scan: scanCheck,
  license: licenseCheck,
  lineage: lineageCheck,
  eval: evalCheck,
  redteam: redteamCheck,
} as const satisfies Record<GateCheckId, GateCheck>;

/** The checks in run order. */
export const orderedChecks = (): GateCheck[] => GATE_CHECK_IDS.map((id) => GATE_CHECKS[id]);
