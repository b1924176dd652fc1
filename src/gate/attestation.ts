/**
 * Attestations: what the gate ran on one model at one revision, with which
 * inputs, what it found and whether the model passed. Stable JSON (sorted
 * keys) validated by a zod schema, written atomically to
 * `.modelgate/attestations/<model>/<revision>.json` (one file per revision,
 * so history stays) and copied to `latest.json`. The gateway's admission
 * reads `passed` from the revision's file.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { stableJsonFile } from '../core/sorted-json.js';
import { GATE_CHECK_IDS } from './types.js';

/** The schema id every attestation carries. */
export const ATTESTATION_SCHEMA = 'modelgate.attestation/v1';

/** One check's entry. */
export const AttestedCheckSchema = z.strictObject({
  id: z.enum(GATE_CHECK_IDS),
  title: z.string(),
  status: z.enum(['passed', 'failed', 'skipped']),
  /** False only when the check ran and failed; a skipped check does not fail the model. */
  passed: z.boolean(),
  summary: z.string(),
  thresholds: z.unknown(),
  results: z.unknown(),
  /** When the result was computed (a reused result keeps its original time); null when skipped. */
  ranAt: z.string().nullable(),
  reused: z.boolean(),
  /** Digest of every input the result depends on; null when the check always runs or was skipped. */
  digest: z.string().nullable(),
  inputs: z.record(z.string(), z.string()),
});
/** One check's entry in an attestation. */
export type AttestedCheck = z.infer<typeof AttestedCheckSchema>;

/** A whole attestation. */
export const AttestationSchema = z.strictObject({
  schema: z.literal(ATTESTATION_SCHEMA),
  model: z.string(),
  revision: z.string(),
  createdAt: z.string(),
  modelgate: z.strictObject({ version: z.string() }),
  /** Every input digest any check used, by name (`lock`, `config.scan`, `suite:evals/qa.yaml`, `catalog`, …). */
  inputs: z.record(z.string(), z.string()),
  checks: z.array(AttestedCheckSchema),
  passed: z.boolean(),
  /** One line per failed check: `<check>: <why>`. */
  reasons: z.array(z.string()),
});
/** A gate attestation. */
export type Attestation = z.infer<typeof AttestationSchema>;

/** A revision as a file name: `sha256:…` and hub refs become `sha256-…` (colons and slashes are not portable). */
export function revisionFileName(revision: string): string {
  return revision.replace(/[:/\\]/g, '-');
}

/** Where a model's attestation for `revision` lives under the state folder. */
export function attestationPath(stateDir: string, model: string, revision: string): string {
  return join(stateDir, 'attestations', model, `${revisionFileName(revision)}.json`);
}

/** The attestation at `file`, or undefined when it is missing or does not match the schema (then nothing is reused). */
export async function readAttestation(file: string): Promise<Attestation | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const parsed = AttestationSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

async function writeAtomic(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  // Write beside, then rename: a reader (the gateway starting) never sees half a file.
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, file);
}

/** Validate and write the attestation and `latest.json`; returns the revision file's path. */
export async function writeAttestation(stateDir: string, a: Attestation): Promise<string> {
  const text = stableJsonFile(AttestationSchema.parse(a));
  const file = attestationPath(stateDir, a.model, a.revision);
  await writeAtomic(file, text);
  await writeAtomic(join(dirname(file), 'latest.json'), text);
  return file;
}
