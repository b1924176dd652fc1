/**
 * What the fake hub derives from a repo's files, computed the way the real
 * hub and git do: git blob ids, LFS pointer files, model-info siblings.
 */
import { createHash } from 'node:crypto';

/** Bytes of a file given as text or bytes. */
export function toBytes(content: Uint8Array | string): Uint8Array {
  return typeof content === 'string' ? new TextEncoder().encode(content) : content;
}

/** Hex SHA-256. */
export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Git object id of a blob: SHA-1 of `blob <size>\0` + content. */
export function gitBlobId(data: Uint8Array): string {
  return createHash('sha1').update(`blob ${data.byteLength}\0`).update(data).digest('hex');
}

/** A stable fake 40-hex commit sha for a label, e.g. `fakeCommitSha('v1')`. */
export function fakeCommitSha(label: string): string {
  return createHash('sha1').update(`commit ${label}`).digest('hex');
}

/** The Git LFS pointer file that git stores in place of a large file. */
export function lfsPointer(data: Uint8Array): Uint8Array {
  return toBytes(`version https://git-lfs.github.com/spec/v1\noid sha256:${sha256Hex(data)}\nsize ${data.byteLength}\n`);
}

/** One repo file with everything the routes need about it. */
export interface FakeFile {
  path: string;
  data: Uint8Array;
  lfs: boolean;
  sha256: string;
  /** Blob id of what git stores: the content, or the pointer for LFS files. */
  blobId: string;
  pointerSize: number;
}

/** Describe a repo file the way the hub sees it. */
export function describeFile(path: string, content: Uint8Array | string, lfs: boolean): FakeFile {
  const data = toBytes(content);
  const pointer = lfsPointer(data);
  return {
    path,
    data,
    lfs,
    sha256: sha256Hex(data),
    blobId: gitBlobId(lfs ? pointer : data),
    pointerSize: pointer.byteLength,
  };
}

/** A `siblings` entry: only `rfilename` unless `?blobs=true` asked for metadata. */
export function siblingOf(file: FakeFile, withBlobs: boolean): Record<string, unknown> {
  if (!withBlobs) return { rfilename: file.path };
  const base = { rfilename: file.path, blobId: file.blobId, size: file.data.byteLength };
  return file.lfs ? { ...base, lfs: { sha256: file.sha256, size: file.data.byteLength, pointerSize: file.pointerSize } } : base;
}

/** The model-info body for a repo at a commit, with the fields clients commonly read. */
export function modelInfoBody(repo: string, sha: string, files: readonly FakeFile[], opts: { withBlobs: boolean; gated: boolean; private: boolean }): string {
  const when = '2024-05-01T12:00:00.000Z';
  return JSON.stringify({
    _id: createHash('sha1').update(repo).digest('hex').slice(0, 24),
    id: repo,
    modelId: repo,
    author: repo.split('/')[0],
    sha,
    lastModified: when,
    createdAt: when,
    private: opts.private,
    gated: opts.gated ? 'manual' : false,
    disabled: false,
    downloads: 0,
    likes: 0,
    tags: [],
    siblings: files.map((f) => siblingOf(f, opts.withBlobs)),
    usedStorage: files.reduce((n, f) => n + f.data.byteLength, 0),
  });
}
