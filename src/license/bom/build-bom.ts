/**
 * `modelgate bom`: a CycloneDX 1.6 ML-BOM of every locked model: identity,
 * source and revision, file hashes, license, base models and card fields.
 */
import { access } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { InputError } from '../../core/errors.js';
import type { Finding } from '../../core/findings.js';
import { evidenceDir } from '../evidence/record.js';
import { policyFinding } from '../policy/rules.js';
import { openLicenseProject, type LicenseSourceOptions } from '../project.js';
import type { BomModelInput } from './components.js';
import { toCycloneDx, type CycloneDxOptions } from './to-cyclonedx.js';

/** Where to read the project from, and how to stamp the BOM. */
export interface BuildBomOptions extends LicenseSourceOptions, Partial<Pick<CycloneDxOptions, 'serialNumber' | 'timestamp' | 'tool'>> {}

/** The BOM as an object and as the text to write, plus what could not be described. */
export interface BomResult {
  bom: Record<string, unknown>;
  text: string;
  findings: Finding[];
}

/**
 * Build the ML-BOM of the project's locked models.
 * @example
 * const { text } = await buildBom({ configPath: 'modelgate.yaml', tool: { name: 'modelgate', version: '0.1.0' } });
 */
export async function buildBom(options: BuildBomOptions = {}): Promise<BomResult> {
  const project = await openLicenseProject(options);
  const { config, lock, paths } = project;
  if (!lock) throw new InputError('MG_LOCK_NOT_FOUND', paths.lockPath, 'not found (run `modelgate lock` first)');
  const findings: Finding[] = [];
  const models: BomModelInput[] = [];
  for (const name of Object.keys(config?.models ?? {}).sort()) {
    const locked = lock.models[name];
    const description = config?.models[name]?.description;
    if (!locked) {
      findings.push(policyFinding('bom/model-not-locked', { file: 'modelgate.lock', message: `${name} is not locked and is left out of the BOM; run \`modelgate lock\`` }));
      continue;
    }
    const base = { name, locked, ...(description ? { description } : {}) };
    if (locked.kind === 'hosted') {
      models.push(base);
      continue;
    }
    const mc = await project.chainOf(name);
    if (!mc.ok) findings.push(mc.finding);
    const dir = evidenceDir(paths.stateDir, name, locked.revision);
    const saved = await access(join(dir, 'record.json')).then(
      () => true,
      () => false,
    );
    models.push({
      ...base,
      ...(mc.ok ? { chain: mc.chain, docs: mc.model.docs } : {}),
      ...(saved ? { evidencePath: relative(paths.baseDir, dir).split(sep).join('/') } : {}),
    });
  }
  const bom = toCycloneDx(models, {
    tool: options.tool ?? { name: 'modelgate', version: '0.0.0' },
    catalog: (id) => project.identifier.catalogEntry(id),
    serialNumber: options.serialNumber,
    timestamp: options.timestamp,
  });
  return { bom, text: `${JSON.stringify(bom, null, 2)}\n`, findings };
}
