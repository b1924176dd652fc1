/**
 * The identification test corpus: license wordings written for the tests
 * (`__fixtures__/variants/`), the real texts in the shared fixtures folder
 * when it exists, and reformatted variants of SPDX texts generated from
 * `spdx-license-list` at run time. Each case says what it must be identified as.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { spdxLicenses } from '../spdx-index.js';

/** What a case must be identified as; `unseenVersion` cases must name the family and flag the version. */
export interface Expectation {
  id?: string;
  family: string;
  unseenVersion?: string;
}

/** One text with its expectation. */
export interface CorpusCase {
  name: string;
  origin: 'variant' | 'real' | 'spdx-variant';
  text: string;
  expect: Expectation;
}

export const VARIANTS_DIR = fileURLToPath(new URL('../__fixtures__/variants/', import.meta.url));
/** Real license texts shared between the project's engineers; absent on most machines. */
export const REAL_DIR = process.env.MODELGATE_LICENSE_FIXTURES ?? '/work/shared/fixtures/licenses/';

const id = (family: string, licenseId: string): Expectation => ({ id: licenseId, family });
const unseen = (family: string, version: string): Expectation => ({ family, unseenVersion: version });
const NONE: Expectation = { family: 'none' };

/** Expectations for the written variants, by file name. */
export const VARIANT_EXPECTATIONS: Record<string, Expectation> = {
  'llama-2-reworded.txt': id('llama', 'llama-2'),
  'llama-3-reformatted.md': id('llama', 'llama-3'),
  'llama-3.1-paraphrase.txt': id('llama', 'llama-3.1'),
  'llama-3.2-paraphrase.txt': id('llama', 'llama-3.2'),
  'llama-3.3-reformatted.txt': id('llama', 'llama-3.3'),
  'llama-4-paraphrase.txt': id('llama', 'llama-4'),
  'llama-3.4-bumped.txt': unseen('llama', '3.4'),
  'llama-5-bumped.txt': unseen('llama', '5'),
  'NOTICE-llama-3.1.txt': id('llama', 'llama-3.1'),
  'tongyi-qianwen-paraphrase.txt': id('qwen', 'tongyi-qianwen'),
  'tongyi-qianwen-research-paraphrase.txt': id('qwen', 'tongyi-qianwen-research'),
  'qwen-license-paraphrase.txt': id('qwen', 'qwen'),
  'qwen-research-paraphrase.txt': id('qwen', 'qwen-research'),
  'qwen-license-2026-bumped.txt': id('qwen', 'qwen'),
  'deepseek-reworded.txt': id('deepseek', 'deepseek-1.0'),
  'deepseek-1.1-bumped.txt': unseen('deepseek', '1.1'),
  'yi-reworded.txt': id('yi', 'yi-2.1'),
  'yi-2.2-bumped.txt': unseen('yi', '2.2'),
  'baichuan2-paraphrase.txt': id('baichuan', 'baichuan-2'),
  'chatglm3-reworded.txt': id('glm', 'chatglm3-6b'),
  'glm-4-paraphrase.txt': id('glm', 'glm-4'),
  'chatglm2-bumped.txt': unseen('glm', '2'),
  'internlm-notice.md': id('internlm', 'internlm'),
  'minicpm-reworded.md': id('minicpm', 'minicpm-1.0'),
  'gemma-paraphrase.txt': id('gemma', 'gemma'),
  'NOTICE-gemma.txt': id('gemma', 'gemma'),
  'bloom-rail-paraphrase.txt': id('openrail', 'bigscience-bloom-rail-1.0'),
  'bigscience-openrail-m-paraphrase.txt': id('openrail', 'bigscience-openrail-m'),
  'creativeml-openrail-m-paraphrase.txt': id('openrail', 'creativeml-openrail-m'),
  'sdxl-openrailpp-paraphrase.txt': id('openrail', 'creativeml-openrailpp-m'),
  'bigcode-openrail-m-paraphrase.txt': id('openrail', 'bigcode-openrail-m'),
  'mistral-research-paraphrase.md': id('mistral', 'mistral-research-0.1'),
  'hunyuan-paraphrase.txt': id('hunyuan', 'tencent-hunyuan'),
  'hunyuan-2025-bumped.txt': id('hunyuan', 'tencent-hunyuan'),
  'kimi-reworded.txt': id('kimi', 'kimi-modified-mit'),
  'apache-header.txt': id('permissive', 'Apache-2.0'),
  'cc-by-nc-statement.md': id('creative-commons', 'CC-BY-NC-4.0'),
  'cc-by-nc-sa-statement.md': id('creative-commons', 'CC-BY-NC-SA-4.0'),
  'qwen-research-untitled.txt': id('qwen', 'qwen-research'),
  'llama-3.2-untitled.txt': id('llama', 'llama-3.2'),
  'kimi-untitled.txt': id('kimi', 'kimi-modified-mit'),
  'proprietary-negative.txt': NONE,
  'readme-negative.md': NONE,
};

