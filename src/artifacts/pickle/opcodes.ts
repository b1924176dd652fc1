/**
 * The pickle opcode table for protocols 0-5: one byte code, a name, how its
 * argument is encoded and the protocol that introduced it. The walker and the
 * sniffer both decode from this table, so adding an opcode is one line here.
 */

/** How an opcode's inline argument is laid out after the opcode byte. */
export type ArgKind =
  | 'none'
  | 'u1' // unsigned 1-byte int
  | 'u2' // unsigned 2-byte little-endian int
  | 'u4' // unsigned 4-byte little-endian int
  | 'i4' // signed 4-byte little-endian int
  | 'f8' // big-endian IEEE double
  | 'u8' // unsigned 8-byte little-endian length (FRAME)
  | 'long1' // 1-byte length, then that many little-endian two's-complement bytes
  | 'long4' // 4-byte signed length, then the bytes
  | 'bytes1' // 1-byte length, then raw bytes
  | 'bytes4' // 4-byte length, then raw bytes
  | 'bytes8' // 8-byte length, then raw bytes
  | 'line' // text up to '\n' (INT, LONG, FLOAT, STRING, UNICODE, PERSID, GET, PUT)
  | 'line2'; // two lines: module and name (GLOBAL, INST)

/** Static description of one opcode. */
export interface OpSpec {
  readonly code: number;
  readonly name: OpName;
  readonly arg: ArgKind;
  readonly proto: number;
}

// [byte, name, argument kind, protocol]; order follows the protocol history.
const TABLE = [
  ['(', 'MARK', 'none', 0],
  ['.', 'STOP', 'none', 0],
  ['0', 'POP', 'none', 0],
  ['1', 'POP_MARK', 'none', 1],
  ['2', 'DUP', 'none', 0],
  ['F', 'FLOAT', 'line', 0],
  ['I', 'INT', 'line', 0],
  ['J', 'BININT', 'i4', 1],
  ['K', 'BININT1', 'u1', 1],
  ['L', 'LONG', 'line', 0],
  ['M', 'BININT2', 'u2', 1],
  ['N', 'NONE', 'none', 0],
  ['P', 'PERSID', 'line', 0],
  ['Q', 'BINPERSID', 'none', 1],
  ['R', 'REDUCE', 'none', 0],
  ['S', 'STRING', 'line', 0],
  ['T', 'BINSTRING', 'bytes4', 1],
  ['U', 'SHORT_BINSTRING', 'bytes1', 1],
  ['V', 'UNICODE', 'line', 0],
  ['X', 'BINUNICODE', 'bytes4', 1],
  ['a', 'APPEND', 'none', 0],
  ['b', 'BUILD', 'none', 0],
  ['c', 'GLOBAL', 'line2', 0],
  ['d', 'DICT', 'none', 0],
  ['}', 'EMPTY_DICT', 'none', 1],
  ['e', 'APPENDS', 'none', 1],
  ['g', 'GET', 'line', 0],
  ['h', 'BINGET', 'u1', 1],
  ['i', 'INST', 'line2', 0],
  ['j', 'LONG_BINGET', 'u4', 1],
  ['l', 'LIST', 'none', 0],
  [']', 'EMPTY_LIST', 'none', 1],
  ['o', 'OBJ', 'none', 1],
  ['p', 'PUT', 'line', 0],
  ['q', 'BINPUT', 'u1', 1],
  ['r', 'LONG_BINPUT', 'u4', 1],
  ['s', 'SETITEM', 'none', 0],
  ['t', 'TUPLE', 'none', 0],
  [')', 'EMPTY_TUPLE', 'none', 1],
  ['u', 'SETITEMS', 'none', 1],
  ['G', 'BINFLOAT', 'f8', 1],
  ['\x80', 'PROTO', 'u1', 2],
  ['\x81', 'NEWOBJ', 'none', 2],
  ['\x82', 'EXT1', 'u1', 2],
  ['\x83', 'EXT2', 'u2', 2],
  ['\x84', 'EXT4', 'i4', 2],
  ['\x85', 'TUPLE1', 'none', 2],
  ['\x86', 'TUPLE2', 'none', 2],
  ['\x87', 'TUPLE3', 'none', 2],
  ['\x88', 'NEWTRUE', 'none', 2],
  ['\x89', 'NEWFALSE', 'none', 2],
  ['\x8a', 'LONG1', 'long1', 2],
  ['\x8b', 'LONG4', 'long4', 2],
  ['B', 'BINBYTES', 'bytes4', 3],
  ['C', 'SHORT_BINBYTES', 'bytes1', 3],
  ['\x8c', 'SHORT_BINUNICODE', 'bytes1', 4],
  ['\x8d', 'BINUNICODE8', 'bytes8', 4],
  ['\x8e', 'BINBYTES8', 'bytes8', 4],
  ['\x8f', 'EMPTY_SET', 'none', 4],
  ['\x90', 'ADDITEMS', 'none', 4],
  ['\x91', 'FROZENSET', 'none', 4],
  ['\x92', 'NEWOBJ_EX', 'none', 4],
  ['\x93', 'STACK_GLOBAL', 'none', 4],
  ['\x94', 'MEMOIZE', 'none', 4],
  ['\x95', 'FRAME', 'u8', 4],
  ['\x96', 'BYTEARRAY8', 'bytes8', 5],
  ['\x97', 'NEXT_BUFFER', 'none', 5],
  ['\x98', 'READONLY_BUFFER', 'none', 5],
] as const satisfies ReadonlyArray<readonly [string, string, ArgKind, number]>;

/** Every opcode name, so handler tables can be checked for completeness by tsc. */
export type OpName = (typeof TABLE)[number][1];

/** Opcode specs indexed by their byte; `undefined` marks bytes that are not opcodes. */
export const OPCODES: ReadonlyArray<OpSpec | undefined> = (() => {
  const byCode: Array<OpSpec | undefined> = new Array<OpSpec | undefined>(256).fill(undefined);
  for (const [ch, name, arg, proto] of TABLE) byCode[ch.charCodeAt(0)] = { code: ch.charCodeAt(0), name, arg, proto };
  return byCode;
})();

/** Highest pickle protocol any CPython release reads. */
export const HIGHEST_PROTOCOL = 5;

/** Byte of a named opcode (for builders and tests); throws on a typo. */
export function opcodeByte(name: string): number {
  const spec = OPCODES.find((s) => s?.name === name);
  if (!spec) throw new Error(`unknown pickle opcode ${name}`);
  return spec.code;
}
