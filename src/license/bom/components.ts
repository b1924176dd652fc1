/**
 * CycloneDX components for models, their files and their ancestors, built
 * with the CycloneDX library's models so hashes, licenses and purls are
 * written the way the spec expects.
 */
import { Enums, Models, SPDX } from '@cyclonedx/cyclonedx-library';
import { parseSource } from '../../core/config/source.js';
import type { LockedModel } from '../../artifacts/index.js';
import type { ChainNode, LicenseChain, ModelDocs } from '../chain/types.js';
import type { CatalogEntry, LicenseIdentification } from '../types.js';

/** Everything the BOM says about one manifest model. */
export interface BomModelInput {
  name: string;
  description?: string;
  locked: LockedModel;
  chain?: LicenseChain;
  docs?: ModelDocs;
  /** Project-relative folder holding the saved card and license text of this revision. */
  evidencePath?: string;
}

/** Catalog facts the BOM cites (SPDX id, canonical URL). */
export type CatalogView = (id: string) => Pick<CatalogEntry, 'name' | 'spdx' | 'url'> | undefined;

const SHA1 = /^[0-9a-f]{40}$/i;

/** Name, group and purl for a hub repo (or a plain name). */
export function identity(name: string, hubId: string | undefined, revision: string | undefined): { name: string; group?: string; purl?: string } {
  if (!hubId) return { name };
  const [org, repo] = hubId.split('/') as [string, string];
  const version = revision && SHA1.test(revision) ? `@${revision.toLowerCase()}` : '';
  return { name: repo, group: org, purl: `pkg:huggingface/${encodeURIComponent(org)}/${encodeURIComponent(repo)}${version}` };
}

/** The bom-ref of a manifest model's component. */
export function modelRef(name: string): string {
  return `model:${name}`;
}

/** The component of one manifest model, with a file sub-component per locked file. */
export function modelComponent(m: BomModelInput, catalog: CatalogView): Models.Component {
  const locked = m.locked;
  if (locked.kind === 'hosted') {
    const c = new Models.Component(Enums.ComponentType.MachineLearningModel, locked.model, { bomRef: modelRef(m.name), group: locked.provider, version: locked.version, description: m.description });
    addProps(c.properties, [['modelgate:model', m.name], ['modelgate:kind', 'hosted']]);
    return c;
  }
  const src = parseSource(locked.source);
  const hubId = src.ok && src.value.kind === 'hf' ? src.value.repo : undefined;
  const id = identity(m.name, hubId, locked.revision);
  const c = new Models.Component(Enums.ComponentType.MachineLearningModel, id.name, { bomRef: modelRef(m.name), version: locked.revision, description: m.description, ...(id.group ? { group: id.group } : {}), ...(id.purl ? { purl: id.purl } : {}) });
  for (const f of locked.files) {
    const file = new Models.Component(Enums.ComponentType.File, f.path, { bomRef: `${modelRef(m.name)}:file:${f.path}` });
    file.hashes.set(Enums.HashAlgorithm['SHA-256'], f.sha256);
    addProps(file.properties, [['modelgate:size', String(f.size)], ['modelgate:format', f.format]]);
    c.components.add(file);
  }
  // A single-file model (one GGUF) is identified by that file's hash.
  if (locked.files.length === 1 && locked.files[0]) c.hashes.set(Enums.HashAlgorithm['SHA-256'], locked.files[0].sha256);
  const ident = m.chain?.root.identification;
  for (const l of licenses(ident, m.docs, m.evidencePath, catalog)) c.licenses.add(l);
  addProps(c.properties, [
    ['modelgate:model', m.name],
    ['modelgate:source', locked.source],
    ['modelgate:license-confidence', ident?.confidence.toFixed(2)],
    ['modelgate:license-status', ident?.id === undefined ? (m.chain ? 'unidentified' : 'unavailable') : undefined],
    ...effectiveProps(m.chain),
  ]);
  return c;
}

