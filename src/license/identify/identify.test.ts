import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LICENSE_RULES } from '../rules.js';
import { catalogEntry, identifyLicense, isLicenseFileName } from './index.js';
import { spdxLicenses } from './spdx-index.js';
import { VARIANTS_DIR } from './test-support/corpus.js';

const variant = (name: string) => readFileSync(`${VARIANTS_DIR}${name}`, 'utf8');
const card = (front: string) => ({ path: 'README.md', text: `---\n${front}\n---\n# Model\n` });
const rules = (r: ReturnType<typeof identifyLicense>) => r.findings.map((f) => f.ruleId);

describe('identifyLicense', () => {
  it('lets a license text outweigh a card tag and reports the disagreement (high: commercial use differs)', () => {
    const r = identifyLicense({ card: card('license: apache-2.0'), files: [{ path: 'LICENSE', text: variant('qwen-research-paraphrase.txt') }] });
    expect(r.id).toBe('qwen-research');
    expect(r.kind).toBe('catalog');
    expect(r.obligations?.commercialUse.status).toBe('not-allowed');
    const disagree = r.findings.find((f) => f.ruleId === 'license/sources-disagree');
    expect(disagree?.severity).toBe('high');
    expect(disagree?.message).toMatch(/README\.md \(license\) says Apache-2\.0 .* but LICENSE identifies qwen-research/);
    expect(r.evidence).toEqual([
      expect.objectContaining({ source: 'card', file: 'README.md', field: 'license', value: 'apache-2.0', says: 'Apache-2.0' }),
      expect.objectContaining({ source: 'license-file', file: 'LICENSE', says: 'qwen-research', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }),
    ]);
  });

  it('rates a disagreement between two versions of one family as medium', () => {
    const r = identifyLicense({ card: card('license: llama3'), files: [{ path: 'LICENSE', text: variant('llama-3.1-paraphrase.txt') }] });
    expect(r.id).toBe('llama-3.1');
    expect(r.findings.find((f) => f.ruleId === 'license/sources-disagree')?.severity).toBe('medium');
  });

  it('agrees quietly when card and text say the same, with confidence above either alone', () => {
    const r = identifyLicense({ card: card('license: llama3.2'), files: [{ path: 'LICENSE', text: variant('llama-3.2-paraphrase.txt') }] });
    expect(r).toMatchObject({ id: 'llama-3.2', family: 'llama', findings: [] });
    expect(r.confidence).toBeGreaterThan(Math.max(...r.evidence.map((e) => e.confidence)));
    expect(r.obligations?.territory.excludedRegions.join()).toMatch(/European Union/);
  });

  it('maps `other` + license_name through catalog cardIds and flags the missing text', () => {
    const r = identifyLicense({ card: card('license: other\nlicense_name: qwen-research\nlicense_link: https://huggingface.co/acme/tiny-model/blob/main/LICENSE') });
    expect(r.id).toBe('qwen-research');
    expect(rules(r)).toContain('license/card-other-without-text');
    expect(r.evidence.find((e) => e.field === 'license_link')?.says).toBeUndefined();
  });

  it('reads GGUF license keys', () => {
    const r = identifyLicense({ gguf: { path: 'model.gguf', kv: { 'general.license': 'gemma', 'general.license.link': 'https://ai.google.dev/gemma/terms' } } });
    expect(r.id).toBe('gemma');
    expect(r.evidence.map((e) => e.field)).toEqual(['general.license', 'general.license.link']);
    const asText = identifyLicense({ gguf: { path: 'm.gguf', kv: { 'general.license': variant('llama-3.3-reformatted.txt') } } });
    expect(asText.id).toBe('llama-3.3');
  });

  it('recognises license names and links, including an unseen version by name', () => {
    expect(identifyLicense({ card: card('license: other\nlicense_name: Mistral AI Research License') }).id).toBe('mistral-research-0.1');
    expect(identifyLicense({ card: card('license: Llama-3.1') }).id).toBe('llama-3.1');
    expect(identifyLicense({ card: card('license: tongyi_qianwen') }).id).toBe('tongyi-qianwen');
    expect(identifyLicense({ card: card('license_link: https://creativecommons.org/licenses/by-nc/4.0/') }).id).toBe('CC-BY-NC-4.0');
    const unseen = identifyLicense({ card: card('license: other\nlicense_name: Llama 3.4 Community License') });
    expect(unseen).toMatchObject({ id: 'llama-3.3', family: 'llama' });
    expect(rules(unseen)).toEqual(expect.arrayContaining(['license/unknown-version', 'license/low-confidence']));
  });

  it('reports an unidentified license with the closest known one', () => {
    const r = identifyLicense({ files: [{ path: 'LICENSE', text: variant('proprietary-negative.txt') }] });
    expect(r).toMatchObject({ id: undefined, kind: 'unknown', obligations: undefined });
    expect(r.closest?.id).toBeTruthy();
    expect(r.findings[0]).toMatchObject({ ruleId: 'license/unidentified', severity: 'high' });
    expect(identifyLicense({}).findings[0]?.message).toMatch(/no license evidence/);
  });

  it('gives SPDX licenses without a catalog entry conservative obligations', () => {
    const mpl = identifyLicense({ files: [{ path: 'LICENSE', text: spdxLicenses()['MPL-2.0']?.licenseText ?? '' }] });
    expect(mpl).toMatchObject({ id: 'MPL-2.0', kind: 'spdx' });
    expect(mpl.obligations?.commercialUse.status).toBe('allowed');
    expect(mpl.obligations?.derivatives.shareAlike).toBe(true);
    const catalogued = identifyLicense({ files: [{ path: 'LICENSE', text: spdxLicenses()['Apache-2.0']?.licenseText ?? '' }] });
    expect(catalogued.obligations).toEqual(catalogEntry('apache-2.0')?.obligations);
  });

  it('flags a standard text with added clauses', () => {
    const text = `${spdxLicenses()['Apache-2.0']?.licenseText ?? ''}\n\nADDITIONAL TERMS FOR THE WEIGHTS. You may not use the weights for military purposes, surveillance or disinformation. Commercial use requires our written agreement, which we may refuse at our discretion. These terms prevail over the Apache License.`;
    const r = identifyLicense({ files: [{ path: 'LICENSE', text }] });
    expect(r.id).toBe('Apache-2.0');
    expect(rules(r)).toContain('license/modified-text');
  });

  it('takes the model license over the code license in one repository', () => {
    const r = identifyLicense({
      files: [
        { path: 'LICENSE-CODE', text: spdxLicenses()['MIT']?.licenseText ?? '' },
        { path: 'LICENSE-MODEL', text: variant('deepseek-reworded.txt') },
      ],
    });
    expect(r.id).toBe('deepseek-1.0');
    expect(rules(r)).not.toContain('license/sources-disagree');
  });

  it('reports a NOTICE that names licenses of several families', () => {
    const notice = 'This merge contains Llama 3.1 (Llama 3.1 Community License, Meta Platforms), Gemma (Gemma Terms of Use, ai.google.dev/gemma/terms) and Qwen (Qwen LICENSE AGREEMENT, Alibaba Cloud).';
    const r = identifyLicense({ files: [{ path: 'NOTICE', text: notice }] });
    const multiple = r.findings.find((f) => f.ruleId === 'license/multiple-licenses');
    expect(multiple?.message).toMatch(/gemma/);
    expect(multiple?.message).toMatch(/qwen/);
  });

  it('only reports rules that have a descriptor', () => {
    const r = identifyLicense({ card: card('license: mit'), files: [{ path: 'LICENSE', text: variant('kimi-reworded.txt') }] });
    expect(r.id).toBe('kimi-modified-mit');
    for (const f of r.findings) expect(Object.keys(LICENSE_RULES)).toContain(f.ruleId);
  });
});

describe('isLicenseFileName', () => {
  it('accepts the names model repositories use', () => {
    for (const p of ['LICENSE', 'LICENSE.txt', 'LICENCE.md', 'LICENSE-MODEL', 'MODEL_LICENSE', 'MODEL_LICENSE_AGREEMENT.txt', 'NOTICE', 'Notice.txt', 'COPYING', 'repo/sub/LICENSE_GEMMA.md', 'MiniCPM Model License.md', 'Tongyi Qianwen LICENSE AGREEMENT', 'C:\\models\\LICENSE']) {
      expect(isLicenseFileName(p), p).toBe(true);
    }
  });

  it('rejects code and data files that merely mention licenses', () => {
    for (const p of ['license_utils.py', 'licenses.json', 'README.md', 'config.json', 'LICENSES/', 'notices.ts']) {
      expect(isLicenseFileName(p), p).toBe(false);
    }
  });
});
