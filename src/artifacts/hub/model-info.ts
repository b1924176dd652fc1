/**
 * Resolve a branch, tag or commit with the hub's model-info route,
 * `GET /api/models/{repo}/revision/{rev}?blobs=true`: its `sha` is the commit
 * and `siblings` lists every file with `rfilename`, `size`, `blobId` and, for
 * LFS files, `lfs: { sha256, size, pointerSize }`.
 */
import { z } from 'zod';
import { UpstreamError } from '../../core/errors.js';
import { responseFailure } from './http-errors.js';
import { hubGet, IdleTimer, type HubHttp } from './http.js';
import { RetryableFailure, withRetries } from './retry.js';
import type { HubFile, ResolvedRevision } from './types.js';

const HEX40 = z.string().regex(/^[0-9a-f]{40}$/);

const SiblingSchema = z.object({
  rfilename: z.string().min(1),
  size: z.number().int().nonnegative(),
  blobId: HEX40,
  lfs: z
    .object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().nonnegative(), pointerSize: z.number().int().nonnegative() })
    .nullish(),
});

const ModelInfoSchema = z.object({ sha: HEX40, siblings: z.array(SiblingSchema) });

/** URL of the model-info route for one revision, with per-file metadata. */
export function modelInfoUrl(endpoint: URL, repo: string, revision: string): URL {
  const url = new URL(`${endpoint.href.replace(/\/$/, '')}/api/models/${repo}/revision/${encodeURIComponent(revision)}`);
  url.searchParams.set('blobs', 'true');
  return url;
}

/** Fetch and validate model info; retries network errors, 5xx and 429. */
export async function fetchRevision(http: HubHttp, repo: string, revision: string): Promise<ResolvedRevision> {
  const url = modelInfoUrl(http.endpoint, repo, revision);
  const target = { repo, revision };
  const text = await withRetries(http.retry, async () => {
    const timer = new IdleTimer(http.timeoutMs);
    try {
      const res = await hubGet(http, url, { accept: 'application/json' }, timer);
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        throw responseFailure(res, target, Boolean(http.token));
      }
      return await res.text().catch((e: unknown) => {
        throw new RetryableFailure(new UpstreamError('MG_HUB_UNREACHABLE', `reading model info of ${repo}@${revision} failed`, { cause: e }));
      });
    } finally {
      timer.clear();
    }
  });
  return parseModelInfo(text, repo, revision);
}

/** Validate a model-info body; anything malformed is MG_HUB_BAD_RESPONSE. */
export function parseModelInfo(text: string, repo: string, revision: string): ResolvedRevision {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UpstreamError('MG_HUB_BAD_RESPONSE', `model info of ${repo}@${revision} is not JSON (starts with ${JSON.stringify(text.slice(0, 40))})`, { cause: e });
  }
  const parsed = ModelInfoSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unknown shape';
    throw new UpstreamError('MG_HUB_BAD_RESPONSE', `model info of ${repo}@${revision} is malformed (${where}); is the endpoint a Hugging Face hub?`);
  }
  const files = parsed.data.siblings.map((s): HubFile => {
    if (!isSafeRepoPath(s.rfilename)) {
      throw new UpstreamError('MG_HUB_BAD_RESPONSE', `model info of ${repo}@${revision} lists an unsafe path ${JSON.stringify(s.rfilename)}`);
    }
    return s.lfs
      ? { path: s.rfilename, size: s.lfs.size, sha256: s.lfs.sha256, blobId: s.blobId, lfs: true }
      : { path: s.rfilename, size: s.size, blobId: s.blobId, lfs: false };
  });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { repo, sha: parsed.data.sha, files };
}

/** Relative, `/`-separated, no `..`: a path someone could later write to disk safely. */
function isSafeRepoPath(path: string): boolean {
  if (path.startsWith('/') || path.includes('\\') || path.includes('\0')) return false;
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}