/** A component for an ancestor in `pedigree.ancestors` (no bom-ref: it may repeat across models). */
export function ancestorComponent(n: ChainNode, catalog: CatalogView): Models.Component {
  const id = identity(n.label, n.hubId, n.revision);
  const c = new Models.Component(Enums.ComponentType.MachineLearningModel, id.name, { ...(n.revision ? { version: n.revision } : {}), ...(id.group ? { group: id.group } : {}), ...(id.purl ? { purl: id.purl } : {}) });
  for (const l of licenses(n.identification, undefined, undefined, catalog)) c.licenses.add(l);
  addProps(c.properties, [
    ['modelgate:resolved', n.via === 'unresolved' ? 'false' : n.via],
    ['modelgate:model', n.model],
    ['modelgate:note', n.note],
  ]);
  return c;
}

/** The concluded license (SPDX id when there is one, else a named license with its text reference) and the card's declared one. */
function licenses(ident: LicenseIdentification | undefined, docs: ModelDocs | undefined, evidencePath: string | undefined, catalog: CatalogView): Models.DisjunctiveLicense[] {
  const out: Models.DisjunctiveLicense[] = [];
  const text = docs?.licenses[0];
  const textUrl = text && evidencePath ? `${evidencePath}/${text.path}` : undefined;
  if (ident?.id) {
    const entry = catalog(ident.id);
    const spdx = spdxId(ident.kind === 'spdx' ? ident.id : entry?.spdx);
    const url = textUrl ?? entry?.url;
    const props = { acknowledgement: Enums.LicenseAcknowledgement.Concluded, ...(url ? { url } : {}) };
    const l = spdx ? new Models.SpdxLicense(spdx, props) : new Models.NamedLicense(entry?.name ?? ident.name, props);
    addProps(l.properties, [
      ['modelgate:license-id', ident.id],
      ['modelgate:license-text-sha256', text?.sha256],
    ]);
    out.push(l);
  }
  const declared = docs?.parsedCard.licenseName ?? docs?.parsedCard.license;
  if (declared && declared !== ident?.id) {
    const spdx = spdxId(declared);
    const link = docs?.parsedCard.licenseLink;
    const props = { acknowledgement: Enums.LicenseAcknowledgement.Declared, ...(link && /^https?:\/\//.test(link) ? { url: link } : {}) };
    if (!(spdx && out.some((l) => l instanceof Models.SpdxLicense && l.id === spdx))) out.push(spdx ? new Models.SpdxLicense(spdx, props) : new Models.NamedLicense(declared, props));
  }
  return out;
}

function spdxId(id: string | undefined): string | undefined {
  if (!id) return undefined;
  const fixed = SPDX.fixupSpdxId(id);
  return fixed && SPDX.isSupportedSpdxId(fixed) ? fixed : undefined;
}

/** The effective obligations as properties, for auditors who read the BOM alone. */
function effectiveProps(chain: LicenseChain | undefined): Prop[] {
  if (!chain) return [];
  const e = chain.effective;
  return [
    ['modelgate:obligation:commercial-use', e.commercialUse.status],
    ['modelgate:obligation:authorization', e.authorization],
    ['modelgate:obligation:attribution', e.attribution.required ? 'required' : 'not-required'],
    ['modelgate:obligation:output-use', e.outputUse.improveOtherModels],
    ['modelgate:obligation:redistribution', e.redistribution.status],
    ['modelgate:obligation:user-threshold', e.userThreshold ? String(e.userThreshold.monthlyActiveUsers) : undefined],
    ['modelgate:obligation:acceptable-use-policy', e.acceptableUsePolicy.applies ? (e.acceptableUsePolicy.reference ?? 'applies') : undefined],
  ];
}

/** A property; entries without a value are left out. */
type Prop = [name: string, value: string | undefined];

function addProps(repo: Models.PropertyRepository, props: readonly Prop[]): void {
  for (const [name, value] of props) if (value !== undefined) repo.add(new Models.Property(name, value));
}
