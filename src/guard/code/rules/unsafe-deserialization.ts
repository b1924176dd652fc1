/**
 * CWE-502: deserialisers that can run code or build arbitrary objects.
 * Pickle, marshal, shelve, `yaml.load` without a safe loader, `torch.load`
 * without `weights_only=True`, Java `ObjectInputStream.readObject` and
 * XMLDecoder, node-serialize, PHP `unserialize` of input without
 * `allowed_classes => false`.
 */
import type { Call } from '../analysis/syntax.js';
import type { Source } from '../source/source.js';
import { defineCodeRule, type CodeHit } from '../types.js';
import { matchHits } from './lexical.js';
import { checkSinks, sinkNames, type Sink, type SinkTable } from './sinks.js';

const always = () => true;
const s = (names: string[], message: string, extra: Partial<Sink> = {}): Sink => ({ names, message, risky: always, ...extra });

const SAFE_YAML = /^(?:yaml\.)?(?:SafeLoader|CSafeLoader|BaseLoader)$/;
const yamlUnsafe = (c: Call) => {
  const loader = c.kwargs.get('Loader') ?? c.args[1];
  return !loader || !SAFE_YAML.test(loader.text);
};

const JS: readonly Sink[] = [s(['unserialize'], 'node-serialize unserialize() runs functions embedded in the data (IIFE payloads); use JSON.parse', {
  callee: /^(?:serialize|serialize_|nodeSerialize|require\(['"]node-serialize['"]\))\.unserialize$|^unserialize$/,
})];

const SINKS: SinkTable = {
  python: [
    s(['loads', 'load', 'Unpickler'], 'pickle/marshal/dill deserialisation runs code from the data; use JSON or a schema', {
      callee: /^(?:pickle|cPickle|_pickle|dill|cloudpickle|marshal|jsonpickle|joblib|pandas\.read_pickle|shelve)\.(?:loads?|Unpickler|decode|open)$|^(?:read_pickle|pd\.read_pickle)$/,
      arg: (c) => c.node,
    }),
    s(['load', 'load_all'], 'yaml.load without SafeLoader constructs arbitrary Python objects; use yaml.safe_load', {
      callee: /^yaml\.(?:load|load_all)$/, guard: yamlUnsafe, arg: (c) => c.node,
    }),
    s(['unsafe_load', 'full_load'], 'yaml unsafe/full loader constructs arbitrary Python objects; use yaml.safe_load', { callee: /^yaml\./, arg: (c) => c.node }),
    s(['load'], 'torch.load without weights_only=True unpickles arbitrary code; pass weights_only=True or use safetensors', {
      callee: /^torch\.load$/, guard: (c) => c.kwargs.get('weights_only')?.text !== 'True', arg: (c) => c.node,
    }),
  ],
  javascript: JS,
  typescript: JS,
  java: [
    s(['readObject', 'readUnshared'], 'ObjectInputStream.readObject deserialises arbitrary classes (gadget chains); use a data format or an ObjectInputFilter allow-list', {
      guard: (c, p) => !/setObjectInputFilter|ObjectInputFilter|ValidatingObjectInputStream|resolveClass/.test(p.scopeText(c.node)),
      arg: (c) => c.node,
    }),
    s(['fromXML'], 'XStream.fromXML without an allow-list deserialises arbitrary classes', {
      guard: (c, p) => !/allowTypes|addPermission|setupDefaultSecurity/.test(p.scopeText(c.node)), arg: (c) => c.node,
    }),
    s(['XMLDecoder'], 'XMLDecoder executes method calls described in the XML', { callee: /^new (?:java\.beans\.)?XMLDecoder$/, arg: (c) => c.node }),
  ],
  c: [],
  go: [],
  php: [s(['unserialize'], 'unserialize() of user input instantiates arbitrary classes (POP chains); use json_decode or allowed_classes => false', {
    callee: /^unserialize$/,
    guard: (c) => !/allowed_classes['"]?\s*=>\s*false/.test(c.args[1]?.text ?? ''),
    risky: (f) => f.tainted || !f.constant,
  })],
  sql: [],
  shell: [],
};

// Imports a pattern can see even when no call was parsed (e.g. `from pickle import loads as l`).
const PY_ALIAS = /^\s*from\s+(?:pickle|cPickle|dill|marshal)\s+import\s+[^\n]*\bloads?\b[^\n]*\bas\b/gm;
// What every PY_ALIAS match contains: a plain search first spares the `^\s*` attempt at every line of every file.
const PY_IMPORT = /from\s+(?:pickle|cPickle|dill|marshal)\s+import\s/;

function aliasHits(src: Source): CodeHit[] {
  if (!PY_IMPORT.test(src.masked)) return [];
  return matchHits(src, PY_ALIAS, 'pickle loader imported under another name; pickle deserialisation runs code from the data');
}

/** `code/unsafe-deserialization` (CWE-502). */
export const unsafeDeserializationRule = defineCodeRule({
  id: 'code/unsafe-deserialization',
  title: 'Unsafe deserialization',
  cwe: [502],
  severity: 'high',
  languages: ['python', 'javascript', 'typescript', 'java', 'php'],
  description: 'pickle/marshal/dill, yaml.load without SafeLoader, torch.load without weights_only, Java readObject/XMLDecoder/XStream, node-serialize, PHP unserialize of data.',
  sinks: sinkNames(SINKS),
  sinkShapes: SINKS,
  check: (ctx) => [...checkSinks(ctx, SINKS), ...(ctx.language === 'python' ? aliasHits(ctx.source) : [])],
});
