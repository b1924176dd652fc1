/**
 * `modelgate license <model-or-path>`: identify the license of a manifest
 * model, a folder, a single file (README.md, LICENSE, GGUF) or a hub id,
 * with its evidence, base-model chain and findings.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import type { Finding } from '../core/findings.js';
import { buildChain } from './chain/build-chain.js';
import { isHubId } from './chain/hub-lookup.js';
import type { ChainNode, LicenseChain, ResolvedModel } from './chain/types.js';
import { folderDocFiles, readModelDocs } from './model-license.js';
import { openLicenseProject, type LicenseProject, type LicenseSourceOptions } from './project.js';
import type { LicenseIdentification, Obligations } from './types.js';

/** What `modelgate license` reports. */
export interface LicenseReport {
  target: string;
  kind: 'model' | 'path' | 'hub';
  identification: LicenseIdentification | undefined;
  /** The model and its ancestors. */
  chain: ChainNode | undefined;
  /** Obligations with every ancestor's combined in. */
  effective: Obligations | undefined;
  /** True when the model has ancestors (so effective may differ from its own obligations). */
  inherits: boolean;
  findings: Finding[];
}

/**
 * Identify a target's license and resolve its chain.
 * @example
 * const r = await inspectLicense('./models/chat');
 * r.identification?.id; // 'apache-2.0'
 */
export async function inspectLicense(target: string, options: LicenseSourceOptions = {}): Promise<LicenseReport> {
  const project = await openLicenseProject({ ...options, optional: true });
  if (project.config?.models[target]) {
    const mc = await project.chainOf(target);
    return mc.ok ? report(target, 'model', mc.chain) : { target, kind: 'model', identification: undefined, chain: undefined, effective: undefined, inherits: false, findings: [mc.finding] };
  }
  const abs = resolve(target);
  const info = await stat(abs).catch(() => undefined);
  if (info) return report(target, 'path', await chainOfPath(project, target, abs));
  if (isHubId(target)) {
    const found = await project.lookup.lookup(target);
    if (!found.ok) throw new InputError('MG_INPUT_NOT_FOUND', undefined, `${target}: not found (${found.reason ?? `tried ${found.tried.join(', ')}`})`);
    return report(target, 'hub', await buildChain(found.model, { lookup: project.lookup, identifier: project.identifier }));
  }
  throw new InputError('MG_INPUT_NOT_FOUND', target, 'is not a manifest model, a file or folder, or a hub id (org/repo)');
}

async function chainOfPath(project: LicenseProject, label: string, abs: string): Promise<LicenseChain> {
  const docs = await readModelDocs(await folderDocFiles(abs), project.identifier);
  const model: ResolvedModel = { key: `path:${abs}`, label, via: 'path', docs };
  return buildChain(model, { lookup: project.lookup, identifier: project.identifier });
}

function report(target: string, kind: LicenseReport['kind'], chain: LicenseChain): LicenseReport {
  return {
    target,
    kind,
    identification: chain.root.identification,
    chain: chain.root,
    effective: chain.effective,
    inherits: chain.root.parents.length > 0,
    findings: chain.findings,
  };
}
