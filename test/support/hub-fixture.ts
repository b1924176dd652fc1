/**
 * A fake hub plus a temp cache and a client wired to both, with short
 * timeouts and no real backoff, for the hub client's tests.
 */
import { createHubClient, type HubClient, type HubClientOptions } from '../../src/artifacts/hub/index.js';
import { fakeCommitSha } from './fake-hub-data.js';
import { startFakeHub, type FakeHub, type FakeHubOptions, type FakeRepo } from './fake-hub.js';
import { createTempDir } from './temp-dir.js';

/** Commit shas of the standard repo's revisions. */
export const SHA = { main: fakeCommitSha('main'), v1: fakeCommitSha('v1') } as const;

/** Deterministic pseudo-random bytes (an LCG), so test files have no long runs. */
export function fakeBytes(size: number, seed = 1): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed >>> 0;
  for (let i = 0; i < size; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** `acme/tiny`: two small regular files, a 256 KiB LFS weight file and a nested LFS file. */
export function standardRepo(): FakeRepo {
  return {
    revisions: { main: SHA.main, 'v1.0': SHA.v1 },
    files: {
      'config.json': '{"model_type":"tiny","hidden_size":8}\n',
      'tokenizer.json': '{"version":"1.0","vocab":{"a":0,"b":1}}\n',
      'model.safetensors': fakeBytes(256 * 1024, 7),
      'onnx/model.onnx': fakeBytes(4096, 9),
      'README.md': '# tiny\n',
    },
    lfs: ['model.safetensors', 'onnx/model.onnx'],
  };
}

/** A running fake hub, its cache folder and a client factory. */
export interface HubFixture {
  hub: FakeHub;
  cacheDir: string;
  client(extra?: Partial<HubClientOptions>): HubClient;
  close(): Promise<void>;
}

/** Start a fake hub (default: the standard repo as `acme/tiny`) and a temp cache. */
export async function startHubFixture(options: Partial<FakeHubOptions> = {}): Promise<HubFixture> {
  const hub = await startFakeHub({ repos: { 'acme/tiny': standardRepo() }, ...options });
  const dir = await createTempDir('modelgate-hub-');
  return {
    hub,
    cacheDir: dir.path,
    client: (extra = {}) =>
      createHubClient({
        endpoint: hub.url,
        token: options.token,
        cacheDir: dir.path,
        retries: 3,
        backoffMs: 1,
        timeoutMs: 2000,
        sleep: async () => undefined,
        ...extra,
      }),
    close: async () => {
      await hub.close();
      await dir.cleanup();
    },
  };
}
