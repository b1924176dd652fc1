/**
 * Shapes of the base-model chain: the documents a model ships, how a
 * reference to a base model was resolved, and the resulting tree with its
 * effective obligations.
 */
import type { Finding } from '../../core/findings.js';
import type { BaseModelRelation, ModelCard } from '../card/parse-card.js';
import type { LicenseInput } from '../identify/index.js';
import type { CatalogEntry, LicenseIdentification, Obligations } from '../types.js';

/** One text document a model ships (card or license text), with its hash. */
export interface ModelDoc {
  /** Path inside the model (`README.md`, `LICENSE`). */
  path: string;
  text: string;
  sha256: string;
  /** Where the bytes were read from, so evidence can keep an exact copy. */
  absolute?: string;
}

/** The license-relevant documents of one model, ready for identification. */
export interface ModelDocs {
  card?: ModelDoc;
  licenses: ModelDoc[];
  /** `general.*` keys of the model's GGUF header, when it is (or ships) a GGUF file. */
  gguf?: { path: string; kv: Record<string, unknown> };
  /** The parsed card (empty when there is none). */
  parsedCard: ModelCard;
  /** Every file path of the model, for inferring the relation to its base. */
  fileNames: string[];
  /** Problems reading the documents (too large, unreadable); become findings. */
  problems: { file: string; message: string }[];
}

/** How a model reference was found. */
export type ResolvedVia = 'manifest' | 'path' | 'cache' | 'hub';

/** A model found by name, hub id or path. */
export interface ResolvedModel {
  /** Stable identity for cycle and duplicate detection (manifest name or lowercased hub id). */
  key: string;
  /** What to call it in reports. */
  label: string;
  via: ResolvedVia;
  /** Manifest name, when the model is in modelgate.yaml. */
  model?: string;
  /** `org/repo` on the hub, when known. */
  hubId?: string;
  revision?: string;
  docs: ModelDocs;
}

/** Result of looking a reference up; `tried` names the places searched. */
export type LookupResult = { ok: true; model: ResolvedModel } | { ok: false; tried: string[]; reason?: string };

/** Finds base models by manifest name or hub id (manifest, local cache, hub). */
export interface ModelLookup {
  lookup(ref: string): Promise<LookupResult>;
}

/** The license identifier's operations, injected so the chain logic is testable alone. */
export interface Identifier {
  identify(input: LicenseInput): LicenseIdentification;
  isLicenseFileName(path: string): boolean;
  catalogEntry(id: string): CatalogEntry | undefined;
}

/** One model in a chain: the root, a resolved ancestor, or an ancestor that could not be resolved. */
export interface ChainNode {
  /** The reference as written (`base_model` value, manifest name or path). */
  ref: string;
  label: string;
  via: ResolvedVia | 'unresolved';
  model?: string;
  hubId?: string;
  revision?: string;
  /** How this model derives from its parents. */
  relation?: BaseModelRelation;
  /** True when the card did not state the relation and it was inferred from the files. */
  relationInferred?: boolean;
  /** Undefined for an unresolved ancestor. */
  identification?: LicenseIdentification;
  /** Where the base-model list came from. */
  baseFrom?: 'card' | 'gguf';
  parents: ChainNode[];
  /** Why the node has no parents although it declares some (cycle, depth) or why it is unresolved. */
  note?: string;
  /** Set on an ancestor no card or header declares but lineage found in the weights: what found it. */
  assumed?: string;
}

/** A model's chain and the obligations that bind it. */
export interface LicenseChain {
  root: ChainNode;
  /** Obligations of every ancestor combined; undefined when the model has none. */
  inherited: Obligations | undefined;
  /** Own and inherited obligations combined, most restrictive first. */
  effective: Obligations;
  findings: Finding[];
}