/** Expectations for the real texts, by file name. */
export const REAL_EXPECTATIONS: Record<string, Expectation> = {
  'chatglm3-6b-2024-05.txt': id('glm', 'chatglm3-6b'),
  'deepseek-1.0-deepseek-llm.txt': id('deepseek', 'deepseek-1.0'),
  'deepseek-r1-mit.txt': id('permissive', 'MIT'),
  'hunyuan-large.txt': id('hunyuan', 'tencent-hunyuan'),
  'kimi-k2-modified-mit.txt': id('kimi', 'kimi-modified-mit'),
  'llama-2.txt': id('llama', 'llama-2'),
  'llama-3.1.txt': id('llama', 'llama-3.1'),
  'minicpm-1.0-en.txt': id('minicpm', 'minicpm-1.0'),
  'qwen-1.0-tongyi-qianwen-license.txt': id('qwen', 'tongyi-qianwen'),
  'qwen-1.0-tongyi-qianwen-research-license.txt': id('qwen', 'tongyi-qianwen-research'),
  'stability-sdxl-1.0-openrail++.txt': id('openrail', 'creativeml-openrailpp-m'),
  'yi-2.1-community.txt': id('yi', 'yi-2.1'),
};

/** SPDX licenses whose texts are reformatted into test cases, with their expected family. */
export const SPDX_VARIANT_IDS: Record<string, string> = {
  'Apache-2.0': 'permissive', MIT: 'permissive', 'BSD-2-Clause': 'permissive', 'BSD-3-Clause': 'permissive',
  'CC-BY-4.0': 'creative-commons', 'CC-BY-SA-4.0': 'creative-commons', 'CC-BY-NC-4.0': 'creative-commons',
  'CC-BY-NC-SA-4.0': 'creative-commons', 'CC-BY-NC-ND-4.0': 'creative-commons', 'CC0-1.0': 'creative-commons',
  'MPL-2.0': 'spdx-other', ISC: 'spdx-other',
};

/** Every case; `skipped` explains why the real texts are missing when they are. */
export function loadCorpus(): { cases: CorpusCase[]; skipped: string | undefined } {
  const cases: CorpusCase[] = [];
  for (const [name, expect] of Object.entries(VARIANT_EXPECTATIONS)) {
    cases.push({ name, origin: 'variant', text: readFileSync(`${VARIANTS_DIR}${name}`, 'utf8'), expect });
  }
  for (const [spdxId, family] of Object.entries(SPDX_VARIANT_IDS)) {
    const text = spdxLicenses()[spdxId]?.licenseText ?? '';
    cases.push({ name: `${spdxId} (reformatted)`, origin: 'spdx-variant', text: reformat(text), expect: id(family, spdxId) });
  }
  const skipped = realCases(cases);
  return { cases, skipped };
}

/** The files in the variants folder that have no expectation (a test keeps this empty). */
export function unlistedVariants(): string[] {
  return readdirSync(VARIANTS_DIR).filter((f) => !(f in VARIANT_EXPECTATIONS));
}

function realCases(cases: CorpusCase[]): string | undefined {
  if (!existsSync(REAL_DIR)) return `real license texts not found at ${REAL_DIR} (set MODELGATE_LICENSE_FIXTURES)`;
  for (const [name, expect] of Object.entries(REAL_EXPECTATIONS)) {
    const file = `${REAL_DIR.replace(/\/?$/, '/')}${name}`;
    if (existsSync(file)) cases.push({ name, origin: 'real', text: readFileSync(file, 'utf8'), expect });
  }
  return undefined;
}

/**
 * A reformatted SPDX text: a real copyright line, British spelling, curly quotes, "(1)" list
 * numbers and lines rewrapped at 64 columns — what a LICENSE file in a model repository looks like.
 */
export function reformat(text: string): string {
  const words = text
    .replace(/^.*(?:<year>|\[yyyy\]|<owner>|<copyright holders>).*$/gim, '\n\nCopyright (c) 2024 Example Labs\n\n')
    .replace(/\blicense\b/g, 'licence')
    .replace(/"([^"\n]*)"/g, '\u201c$1\u201d')
    .replace(/^(\s*)(\d{1,2})\.\s/gm, '$1($2) ')
    .split(/\n\s*\n/);
  return words.map((para) => wrap(para.replace(/\s+/g, ' ').trim(), 64)).join('\n\n');
}

function wrap(para: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const w of para.split(' ')) {
    if (line.length + w.length + 1 > width && line.length > 0) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
