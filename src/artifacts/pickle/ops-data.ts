/**
 * Handlers for the opcodes that only build data: literals, containers, the
 * memo and MARK bookkeeping. Values are decoded the way CPython decodes them
 * so that strings later used as import names are read exactly.
 */
import type { DecodedOp } from './decode.js';
import type { OpName } from './opcodes.js';
import { HIGHEST_PROTOCOL } from './opcodes.js';
import { OBJECT_TAMPERING } from './rules.js';
import type { PickleState } from './state.js';
import { LIMITS } from './state.js';
import {
  BUFFER,
  BYTES,
  FALSE,
  FLOAT,
  LOST_MEMO,
  NONE,
  OPAQUE_STR,
  TRUE,
  addMember,
  container,
  depthOf,
  int,
  isContainer,
  str,
  unknown,
  weightOf,
  type ContainerKind,
  type Item,
} from './items.js';
import { decodeLatin1, decodePythonEscapes, decodeRawUnicodeEscape, decodeUtf8, parseIntOpcode, parsePythonInt } from './text-codec.js';

/** One opcode's effect on the simulated state. */
export type Handler = (s: PickleState, op: DecodedOp) => void;

// Python 3 decodes protocol-0/1 byte strings with the loader's encoding
// (ASCII by default, UTF-8 in torch, Latin-1 in numpy): only ASCII reads the
// same everywhere, anything else is kept as a string of unknown text.
function asciiString(bytes: Uint8Array | undefined): Item {
  if (!bytes || bytes.some((b) => b > 0x7f)) return OPAQUE_STR;
  return str(decodeLatin1(bytes));
}

function lineText(op: DecodedOp): string | undefined {
  return op.raw ? decodeLatin1(op.raw) : undefined;
}

function pushString(s: PickleState, op: DecodedOp): void {
  const text = op.raw;
  if (!text) return s.push(OPAQUE_STR);
  const q = text[0];
  if (text.length < 2 || (q !== 0x27 && q !== 0x22) || text[text.length - 1] !== q) {
    s.malformed('the STRING argument is not quoted');
    return s.push(OPAQUE_STR);
  }
  const decoded = decodePythonEscapes(text.subarray(1, text.length - 1));
  if (!decoded) s.malformed('the STRING argument has an invalid escape');
  s.push(asciiString(decoded));
}

function pushUnicodeLine(s: PickleState, op: DecodedOp): void {
  if (!op.raw) return s.push(OPAQUE_STR);
  const text = decodeRawUnicodeEscape(op.raw);
  if (text === undefined) s.malformed('the UNICODE argument has an invalid \\u escape');
  s.push(str(text));
}

function pushIntLine(s: PickleState, op: DecodedOp, long: boolean): void {
  let text = lineText(op);
  if (text === '00' && !long) return s.push(FALSE);
  if (text === '01' && !long) return s.push(TRUE);
  if (text !== undefined && long && text.endsWith('L')) text = text.slice(0, -1);
  const v = text === undefined ? undefined : long ? parsePythonInt(text, 0) : parseIntOpcode(text);
  if (text !== undefined && v === undefined) s.malformed(`the ${long ? 'LONG' : 'INT'} argument is not a number`);
  s.push(int(v));
}

function memoKey(s: PickleState, op: DecodedOp): number | undefined {
  if (op.spec?.arg !== 'line') return op.num;
  const text = lineText(op);
  const v = text === undefined ? undefined : parsePythonInt(text, 10);
  if (v === undefined) {
    s.malformed(`the ${op.spec.name} index is not a number`);
    return undefined;
  }
  return v >= 0n && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : -1;
}

function put(s: PickleState, key: number | undefined): void {
  const value = s.top();
  s.puts++;
  if (key === undefined) return;
  if (key < 0) return s.malformed('negative memo index');
  if (s.memo.has(key)) s.memo.set(key, value);
  else {
    s.memoLen++;
    if (s.memo.size < LIMITS.maxMemo) s.memo.set(key, value);
    else s.memoLossy = true;
  }
}

function get(s: PickleState, key: number | undefined): void {
  s.refs++;
  const value = key === undefined ? undefined : s.memo.get(key);
  if (value) return s.push(value);
  if (s.memoLossy) return s.push(LOST_MEMO);
  s.malformed(`memo index ${key ?? '?'} is read before anything was stored there`);
  s.push(unknown('a missing memo value'));
}

const ACCEPTS: Readonly<Record<string, ContainerKind>> = { APPEND: 'list', APPENDS: 'list', SETITEM: 'dict', SETITEMS: 'dict', ADDITEMS: 'set' };

/** Add members to the object under them (APPEND, SETITEM, ADDITEMS and their batch forms). */
function addTo(s: PickleState, opName: string, members: readonly Item[]): void {
  const target = s.top();
  if (isContainer(target)) {
    if (target.k !== ACCEPTS[opName]) return s.malformed(`${opName} applied to a ${target.k}`);
    for (const m of members) addMember(target, m);
    return s.grew(target, depthOf(target));
  }
  if (target.k === 'global') {
    const message = `${opName} modifies the imported object ${target.ref.display} itself, which monkey-patches it`;
    return s.report.add(OBJECT_TAMPERING, 'high', s.loc(), message, target.ref.display, `${opName}:${target.ref.display}`);
  }
  if (target.k === 'obj') {
    for (const m of members) target.w = Math.min(2 ** 50, target.w + weightOf(m));
    s.grew(target, 1);
    const ref = target.ref;
    if (ref && ref.verdict.permit?.kind !== 'any') {
      s.report.call(ref.display, ref.verdict.severity, opName, s.loc(), `${opName} runs a method of an object built by ${ref.display}`);
    }
  }
}

