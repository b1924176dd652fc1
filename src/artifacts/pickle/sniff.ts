/**
 * Is this prefix a pickle? Protocol 2+ streams announce themselves with
 * PROTO; protocol 0/1 streams (`cos\nsystem\n(S'ls'\ntR.`) are plain bytes,
 * so the prefix is trial-parsed with a strict stack and memo model. Text
 * almost never survives it; a stream that gets as far as calling an imported
 * name (the payload has run by then in Python) is a pickle even if it breaks
 * afterwards.
 */
import { DECODE, decodeOp, newDecodedOp } from './decode.js';
import { HIGHEST_PROTOCOL } from './opcodes.js';
import { decodeLatin1, decodeRawUnicodeEscape, parseIntOpcode, parsePythonInt } from './text-codec.js';

const MAX_OPS = 4096;
/** A prefix parsed this far without an error is a pickle even without a call or STOP. */
const CONFIDENT_BYTES = 1024;
const CONFIDENT_OPS = 32;
const NAME_LINE = /^[A-Za-z_][\w.]*$/;

// Stack entries of the trial parse: an imported global, or any other value.
const G = 1;
const V = 0;

interface Trial {
  stack: number[];
  marks: number[];
  memo: Map<number, number>;
  called: boolean;
}

/** True when `prefix` (the first bytes of a file, or all of a short one) starts a pickle stream. */
export function sniffPickle(prefix: Uint8Array): boolean {
  if (prefix.length === 0) return false;
  if (prefix[0] === 0x80) return prefix.length >= 2 && (prefix[1] ?? 0xff) <= HIGHEST_PROTOCOL;
  const t: Trial = { stack: [], marks: [], memo: new Map(), called: false };
  const win = { bytes: prefix, base: 0, size: Number.POSITIVE_INFINITY };
  const op = newDecodedOp();
  let pos = 0;
  for (let n = 0; n < MAX_OPS; n++) {
    const status = decodeOp(win, pos, op);
    if (status === DECODE.NEED || status === DECODE.LONG_LINE) break;
    if (status !== DECODE.OK || !op.spec) return t.called;
    if (op.spec.name === 'STOP') return t.called || (t.stack.length === 1 && t.marks.length === 0);
    if (!step(t, op.spec.name, op.raw, op.raw2, op.num)) return t.called;
    pos = op.end;
    if (pos >= CONFIDENT_BYTES && n >= CONFIDENT_OPS) return true;
  }
  return t.called;
}

function pop(t: Trial, n: number): number[] | undefined {
  if (t.stack.length - n < fence(t)) return undefined;
  return t.stack.splice(t.stack.length - n, n);
}

function popMark(t: Trial): number[] | undefined {
  const at = t.marks.pop();
  return at === undefined ? undefined : t.stack.splice(at);
}

function text(raw: Uint8Array | undefined): string {
  return raw ? decodeLatin1(raw) : '';
}

// One opcode of the trial parse; false where Python would raise (or the bytes are clearly not a pickle).
function step(t: Trial, name: string, raw: Uint8Array | undefined, raw2: Uint8Array | undefined, num: number): boolean {
  switch (name) {
    case 'MARK':
      t.marks.push(t.stack.length);
      return true;
    case 'GLOBAL':
      if (!NAME_LINE.test(text(raw)) || !NAME_LINE.test(text(raw2))) return false;
      t.stack.push(G);
      return true;
    case 'INST':
      if (!NAME_LINE.test(text(raw)) || !NAME_LINE.test(text(raw2)) || !popMark(t)) return false;
      t.called = true;
      t.stack.push(V);
      return true;
    case 'STRING': {
      const s = text(raw);
      return s.length >= 2 && (s[0] === "'" || s[0] === '"') && s[s.length - 1] === s[0] && push(t);
    }
    case 'UNICODE':
      return raw !== undefined && decodeRawUnicodeEscape(raw) !== undefined && push(t);
    case 'INT':
      return parseIntOpcode(text(raw)) !== undefined && push(t);
    case 'LONG':
      return parsePythonInt(text(raw).replace(/L$/, ''), 0) !== undefined && push(t);
    case 'FLOAT':
      // Loose on purpose: float() accepts forms (underscores, "infinity") a strict check would miss.
      return /^[\s+\-._0-9a-zA-Z]{1,64}(\0|$)/.test(text(raw)) && /\d|inf|nan/i.test(text(raw)) && push(t);
    case 'PUT':
    case 'GET': {
      const key = parsePythonInt(text(raw), 10);
      return key !== undefined && memo(t, name === 'PUT', Number(key));
    }
    case 'BINPUT':
    case 'LONG_BINPUT':
    case 'BINGET':
    case 'LONG_BINGET':
      return memo(t, name.endsWith('PUT'), num);
    case 'MEMOIZE':
      return memo(t, true, t.memo.size);
    default:
      return stackEffect(t, name);
  }
}

