/**
 * Decisions about inflating a compressed member, shared by zip and gzip.
 * Everything is charged to the scan-wide budget so nesting cannot multiply
 * the limits, and a detected bomb spends the whole budget: once one archive is
 * proven hostile, no later member anywhere in the scan is inflated.
 */
import type { ScanBudget } from '../scanner.js';

/** Deflate cannot expand more than about 1032:1 (RFC 1951's longest match per code). */
export const DEFLATE_MAX_RATIO = 1032;
/** A member is "huge" for the ratio heuristic from this declared size. */
export const HUGE_MEMBER = 256 * 1024 ** 2;
/** Ratio above which a huge member is reported even when inflating it is allowed. */
export const HIGH_RATIO = 200;

/** Bytes still allowed to be inflated in this scan. */
export function remainingExpansion(budget: ScanBudget): number {
  return Math.max(0, budget.maxExpandedBytes - budget.expandedBytes);
}

/** Spend the whole expansion budget so every later inflation in this scan is refused. */
export function exhaustExpansion(budget: ScanBudget): void {
  budget.expandedBytes = Math.max(budget.expandedBytes, budget.maxExpandedBytes);
}

/** True when the scan deadline has passed. */
export function pastDeadline(budget: ScanBudget): boolean {
  return Date.now() > budget.deadline;
}

/**
 * Most bytes an archive of `archiveSize` bytes can legitimately inflate to in
 * total. More than this is only possible when members reuse each other's
 * compressed bytes: the overlapping-entries bomb.
 */
export function archiveExpansionCap(archiveSize: number): number {
  return archiveSize * (DEFLATE_MAX_RATIO + 68) + 1024 ** 2;
}

/**
 * Whether and how far to inflate one member. A `bomb` refusal spends the whole
 * budget, so later members are `budget` refusals that callers count and report
 * once per archive; that keeps a 42.zip-style tree from producing one finding
 * per leaf.
 */
export type ExpansionPlan =
  | { kind: 'inflate'; limit: number }
  | { kind: 'refuse'; reason: 'budget' }
  | { kind: 'refuse'; reason: 'bomb' | 'too-large'; message: string };

/**
 * Plan the inflation of a member that claims `declared` bytes (undefined when
 * the format does not say) from `compressed` bytes, with `archiveLeft` bytes
 * left of the enclosing archive's expansion cap.
 */
export function planExpansion(budget: ScanBudget, declared: number | undefined, compressed: number, archiveLeft: number): ExpansionPlan {
  const remaining = remainingExpansion(budget);
  if (remaining === 0) return { kind: 'refuse', reason: 'budget' };
  if (declared === undefined) return { kind: 'inflate', limit: Math.min(budget.maxMemberBytes, remaining, archiveLeft) };
  const ratio = declared / Math.max(1, compressed);
  const shown = `${declared} bytes from ${compressed} (ratio ${Math.round(ratio)}:1)`;
  if (declared > archiveLeft) {
    return { kind: 'refuse', reason: 'bomb', message: `declares ${shown}, more than deflate can produce from this archive` };
  }
  if (declared > budget.maxMemberBytes) {
    const message = `declares ${shown}, beyond the ${budget.maxMemberBytes}-byte member limit`;
    return { kind: 'refuse', reason: ratio >= HIGH_RATIO ? 'bomb' : 'too-large', message };
  }
  if (declared > remaining) {
    return { kind: 'refuse', reason: 'bomb', message: `declares ${shown}, beyond the ${remaining} bytes left of the scan's expansion budget` };
  }
  return { kind: 'inflate', limit: declared };
}
