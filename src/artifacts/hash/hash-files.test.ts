import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashFiles } from './hash-files.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('hashFiles', () => {
  it('hashes in workers and inline to the same digests, in job order', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mg-hash-'));
    const blobs = [randomBytes(3 * 1024 * 1024 + 7), randomBytes(10), randomBytes(5 * 1024 * 1024), new Uint8Array(0)];
    const jobs = await Promise.all(
      blobs.map(async (b, i) => {
        const path = join(dir, `f${i}`);
        await writeFile(path, b);
        return { path, size: b.length };
      }),
    );
    const seen: number[] = [];
    const viaWorkers = await hashFiles(jobs, { threads: 2, inlineBelow: 0, onProgress: (d) => seen.push(d) });
    const inline = await hashFiles(jobs, { threads: 1 });
    for (const [i, b] of blobs.entries()) {
      expect(viaWorkers[i]).toMatchObject({ ok: true, sha256: sha(b), size: b.length, path: jobs[i]?.path });
      expect(inline[i]).toMatchObject({ ok: true, sha256: sha(b), size: b.length });
    }
    expect(seen.at(-1)).toBe(blobs.reduce((n, b) => n + b.length, 0));
  });

  it('reports a missing file as a result, not an exception', async () => {
    const res = await hashFiles([{ path: '/nonexistent/modelgate/x', size: 1 }, { path: '/nonexistent/y', size: 1 }], { threads: 2, inlineBelow: 0 });
    expect(res[0]).toMatchObject({ ok: false, code: 'ENOENT' });
    expect(res[1]).toMatchObject({ ok: false, code: 'ENOENT' });
  });
});
