/**
 * From packs to an eval suite held in memory: one inline case per probe, its
 * conversation in the vars (rendered as the chat), its tools on the case's
 * request, its detector compiled as an assertion. The runner then gives the
 * run cache, store, concurrency and Ctrl-C handling like any eval.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../core/errors.js';
import { compileAssertion, type CompiledAssertion, type CompiledPrompt, type LoadedSuite, type PromptMessage, type TestSource } from '../eval/index.js';
import { detectors, isDetectorType } from './detectors/index.js';
import type { DetectorSpec, Pack, Probe, ProbeLang } from './types.js';

/** What to take from the packs. */
export interface CompileOptions {
  /** Only probes in these languages. */
  langs?: readonly ProbeLang[];
  /** At most this many probes per pack, spread evenly over it (a short run). */
  limit?: number;
  /** Detectors that can ask a judge do (the suite's judge must be set). */
  judge?: string;
  request?: LoadedSuite['request'];
}

/** The single prompt: the probe's own conversation, carried in its vars. */
const PROBE_PROMPT: CompiledPrompt = { id: 'redteam-probe', label: 'probe', kind: 'chat', render: (vars) => vars.messages as PromptMessage[] };

function compileDetector(spec: DetectorSpec, judge: boolean): CompiledAssertion | string {
  const { type, ...options } = spec;
  if (!isDetectorType(type)) {
    const r = compileAssertion({ type, ...(typeof options.value === 'string' ? { value: options.value } : {}) });
    return r.ok ? r.assertion : `detector: ${r.issues.map((i) => i.message).join('; ')} (red-team detectors: ${Object.keys(detectors).join(', ')})`;
  }
  const descriptor = detectors[type];
  const withJudge = judge && (type === 'refusal' || type === 'classify-sensitive') ? { ...options, judge: true } : options;
  const parsed = descriptor.options.safeParse(withJudge);
  if (!parsed.success) return `detector (${type}): ${parsed.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`).join('; ')}`;
  return { type, base: type, negate: false, weight: 1, descriptor, options: parsed.data };
}

const REASONING: CompiledAssertion = { type: 'reasoning-present', base: 'reasoning-present', negate: false, weight: 0, descriptor: detectors['reasoning-present'], options: {} };

/** Evenly spaced probes so a short run still touches every family. */
function sample(probes: readonly Probe[], limit?: number): Probe[] {
  if (limit === undefined || probes.length <= limit) return [...probes];
  const step = probes.length / limit;
  return Array.from({ length: limit }, (_, i) => probes[Math.floor(i * step)] as Probe);
}

function lastUser(messages: readonly PromptMessage[]): string {
  return [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';
}

function sourceOf(pack: Pack, probe: Probe, index: number, opts: CompileOptions, problems: string[]): TestSource | undefined {
  const spec = probe.detector ?? pack.detector;
  const detector = compileDetector(spec, opts.judge !== undefined);
  if (typeof detector === 'string') {
    problems.push(`${pack.id}: probes[${index}] (${probe.id}): ${detector}`);
    return undefined;
  }
  const assert = spec.type === 'classify-sensitive' ? [detector, REASONING] : [detector];
  const vars = { category: pack.id, family: probe.family, lang: probe.lang, probe: probe.id, control: probe.control === true, messages: probe.messages, request: lastUser(probe.messages) };
  const test = { description: `${pack.id}/${probe.id}`, vars, assert, ...(probe.tools ? { request: { tools: probe.tools } } : {}) };
  return { kind: 'inline', where: `${pack.id}.probes[${index}]`, test };
}

/**
 * Build the in-memory suite for `packs`; bad detectors are collected and thrown together.
 * @example const suite = compilePacks([builtinPacks.leakage], { langs: ['en'] });
 */
export function compilePacks(packs: readonly Pack[], opts: CompileOptions = {}): LoadedSuite {
  const problems: string[] = [];
  const sources: TestSource[] = [];
  for (const pack of packs) {
    const indexed = pack.probes.map((probe, index) => ({ probe, index })).filter(({ probe }) => !opts.langs || opts.langs.includes(probe.lang));
    const chosen = new Set(sample(indexed.map((x) => x.probe), opts.limit));
    for (const { probe, index } of indexed) {
      if (!chosen.has(probe)) continue;
      const s = sourceOf(pack, probe, index, opts, problems);
      if (s) sources.push(s);
    }
  }
  if (problems.length > 0) throw new InputError('MG_INPUT_INVALID', packs.map((p) => p.id).join(','), problems.join('\n'));
  const hash = createHash('sha256').update(JSON.stringify({ packs: packs.map((p) => [p.id, p.detector, p.probes]), opts })).digest('hex');
  const path = `redteam:${packs.map((p) => p.id).join(',')}`;
  return {
    path,
    absPath: path,
    baseDir: process.cwd(),
    format: 'modelgate',
    hash,
    description: `red team: ${packs.map((p) => p.id).join(', ')}`,
    prompts: [PROBE_PROMPT],
    models: [],
    request: opts.request ?? { temperature: 0, max_tokens: 512 },
    sources,
    caseCount: sources.length,
    warnings: [],
    ...(opts.judge ? { judge: opts.judge } : {}),
  };
}
