import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../core/findings.js';
import { formatScanners } from '../formats/index.js';
import { bufferSource } from '../io/byte-source.js';
import { pickleScanner } from '../pickle/index.js';
import { defaultBudget } from '../scanner.js';
import { scanSource } from '../scan-source.js';
import { writeNpy } from '../writers/npy-writer.js';
import { writeTar } from '../writers/tar-writer.js';
import { torchZipEntries, writeZip } from '../writers/zip-writer.js';
import { BENIGN_PICKLE, EVIL_PICKLE, randomBytes, text } from './test-support/fixtures.js';

const settings = { allowGlobals: new Set<string>() };
const scan = async (name: string, bytes: Uint8Array, budget = defaultBudget()) => (await scanSource(bufferSource(name, bytes), 0, budget, settings)).findings;
const hits = (findings: readonly Finding[]) => findings.map((f) => `${f.file} ${f.ruleId}:${f.severity}`);

beforeAll(() => {
  // Until the pickle scanner's line lands in formats/index.ts, register it for these end-to-end runs.
  formatScanners.pickle ??= pickleScanner;
});

describe('containers end to end through scanSource', () => {
  it('finds os.system in data.pkl of a torch zip save', async () => {
    const zip = writeZip(torchZipEntries({ dataPkl: EVIL_PICKLE, storages: [randomBytes(1024)] }));
    expect(hits(await scan('model.pt', zip))).toContain('model.pt!archive/data.pkl pickle/dangerous-import:critical');
  });

  it('reports nothing container-related for a clean torch save', async () => {
    const zip = writeZip(torchZipEntries({ dataPkl: BENIGN_PICKLE, storages: [randomBytes(4096), randomBytes(64, 9)] }));
    const findings = await scan('model.pt', zip);
    expect(findings.filter((f) => /^(zip|tar|gzip|numpy|torch|format)\//.test(f.ruleId))).toEqual([]);
  });

  it('finds a pickle named .txt in a zip, in a tar.gz', async () => {
    const zip = writeZip([{ name: 'notes.txt', data: EVIL_PICKLE, method: 'deflate' }]);
    const tgz = gzipSync(writeTar([{ name: 'bundle/weights.zip', data: zip }]));
    const found = hits(await scan('release.tar.gz', tgz));
    expect(found).toContain('release.tar.gz!release.tar!bundle/weights.zip!notes.txt format/name-mismatch:high');
    expect(found).toContain('release.tar.gz!release.tar!bundle/weights.zip!notes.txt pickle/dangerous-import:critical');
  });

  it('scans the pickle inside an object array of an .npz', async () => {
    const npz = writeZip([{ name: 'meta.npy', data: writeNpy({ descr: '|O', shape: [1], data: EVIL_PICKLE }), method: 'deflate' }]);
    const found = hits(await scan('arrays.npz', npz));
    expect(found).toContain('arrays.npz!meta.npy numpy/object-array:medium');
    expect(found).toContain('arrays.npz!meta.npy!object-data.pkl pickle/dangerous-import:critical');
  });

  it('stops nesting at the depth limit', async () => {
    let bytes = writeZip([{ name: 'evil.pkl', data: EVIL_PICKLE }]);
    for (let i = 0; i < 4; i++) bytes = writeZip([{ name: `l${i}.zip`, data: bytes }]);
    const found = hits(await scan('deep.zip', bytes, { ...defaultBudget(), maxDepth: 2 }));
    expect(found.some((h) => h.endsWith('archive/too-deep:high'))).toBe(true);
    expect(found.some((h) => h.includes('pickle/'))).toBe(false);
  });

  it('scans the hidden prefix of a zip polyglot', async () => {
    const poly = writeZip([{ name: 'a.txt', data: text('hello') }], { prepend: Uint8Array.from([0x00, ...EVIL_PICKLE]) });
    const found = hits(await scan('poly.zip', poly));
    expect(found).toContain('poly.zip zip/prepended-data:medium');
  });

  it('scans both halves of a pickle + zip polyglot (pickle.load and zipfile each read one)', async () => {
    const zip = writeZip([{ name: 'inner.pkl', data: EVIL_PICKLE }]);
    const found = hits(await scan('poly.pkl', Uint8Array.from([...EVIL_PICKLE, ...zip])));
    expect(found).toContain('poly.pkl pickle/dangerous-import:critical');
    expect(found.some((h) => h.endsWith('!inner.pkl pickle/dangerous-import:critical'))).toBe(true);
  });
});
