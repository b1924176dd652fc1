import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gv, writeGguf } from '../artifacts/writers/gguf-writer.js';
import { card, fakeIdentifier } from '../../test/support/license-fixtures.js';
import { createTempDir } from '../../test/support/temp-dir.js';
import { folderDocFiles, lockedDocFiles, readModelDocs } from './model-license.js';

const identifier = fakeIdentifier();

describe('readModelDocs', () => {
  it('reads the card, every license-like file and the GGUF general.* keys', async () => {
    const dir = (await createTempDir('mg-docs-')).path;
    await writeFile(join(dir, 'README.md'), card({ license: 'test-permissive', base_model: 'org/base' }));
    await writeFile(join(dir, 'LICENSE'), 'Identifier: test-permissive\n');
    await writeFile(join(dir, 'NOTICE.txt'), 'notice\n');
    await writeFile(join(dir, 'config.json'), '{}');
    const gguf = writeGguf({ version: 3, kv: { 'general.license': gv.str('test-permissive'), 'general.base_model.count': gv.u64(1n), 'llama.block_count': gv.u32(2) }, tensors: [] });
    await writeFile(join(dir, 'm.gguf'), gguf);
    const docs = await readModelDocs(await folderDocFiles(dir), identifier);
    expect(docs.card?.path).toBe('README.md');
    expect(docs.parsedCard.baseModels).toEqual(['org/base']);
    expect(docs.licenses.map((d) => d.path)).toEqual(['LICENSE', 'NOTICE.txt']);
    expect(docs.licenses[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(docs.gguf).toEqual({ path: 'm.gguf', kv: { 'general.license': 'test-permissive', 'general.base_model.count': 1 } });
    expect(docs.fileNames).toEqual(['LICENSE', 'NOTICE.txt', 'README.md', 'config.json', 'm.gguf']);
  });

  it('reads a lone Markdown file as the card and reports oversized or unreadable documents', async () => {
    const dir = (await createTempDir('mg-docs-')).path;
    await writeFile(join(dir, 'card.md'), card({ license: 'test-research' }));
    const lone = await readModelDocs(await folderDocFiles(join(dir, 'card.md')), identifier);
    expect(lone.parsedCard.license).toBe('test-research');
    await writeFile(join(dir, 'LICENSE'), 'x'.repeat(1024 * 1024 + 1));
    const big = await readModelDocs([{ path: 'LICENSE', absolute: join(dir, 'LICENSE') }, { path: 'LICENSE.md', absolute: join(dir, 'gone') }], identifier);
    expect(big.licenses).toEqual([]);
    expect(big.problems.map((p) => p.file)).toEqual(['LICENSE', 'LICENSE.md']);
    expect(big.problems[0]?.message).toMatch(/too large/);
  });

  it('maps locked files to the project folder, a single-file source, or the hub cache', async () => {
    const files = [{ path: 'a/b.txt', size: 1, sha256: 'f'.repeat(64), format: 'text' as never }];
    expect(lockedDocFiles({ kind: 'artifact', source: './models/x', revision: 'r', files }, '/p')).toEqual([{ path: 'a/b.txt', absolute: join('/p', 'models', 'x', 'a', 'b.txt') }]);
    const single = [{ path: 'q.gguf', size: 1, sha256: 'e'.repeat(64), format: 'gguf' as const }];
    expect(lockedDocFiles({ kind: 'artifact', source: './q.gguf', revision: 'r', files: single }, '/p')[0]?.absolute).toBe(join('/p', 'q.gguf'));
    expect(lockedDocFiles({ kind: 'artifact', source: 'hf:o/r', revision: 'r', files }, '/p', (s) => `/cache/${s}`)[0]?.absolute).toBe(`/cache/${'f'.repeat(64)}`);
    expect(lockedDocFiles({ kind: 'artifact', source: 'hf:o/r', revision: 'r', files }, '/p')).toEqual([]);
  });
});