function fromMark(s: PickleState, k: ContainerKind): void {
  const items = s.popMark();
  if (k === 'dict' && items.length % 2 !== 0) s.malformed('DICT has an odd number of items');
  const c = container(k, items);
  s.push(c);
  s.grew(c, c.d);
}

function tupleOf(s: PickleState, n: number): void {
  const items: Item[] = [];
  for (let i = 0; i < n; i++) items.unshift(s.take());
  const c = container('tuple', items);
  s.push(c);
  s.grew(c, c.d);
}

/** Handlers for data, memo and MARK opcodes. */
export const DATA_HANDLERS = {
  MARK: (s) => s.mark(),
  POP: (s) => {
    if (s.stack.length > s.fence()) s.stack.pop();
    else if (s.marks.length > 0) s.marks.pop();
    else s.pop();
  },
  POP_MARK: (s) => void s.popMark(),
  DUP: (s) => {
    s.refs++;
    s.push(s.top());
  },
  NONE: (s) => s.push(NONE),
  NEWTRUE: (s) => s.push(TRUE),
  NEWFALSE: (s) => s.push(FALSE),
  INT: (s, op) => pushIntLine(s, op, false),
  LONG: (s, op) => pushIntLine(s, op, true),
  BININT: (s, op) => s.push(int(op.num)),
  BININT1: (s, op) => s.push(int(op.num)),
  BININT2: (s, op) => s.push(int(op.num)),
  LONG1: (s, op) => s.push(int(op.big)),
  LONG4: (s, op) => s.push(int(op.big)),
  FLOAT: (s) => s.push(FLOAT),
  BINFLOAT: (s) => s.push(FLOAT),
  STRING: pushString,
  BINSTRING: (s, op) => s.push(asciiString(op.raw)),
  SHORT_BINSTRING: (s, op) => s.push(asciiString(op.raw)),
  UNICODE: pushUnicodeLine,
  BINUNICODE: (s, op) => s.push(op.raw ? str(decodeUtf8(op.raw)) : OPAQUE_STR),
  SHORT_BINUNICODE: (s, op) => s.push(op.raw ? str(decodeUtf8(op.raw)) : OPAQUE_STR),
  BINUNICODE8: (s, op) => s.push(op.raw ? str(decodeUtf8(op.raw)) : OPAQUE_STR),
  BINBYTES: (s) => s.push(BYTES),
  SHORT_BINBYTES: (s) => s.push(BYTES),
  BINBYTES8: (s) => s.push(BYTES),
  BYTEARRAY8: (s) => s.push(BYTES),
  NEXT_BUFFER: (s) => s.push(BUFFER),
  READONLY_BUFFER: (s) => void s.top(),
  EMPTY_LIST: (s) => s.push(container('list')),
  EMPTY_DICT: (s) => s.push(container('dict')),
  EMPTY_SET: (s) => s.push(container('set')),
  EMPTY_TUPLE: (s) => s.push(container('tuple')),
  TUPLE1: (s) => tupleOf(s, 1),
  TUPLE2: (s) => tupleOf(s, 2),
  TUPLE3: (s) => tupleOf(s, 3),
  TUPLE: (s) => fromMark(s, 'tuple'),
  LIST: (s) => fromMark(s, 'list'),
  DICT: (s) => fromMark(s, 'dict'),
  FROZENSET: (s) => fromMark(s, 'frozenset'),
  APPEND: (s) => addTo(s, 'APPEND', [s.take()]),
  APPENDS: (s) => addTo(s, 'APPENDS', s.popMark()),
  SETITEM: (s) => {
    const value = s.take();
    addTo(s, 'SETITEM', [s.take(), value]);
  },
  SETITEMS: (s) => {
    const items = s.popMark();
    if (items.length % 2 !== 0) s.malformed('SETITEMS has an odd number of items');
    addTo(s, 'SETITEMS', items);
  },
  ADDITEMS: (s) => addTo(s, 'ADDITEMS', s.popMark()),
  PUT: (s, op) => put(s, memoKey(s, op)),
  BINPUT: (s, op) => put(s, op.num),
  LONG_BINPUT: (s, op) => put(s, op.num),
  MEMOIZE: (s) => put(s, s.memoLen),
  GET: (s, op) => get(s, memoKey(s, op)),
  BINGET: (s, op) => get(s, op.num),
  LONG_BINGET: (s, op) => get(s, op.num),
  PROTO: (s, op) => {
    if (op.num > HIGHEST_PROTOCOL) s.malformed(`unsupported protocol ${op.num}`);
    s.proto = op.num;
  },
  FRAME: (s, op) => {
    if (op.end + op.num > s.size) s.malformed(`FRAME announces ${op.num} bytes but the file ends sooner`);
  },
} satisfies Partial<Record<OpName, Handler>>;
