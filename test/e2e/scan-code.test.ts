import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { createTempDir } from '../support/temp-dir.js';

const VULN = 'import os\nfrom flask import request\n\ndef ping():\n    host = request.args["host"]\n    os.system("ping -c 1 " + host)\n';
const FIXED = 'import subprocess\nfrom flask import request\n\ndef ping():\n    host = request.args["host"]\n    subprocess.run(["ping", "-c", "1", host])\n';
const ANSWER = 'Here is a quick fix:\n\n```bash\ncurl -k https://example.com/x.sh -o x.sh\n```\n\nAnd in Python:\n\n```\nimport requests\nrequests.get(url, verify=False)\n```\n';

describe('modelgate scan-code', () => {
  let dir: { path: string; cleanup: () => Promise<void> };
  beforeAll(async () => {
    dir = await createTempDir('scan-code-');
    await writeFile(join(dir.path, 'vuln.py'), VULN);
    await writeFile(join(dir.path, 'fixed.py'), FIXED);
    await writeFile(join(dir.path, 'answer.md'), ANSWER);
  });
  afterAll(() => dir.cleanup());

  it('reports a command injection and exits 1', async () => {
    const r = await runCli(['scan-code', join(dir.path, 'vuln.py')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('code/command-injection');
    expect(r.stdout).toContain('line 6');
  });

  it('exits 0 on the fixed twin', async () => {
    const r = await runCli(['scan-code', join(dir.path, 'fixed.py')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no findings');
  });

  it('scans Markdown block by block with lines of the answer', async () => {
    const r = await runCli(['scan-code', join(dir.path, 'answer.md'), '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { findings: Array<{ ruleId: string; location: { line: number } }> };
    expect(doc.findings.map((f) => [f.ruleId, f.location.line])).toEqual([
      ['code/tls-verification-disabled', 4],
      ['code/tls-verification-disabled', 11],
    ]);
  });

  it('writes SARIF with CWE tags', async () => {
    const r = await runCli(['scan-code', join(dir.path, 'vuln.py'), '--format', 'sarif']);
    const log = JSON.parse(r.stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ properties: { tags: string[] } }> } } }> };
    expect(log.runs[0]?.tool.driver.rules[0]?.properties.tags).toContain('external/cwe/cwe-78');
  });

  it('reads stdin for "-" with --language', async () => {
    const orig = Object.getOwnPropertyDescriptor(process, 'stdin');
    Object.defineProperty(process, 'stdin', { value: Readable.from([Buffer.from('el.innerHTML = location.hash;\n')]), configurable: true });
    try {
      const r = await runCli(['scan-code', '-', '--language', 'js', '--fail-on', 'critical']);
      expect(r.stdout).toContain('code/xss');
      expect(r.stdout).toContain('<stdin>');
      expect(r.code).toBe(1);
    } finally {
      if (orig) Object.defineProperty(process, 'stdin', orig);
    }
  });

  it('rejects an unknown language and a missing file with exit 2', async () => {
    expect((await runCli(['scan-code', join(dir.path, 'vuln.py'), '--language', 'cobol'])).code).toBe(2);
    const missing = await runCli(['scan-code', join(dir.path, 'nope.py')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('MG_INPUT_NOT_FOUND');
  });
});
