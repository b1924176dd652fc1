import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTempDir } from '../../../test/support/temp-dir.js';
import { fileSource } from '../io/byte-source.js';
import { findingOf, scanBytes, scanWith, testContext } from '../safetensors/__fixtures__/scan-helpers.js';
import { tinySafetensorsModel } from '../writers/tiny-llama.js';
import { CHATML, LLAMA3, QWEN2_TOOLS } from './__fixtures__/normal-templates.js';
import { jsonScanner } from './json-scanner.js';
import { textScanner } from './text-scanner.js';

const json = (v: unknown) => JSON.stringify(v, null, 2);
const EVIL = "{{ cycler.__init__.__globals__.os.popen('id').read() }}";

describe('jsonScanner', () => {
  it('finds nothing in the tiny model configs or an ordinary tokenizer_config.json', async () => {
    const files = tinySafetensorsModel();
    for (const name of ['config.json', 'tokenizer_config.json']) expect(await scanBytes(name, files[name]!)).toEqual([]);
    expect(await scanBytes('tokenizer_config.json', json({ chat_template: QWEN2_TOOLS, eos_token: '<|im_end|>' }))).toEqual([]);
  });

  it('reports auto_map entries in config.json and tokenizer_config.json', async () => {
    const fs = await scanBytes('config.json', json({ model_type: 'x', auto_map: { AutoModel: 'modeling_x.X' } }));
    expect(fs.map((f) => [f.ruleId, f.severity])).toEqual([['remote-code/auto-map', 'high']]);
    const tok = await scanWith(jsonScanner, 'tokenizer_config.json', json({ auto_map: { AutoTokenizer: ['a/b--tok.T', 'a/b--tok.TF'] } }));
    expect(tok.map((f) => f.severity)).toEqual(['critical', 'critical']);
  });

  it('reports custom_pipelines implementations like auto_map entries', async () => {
    const fs = await scanWith(jsonScanner, 'config.json', json({ custom_pipelines: { 'text-classification': { impl: 'pipeline_x.MyPipeline', pt: ['AutoModel'] } } }));
    expect(fs.map((f) => [f.ruleId, f.severity, f.location?.key])).toEqual([['remote-code/auto-map', 'high', 'custom_pipelines.text-classification']]);
  });

  it('checks chat_template strings and named template lists', async () => {
    const one = await scanBytes('tokenizer_config.json', json({ chat_template: EVIL }));
    expect(findingOf(one, 'chat-template/jinja-escape')).toMatchObject({ severity: 'critical', location: { key: 'chat_template', line: 1 } });
    const named = await scanBytes('tokenizer_config.json', json({ chat_template: [{ name: 'default', template: CHATML }, { name: 'tool_use', template: EVIL }] }));
    expect(findingOf(named, 'chat-template/jinja-escape').location?.key).toBe('chat_template[tool_use]');
    const processor = await scanBytes('chat_template.json', json({ chat_template: '{{ lipsum }}' }));
    expect(findingOf(processor, 'chat-template/sandbox-gadget').severity).toBe('high');
  });

  it('checks shard indexes and names missing shards when the folder is known', async () => {
    const { path, cleanup } = await createTempDir();
    try {
      await mkdir(join(path, 'm'));
      const file = join(path, 'm', 'model.safetensors.index.json');
      await writeFile(file, json({ weight_map: { a: 'model-00001-of-00002.safetensors', b: 'model-00002-of-00002.safetensors', c: '../x.safetensors' } }));
      await writeFile(join(path, 'm', 'model-00001-of-00002.safetensors'), '');
      const src = await fileSource(file);
      const fs = await jsonScanner.scan(src, testContext());
      await src.close();
      expect(fs.map((f) => [f.ruleId, f.evidence])).toEqual([
        ['safetensors/index-shard', 'model-00002-of-00002.safetensors'],
        ['safetensors/index-path', '../x.safetensors'],
      ]);
    } finally {
      await cleanup();
    }
  });

  it('names auto_map modules missing from the folder only when the folder is known', async () => {
    const { path, cleanup } = await createTempDir();
    try {
      const file = join(path, 'config.json');
      await writeFile(file, json({ auto_map: { AutoConfig: 'configuration_x.C', AutoModel: 'modeling_x.M' } }));
      await writeFile(join(path, 'configuration_x.py'), 'class C: pass\n');
      const src = await fileSource(file);
      const fs = await jsonScanner.scan(src, testContext());
      await src.close();
      expect(fs.map((f) => /not in this folder/.test(f.message))).toEqual([false, true]);
      const relative = await scanWith(jsonScanner, 'config.json', json({ auto_map: { AutoModel: 'modeling_x.M' } }));
      expect(relative[0]?.message).not.toMatch(/not in this folder/);
    } finally {
      await cleanup();
    }
  });

  it('reports JSON over the parse limit as json/too-large (low) without reading it', async () => {
    const huge = { name: 'tokenizer.json', size: 70 << 20, read: async () => { throw new Error('must not read'); } };
    const fs = await jsonScanner.scan(huge, testContext());
    expect(fs.map((f) => [f.ruleId, f.severity])).toEqual([['json/too-large', 'low']]);
  });

  it('reports unparsable JSON as json/malformed (low)', async () => {
    const fs = await scanWith(jsonScanner, 'config.json', '{"a": ');
    expect(fs.map((f) => [f.ruleId, f.severity])).toEqual([['json/malformed', 'low']]);
  });
});

describe('textScanner', () => {
  it('checks chat_template.jinja and ignores README and LICENSE text', async () => {
    const fs = await scanBytes('chat_template.jinja', `{# tool template #}\n${EVIL}\n`);
    expect(findingOf(fs, 'chat-template/jinja-escape')).toMatchObject({ severity: 'critical', location: { line: 2 } });
    expect(await scanBytes('chat_template.jinja', LLAMA3)).toEqual([]);
    expect(await scanBytes('README.md', '# Model\n\nUse `{{ messages }}` with __init__ and cycler, then config.\n')).toEqual([]);
    expect(await scanBytes('LICENSE', 'Apache License\nVersion 2.0\n')).toEqual([]);
  });

  it('hands .json files with a byte-order mark to the JSON checks', async () => {
    const fs = await scanWith(textScanner, 'tokenizer_config.json', `\uFEFF${json({ chat_template: EVIL })}`);
    expect(findingOf(fs, 'chat-template/jinja-escape').severity).toBe('critical');
  });
});
