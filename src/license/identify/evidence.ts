/**
 * Turns everything a model folder says about its license into evidence
 * items: card front-matter fields, each license file's text, GGUF keys.
 * Each item records which file and field said which id, how strongly, and
 * what else the matcher noticed (an unknown version, a modified SPDX text).
 */
import { createHash } from 'node:crypto';
import { parseModelCard } from '../card/parse-card.js';
import type { CatalogEntry, LicenseEvidence } from '../types.js';
import { isPlaceholderTag, matchLink, matchName, matchTag, type MetaMatch } from './metadata.js';
import { identifyText, type TextMatch } from './text-identify.js';

/** Everything known about a model's license: its card, its license files, its GGUF metadata. */
export interface LicenseInput {
  card?: { path: string; text: string };
  files?: { path: string; text: string }[];
  gguf?: { path: string; kv: Record<string, unknown> };
}

/** Which part of a model a file speaks for: LICENSE-MODEL vs LICENSE-CODE in one repository. */
export type FileRole = 'model' | 'code' | 'notice' | 'generic';

/** One evidence item and what the matcher noticed while producing it. */
export interface Observation {
  evidence: LicenseEvidence;
  entry: CatalogEntry | undefined;
  role: FileRole | 'metadata';
  text?: TextMatch;
  note?: string;
  unseenVersion?: string;
}

// How much each metadata field is worth next to a full license text (which carries its own confidence).
const WEIGHT = { cardTag: 0.6, cardName: 0.55, cardLink: 0.45, ggufTag: 0.5, ggufName: 0.45, ggufLink: 0.4 } as const;
const ROLE_FACTOR: Record<FileRole, number> = { model: 1, generic: 1, notice: 0.85, code: 0.5 };
const GGUF_TEXT_MIN = 300;

/** Collect evidence from every source in the input. */
export function collectEvidence(input: LicenseInput): { observations: Observation[]; cardLicense: string | undefined; cardName: string | undefined } {
  const observations: Observation[] = [];
  let cardLicense: string | undefined;
  let cardName: string | undefined;
  if (input.card) {
    const card = parseModelCard(input.card.text);
    cardLicense = card.license;
    cardName = card.licenseName;
    const file = input.card.path;
    if (card.license !== undefined) observations.push(meta('card', file, 'license', card.license, matchTag(card.license), WEIGHT.cardTag));
    if (card.licenseName !== undefined) observations.push(meta('card', file, 'license_name', card.licenseName, matchName(card.licenseName), WEIGHT.cardName));
    if (card.licenseLink !== undefined) observations.push(meta('card', file, 'license_link', card.licenseLink, matchLink(card.licenseLink), WEIGHT.cardLink));
  }
  const files = input.files ?? [];
  const hasModelFile = files.some((f) => roleOf(f.path) === 'model');
  for (const f of files) observations.push(fromText('license-file', f.path, undefined, f.text, roleOf(f.path, hasModelFile)));
  if (input.gguf) observations.push(...fromGguf(input.gguf.path, input.gguf.kv));
  return { observations, cardLicense, cardName };
}

/** The role of a license file from its name. */
export function roleOf(path: string, hasModelFile = false): FileRole {
  const name = (path.split(/[\\/]/).pop() ?? '').toLowerCase();
  if (/model/.test(name)) return 'model';
  if (/code|source/.test(name)) return 'code';
  if (/^notice/.test(name)) return 'notice';
  // A plain LICENSE beside a LICENSE-MODEL usually covers the code.
  return hasModelFile ? 'code' : 'generic';
}

function fromGguf(file: string, kv: Record<string, unknown>): Observation[] {
  const out: Observation[] = [];
  const tag = kv['general.license'];
  if (typeof tag === 'string' && tag.trim().length > 0) {
    out.push(tag.length >= GGUF_TEXT_MIN ? fromText('gguf', file, 'general.license', tag, 'generic') : meta('gguf', file, 'general.license', tag, matchTag(tag), WEIGHT.ggufTag));
  }
  const name = kv['general.license.name'];
  if (typeof name === 'string' && name.trim().length > 0) out.push(meta('gguf', file, 'general.license.name', name, matchName(name), WEIGHT.ggufName));
  const link = kv['general.license.link'];
  if (typeof link === 'string' && link.trim().length > 0) out.push(meta('gguf', file, 'general.license.link', link, matchLink(link), WEIGHT.ggufLink));
  return out;
}

function meta(source: 'card' | 'gguf', file: string, field: string, value: string, m: MetaMatch, weight: number): Observation {
  const placeholder = isPlaceholderTag(value);
  return {
    evidence: { source, file, field, value: excerpt(value), says: m.says, confidence: round(m.says ? weight * m.strength : 0) },
    entry: m.entry,
    role: 'metadata',
    ...(m.note && !placeholder ? { note: m.note } : {}),
    ...(m.unseenVersion ? { unseenVersion: m.unseenVersion } : {}),
  };
}

function fromText(source: 'license-file' | 'gguf', file: string, field: string | undefined, text: string, role: FileRole): Observation {
  const match = identifyText(text);
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  return {
    evidence: {
      source,
      file,
      ...(field ? { field } : {}),
      value: excerpt(firstLine(text)),
      says: match.id,
      confidence: round(match.confidence * ROLE_FACTOR[role]),
      sha256,
    },
    entry: match.entry,
    role,
    text: match,
    ...(match.unseenVersion ? { unseenVersion: match.unseenVersion } : {}),
  };
}

function firstLine(text: string): string {
  return text.split(/\r?\n/).map((l) => l.replace(/[#*_`>]/g, '').trim()).find((l) => l.length > 0) ?? '';
}

function excerpt(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 120 ? `${one.slice(0, 117)}...` : one;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
