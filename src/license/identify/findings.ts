/**
 * Findings about an identification: disagreeing sources, nothing identified,
 * weak or ambiguous evidence, `license: other` without a text, unknown
 * versions and modified SPDX texts. Each uses a descriptor from `../rules.ts`.
 */
import type { Finding, Severity } from '../../core/findings.js';
import { catalogEntry } from '../catalog/load.js';
import { LICENSE_RULES, type LicenseRuleId } from '../rules.js';
import type { CatalogEntry } from '../types.js';
import type { Observation } from './evidence.js';
import { defaultObligations } from './obligations.js';
import { spdxLicenses } from './spdx-index.js';

/** What the findings are computed from. */
export interface FindingContext {
  observations: Observation[];
  best: string | undefined;
  entry: CatalogEntry | undefined;
  cardLicense: string | undefined;
  cardName: string | undefined;
  hasFiles: boolean;
}

// Below this an item is too weak to count as a source that disagrees.
const DISAGREE_MIN = 0.3;
const LOW_CONFIDENCE = 0.5;

/** Every finding for one identification. */
export function identificationFindings(ctx: FindingContext): Finding[] {
  const out: Finding[] = [];
  const { observations, best } = ctx;
  if (best) out.push(...disagreements(observations, best));
  else out.push(unidentified(observations));
  if (best && bestConfidence(observations, best) < LOW_CONFIDENCE) {
    const o = observations.find((x) => x.evidence.says === best);
    out.push(finding('license/low-confidence', o?.evidence.file ?? '', `identified as ${best} only from weak evidence (${o?.evidence.field ?? 'text'})`, 'medium', o?.evidence.value));
  }
  for (const o of observations) {
    const t = o.text;
    if (o.unseenVersion && o.entry) {
      const what = o.text ? 'text' : (o.evidence.field ?? 'value');
      out.push(finding('license/unknown-version', o.evidence.file, `${what} names ${o.entry.family} version ${o.unseenVersion}, which the catalog does not know; obligations are taken from ${o.entry.id} (nearest known version) and must be checked`, 'medium', o.evidence.value));
    }
    if (t?.ambiguousWith && o.evidence.says === best) {
      out.push(finding('license/low-confidence', o.evidence.file, `text fits ${[t.id, ...t.ambiguousWith].join(', ')} equally well; it states no version that decides`, 'medium', o.evidence.value));
    }
    if (t?.alsoNamed) {
      out.push(finding('license/multiple-licenses', o.evidence.file, `names ${[t.id, ...t.alsoNamed].join(', ')}; every one of them may bind the model`, 'medium', o.evidence.value));
    }
    if (t?.modified) {
      out.push(finding('license/modified-text', o.evidence.file, `text is close to ${t.id} but adds about ${t.modified.addedWords} words the standard text does not have; read the additions`, 'medium', o.evidence.value));
    }
  }
  if (ctx.cardLicense?.trim().toLowerCase() === 'other' && !ctx.hasFiles) {
    const named = ctx.cardName ? ` (license_name: ${ctx.cardName})` : '';
    const card = observations.find((o) => o.evidence.field === 'license');
    out.push(finding('license/card-other-without-text', card?.evidence.file ?? 'README.md', `card declares license: other${named} but no license file holds its terms`, 'medium', 'other'));
  }
  return out;
}

function disagreements(observations: Observation[], best: string): Finding[] {
  const against = observations.filter(
    (o) => o.evidence.says !== undefined && o.evidence.says !== best && o.evidence.confidence >= DISAGREE_MIN && o.role !== 'code',
  );
  const support = observations.filter((o) => o.evidence.says === best).sort((a, b) => b.evidence.confidence - a.evidence.confidence)[0];
  return against.map((o) => {
    const other = o.evidence.says ?? '';
    const severity: Severity = commercialStatus(other) !== commercialStatus(best) ? 'high' : 'medium';
    const here = `${o.evidence.file}${o.evidence.field ? ` (${o.evidence.field})` : ''}`;
    const there = support ? `${support.evidence.file}${support.evidence.field ? ` (${support.evidence.field})` : ''}` : 'the other evidence';
    return finding('license/sources-disagree', o.evidence.file, `${here} says ${other} (${nameOf(other)}) but ${there} identifies ${best} (${nameOf(best)})`, severity, o.evidence.value);
  });
}

function unidentified(observations: Observation[]): Finding {
  let closest: { id: string; similarity: number } | undefined;
  let file = observations[0]?.evidence.file ?? '';
  for (const o of observations) {
    const c = o.text?.closest;
    if (c && (!closest || c.similarity > closest.similarity)) {
      closest = c;
      file = o.evidence.file;
    }
  }
  const near = closest ? `; closest is ${closest.id} at ${Math.round(closest.similarity * 100)}% similarity` : '';
  const what = observations.length === 0 ? 'no license evidence (no card license, no license file, no GGUF license key)' : 'no evidence identifies a known license';
  return finding('license/unidentified', file, `${what}${near}`, 'high');
}

function bestConfidence(observations: Observation[], id: string): number {
  return Math.max(0, ...observations.filter((o) => o.evidence.says === id).map((o) => o.evidence.confidence));
}

function commercialStatus(id: string): string {
  return (catalogEntry(id)?.obligations ?? (spdxLicenses()[id] ? defaultObligations(id) : undefined))?.commercialUse.status ?? 'unknown';
}

function nameOf(id: string): string {
  return catalogEntry(id)?.name ?? spdxLicenses()[id]?.name ?? id;
}

function finding(ruleId: LicenseRuleId, file: string, message: string, severity: Severity, evidence?: string): Finding {
  return { ruleId: LICENSE_RULES[ruleId].id, severity, file, message, ...(evidence ? { evidence } : {}) };
}
