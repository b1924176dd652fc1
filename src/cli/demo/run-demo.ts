/**
 * `modelgate demo`: build an offline workspace of generated models and walk
 * through each stage of the pipeline on it. Each capability adds a stage.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { paint } from '../output.js';
import type { DemoContext, DemoStage } from './demo-stage.js';
import { evalStage } from './stage-eval.js';
import { gatewayStage } from './stage-gateway.js';
import { licenseStage } from './stage-license.js';
import { lineageStage } from './stage-lineage.js';
import { redteamStage } from './stage-redteam.js';
import { supplyChainStage } from './stage-supply-chain.js';
import { writeDemoWorkspace } from './workspace.js';

const STAGES: readonly DemoStage[] = [supplyChainStage, licenseStage, lineageStage, evalStage, redteamStage, gatewayStage];

/** Run the demo in `dir` (recreated from scratch); resolves to an exit code. */
export async function runDemo(dir: string, say: (line?: string) => void = (l = '') => process.stdout.write(`${l}\n`)): Promise<number> {
  const root = resolve(dir);
  // Only the demo's own files are replaced, so a user's folder is never wiped.
  for (const owned of ['models', 'modelgate.yaml', 'modelgate.lock', '.modelgate', 'license-demo', 'lineage-demo', 'lineage.html']) await rm(join(root, owned), { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  say(paint.bold(`modelgate demo: workspace ${root}`));
  const models = await writeDemoWorkspace(root);
  for (const m of models) say(`  generated ${m.name.padEnd(22)} ${m.description}`);
  const ctx: DemoContext = { dir: root, configPath: join(root, 'modelgate.yaml'), say };
  const summaries: string[] = [];
  let ok = true;
  for (const [i, stage] of STAGES.entries()) {
    say();
    say(paint.bold(`${i + 1}. ${stage.title}`));
    const res = await stage.run(ctx);
    summaries.push(`${res.ok ? paint.green('✓') : paint.red('✗')} ${stage.title}: ${res.summary}`);
    ok &&= res.ok;
  }
  say();
  say(paint.bold('Summary'));
  for (const s of summaries) say(`  ${s}`);
  say();
  say('Try next:');
  say(`  cd ${dir}`);
  say('  npx modelgate scan models --format sarif -o scan.sarif   # findings for code-scanning UIs');
  say('  echo tampered >> models/tiny-safetensors/model.safetensors && npx modelgate verify   # exit 1, names the file');
  say('  npx modelgate license tiny-safetensors && npx modelgate policy   # license, obligations, policy decision');
  say('  npx modelgate bom -o bom.json   # CycloneDX 1.6 ML-BOM of every model');
  say('  npx modelgate add hf:ORG/REPO   # pin a hub model (HF_ENDPOINT / HF_TOKEN)');
  return ok ? 0 : 1;
}
