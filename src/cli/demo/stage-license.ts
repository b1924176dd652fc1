/** Demo stage 2: a fine-tune inherits its base model's non-commercial license, and the policy denies it. */
import { join } from 'node:path';
import type { DemoStage } from './demo-stage.js';

export const licenseStage: DemoStage = {
  title: 'Licenses: identification, inherited terms, policy',
  async run({ dir, say }) {
    const { runInheritanceDemo } = await import('../../license/index.js');
    const demo = await runInheritanceDemo(join(dir, 'license-demo'));
    for (const line of demo.lines) say(`  ${line}`);
    return {
      ok: demo.ok,
      summary: demo.ok
        ? 'a fine-tune whose card says Apache-2.0 inherits its base model\'s non-commercial terms and is denied by policy'
        : 'the policy did not deny the derivative as expected (see above)',
    };
  },
};
