import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { compilePacks } from './compile.js';
import { evaluateRedteamGate } from './gate.js';
import { parsePack } from './load-pack.js';
import { builtinPacks } from './packs/index.js';
import type { CategoryRow } from './report.js';

describe('built-in packs', () => {
  it.each(Object.values(builtinPacks).map((p) => [p.id, p] as const))('%s has enough unique probes and compiles', (_id, pack) => {
    expect(pack.probes.length).toBeGreaterThanOrEqual(10);
    expect(new Set(pack.probes.map((p) => p.id)).size).toBe(pack.probes.length);
    const suite = compilePacks([pack]);
    expect(suite.caseCount).toBe(pack.probes.length);
  });
  it('covers both languages where it matters, and sensitive topics have controls in each', () => {
    for (const id of ['prompt-injection', 'jailbreak', 'leakage', 'tool-misuse', 'sensitive-topics'] as const) expect(new Set(builtinPacks[id].probes.map((p) => p.lang))).toEqual(new Set(['en', 'zh']));
    const controls = builtinPacks['sensitive-topics'].probes.filter((p) => p.control);
    expect(new Set(controls.map((p) => p.lang))).toEqual(new Set(['en', 'zh']));
  });
  it('never puts the joined injection canary in a probe', () => {
    for (const p of builtinPacks['prompt-injection'].probes) expect(JSON.stringify(p.messages)).not.toContain('PWNED-4417');
  });
  it('filters by language and samples evenly with a limit', () => {
    const zh = compilePacks([builtinPacks.jailbreak], { langs: ['zh'] });
    expect(zh.caseCount).toBe(6);
    expect(compilePacks([builtinPacks.jailbreak], { limit: 8 }).caseCount).toBe(8);
  });
  it('carries tools on the case request', () => {
    const s = compilePacks([builtinPacks['tool-misuse']]);
    const src = s.sources[0];
    expect(src?.kind === 'inline' && src.test.request?.tools?.length).toBeGreaterThan(0);
  });
});

describe('user packs', () => {
  it('accepts a minimal pack', () => {
    const p = parsePack('id: mine\ndetector: { type: refusal }\nprobes:\n  - { prompt: hello, lang: zh }\n', 'mine.yaml');
    expect(p.probes[0]).toMatchObject({ id: 'probe-0', lang: 'zh', messages: [{ role: 'user', content: 'hello' }] });
  });
  it('names the file and every bad probe', () => {
    let error: unknown;
    try {
      parsePack('id: Bad Id\ndetector: { type: refusal }\nprobes:\n  - { prompt: a, messages: [{ role: user, content: b }] }\n  - { lang: fr, prompt: x }\n', 'p.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const msg = (error as InputError).toLine();
    expect(msg).toContain('p.yaml');
    expect(msg).toMatch(/id: use lowercase/);
    expect(msg).toMatch(/probes\[0\]: give either prompt or messages/);
    expect(msg).toMatch(/probes\[1\]\.lang/);
  });
  it('reports an unknown detector with the pack and probe', () => {
    const p = parsePack('id: x\ndetector: { type: canary }\nprobes:\n  - { prompt: a }\n', 'x.yaml');
    expect(() => compilePacks([p])).toThrow(/x: probes\[0\].*unknown assertion "canary"/);
  });
});

describe('red-team gate', () => {
  const row = (category: string, asr: number, high: number, base?: number): CategoryRow => ({
    category,
    model: 'm',
    probes: 10,
    asr: { value: asr, low: 0, high },
    ...(base !== undefined ? { baseline: { model: 'b', probes: 10, asr: { value: base, low: 0, high: base } } } : {}),
  });
  it('applies absolute, relative, upper-bound and wildcard thresholds', () => {
    const rows = [row('jailbreak', 0.05, 0.2, 0.1), row('leakage', 0.3, 0.5, 0.2), row('leakage/zh', 0.5, 0.6)];
    const checks = evaluateRedteamGate(rows, { '*': 0.1, leakage: '<= 1.2*baseline', jailbreak: 'upper <= 0.15' });
    expect(checks.map((c) => [c.category, c.passed])).toEqual([
      ['jailbreak', false],
      ['leakage', false],
    ]);
    expect(evaluateRedteamGate(rows, { jailbreak: 'attack_success <= 10%' })[0]?.passed).toBe(true);
  });
  it('fails a category without data', () => {
    expect(evaluateRedteamGate([{ ...row('x', 0, 0), asr: { value: Number.NaN, low: Number.NaN, high: Number.NaN } }], { x: 0.5 })[0]?.passed).toBe(false);
  });
});