function push(t: Trial): boolean {
  t.stack.push(V);
  return true;
}

function fence(t: Trial): number {
  return t.marks[t.marks.length - 1] ?? 0;
}

function memo(t: Trial, isPut: boolean, key: number): boolean {
  if (isPut) {
    if (t.stack.length <= fence(t)) return false;
    t.memo.set(key, t.stack[t.stack.length - 1] ?? V);
    return true;
  }
  const tag = t.memo.get(key);
  if (tag === undefined) return false;
  t.stack.push(tag);
  return true;
}

// Opcodes that pop n values (0 = pop to MARK) and push m.
const EFFECTS: Readonly<Record<string, readonly [pops: number | 'mark', pushes: number]>> = {
  NONE: [0, 1], NEWTRUE: [0, 1], NEWFALSE: [0, 1], BININT: [0, 1], BININT1: [0, 1], BININT2: [0, 1], LONG1: [0, 1], LONG4: [0, 1],
  BINFLOAT: [0, 1], BINSTRING: [0, 1], SHORT_BINSTRING: [0, 1], BINUNICODE: [0, 1], SHORT_BINUNICODE: [0, 1], BINUNICODE8: [0, 1],
  BINBYTES: [0, 1], SHORT_BINBYTES: [0, 1], BINBYTES8: [0, 1], BYTEARRAY8: [0, 1], NEXT_BUFFER: [0, 1], EMPTY_LIST: [0, 1],
  EMPTY_DICT: [0, 1], EMPTY_SET: [0, 1], EMPTY_TUPLE: [0, 1], PERSID: [0, 1], EXT1: [0, 1], EXT2: [0, 1], EXT4: [0, 1],
  READONLY_BUFFER: [1, 1], BINPERSID: [1, 1], TUPLE1: [1, 1], TUPLE2: [2, 1], TUPLE3: [3, 1], DUP: [1, 2],
  TUPLE: ['mark', 1], LIST: ['mark', 1], DICT: ['mark', 1], FROZENSET: ['mark', 1], POP_MARK: ['mark', 0],
  APPEND: [2, 1], SETITEM: [3, 1], BUILD: [2, 1], APPENDS: ['mark', 0], SETITEMS: ['mark', 0], ADDITEMS: ['mark', 0],
  STACK_GLOBAL: [2, 1], NEWOBJ: [2, 1], NEWOBJ_EX: [3, 1], REDUCE: [2, 1], OBJ: ['mark', 1], PROTO: [0, 0], FRAME: [0, 0],
};

const IMPORTS = new Set(['STACK_GLOBAL', 'EXT1', 'EXT2', 'EXT4']);
const CALLS = new Set(['REDUCE', 'NEWOBJ', 'NEWOBJ_EX', 'OBJ']);

function stackEffect(t: Trial, name: string): boolean {
  if (name === 'POP') {
    // Python's POP removes the MARK itself when nothing sits above it.
    if (t.stack.length > fence(t)) t.stack.pop();
    else if (t.marks.pop() === undefined) return false;
    return true;
  }
  const effect = EFFECTS[name];
  if (!effect) return false;
  const [pops, pushes] = effect;
  const taken = pops === 'mark' ? popMark(t) : pop(t, pops);
  if (!taken) return false;
  if (CALLS.has(name) && taken[0] === G) t.called = true;
  // Batch adds keep their target under the MARK: it must exist.
  if (pops === 'mark' && pushes === 0 && name !== 'POP_MARK' && t.stack.length <= fence(t)) return false;
  if (name === 'DUP') t.stack.push(taken[0] ?? V, taken[0] ?? V);
  else for (let i = 0; i < pushes; i++) t.stack.push(IMPORTS.has(name) ? G : V);
  return true;
}
