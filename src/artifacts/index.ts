// Model supply chain: inventory, lockfile, verify and static artifact scanning.

// Scanning
export { scanPaths } from './scan-paths.js';
export type { ScanPathsOptions, ScanReport } from './scan-paths.js';
export { scanSource } from './scan-source.js';
export type { SourceScan } from './scan-source.js';
export { detectFormat, formatFromName } from './detect.js';
export { scanRules } from './rules.js';
export { defaultBudget, defineScanner, ARTIFACT_FORMATS } from './scanner.js';
export type { ArtifactFormat, FormatScanner, ScanBudget, ScanContext, ScanSettingsResolved } from './scanner.js';
export { bufferSource, fileSource, sliceSource } from './io/byte-source.js';
export type { ByteSource, FileByteSource } from './io/byte-source.js';

// Lockfile and verification
export { lockProject } from './project/lock-project.js';
export type { LockProjectOptions, LockProjectResult } from './project/lock-project.js';
export { verifyProject } from './project/verify-project.js';
export type { VerifyProjectOptions } from './project/verify-project.js';
export { addModel } from './project/add-model.js';
export type { AddModelOptions } from './project/add-model.js';
export { initProject } from './project/init-project.js';
export { projectPaths } from './project/paths.js';
export type { ProjectPaths } from './project/paths.js';
export { readLock, writeLock, parseLock, serializeLock, emptyLock } from './lock/lockfile.js';
export type { Lockfile, LockedModel, LockedFile, LockedArtifactModel, LockedHostedModel } from './lock/lockfile.js';
export { verifyLock } from './lock/verify-lock.js';
export type { VerifyReport, VerifyProblem, VerifyProblemKind } from './lock/verify-lock.js';
export { diffLocks } from './lock/lock-diff.js';
export type { LockChange, LockChangeKind } from './lock/lock-diff.js';
export type { HubPort, SnapshotFile } from './lock/hub-port.js';
export { hashFiles, hashFile } from './hash/hash-files.js';
export { hubFromEnv, cacheDirFromEnv } from './project/hub-from-env.js';

// Fixture writers: generated models for tests and the demo (never loaded from a hub)
export { tinyLlamaGguf, tinySafetensorsModel } from './writers/tiny-llama.js';
export type { TinyLlamaOptions, TinySafetensorsOptions } from './writers/tiny-llama.js';
export { writeGguf, writeGgufFile } from './writers/gguf-writer.js';
export { writeSafetensors } from './writers/safetensors-writer.js';
export { writeZip, torchZipEntries } from './writers/zip-writer.js';
export { maliciousPickle, torchLikeStateDict, PickleBuilder } from './writers/pickle-writer.js';
export type { HashJob, HashResult, HashOptions } from './hash/hash-files.js';
