// Hugging Face hub client and its content-addressed cache.

// Client
export { createHubClient } from './client.js';
export type { HubClient } from './client.js';
export { hubOptionsFromEnv, DEFAULT_HUB_ENDPOINT } from './env.js';
export type { HubEnvOptions } from './env.js';

// Offline access to the cache (verify, lock)
export { blobPath, manifestPath, readSnapshotManifest } from './cache.js';

// Types
export type {
  HubFile,
  ExpectedFile,
  ResolvedRevision,
  CachedFile,
  DownloadedFile,
  Snapshot,
  SnapshotOptions,
  SnapshotManifest,
  ManifestEntry,
  HubProgressEvent,
  HubProgressListener,
  HubClientOptions,
} from './types.js';
