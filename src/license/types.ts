/**
 * The license model: what a license obliges you to do, as typed fields a
 * policy can test, and how an identification reports what evidence said what.
 */
import type { Finding } from '../core/findings.js';

/** A permission that may hold, not hold, or hold under conditions. */
export type Permission = 'allowed' | 'not-allowed' | 'conditional' | 'unknown';

/** What using a model under a license obliges you to do. */
export interface Obligations {
  /** May you use the model commercially, and on what conditions (e.g. "registration", "below 100M MAU"). */
  commercialUse: { status: Permission; conditions: string[] };
  /** Monthly active users above which a separate license must be requested. */
  userThreshold?: { monthlyActiveUsers: number; consequence: string };
  /** Whether commercial use needs registration (a form) or written authorization (an agreement) first. */
  authorization: 'none' | 'registration' | 'written-authorization' | 'unknown';
  /** Attribution and naming duties ("Built with Llama", derivative names starting with "Llama"). */
  attribution: { required: boolean; notice?: string; naming?: string };
  /** An acceptable-use policy that binds the user and must be passed on. */
  acceptableUsePolicy: { applies: boolean; reference?: string };
  /** Using the model's outputs to train or improve other models. */
  outputUse: { improveOtherModels: Permission; note?: string };
  /** Redistributing the weights or derivatives. */
  redistribution: { status: Permission; conditions: string[] };
  /** Whether derivatives must carry the same restrictions (use-based restrictions, share-alike). */
  derivatives: { inheritRestrictions: boolean; shareAlike: boolean };
  /** Governing law and regions where the license grants nothing. */
  territory: { governingLaw?: string; excludedRegions: string[] };
}

/** The facts that identify a license text without copying it. */
export interface LicenseFacts {
  /** Distinctive titles, e.g. "LLAMA 3.1 COMMUNITY LICENSE AGREEMENT". */
  titles: string[];
  /** Licensor names, e.g. "Meta Platforms", "Alibaba Cloud". */
  parties: string[];
  /** Phrases or terms the text uses (matched after normalisation). */
  keyTerms: string[];
  /** Figures such as "700 million" or "100,000,000". */
  figures: string[];
}

/** One license (and version) in the catalog; the catalog is data under `catalog/licenses/`. */
export interface CatalogEntry {
  /** Stable id, e.g. `llama-3.1`, `qwen-research`, or an SPDX id for permissive licenses. */
  id: string;
  name: string;
  family: string;
  version: string;
  /** SPDX id when the license has one (then the SPDX text also identifies it). */
  spdx?: string;
  /** Values model cards put in `license:` / `license_name:` for it (e.g. `llama3.1`, `qwen`, `tongyi-qianwen`). */
  cardIds: string[];
  url?: string;
  facts: LicenseFacts;
  /** Facts that must NOT appear, to keep neighbours apart (e.g. "research purposes" for the non-research Qwen License). */
  excludes?: string[];
  /**
   * Where the text states its version, as templates with `{v}` (e.g. `llama {v}`), so a
   * version the catalog does not know is recognised as the family rather than a neighbour.
   */
  versionPatterns?: string[];
  obligations: Obligations;
}

/** Where a statement about a license came from. */
export type EvidenceSource = 'card' | 'license-file' | 'gguf' | 'config' | 'manifest';

/** One piece of evidence: which file and field said what. */
export interface LicenseEvidence {
  source: EvidenceSource;
  file: string;
  field?: string;
  /** The raw value or a short excerpt. */
  value: string;
  /** The license id this evidence points to (undefined when it identifies nothing). */
  says: string | undefined;
  /** 0..1: how strongly this evidence supports `says`. */
  confidence: number;
  /** sha256 of the text the evidence was read from. */
  sha256?: string;
}

/** The result of identifying a model's license from all its evidence. */
export interface LicenseIdentification {
  /** Catalog id or SPDX id; undefined when nothing identified it. */
  id: string | undefined;
  name: string;
  kind: 'catalog' | 'spdx' | 'unknown';
  /** Catalog family of the license (`llama`, `qwen`, ...), also when only the family was recognised. */
  family?: string;
  /** 0..1 overall confidence. */
  confidence: number;
  obligations: Obligations | undefined;
  evidence: LicenseEvidence[];
  /** The nearest known license when nothing matched well. */
  closest?: { id: string; similarity: number };
  /** Disagreements and gaps (`license/sources-disagree`, `license/unidentified`, ...). */
  findings: Finding[];
}
