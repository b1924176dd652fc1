/** Per-detector precision and recall of the scanner on the labelled corpus, and its markdown table. */
import { DETECTORS } from '../detectors/index.js';
import { scanHits } from '../scan.js';
import type { Detector } from '../types.js';
import type { Case } from './corpus.js';

/** Counts and ratios for one detector. */
export interface DetectorScore {
  detector: Detector;
  positives: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  /** Where the misses and false alarms are (`file:line` and the span). */
  errors: string[];
}

/**
 * Score every detector: a hit is a true positive when it overlaps an unmatched label of the same
 * detector. Default detectors are scored on a default scan; opt-in ones on a scan with all enabled.
 */
export function scoreCorpus(cases: readonly Case[]): DetectorScore[] {
  const all = DETECTORS.map((d) => d.id);
  const scores = new Map<Detector, DetectorScore>(DETECTORS.map((d) => [d, { detector: d, positives: 0, tp: 0, fp: 0, fn: 0, precision: 1, recall: 1, errors: [] }]));
  for (const c of cases) {
    for (const optIn of [false, true]) {
      const hits = scanHits(c.text, optIn ? { detectors: all } : {}).filter((h) => (h.detector.enabledByDefault === false) === optIn);
      for (const d of DETECTORS) {
        if ((d.enabledByDefault === false) !== optIn) continue;
        const s = scores.get(d);
        if (!s) continue;
        const labels = c.labels.filter((l) => l.detector === d.id);
        const used = new Set<number>();
        s.positives += labels.length;
        for (const h of hits.filter((x) => x.detector === d)) {
          const i = labels.findIndex((l, j) => !used.has(j) && l.start < h.end && h.start < l.end);
          if (i === -1) {
            s.fp++;
            s.errors.push(`FP ${c.where} ${JSON.stringify(c.text.slice(h.start, h.end))}`);
          } else {
            used.add(i);
            s.tp++;
          }
        }
        labels.forEach((l, j) => {
          if (used.has(j)) return;
          s.fn++;
          s.errors.push(`FN ${c.where} ${JSON.stringify(c.text.slice(l.start, l.end))}`);
        });
      }
    }
  }
  for (const s of scores.values()) {
    s.precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
    s.recall = s.positives === 0 ? 1 : s.tp / s.positives;
  }
  return [...scores.values()];
}

/** The scores as a markdown table (opt-in detectors marked). */
export function precisionTable(scores: readonly DetectorScore[]): string {
  const rows = scores.map((s) => {
    const d = s.detector;
    const id = d.enabledByDefault === false ? `${d.id} (opt-in)` : d.id;
    return `| ${id} | ${d.confidence} | ${s.positives} | ${s.tp} | ${s.fp} | ${s.fn} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} |`;
  });
  return ['| Detector | Confidence | Positives | TP | FP | FN | Precision | Recall |', '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |', ...rows].join('\n');
}
