/**
 * Map a hub model card's front matter onto the CycloneDX 1.6 `modelCard`:
 * the task, datasets, input/output kinds and reported metrics; everything
 * else worth keeping becomes `huggingface:<field>` properties.
 */

/** The subset of the CycloneDX 1.6 modelCard this tool writes. */
export interface CdxModelCard {
  modelParameters?: {
    task?: string;
    datasets?: { type: 'dataset'; name: string }[];
    inputs?: { format: string }[];
    outputs?: { format: string }[];
  };
  quantitativeAnalysis?: { performanceMetrics: { type: string; value: string; slice?: string }[] };
  properties?: { name: string; value: string }[];
}

// What goes in and comes out for common hub pipeline tags.
const IO: Record<string, [string[], string[]]> = {
  'text-generation': [['text'], ['text']],
  'text2text-generation': [['text'], ['text']],
  summarization: [['text'], ['text']],
  translation: [['text'], ['text']],
  'fill-mask': [['text'], ['text']],
  'text-classification': [['text'], ['label']],
  'token-classification': [['text'], ['label']],
  'feature-extraction': [['text'], ['vector']],
  'sentence-similarity': [['text'], ['score']],
  'image-text-to-text': [['image', 'text'], ['text']],
  'image-classification': [['image'], ['label']],
  'automatic-speech-recognition': [['audio'], ['text']],
  'text-to-image': [['text'], ['image']],
  'text-to-speech': [['text'], ['audio']],
};

const PROPERTY_FIELDS = ['library_name', 'language', 'tags', 'license', 'license_name', 'license_link', 'base_model', 'base_model_relation', 'datasets', 'metrics', 'inference', 'model_type'];
const MAX_METRICS = 50;
const MAX_PROPERTY_VALUES = 40;

/** Build the modelCard from front-matter fields; undefined when nothing maps. */
export function toModelCard(fields: Record<string, unknown>): CdxModelCard | undefined {
  const card: CdxModelCard = {};
  const task = typeof fields.pipeline_tag === 'string' ? fields.pipeline_tag : undefined;
  const datasets = strings(fields.datasets).map((name) => ({ type: 'dataset' as const, name }));
  const io = task ? IO[task] : undefined;
  if (task || datasets.length > 0) {
    card.modelParameters = {
      ...(task ? { task } : {}),
      ...(datasets.length > 0 ? { datasets } : {}),
      ...(io ? { inputs: io[0].map((format) => ({ format })), outputs: io[1].map((format) => ({ format })) } : {}),
    };
  }
  const metrics = performanceMetrics(fields['model-index']);
  if (metrics.length > 0) card.quantitativeAnalysis = { performanceMetrics: metrics };
  const properties = PROPERTY_FIELDS.flatMap((k) => strings(fields[k]).slice(0, MAX_PROPERTY_VALUES).map((value) => ({ name: `huggingface:${k}`, value })));
  if (properties.length > 0) card.properties = properties;
  return Object.keys(card).length > 0 ? card : undefined;
}

/** A string, number or boolean, or a list of them, as strings. */
function strings(v: unknown): string[] {
  const one = (x: unknown) => (typeof x === 'string' ? x.trim() : typeof x === 'number' || typeof x === 'boolean' ? String(x) : '');
  return (Array.isArray(v) ? v.map(one) : [one(v)]).filter((s) => s.length > 0);
}

/** `model-index[].results[].metrics[]` as metric type, value and the dataset as the slice. */
function performanceMetrics(index: unknown): { type: string; value: string; slice?: string }[] {
  const out: { type: string; value: string; slice?: string }[] = [];
  for (const entry of Array.isArray(index) ? index : []) {
    for (const result of arrayAt(entry, 'results')) {
      const dataset = objectAt(result, 'dataset');
      const slice = typeof dataset?.name === 'string' ? dataset.name : typeof dataset?.type === 'string' ? dataset.type : undefined;
      for (const m of arrayAt(result, 'metrics')) {
        const type = typeof m.type === 'string' ? m.type : typeof m.name === 'string' ? m.name : undefined;
        const value = strings(m.value)[0];
        if (type && value !== undefined && out.length < MAX_METRICS) out.push({ type, value, ...(slice ? { slice } : {}) });
      }
    }
  }
  return out;
}

function objectAt(v: unknown, key: string): Record<string, unknown> | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const x = (v as Record<string, unknown>)[key];
  return x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined;
}

function arrayAt(v: unknown, key: string): Record<string, unknown>[] {
  if (v === null || typeof v !== 'object') return [];
  const x = (v as Record<string, unknown>)[key];
  return Array.isArray(x) ? x.filter((i): i is Record<string, unknown> => i !== null && typeof i === 'object') : [];
}
