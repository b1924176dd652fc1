/**
 * A local stand-in for the Hugging Face hub on 127.0.0.1, for tests only.
 * It serves the model-info route (`/api/models/{repo}/revision/{rev}`, with
 * `?blobs=true` metadata), `/{repo}/resolve/{rev}/{path}` with Range support,
 * and sends LFS files through a 302 to a second server on another port, as
 * the real hub does with its CDN. That CDN refuses requests carrying an
 * Authorization header, like a presigned S3 URL does.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeFile, modelInfoBody, type FakeFile } from './fake-hub-data.js';
import { BYTE_FAULTS, FaultBook, sendHubError, serveBytes, type FakeFault } from './fake-hub-serve.js';

export type { FakeFault } from './fake-hub-serve.js';
export type { FakeFile } from './fake-hub-data.js';

/** A repository: named revisions to commit shas, and one tree of files shared by all of them. */
export interface FakeRepo {
  revisions: Record<string, string>;
  files: Record<string, Uint8Array | string>;
  /** Paths stored in Git LFS (served through the CDN redirect). */
  lfs?: readonly string[];
  /** Answer 403 GatedRepo to every request. */
  gated?: boolean;
}

/** Options of `startFakeHub()`. */
export interface FakeHubOptions {
  repos: Record<string, FakeRepo>;
  /** When set, hub routes answer 401 unless `Authorization: Bearer <token>` is sent. */
  token?: string;
  /** Keyed by `org/name` (model-info route) or `org/name/path` (one file). */
  faults?: Record<string, FakeFault | readonly FakeFault[]>;
}

/** One request as the fake saw it. */
export interface FakeRequest {
  server: 'hub' | 'cdn';
  method: string;
  /** Path and query. */
  url: string;
  range: string | undefined;
  authorization: string | undefined;
  /** Status sent, filled in when the response ends. */
  status: number | undefined;
}

/** A running fake hub. */
export interface FakeHub {
  url: string;
  cdnUrl: string;
  requests: FakeRequest[];
  /** What the fake serves for a file (hashes, blob id, bytes). */
  file(repo: string, path: string): FakeFile;
  close(): Promise<void>;
}

interface Admitted {
  entry: { spec: FakeRepo; files: Map<string, FakeFile> };
  sha: string;
}

interface State {
  repos: Map<string, { spec: FakeRepo; files: Map<string, FakeFile> }>;
  byHash: Map<string, { key: string; file: FakeFile }>;
  faults: FaultBook;
  token: string | undefined;
  requests: FakeRequest[];
  cdnUrl: string;
}

/** Start the hub and its CDN on ephemeral ports. */
export async function startFakeHub(options: FakeHubOptions): Promise<FakeHub> {
  const state = buildState(options);
  const hub = createServer((req, res) => handleHub(state, req, res));
  const cdn = createServer((req, res) => handleCdn(state, req, res));
  const [hubUrl, cdnUrl] = await Promise.all([listen(hub), listen(cdn)]);
  state.cdnUrl = cdnUrl;
  return {
    url: hubUrl,
    cdnUrl,
    requests: state.requests,
    file(repo, path) {
      const found = state.repos.get(repo)?.files.get(path);
      if (!found) throw new Error(`fake hub has no ${repo}/${path}`);
      return found;
    },
    close: async () => {
      await Promise.all([stop(hub), stop(cdn)]);
    },
  };
}

function buildState(options: FakeHubOptions): State {
  const state: State = { repos: new Map(), byHash: new Map(), faults: new FaultBook(options.faults), token: options.token, requests: [], cdnUrl: '' };
  for (const [repo, spec] of Object.entries(options.repos)) {
    const lfs = new Set(spec.lfs ?? []);
    const files = new Map<string, FakeFile>();
    for (const [path, content] of Object.entries(spec.files)) {
      const file = describeFile(path, content, lfs.has(path));
      files.set(path, file);
      if (file.lfs) state.byHash.set(file.sha256, { key: `${repo}/${path}`, file });
    }
    state.repos.set(repo, { spec, files });
  }
  return state;
}

function record(state: State, server: FakeRequest['server'], req: IncomingMessage, res: ServerResponse): void {
  const entry: FakeRequest = {
    server,
    method: req.method ?? 'GET',
    url: req.url ?? '/',
    range: req.headers.range,
    authorization: req.headers.authorization,
    status: undefined,
  };
  state.requests.push(entry);
  res.on('close', () => (entry.status = res.statusCode));
}

