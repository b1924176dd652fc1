/** Plain-text views of a chain and of obligations, shared by the license and policy reports. */
import type { Obligations } from '../types.js';
import type { ChainNode } from './types.js';

/** The chain as an indented tree, one line per model. */
export function renderChain(root: ChainNode): string[] {
  const lines: string[] = [];
  const walk = (node: ChainNode, prefix: string, last: boolean, depth: number) => {
    const branch = depth === 0 ? '' : last ? '└─ ' : '├─ ';
    lines.push(`${prefix}${branch}${describeNode(node)}`);
    const next = depth === 0 ? '' : `${prefix}${last ? '   ' : '│  '}`;
    node.parents.forEach((p, i) => walk(p, next, i === node.parents.length - 1, depth + 1));
  };
  walk(root, '', true, 0);
  return lines;
}

function describeNode(n: ChainNode): string {
  const where = n.via === 'unresolved' ? 'UNRESOLVED' : `${n.via}${n.revision ? ` @${shortRev(n.revision)}` : ''}`;
  const license = n.identification ? `${n.identification.id ?? 'unidentified'} (${n.identification.confidence.toFixed(2)})` : 'unknown terms';
  const rel = n.relation && n.parents.length > 0 ? `  ${n.relation}${n.relationInferred ? ' (inferred)' : ''} of:` : '';
  const note = [n.assumed, n.note].filter(Boolean).map((x) => `  [${x}]`).join('');
  return `${n.label}  [${where}]  ${license}${rel}${note}`;
}

function shortRev(rev: string): string {
  return rev.startsWith('sha256:') ? `sha256:${rev.slice(7, 19)}` : rev.slice(0, 12);
}

/** One line per obligation, in the order a reviewer reads them. */
export function describeObligations(o: Obligations): string[] {
  const cond = (c: string[]) => (c.length > 0 ? ` (${c.join('; ')})` : '');
  const lines = [`commercial use: ${o.commercialUse.status}${cond(o.commercialUse.conditions)}`];
  if (o.userThreshold) lines.push(`user threshold: ${o.userThreshold.monthlyActiveUsers.toLocaleString('en-US')} MAU, above it: ${o.userThreshold.consequence}`);
  lines.push(`authorization: ${o.authorization}`);
  const attr = [o.attribution.notice && `notice "${o.attribution.notice}"`, o.attribution.naming && `naming "${o.attribution.naming}"`].filter(Boolean).join(', ');
  lines.push(`attribution: ${o.attribution.required ? 'required' : 'not required'}${attr ? ` (${attr})` : ''}`);
  if (o.acceptableUsePolicy.applies) lines.push(`acceptable-use policy: applies${o.acceptableUsePolicy.reference ? ` (${o.acceptableUsePolicy.reference})` : ''}`);
  lines.push(`outputs to improve other models: ${o.outputUse.improveOtherModels}${o.outputUse.note ? ` (${o.outputUse.note})` : ''}`);
  lines.push(`redistribution: ${o.redistribution.status}${cond(o.redistribution.conditions)}`);
  const d = [o.derivatives.inheritRestrictions && 'carry use restrictions', o.derivatives.shareAlike && 'share-alike'].filter(Boolean);
  if (d.length > 0) lines.push(`derivatives: ${d.join(', ')}`);
  if (o.territory.excludedRegions.length > 0 || o.territory.governingLaw) {
    const t = [o.territory.excludedRegions.length > 0 && `excludes ${o.territory.excludedRegions.join(', ')}`, o.territory.governingLaw && `governing law ${o.territory.governingLaw}`];
    lines.push(`territory: ${t.filter(Boolean).join('; ')}`);
  }
  return lines;
}
