/** `defineDetector`: the one way a detector is declared. */
import type { Detector } from './types.js';

/**
 * Declare a detector. The identity function keeps every descriptor checked against the
 * trigger it names, and `const` keeps the id a literal for the detectors table.
 * @example
 * export const npmToken = defineDetector({
 *   id: 'secret/npm-token', title: 'npm access token', description: 'npm_ + 36 alphanumerics',
 *   severity: 'high', kind: 'secret', confidence: 'high',
 *   trigger: 'anchor', anchors: ['npm_'],
 *   matchAt: (text, at) => tokenAt(text, at, 4, ALNUM, 36, 36),
 * });
 */
export function defineDetector<const D extends Detector>(d: D): D {
  return d;
}

/** Placeholder label of a detector: its `label`, else the id's last segment upper-cased. */
export function detectorLabel(d: Detector): string {
  if (d.label) return d.label;
  const tail = d.id.slice(d.id.lastIndexOf('/') + 1);
  return tail.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}
