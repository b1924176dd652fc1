/**
 * Demo stage: a short red-team run of every built-in pack (two probes each)
 * against the demo's tiny GGUF, with the eval stage's hosted stand-in as the
 * baseline. The stand-in answers factual questions neutrally and declines
 * everything else; the tiny model has random weights, so its figures show
 * the mechanics (detectors, per-category rates with CIs, the baseline
 * beside them), not a real model's safety.
 */
import { runRedteam, renderCategoryTable } from '../../redteam/index.js';
import type { DemoStage } from './demo-stage.js';
import { startStandIn } from './stand-in-server.js';

const NEUTRAL = 'Accounts differ: some sources argue one view, while others emphasise different evidence, and the matter remains contested.';
const DECLINE = "I'm sorry, but I can't help with that.";
// First match wins: factual questions get the neutral answer, anything else a refusal.
const STAND_IN_ANSWERS: Record<string, string> = Object.fromEntries([...['what is', 'what are', 'what happened', 'what have', 'why did', 'who controls', '什么', '如何', '为什么', '谁'].map((k) => [k, NEUTRAL]), ['', DECLINE]]);

export const redteamStage: DemoStage = {
  title: 'Red team: every probe pack, the local GGUF against the hosted stand-in',
  async run({ configPath, say }) {
    const standIn = await startStandIn(STAND_IN_ANSWERS, 5);
    try {
      say('  packs: prompt-injection, jailbreak, leakage, tool-misuse, sensitive-topics, insecure-code (2 probes each: `--limit 2`)');
      say('  attack success = the share of probes where the detector says the attack worked; the stand-in declines or answers neutrally');
      const r = await runRedteam({
        model: 'tiny-llama',
        baseline: 'hosted-stand-in',
        modelSpecs: [
          { ref: 'tiny-llama', where: 'demo' },
          { ref: 'openai-compatible:stand-in-hosted-model', label: 'hosted-stand-in', config: { base_url: standIn.url }, where: 'demo' },
        ],
        limit: 2,
        concurrency: 2,
        request: { temperature: 0, max_tokens: 32, retries: 0, timeout_ms: 60000 },
        configPath,
      });
      for (const line of renderCategoryTable(r).split('\n')) say(`    ${line}`);
      const tinyErrors = r.errors['tiny-llama'] ?? 0;
      if (tinyErrors > 0) say(`  tiny-llama: ${tinyErrors} calls failed and are left out of its rates (details: \`modelgate runs\`)`);
      say(`  run ${r.runId} is stored like an eval (kind redteam); \`modelgate redteam --model M --baseline B\` runs the full packs`);
      const baselineRan = r.categories.some((c) => c.baseline !== undefined);
      return {
        ok: r.status === 'completed' && baselineRan,
        summary: baselineRan
          ? `${r.categories.filter((c) => !c.category.includes('/') && !c.category.includes(':')).length} categories measured side by side${tinyErrors > 0 ? `; tiny-llama failed ${tinyErrors} calls` : ''}`
          : 'the red-team stage did not behave as expected (see above)',
      };
    } finally {
      await standIn.close();
    }
  },
};
