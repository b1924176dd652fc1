/**
 * Hand-built license data for tests: obligation sets, identifications and a
 * toy identifier that reads `license:` from a card and an `Identifier: x`
 * line from license files. No real license text is used anywhere.
 */
import type { Identifier, ModelDocs } from '../../src/license/chain/types.js';
import type { CatalogEntry, LicenseEvidence, LicenseIdentification, Obligations } from '../../src/license/types.js';
import { parseModelCard } from '../../src/license/card/parse-card.js';

/** Obligations with every permission allowed and no duties; override what a test needs. */
export function obligations(over: Partial<Obligations> = {}): Obligations {
  return {
    commercialUse: { status: 'allowed', conditions: [] },
    authorization: 'none',
    attribution: { required: false },
    acceptableUsePolicy: { applies: false },
    outputUse: { improveOtherModels: 'allowed' },
    redistribution: { status: 'allowed', conditions: [] },
    derivatives: { inheritRestrictions: false, shareAlike: false },
    territory: { excludedRegions: [] },
    ...over,
  };
}

/** Made-up licenses with distinct terms. */
export const TEST_LICENSES: Record<string, Obligations> = {
  'test-permissive': obligations({ attribution: { required: true, notice: 'keep the NOTICE' } }),
  'test-research': obligations({ commercialUse: { status: 'not-allowed', conditions: ['research only'] }, redistribution: { status: 'conditional', conditions: ['same terms'] } }),
  'test-community': obligations({
    commercialUse: { status: 'conditional', conditions: ['below the user threshold'] },
    userThreshold: { monthlyActiveUsers: 1_000_000, consequence: 'request a separate license' },
    authorization: 'registration',
    attribution: { required: true, notice: 'Made with TestModel', naming: 'prefix TestModel' },
    acceptableUsePolicy: { applies: true, reference: 'https://example.test/aup' },
    outputUse: { improveOtherModels: 'not-allowed' },
    derivatives: { inheritRestrictions: true, shareAlike: false },
    territory: { excludedRegions: ['Atlantis'] },
  }),
};

/** An identification result for a catalog id (or an unidentified one). */
export function identification(id: string | undefined, evidence: Partial<LicenseEvidence>[] = []): LicenseIdentification {
  return {
    id,
    name: id ? `Test license ${id}` : 'unknown',
    kind: id ? 'catalog' : 'unknown',
    confidence: id ? 0.9 : 0,
    obligations: id ? TEST_LICENSES[id] : undefined,
    evidence: evidence.map((e) => ({ source: 'card', file: 'README.md', value: id ?? '', says: id, confidence: 0.9, ...e })),
    findings: [],
  };
}

/** A toy identifier: card `license:` and `Identifier:` lines in license files, checked against TEST_LICENSES. */
export function fakeIdentifier(): Identifier {
  return {
    isLicenseFileName: (p) => /^(licen[cs]e|notice|copying)([-_.].*)?$/i.test(p.split('/').pop() ?? ''),
    catalogEntry: (id) => (TEST_LICENSES[id] ? catalogEntryFor(id) : undefined),
    identify(input) {
      const ev: LicenseEvidence[] = [];
      if (input.card) {
        const card = parseModelCard(input.card.text);
        const v = card.licenseName ?? card.license;
        if (v) ev.push({ source: 'card', file: input.card.path, field: card.licenseName ? 'license_name' : 'license', value: v, says: known(v), confidence: 0.8 });
      }
      for (const f of input.files ?? []) {
        const m = /Identifier:\s*(\S+)/.exec(f.text);
        ev.push({ source: 'license-file', file: f.path, value: m?.[1] ?? f.text.slice(0, 40), says: known(m?.[1]), confidence: 0.95 });
      }
      const g = input.gguf?.kv['general.license'];
      if (input.gguf && typeof g === 'string') ev.push({ source: 'gguf', file: input.gguf.path, field: 'general.license', value: g, says: known(g), confidence: 0.7 });
      const says = [...new Set(ev.map((e) => e.says).filter((s): s is string => s !== undefined))];
      const best = ev.filter((e) => e.says).sort((a, b) => b.confidence - a.confidence)[0]?.says;
      const result = identification(best, []);
      result.evidence = ev;
      if (says.length > 1) {
        result.findings.push({ ruleId: 'license/sources-disagree', severity: 'high', file: ev[0]?.file ?? '', message: `sources disagree: ${says.join(' vs ')}` });
      }
      return result;
    },
  };
}

function known(v: string | undefined): string | undefined {
  return v && TEST_LICENSES[v] ? v : undefined;
}

function catalogEntryFor(id: string): CatalogEntry {
  return {
    id,
    name: `Test license ${id}`,
    family: 'test',
    version: '1',
    cardIds: [id],
    url: `https://example.test/licenses/${id}`,
    facts: { titles: [], parties: [], keyTerms: [], figures: [] },
    obligations: TEST_LICENSES[id] as Obligations,
  };
}

/** A model card with front matter. */
export function card(fields: Record<string, string | string[]>): string {
  const lines = Object.entries(fields).map(([k, v]) => (Array.isArray(v) ? `${k}:\n${v.map((x) => `  - ${x}`).join('\n')}` : `${k}: ${v}`));
  return `---\n${lines.join('\n')}\n---\n# model\n`;
}

/** A license file body naming a test license. */
export function licenseText(id: string): string {
  return `Made-up terms for tests.\nIdentifier: ${id}\n`;
}

/** ModelDocs from in-memory texts (hashes are not checked by the chain). */
export function docsOf(d: { card?: string; license?: string; files?: string[] }): ModelDocs {
  const parsed = parseModelCard(d.card ?? '');
  return {
    ...(d.card !== undefined ? { card: { path: 'README.md', text: d.card, sha256: '0'.repeat(64) } } : {}),
    licenses: d.license !== undefined ? [{ path: 'LICENSE', text: d.license, sha256: '1'.repeat(64) }] : [],
    parsedCard: parsed,
    fileNames: d.files ?? ['README.md', ...(d.license !== undefined ? ['LICENSE'] : [])],
    problems: [],
  };
}
