/**
 * Build a model's base-model chain: identify the license of the model and of
 * every ancestor it declares (transitively), then combine their obligations.
 * An ancestor that cannot be found is a high finding and counts as unknown
 * terms, never as a pass. Cycles and very deep chains are cut and reported.
 */
import type { Finding } from '../../core/findings.js';
import type { Obligations } from '../types.js';
import { baseModelsOf } from './base-models.js';
import { mergeAll, mergeObligations, relaxedDimensions, unknownObligations } from './merge-obligations.js';
import { chainFinding } from './rules.js';
import type { ChainNode, Identifier, LicenseChain, LookupResult, ModelLookup, ResolvedModel } from './types.js';

/** Ancestors deeper than this are not followed (real chains are a few links long). */
export const MAX_CHAIN_DEPTH = 8;

/** A base of the root that no document declares (lineage found it), already looked up. */
export interface AssumedParent {
  ref: string;
  found: LookupResult;
  /** Shown beside the ancestor: why it is in the chain. */
  why: string;
}

/** Where ancestors are looked up and how licenses are identified. */
export interface BuildChainOptions {
  lookup: ModelLookup;
  identifier: Identifier;
  maxDepth?: number;
  /** Undeclared bases of the root: evaluated as if its card declared them, so their terms bind it. */
  assumed?: readonly AssumedParent[];
}

interface Walk {
  options: BuildChainOptions;
  memo: Map<string, ChainNode>;
  findings: Finding[];
  // Lookups are shared across diamond-shaped chains so each base is fetched once.
  lookups: Map<string, Promise<LookupResult>>;
}

/**
 * Resolve the chain of `root` (the model itself) and its effective obligations.
 * @example
 * const chain = await buildChain(model, { lookup, identifier });
 * chain.effective.commercialUse.status; // 'not-allowed' when any ancestor forbids it
 */
export async function buildChain(root: ResolvedModel, options: BuildChainOptions): Promise<LicenseChain> {
  const walk: Walk = { options, memo: new Map(), findings: [], lookups: new Map() };
  const node = await visit(root, root.label, [], walk);
  for (const a of options.assumed ?? []) await assume(node, root, a, walk);
  const ancestors = collectAncestors(node);
  const own = obligationsOf(node);
  const inherited = mergeAll(ancestors.map(obligationsOf));
  const effective = inherited ? mergeObligations(own, inherited) : own;
  checkRelaxations(node, walk.findings);
  return { root: node, inherited, effective, findings: dedupe(walk.findings) };
}

/** The node's own obligations, or unknown terms when it is unresolved or unidentified. */
export function obligationsOf(node: ChainNode): Obligations {
  return node.identification?.obligations ?? unknownObligations();
}

/** Every distinct ancestor of a node (not the node itself), nearest first. */
export function collectAncestors(root: ChainNode): ChainNode[] {
  const seen = new Set<ChainNode>([root]);
  const out: ChainNode[] = [];
  const queue = [...root.parents];
  while (queue.length > 0) {
    const n = queue.shift() as ChainNode;
    if (seen.has(n)) continue;
    seen.add(n);
    out.push(n);
    queue.push(...n.parents);
  }
  return out;
}

