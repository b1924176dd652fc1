/**
 * Assemble the CycloneDX 1.6 ML-BOM. The library builds and normalises the
 * BOM; it has no model for `pedigree` or `modelCard`, so those are added to
 * the normalised JSON by bom-ref. Output is sorted and, unless asked
 * otherwise, has no timestamp and a serial number derived from the content,
 * so the same models always give the same bytes.
 */
import { createHash } from 'node:crypto';
import { Enums, Models, Serialize, Spec } from '@cyclonedx/cyclonedx-library';
import type { ChainNode } from '../chain/types.js';
import { ancestorComponent, modelComponent, modelRef, type BomModelInput, type CatalogView } from './components.js';
import { toModelCard } from './model-card.js';

/** How to stamp the BOM. */
export interface CycloneDxOptions {
  /** The tool named in `metadata.tools`. */
  tool: { name: string; version: string };
  catalog: CatalogView;
  /** `content` (default): a UUID derived from the BOM's content; `false`: none. */
  serialNumber?: 'content' | false;
  /** Written to `metadata.timestamp` when given (it makes the output differ run to run). */
  timestamp?: Date;
}

type Json = Record<string, unknown>;
const NORMALIZE = { sortLists: true } as const;

/** Build the BOM as a JSON object. */
export function toCycloneDx(models: readonly BomModelInput[], options: CycloneDxOptions): Json {
  const factory = new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6);
  const bom = new Models.Bom();
  bom.metadata.tools.components.add(new Models.Component(Enums.ComponentType.Application, options.tool.name, { version: options.tool.version }));
  if (options.timestamp) bom.metadata.timestamp = options.timestamp;
  for (const m of models) bom.components.add(modelComponent(m, options.catalog));
  const json = factory.makeForBom().normalize(bom, NORMALIZE) as unknown as Json;
  const byRef = new Map<string, Json>(((json.components as Json[] | undefined) ?? []).map((c) => [String(c['bom-ref']), c]));
  for (const m of models) {
    const c = byRef.get(modelRef(m.name));
    if (!c) continue;
    if (m.chain && m.chain.root.parents.length > 0) c.pedigree = pedigreeOf(m.chain.root, factory, options.catalog, new Set());
    const card = m.docs ? toModelCard(m.docs.parsedCard.fields) : undefined;
    if (card) c.modelCard = card;
  }
  return options.serialNumber === false ? json : withSerial(json);
}

/** `pedigree.ancestors` (each with its own pedigree) and a note naming the relation. */
function pedigreeOf(node: ChainNode, factory: Serialize.JSON.Normalize.Factory, catalog: CatalogView, path: Set<ChainNode>): Json {
  const next = new Set(path).add(node);
  const ancestors = node.parents
    .filter((p) => !next.has(p))
    .map((p) => {
      const c = factory.makeForComponent().normalize(ancestorComponent(p, catalog), NORMALIZE) as unknown as Json;
      if (p.parents.length > 0) c.pedigree = pedigreeOf(p, factory, catalog, next);
      return c;
    });
  const relation = node.relation ? `${node.relation}${node.relationInferred ? ' (inferred from the files)' : ''}` : 'derivative';
  return { ancestors, notes: `${relation} of ${node.parents.map((p) => p.label).join(', ')}` };
}

/** Put a content-derived `urn:uuid:` right after `specVersion`. */
function withSerial(json: Json): Json {
  const h = createHash('sha256').update(JSON.stringify(json)).digest('hex');
  // Shaped as an RFC 9562 version-8 (custom) UUID so it matches the schema's pattern and is recognisably not random.
  const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const uuid = `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  const out: Json = {};
  for (const [k, v] of Object.entries(json)) {
    if (k === 'serialNumber') continue;
    out[k] = v;
    if (k === 'specVersion') out.serialNumber = `urn:uuid:${uuid}`;
  }
  return out;
}
