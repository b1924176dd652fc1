/**
 * Combines the evidence about a model's license into one identification.
 * A license text that identifies a license outweighs metadata; otherwise
 * every source votes with its confidence (noisy-or). Sources that name
 * different licenses, gaps and unknown versions become findings.
 */
import { catalogEntry } from '../catalog/load.js';
import type { CatalogEntry, LicenseIdentification, Obligations } from '../types.js';
import { collectEvidence, type LicenseInput, type Observation } from './evidence.js';
import { identificationFindings } from './findings.js';
import { defaultObligations } from './obligations.js';
import { spdxLicenses } from './spdx-index.js';

// A text match this strong decides on its own; metadata can only agree or disagree with it.
const DECISIVE_TEXT = 0.7;

/**
 * Identify a model's license from its card, license files and GGUF metadata.
 * @example identifyLicense({ card: { path: 'README.md', text }, files: [{ path: 'LICENSE', text: licenseText }] }).id
 */
export function identifyLicense(input: LicenseInput): LicenseIdentification {
  const { observations, cardLicense, cardName } = collectEvidence(input);
  const best = chooseBest(observations);
  const entry = best ? entryFor(best, observations) : undefined;
  const findings = identificationFindings({ observations, best, entry, cardLicense, cardName, hasFiles: (input.files ?? []).length > 0 });
  const evidence = observations.map((o) => o.evidence);
  if (!best) {
    const closest = closestOf(observations);
    return { id: undefined, name: 'unidentified', kind: 'unknown', confidence: 0, obligations: undefined, evidence, findings, ...(closest ? { closest } : {}) };
  }
  let confidence = support(observations, best);
  if (findings.some((f) => f.ruleId === 'license/sources-disagree')) confidence *= 0.85;
  if (observations.some((o) => o.evidence.says === best && o.unseenVersion)) confidence = Math.min(confidence, 0.6);
  return {
    id: best,
    name: entry?.name ?? spdxLicenses()[best]?.name ?? best,
    kind: entry && !entry.spdx ? 'catalog' : 'spdx',
    ...(entry ? { family: entry.family } : {}),
    confidence: Math.round(confidence * 1000) / 1000,
    obligations: obligationsFor(best, entry),
    evidence,
    findings,
  };
}

function chooseBest(observations: Observation[]): string | undefined {
  const ids = [...new Set(observations.map((o) => o.evidence.says).filter((s): s is string => s !== undefined))];
  if (ids.length === 0) return undefined;
  const textual = (id: string) =>
    Math.max(0, ...observations.filter((o) => o.text && o.evidence.says === id).map((o) => o.evidence.confidence));
  const decisive = ids.filter((id) => textual(id) >= DECISIVE_TEXT);
  const pool = decisive.length > 0 ? decisive : ids;
  return pool.sort((a, b) => support(observations, b) - support(observations, a) || textual(b) - textual(a) || a.localeCompare(b))[0];
}

/** Noisy-or of every item that says `id`. */
function support(observations: Observation[], id: string): number {
  let miss = 1;
  for (const o of observations) if (o.evidence.says === id) miss *= 1 - o.evidence.confidence;
  return 1 - miss;
}

function entryFor(id: string, observations: Observation[]): CatalogEntry | undefined {
  return observations.find((o) => o.evidence.says === id && o.entry)?.entry ?? catalogEntry(id);
}

/** Obligations of a license id: the catalog's, or conservative defaults for an SPDX id. */
export function obligationsFor(id: string, entry: CatalogEntry | undefined = catalogEntry(id)): Obligations | undefined {
  if (entry) return entry.obligations;
  return spdxLicenses()[id] ? defaultObligations(id) : undefined;
}

function closestOf(observations: Observation[]): { id: string; similarity: number } | undefined {
  let best: { id: string; similarity: number } | undefined;
  for (const o of observations) {
    const c = o.text?.closest;
    if (c && (!best || c.similarity > best.similarity)) best = c;
  }
  return best;
}