function handleHub(state: State, req: IncomingMessage, res: ServerResponse): void {
  record(state, 'hub', req, res);
  const { pathname, searchParams } = new URL(req.url ?? '/', 'http://fake');
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendHubError(res, 405, undefined, 'Method not allowed');
  const info = /^\/api\/models\/([^/]+)\/([^/]+)(?:\/revision\/([^/]+))?$/.exec(pathname);
  if (info) {
    const repo = `${info[1]}/${info[2]}`;
    return serveModelInfo(state, req, res, repo, decodeURIComponent(info[3] ?? 'main'), searchParams.get('blobs') === 'true');
  }
  const resolve = /^\/([^/]+)\/([^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(pathname);
  if (resolve) {
    const path = (resolve[4] as string).split('/').map(decodeURIComponent).join('/');
    return serveResolve(state, req, res, `${resolve[1]}/${resolve[2]}`, decodeURIComponent(resolve[3] as string), path);
  }
  sendHubError(res, 404, undefined, 'Not Found');
}

/** Auth, existence and gating, in the hub's order; returns the repo's commit for `revision`, or answers the error. */
function admit(state: State, req: IncomingMessage, res: ServerResponse, repo: string, revision: string): Admitted | undefined {
  const auth = req.headers.authorization;
  if (state.token && auth !== `Bearer ${state.token}`) {
    // The hub does not tell a missing repo from a private one to anonymous callers.
    if (!auth) sendHubError(res, 401, 'RepoNotFound', 'Repository not found');
    else sendHubError(res, 401, undefined, 'Invalid credentials in Authorization header');
    return undefined;
  }
  const entry = state.repos.get(repo);
  if (!entry) return void sendHubError(res, 404, 'RepoNotFound', 'Repository not found');
  if (entry.spec.gated) return void sendHubError(res, 403, 'GatedRepo', `Access to model ${repo} is restricted; accept its conditions first.`);
  const shas = Object.values(entry.spec.revisions);
  const sha = entry.spec.revisions[revision] ?? (shas.includes(revision) ? revision : undefined);
  if (!sha) return void sendHubError(res, 404, 'RevisionNotFound', `Invalid rev id: ${revision}`);
  return { entry, sha };
}

function serveModelInfo(state: State, req: IncomingMessage, res: ServerResponse, repo: string, revision: string, withBlobs: boolean): void {
  const admitted = admit(state, req, res, repo, revision);
  if (!admitted) return;
  const fault = state.faults.take(repo, ['status', 'garbage']);
  if (fault?.kind === 'status') return sendFaultStatus(res, fault);
  const body =
    fault?.kind === 'garbage'
      ? '<html><body>502 Bad Gateway</body></html>'
      : modelInfoBody(repo, admitted.sha, [...admitted.entry.files.values()], { withBlobs, gated: false, private: Boolean(state.token) });
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function serveResolve(state: State, req: IncomingMessage, res: ServerResponse, repo: string, revision: string, path: string): void {
  const admitted = admit(state, req, res, repo, revision);
  if (!admitted) return;
  const file = admitted.entry.files.get(path);
  if (!file) return sendHubError(res, 404, 'EntryNotFound', `${path} does not exist on "${revision}"`);
  const key = `${repo}/${path}`;
  const status = state.faults.take(key, ['status']);
  if (status) return sendFaultStatus(res, status);
  if (!file.lfs) {
    serveBytes(req, res, file.data, { etag: `"${file.blobId}"`, 'x-repo-commit': admitted.sha }, state.faults.take(key, BYTE_FAULTS));
    return;
  }
  const location = `${state.cdnUrl}/lfs/${file.sha256}?X-Amz-Expires=3600&X-Amz-Signature=fake${Date.now()}`;
  res.writeHead(302, {
    location,
    etag: `"${file.blobId}"`,
    'x-repo-commit': admitted.sha,
    'x-linked-etag': `"${file.sha256}"`,
    'x-linked-size': String(file.data.byteLength),
    'content-type': 'text/plain; charset=utf-8',
  });
  res.end(`Found. Redirecting to ${location}`);
}

function handleCdn(state: State, req: IncomingMessage, res: ServerResponse): void {
  record(state, 'cdn', req, res);
  const { pathname } = new URL(req.url ?? '/', 'http://fake');
  const hit = state.byHash.get(/^\/lfs\/([0-9a-f]{64})$/.exec(pathname)?.[1] ?? '');
  if (!hit) return void res.writeHead(404, { 'content-type': 'application/xml' }).end('<Error><Code>NoSuchKey</Code></Error>');
  if (req.headers.authorization) {
    res.writeHead(400, { 'content-type': 'application/xml' }).end('<Error><Code>InvalidArgument</Code><Message>Only one auth mechanism allowed</Message></Error>');
    return;
  }
  serveBytes(req, res, hit.file.data, { etag: `"${hit.file.sha256}"` }, state.faults.take(hit.key, BYTE_FAULTS));
}

function sendFaultStatus(res: ServerResponse, fault: Extract<FakeFault, { kind: 'status' }>): void {
  sendHubError(res, fault.status, fault.errorCode, `injected ${fault.status}`, fault.retryAfter ? { 'retry-after': fault.retryAfter } : {});
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function stop(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