async function visit(model: ResolvedModel, ref: string, path: readonly string[], walk: Walk): Promise<ChainNode> {
  const known = walk.memo.get(model.key);
  if (known) return known;
  const identification = walk.options.identifier.identify({
    ...(model.docs.card ? { card: { path: model.docs.card.path, text: model.docs.card.text } } : {}),
    files: model.docs.licenses.map((d) => ({ path: d.path, text: d.text })),
    ...(model.docs.gguf ? { gguf: model.docs.gguf } : {}),
  });
  const bases = baseModelsOf(model.docs);
  const node: ChainNode = {
    ref,
    label: model.label,
    via: model.via,
    ...(model.model ? { model: model.model } : {}),
    ...(model.hubId ? { hubId: model.hubId } : {}),
    ...(model.revision ? { revision: model.revision } : {}),
    ...(bases.relation ? { relation: bases.relation, relationInferred: bases.inferred } : {}),
    ...(bases.from ? { baseFrom: bases.from } : {}),
    identification,
    parents: [],
  };
  walk.memo.set(model.key, node);
  walk.findings.push(...identification.findings.map((f) => ({ ...f, file: `${model.label}/${f.file}` })));
  walk.findings.push(...model.docs.problems.map((p) => docProblem(model.label, p)));
  const where = `${model.label}/${bases.field ?? 'README.md: base_model'}`;
  const maxDepth = walk.options.maxDepth ?? MAX_CHAIN_DEPTH;
  if (bases.refs.length > 0 && path.length >= maxDepth) {
    node.note = `chain deeper than ${maxDepth}; ancestors not followed`;
    const message = `base-model chain is deeper than ${maxDepth} links; the terms of further ancestors are unknown`;
    walk.findings.push(chainFinding('license/chain-too-deep', { file: where, message, evidence: bases.refs.join(', ') }));
    node.parents.push(...bases.refs.map((r) => unresolvedNode(r, 'not followed: chain too deep')));
    return node;
  }
  for (const ref of bases.refs) {
    const found = await lookupOnce(ref, walk);
    if (!found.ok) {
      node.parents.push(unresolvedNode(ref, found.reason ?? `not found in ${found.tried.join(', ')}`));
      walk.findings.push(unresolvedFinding(where, ref, found));
    } else if (found.model.key === model.key || path.includes(found.model.key)) {
      node.note = `cycle: ${[...path, model.key, found.model.key].join(' -> ')}`;
      const message = `base-model chain loops back to ${found.model.label}; the loop was cut`;
      walk.findings.push(chainFinding('license/ancestor-cycle', { file: where, message, evidence: node.note }));
    } else {
      node.parents.push(await visit(found.model, ref, [...path, model.key], walk));
    }
  }
  return node;
}

/** Add an undeclared base to the root, unless the chain already holds it. */
async function assume(node: ChainNode, root: ResolvedModel, a: AssumedParent, walk: Walk): Promise<void> {
  const where = `${root.label}/README.md: base_model`;
  if (!a.found.ok) {
    node.parents.push({ ...unresolvedNode(a.ref, a.found.reason ?? `not found in ${a.found.tried.join(', ')}`), assumed: a.why });
    walk.findings.push(unresolvedFinding(where, a.ref, a.found));
    return;
  }
  // The memo holds the root and every ancestor visited so far.
  if (walk.memo.has(a.found.model.key)) return;
  const parent = await visit(a.found.model, a.ref, [root.key], walk);
  parent.assumed = a.why;
  node.parents.push(parent);
}

function lookupOnce(ref: string, walk: Walk): Promise<LookupResult> {
  const key = ref.toLowerCase();
  let p = walk.lookups.get(key);
  if (!p) {
    p = walk.options.lookup.lookup(ref);
    walk.lookups.set(key, p);
  }
  return p;
}

function unresolvedNode(ref: string, note: string): ChainNode {
  return { ref, label: ref, via: 'unresolved', parents: [], note };
}

function unresolvedFinding(where: string, ref: string, found: { tried: string[]; reason?: string }): Finding {
  return chainFinding('license/unresolved-ancestor', {
    file: where,
    message: `base model "${ref}" could not be resolved (${found.reason ?? `tried ${found.tried.join(', ')}`}); its license terms are unknown and still bind this model`,
    evidence: ref,
  });
}

function docProblem(label: string, p: { file: string; message: string }): Finding {
  return chainFinding('license/document-unreadable', { file: `${label}/${p.file}`, message: p.message });
}

/** A derivative whose own license claims looser terms than its ancestors cannot relax them. */
function checkRelaxations(root: ChainNode, findings: Finding[]): void {
  for (const node of [root, ...collectAncestors(root)]) {
    const own = node.identification?.obligations;
    // Compare only against ancestors whose terms are known: unknown ones already have their own finding.
    const known = collectAncestors(node).flatMap((a) => (a.identification?.obligations ? [a.identification.obligations] : []));
    const inherited = mergeAll(known);
    if (!own || !inherited) continue;
    const relaxed = relaxedDimensions(own, inherited);
    if (relaxed.length === 0) continue;
    const bases = collectAncestors(node)
      .map((a) => `${a.label} (${a.identification?.id ?? 'unknown'})`)
      .join(', ');
    findings.push(
      chainFinding('license/derivative-relaxes-terms', {
        file: `${node.label}/${node.identification?.evidence[0]?.file ?? 'README.md'}`,
        message: `${node.label} declares ${node.identification?.id ?? 'a license'} but derives from ${bases}; a derivative cannot relax inherited terms: ${relaxed.join('; ')}`,
        evidence: relaxed.join('; '),
      }),
    );
  }
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.ruleId}|${f.file}|${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
