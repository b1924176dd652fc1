import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOG_DIR, catalogEntry, loadCatalog, readCatalogDir } from './index.js';

const REQUIRED = [
  'tongyi-qianwen', 'tongyi-qianwen-research', 'qwen', 'qwen-research', 'deepseek-1.0', 'yi-2.1', 'baichuan-2',
  'chatglm3-6b', 'glm-4', 'internlm', 'minicpm-1.0', 'llama-2', 'llama-3', 'llama-3.1', 'llama-3.2', 'llama-3.3',
  'llama-4', 'gemma', 'bigscience-bloom-rail-1.0', 'bigscience-openrail-m', 'creativeml-openrail-m',
  'creativeml-openrailpp-m', 'bigcode-openrail-m', 'mistral-research-0.1', 'tencent-hunyuan', 'kimi-modified-mit',
  'apache-2.0', 'mit', 'bsd-2-clause', 'bsd-3-clause', 'cc-by-4.0', 'cc-by-sa-4.0', 'cc-by-nc-4.0', 'cc-by-nc-sa-4.0',
];

describe('the shipped catalog', () => {
  it('validates without problems and has every required license', () => {
    const { entries, problems } = readCatalogDir(CATALOG_DIR);
    expect(problems).toEqual([]);
    const ids = entries.map((e) => e.id);
    for (const id of REQUIRED) expect(ids, id).toContain(id);
  });

  it('is cached and looked up by catalog id or SPDX id, case-insensitively', () => {
    expect(loadCatalog()).toBe(loadCatalog());
    expect(catalogEntry('llama-3.1')?.name).toMatch(/Llama 3\.1/);
    expect(catalogEntry('Apache-2.0')?.id).toBe('apache-2.0');
    expect(catalogEntry('cc-by-nc-4.0')?.spdx).toBe('CC-BY-NC-4.0');
    expect(catalogEntry('no-such-license')).toBeUndefined();
  });

  it('states facts, not passages of license text', () => {
    for (const e of loadCatalog()) {
      const facts = [...e.facts.titles, ...e.facts.parties, ...e.facts.keyTerms, ...e.facts.figures, ...(e.excludes ?? [])];
      for (const f of facts) {
        expect(f.split(/\s+/).length, `${e.id}: "${f}"`).toBeLessThanOrEqual(10);
        expect(f.length, `${e.id}: "${f}"`).toBeLessThanOrEqual(80);
      }
    }
  });

  it('keeps neighbours apart with typed obligations', () => {
    expect(catalogEntry('qwen')?.obligations.commercialUse.status).toBe('conditional');
    expect(catalogEntry('qwen')?.obligations.userThreshold?.monthlyActiveUsers).toBe(100_000_000);
    expect(catalogEntry('qwen-research')?.obligations.commercialUse.status).toBe('not-allowed');
    expect(catalogEntry('llama-3.1')?.obligations.userThreshold?.monthlyActiveUsers).toBe(700_000_000);
    expect(catalogEntry('llama-3.1')?.obligations.territory.excludedRegions).toEqual([]);
    expect(catalogEntry('llama-3.2')?.obligations.territory.excludedRegions.join()).toMatch(/European Union/);
    expect(catalogEntry('llama-2')?.obligations.outputUse.improveOtherModels).toBe('not-allowed');
    expect(catalogEntry('tencent-hunyuan')?.obligations.territory.excludedRegions).toContain('European Union');
    expect(catalogEntry('baichuan-2')?.obligations.authorization).toBe('written-authorization');
    expect(catalogEntry('yi-2.1')?.obligations.authorization).toBe('registration');
  });

  it('finds the catalog folder from src/ and from dist/ alike', () => {
    expect(CATALOG_DIR.replace(/\\/g, '/')).toMatch(/\/catalog\/licenses\/?$/);
    const fromDist = fileURLToPath(new URL('../../../catalog/licenses/', pathToFileURL('/pkg/dist/license/catalog/load.js')));
    expect(fromDist.replace(/\\/g, '/')).toMatch(/^(?:[A-Z]:)?\/pkg\/catalog\/licenses\/$/);
  });
});

describe('catalog validation', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const good = (id: string, extra = '') => `id: ${id}
name: Test License
family: test
version: "1"
cardIds: [${id}-card]
facts: { titles: [Test License ${id}] }
${extra}obligations:
  commercialUse: { status: allowed }
  authorization: none
  attribution: { required: false }
  acceptableUsePolicy: { applies: false }
  outputUse: { improveOtherModels: allowed }
  redistribution: { status: allowed }
  derivatives: { inheritRestrictions: false, shareAlike: false }
  territory: {}
`;

  it('names the file, line and key path of every problem', () => {
    dir = mkdtempSync(join(tmpdir(), 'mg-catalog-'));
    writeFileSync(join(dir, 'ok.yaml'), good('ok'));
    writeFileSync(join(dir, 'bad-enum.yaml'), good('bad-enum').replace('authorization: none', 'authorization: sometimes'));
    writeFileSync(join(dir, 'wrong-name.yaml'), good('other-id'));
    writeFileSync(join(dir, 'dup.yaml'), good('dup').replace('dup-card', 'ok-card'));
    writeFileSync(join(dir, 'spdx.yaml'), good('spdx', 'spdx: Not-A-License\n'));
    writeFileSync(join(dir, 'broken.yaml'), 'id: [unclosed\n');
    const { entries, problems } = readCatalogDir(dir);
    expect(entries.map((e) => e.id).sort()).toEqual(['dup', 'ok', 'other-id', 'spdx']);
    const text = problems.join('\n');
    expect(text).toMatch(/bad-enum\.yaml:\d+:\d+: obligations\.authorization: /);
    expect(text).toMatch(/wrong-name\.yaml:\d+:\d+: id: "other-id" must equal the file name "wrong-name"/);
    expect(text).toMatch(/ok\.yaml: cardIds: "ok-card" is also used by dup/);
    expect(text).toMatch(/spdx\.yaml: spdx: "Not-A-License" is not an SPDX license id/);
    expect(text).toMatch(/broken\.yaml:\d+:\d+: /);
  });

  it('requires conditions for conditional commercial use and facts for non-SPDX licenses', () => {
    dir = mkdtempSync(join(tmpdir(), 'mg-catalog-'));
    writeFileSync(join(dir, 'cond.yaml'), good('cond').replace('status: allowed }\n  authorization', 'status: conditional }\n  authorization'));
    writeFileSync(join(dir, 'nofacts.yaml'), good('nofacts').replace('facts: { titles: [Test License nofacts] }', 'facts: { parties: [Someone] }'));
    const { problems } = readCatalogDir(dir);
    expect(problems.join('\n')).toMatch(/cond\.yaml: obligations\.commercialUse\.conditions/);
    expect(problems.join('\n')).toMatch(/nofacts\.yaml: facts: a license without SPDX text needs titles or keyTerms/);
  });
});
