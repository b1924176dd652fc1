/**
 * A scan plan: the selected detectors grouped by trigger, with their anchors compiled into two
 * alternation regexes (case-sensitive and case-insensitive), so a scan reads the text once per
 * trigger family instead of once per detector. Plans are cached per detector selection.
 */
import type { AnchorDetector, Detector, NumberDetector, ScanDetector, ScanOptions } from '../types.js';

/** Compiled form of one detector selection. */
export interface ScanPlan {
  detectors: readonly Detector[];
  exact?: AnchorPass;
  folded?: AnchorPass;
  numbers: readonly NumberDetector[];
  scans: readonly ScanDetector[];
  /** Position of each detector in the table, the last tie-breaker of overlaps. */
  rank: ReadonlyMap<Detector, number>;
}

/** One alternation regex and the detectors listening on each anchor. */
export interface AnchorPass {
  re: RegExp;
  byAnchor: ReadonlyMap<string, readonly AnchorDetector[]>;
  folded: boolean;
}

const cache = new Map<string, ScanPlan>();

/** The plan for `options` over `table` (cached by the selected ids). */
export function planFor(table: readonly Detector[], options: ScanOptions = {}): ScanPlan {
  const selected = selectDetectors(table, options);
  const key = selected.map((d) => d.id).join('\n');
  let plan = cache.get(key);
  if (!plan) {
    plan = compile(selected, table);
    cache.set(key, plan);
  }
  return plan;
}

/** Detectors that `options` selects, in table order. */
export function selectDetectors(table: readonly Detector[], options: ScanOptions): Detector[] {
  const ids = options.detectors ? new Set(options.detectors) : undefined;
  return table.filter(
    (d) => (options.kinds === undefined || options.kinds.includes(d.kind)) && (ids ? ids.has(d.id) : d.enabledByDefault !== false),
  );
}

function compile(selected: readonly Detector[], table: readonly Detector[]): ScanPlan {
  const exact: AnchorDetector[] = [];
  const folded: AnchorDetector[] = [];
  const numbers: NumberDetector[] = [];
  const scans: ScanDetector[] = [];
  for (const d of selected) {
    if (d.trigger === 'anchor') (d.ignoreCase ? folded : exact).push(d);
    else if (d.trigger === 'number') numbers.push(d);
    else scans.push(d);
  }
  return {
    detectors: selected,
    exact: anchorPass(exact, false),
    folded: anchorPass(folded, true),
    numbers,
    scans,
    rank: new Map(table.map((d, i) => [d, i])),
  };
}

function anchorPass(detectors: readonly AnchorDetector[], fold: boolean): AnchorPass | undefined {
  if (detectors.length === 0) return undefined;
  const byAnchor = new Map<string, AnchorDetector[]>();
  for (const d of detectors) {
    for (const raw of d.anchors) {
      const a = fold ? raw.toLowerCase() : raw;
      const list = byAnchor.get(a) ?? [];
      list.push(d);
      byAnchor.set(a, list);
    }
  }
  // Longest first, so `sk-ant-` wins over `sk-` at the same position; the regex then reports only
  // the longer anchor, so its listeners include those of every anchor that is a prefix of it.
  const anchors = [...byAnchor.keys()].sort((a, b) => b.length - a.length);
  const withPrefixes = new Map<string, AnchorDetector[]>();
  for (const a of anchors) {
    const listeners = new Set<AnchorDetector>();
    for (const b of anchors) if (a.startsWith(b)) for (const d of byAnchor.get(b) ?? []) listeners.add(d);
    withPrefixes.set(a, [...listeners]);
  }
  return { re: new RegExp(anchors.map(escapeRegExp).join('|'), fold ? 'gi' : 'g'), byAnchor: withPrefixes, folded: fold };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
