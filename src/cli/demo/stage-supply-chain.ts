/** Demo stage 1: pin the generated models, verify them, and scan them. */
import { addModel, initProject, scanPaths, verifyProject } from '../../artifacts/index.js';
import { meetsSeverity } from '../../core/findings.js';
import { renderFindingsText } from '../../report/index.js';
import { paint } from '../output.js';
import type { DemoStage } from './demo-stage.js';
import { DEMO_MODELS } from './workspace.js';

export const supplyChainStage: DemoStage = {
  title: 'Supply chain: add, lock, verify, scan',
  async run({ dir, configPath, say }) {
    await initProject(configPath, true);
    for (const m of DEMO_MODELS) {
      const res = await addModel(`./models/${m.name}`, { configPath, name: m.name });
      const locked = res.lock.models[m.name];
      if (locked?.kind === 'artifact') say(`  locked ${m.name.padEnd(22)} ${locked.files.length} files  ${locked.revision.slice(0, 19)}…`);
    }
    const verify = await verifyProject({ configPath });
    say(`  verify: ${verify.ok ? paint.green('all files match modelgate.lock') : paint.red(`${verify.problems.length} problems`)}`);
    const scan = await scanPaths([`${dir}/models`]);
    const display = scan.findings.map((f) => ({ ...f, file: f.file.slice(dir.length + 1) }));
    say('  scan (static: nothing is unpickled or run):');
    for (const line of renderFindingsText(display, scan.files.length).split('\n')) say(`    ${line}`);
    const blocked = scan.findings.filter((f) => f.file.includes('suspicious-checkpoint') && f.severity === 'critical');
    const cleanOthers = !scan.findings.some((f) => !f.file.includes('suspicious-checkpoint') && meetsSeverity(f.severity, 'high'));
    const ok = verify.ok && blocked.length > 0 && cleanOthers;
    return {
      ok,
      summary: ok
        ? `3 models pinned and verified; the checkpoint that imports ${blocked[0]?.evidence ?? 'os.system'} is flagged critical`
        : 'the supply-chain stage did not behave as expected (see above)',
    };
  },
};
