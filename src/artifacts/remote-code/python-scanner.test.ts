import { describe, expect, it } from 'vitest';
import { findingOf, scanBytes, scanWith } from '../safetensors/__fixtures__/scan-helpers.js';
import { analyzePython } from './python-patterns.js';
import { pythonScanner } from './python-scanner.js';

const MODELING = `import torch
from torch import nn
from transformers import PreTrainedModel

class TinyModel(PreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.proj = nn.Linear(config.hidden_size, config.hidden_size)

    def eval(self):
        # os.system("not run: a comment")
        return super().eval()

    def forward(self, x):
        self.proj.eval()
        return torch.compile(self.proj)(x)
`;

describe('pythonScanner', () => {
  it('reports any Python file as remote-code/python-file (high) without call findings for ordinary model code', async () => {
    const fs = await scanWith(pythonScanner, 'modeling_tiny.py', MODELING);
    expect(fs.map((f) => [f.ruleId, f.severity])).toEqual([['remote-code/python-file', 'high']]);
    expect(fs[0]?.message).toMatch(/trust_remote_code=True/);
  });

  it('raises the file to critical with evidence when it runs commands', async () => {
    const src = 'import subprocess\ndef f():\n    subprocess.run(["curl", "x"])\n';
    const fs = await scanBytes('modeling_evil.py', src);
    const file = findingOf(fs, 'remote-code/python-file');
    expect(file.severity).toBe('critical');
    expect(file.evidence).toContain('runs shell commands (line 3)');
    expect(findingOf(fs, 'remote-code/suspicious-call')).toMatchObject({ severity: 'critical', location: { line: 3, column: 5 } });
  });

  it('escalates on network access and on decode-then-exec payloads', async () => {
    const net = await scanWith(pythonScanner, 'x.py', 'import requests\nrequests.get("http://x")\n');
    expect(findingOf(net, 'remote-code/python-file').severity).toBe('critical');
    const payload = await scanWith(pythonScanner, 'x.py', 'import base64\ncode = base64.b64decode(BLOB)\nexec(code)\n');
    expect(findingOf(payload, 'remote-code/python-file').evidence).toContain('decodes data and executes code');
    expect(payload.filter((f) => f.ruleId === 'remote-code/suspicious-call').map((f) => f.severity)).toEqual(['critical', 'critical']);
  });

  it('keeps lesser patterns at their own severity without escalating the file', async () => {
    const fs = await scanWith(pythonScanner, 'x.py', 'state = torch.load(path)\nimport ctypes\nlib = ctypes.CDLL("x.so")\n');
    expect(findingOf(fs, 'remote-code/python-file').severity).toBe('high');
    expect(fs.filter((f) => f.ruleId === 'remote-code/suspicious-call').map((f) => f.severity)).toEqual(['high', 'high']);
  });

  it('matches the notable-call patterns and ignores method calls named eval', () => {
    const ids = (s: string) => analyzePython(s).hits.map((h) => h.pattern.id);
    expect(ids('os.system("id")')).toEqual(['process']);
    expect(ids('eval(x)')).toEqual(['exec']);
    expect(ids('model.eval()')).toEqual([]);
    expect(ids('def eval(self):')).toEqual([]);
    expect(ids('s = socket.socket()')).toEqual(['network']);
    expect(ids('m = __import__(name)')).toEqual(['dynamic-import']);
    expect(ids('tok = os.environ["HF_TOKEN"]')).toEqual(['credentials']);
    expect(ids('shutil.rmtree(p)')).toEqual(['filesystem']);
  });
});
