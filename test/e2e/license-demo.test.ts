import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runInheritanceDemo } from '../../src/license/index.js';
import { licenseProject } from '../support/license-project.js';

const env = { ...process.env };
afterEach(() => {
  process.env = { ...env };
});

describe('runInheritanceDemo', () => {
  it('denies the finetune for the non-commercial term it inherits, naming the rule and the evidence', async () => {
    const dir = await licenseProject({});
    const demo = await runInheritanceDemo(join(dir, 'license-demo'));
    expect(demo.ok).toBe(true);
    expect(demo.result.decision).toBe('deny');
    const text = demo.lines.join('\n');
    expect(text).toMatch(/support-chat's card says Apache-2\.0; it is a finetune of research-base \(CC-BY-NC-4\.0\)/);
    expect(text).toMatch(/effective commercial use: not-allowed/);
    expect(text).toMatch(/x no-non-commercial \(deny\): commercial use is not-allowed - we ship a commercial product/);
    expect(text).toMatch(/research-base: CC-BY-NC-4\.0 per README\.md license \(card\): "cc-by-nc-4\.0"/);
    // Running it again in the same folder gives the same verdict.
    expect((await runInheritanceDemo(join(dir, 'license-demo'))).ok).toBe(true);
  });
});
