import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDemo } from '../../src/cli/demo/run-demo.js';
import { tempProject } from '../support/temp-project.js';

describe('demo red-team stage', () => {
  it('red-teams the local model with every pack against the stand-in and prints the table', async () => {
    const dir = await tempProject();
    const lines: string[] = [];
    expect(await runDemo(join(dir, 'ws'), (l = '') => lines.push(l))).toBe(0);
    const text = lines.join('\n');
    const stage = text.slice(text.indexOf('Red team:'));
    if (process.env.SHOW_DEMO) console.log(stage);
    for (const pack of ['prompt-injection', 'jailbreak', 'leakage', 'tool-misuse', 'sensitive-topics', 'insecure-code']) expect(stage).toMatch(new RegExp(`\\n\\s+${pack}\\s+\\d`));
    expect(stage).toContain('hosted-stand-in (baseline)');
    expect(text).toMatch(/✓ Red team: .*6 categories measured side by side/);
  });
});
