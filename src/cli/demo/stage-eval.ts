/**
 * Demo stage: an eval of the demo's tiny GGUF (run in-process by the local
 * provider) against a stand-in for a hosted model, with a price per token so
 * the cost comparison has numbers in it, and an upgrade gate. The tiny model
 * has random weights, so the suite shows the mechanics (JSON mode, latency
 * and cost limits, the baseline comparison, the gate), not intelligence.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runEval } from '../../eval/index.js';
import { renderEvalTable } from '../../report/index.js';
import { paint } from '../output.js';
import type { DemoStage } from './demo-stage.js';
import { startStandIn } from './stand-in-server.js';

const QUESTIONS: Record<string, string> = {
  'capital of France': 'Paris',
  'largest planet': 'Jupiter',
  'chemical symbol for gold': 'Au',
  'author of Hamlet': 'Shakespeare',
  'boiling point of water in Celsius': '100',
};

/** The suite, with the stand-in's address filled in (it changes every run). */
function demoSuite(standInUrl: string): string {
  const tests = Object.entries(QUESTIONS).map(([q, a]) => `  - vars: { question: "What is the ${q}?", expected: "${a}" }`);
  return [
    '# Written by `modelgate demo`. tiny-llama has random weights: expect it to fail; the point is the mechanics.',
    'description: demo - JSON answers from a local GGUF vs a hosted stand-in',
    'prompts:',
    '  - label: qa-json',
    '    messages:',
    '      - { role: system, content: "Answer in JSON: {\\"answer\\": \\"<short answer>\\"}" }',
    '      - { role: user, content: "{{ question }}" }',
    'request: { response_format: json, max_tokens: 32, temperature: 0, retries: 0, timeout_ms: 60000 }',
    'models: [tiny-llama]',
    'providers:',
    '  - id: openai-compatible:stand-in-hosted-model',
    '    label: hosted-stand-in',
    `    config: { base_url: "${standInUrl}", pricing: { input: 2.5, output: 10 } }`,
    'baseline: hosted-stand-in',
    'defaultTest:',
    '  assert:',
    '    - { type: is-json }',
    '    - { type: contains-json, value: { type: object, required: [answer], properties: { answer: { type: string } } } }',
    '    - { type: icontains, value: "{{ expected }}" }',
    '    - { type: latency, threshold: 20000 }',
    '    - { type: cost, threshold: 0.001 }',
    "gate: 'score >= 0.9*baseline'",
    'tests:',
    ...tests,
    '',
  ].join('\n');
}

export const evalStage: DemoStage = {
  title: 'Eval: a local GGUF against a hosted stand-in, with an upgrade gate',
  async run({ dir, configPath, say }) {
    const standIn = await startStandIn(QUESTIONS);
    try {
      await mkdir(join(dir, 'evals'), { recursive: true });
      const suitePath = join(dir, 'evals', 'demo.yaml');
      await writeFile(suitePath, demoSuite(standIn.url));
      say(`  suite evals/demo.yaml: ${Object.keys(QUESTIONS).length} questions, JSON mode, latency and cost limits, gate 'score >= 0.9*baseline'`);
      say(`  hosted-stand-in: an OpenAI-compatible server at ${standIn.url}, inside this process, playing a hosted model`);
      say('  (it answers from a fixed table and is priced at $2.50/$10 per 1M tokens so costs can be compared)');
      say('  tiny-llama: the demo GGUF run by llama.cpp in-process; its weights are random noise, so it will fail');
      const r = await runEval({ suite: suitePath, configPath, concurrency: 2 });
      const table = renderEvalTable({ ...r.summary, baseline: 'hosted-stand-in', ...(r.gate ? { gate: r.gate.results } : {}) });
      for (const line of table.split('\n')) say(`    ${line}`);
      const byModel = new Map(r.summary.models.map((m) => [m.model, m]));
      const standInOk = byModel.get('hosted-stand-in')?.passRate.value === 1;
      const tiny = byModel.get('tiny-llama');
      const blocked = r.gate?.passed === false;
      say(`  run ${r.runId} is in .modelgate/modelgate.db: \`modelgate runs\` lists it`);
      const ok = r.status === 'completed' && standInOk && blocked;
      const tinyNote = tiny && tiny.errors === tiny.cases ? 'tiny-llama could not run here (see its errors)' : `tiny-llama passed ${Math.round((tiny?.passRate.value ?? 0) * 100)}%`;
      return {
        ok,
        summary: ok
          ? `hosted stand-in passed every case; ${tinyNote}; the gate ${paint.bold('blocks')} swapping in the random-weight model`
          : 'the eval stage did not behave as expected (see above)',
      };
    } finally {
      await standIn.close();
    }
  },
};
