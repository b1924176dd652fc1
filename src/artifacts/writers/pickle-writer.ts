/**
 * A pickle builder for fixtures and the demo: one method per opcode
 * (protocols 0-5), plus helpers that pick the opcode a given protocol would
 * use. It writes exactly what it is told, so tests build hostile streams
 * (underflows, bad memo indexes, hidden second pickles) with the same code as
 * clean ones. Nothing here ever runs Python.
 */
import { ByteWriter } from './zip-writer.js';

const encoder = new TextEncoder();

/** Options for a builder; `protocol` picks opcode flavours and the PROTO header. */
export interface PickleBuilderOptions {
  /** 0-5 (default 4). */
  protocol?: number;
  /** Emit PROTO first when the protocol is 2 or more (default true). */
  header?: boolean;
}

/**
 * Fluent pickle writer.
 * @example
 * const bytes = new PickleBuilder({ protocol: 2 }).global('os', 'system').str('id').tuple1().reduce().stop().toBytes();
 */
export class PickleBuilder {
  readonly protocol: number;
  private w = new ByteWriter();
  private memoNext = 0;

  constructor(opts: PickleBuilderOptions = {}) {
    this.protocol = opts.protocol ?? 4;
    if (this.protocol >= 2 && opts.header !== false) this.proto(this.protocol);
  }

  /** Raw bytes (for crafting corrupt streams). */
  raw(bytes: Uint8Array | readonly number[]): this {
    this.w.bytes(bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes));
    return this;
  }

  private op(code: string, ...args: Uint8Array[]): this {
    this.w.u8(code.charCodeAt(0));
    for (const a of args) this.w.bytes(a);
    return this;
  }

  private line(text: string): Uint8Array {
    return encoder.encode(`${text}\n`);
  }

  // UNICODE lines are Latin-1 bytes (raw-unicode-escape), not UTF-8.
  private latin1Line(text: string): Uint8Array {
    return Uint8Array.from(`${text}\n`, (c) => c.charCodeAt(0) & 0xff);
  }

  private sized(bytes: Uint8Array, width: 1 | 4 | 8): Uint8Array {
    const head = new ByteWriter();
    (width === 1 ? head.u8(bytes.length) : width === 4 ? head.u32(bytes.length) : head.u64(bytes.length)).bytes(bytes);
    return head.out();
  }

  // --- framing and control ---
  proto(n: number): this { return this.op('\x80', Uint8Array.of(n)); }
  frame(length: number): this { return this.op('\x95', new ByteWriter().u64(length).out()); }
  stop(): this { return this.op('.'); }
  mark(): this { return this.op('('); }
  pop(): this { return this.op('0'); }
  popMark(): this { return this.op('1'); }
  dup(): this { return this.op('2'); }

  // --- scalars ---
  none(): this { return this.op('N'); }
  bool(v: boolean): this { return this.protocol >= 2 ? this.op(v ? '\x88' : '\x89') : this.op('I', this.line(v ? '01' : '00')); }
  intLine(text: string): this { return this.op('I', this.line(text)); }
  longLine(text: string): this { return this.op('L', this.line(text)); }
  binint(v: number): this { return this.op('J', new ByteWriter().u32(v >>> 0).out()); }
  binint1(v: number): this { return this.op('K', Uint8Array.of(v)); }
  binint2(v: number): this { return this.op('M', new ByteWriter().u16(v).out()); }
  long1(v: bigint): this { return this.op('\x8a', this.sized(longBytes(v), 1)); }
  long4(v: bigint): this { return this.op('\x8b', this.sized(longBytes(v), 4)); }
  floatLine(text: string): this { return this.op('F', this.line(text)); }
  binfloat(v: number): this {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, v, false);
    return this.op('G', b);
  }

  /** An int with the opcode this protocol's pickler would choose. */
  int(v: number | bigint): this {
    const n = BigInt(v);
    if (this.protocol === 0) return this.intLine(n.toString());
    if (n >= 0n && n < 256n) return this.binint1(Number(n));
    if (n >= 0n && n < 65536n) return this.binint2(Number(n));
    if (n >= -(2n ** 31n) && n < 2n ** 31n) return this.binint(Number(n));
    return this.protocol >= 2 ? this.long1(n) : this.longLine(`${n}L`);
  }

  // --- strings and bytes ---
  /** STRING: a quoted, escaped protocol-0 byte string (give the body already escaped). */
  string(body: string, quote: "'" | '"' = "'"): this { return this.op('S', this.line(`${quote}${body}${quote}`)); }
  binstring(text: string): this { return this.op('T', this.sized(encoder.encode(text), 4)); }
  shortBinstring(text: string): this { return this.op('U', this.sized(encoder.encode(text), 1)); }
  /** UNICODE: raw-unicode-escape text (give it already escaped). */
  unicode(escaped: string): this { return this.op('V', this.latin1Line(escaped)); }
  binunicode(text: string | Uint8Array): this { return this.op('X', this.sized(utf8(text), 4)); }
  shortBinunicode(text: string | Uint8Array): this { return this.op('\x8c', this.sized(utf8(text), 1)); }
  binunicode8(text: string | Uint8Array): this { return this.op('\x8d', this.sized(utf8(text), 8)); }
  binbytes(b: Uint8Array): this { return this.op('B', this.sized(b, 4)); }
  shortBinbytes(b: Uint8Array): this { return this.op('C', this.sized(b, 1)); }
  binbytes8(b: Uint8Array): this { return this.op('\x8e', this.sized(b, 8)); }
  bytearray8(b: Uint8Array): this { return this.op('\x96', this.sized(b, 8)); }
  nextBuffer(): this { return this.op('\x97'); }
  readonlyBuffer(): this { return this.op('\x98'); }

  /** A str with the opcode this protocol's pickler would choose. */
  str(text: string): this {
    if (this.protocol === 0) return this.unicode(rawUnicodeEscape(text));
    const n = utf8(text).length;
    if (this.protocol >= 4 && n < 256) return this.shortBinunicode(text);
    return this.binunicode(text);
  }

  // --- containers ---
  emptyList(): this { return this.op(']'); }
  emptyDict(): this { return this.op('}'); }
  emptyTuple(): this { return this.op(')'); }
  emptySet(): this { return this.op('\x8f'); }
  tuple(): this { return this.op('t'); }
  tuple1(): this { return this.op('\x85'); }
  tuple2(): this { return this.op('\x86'); }
  tuple3(): this { return this.op('\x87'); }
  list(): this { return this.op('l'); }
  dict(): this { return this.op('d'); }
  frozenset(): this { return this.op('\x91'); }
  append(): this { return this.op('a'); }
  appends(): this { return this.op('e'); }
  setitem(): this { return this.op('s'); }
  setitems(): this { return this.op('u'); }
  additems(): this { return this.op('\x90'); }

  // --- memo ---
  put(i: number): this { return this.op('p', this.line(String(i))); }
  binput(i: number): this { return this.op('q', Uint8Array.of(i)); }
  longBinput(i: number): this { return this.op('r', new ByteWriter().u32(i).out()); }
  memoize(): this { return this.op('\x94'); }
  getLine(i: number): this { return this.op('g', this.line(String(i))); }
  binget(i: number): this { return this.op('h', Uint8Array.of(i)); }
  longBinget(i: number): this { return this.op('j', new ByteWriter().u32(i).out()); }

  /** Memoize the top of stack the way this protocol's pickler would; returns the index via `onIndex`. */
  memo(onIndex?: (i: number) => void): this {
    const i = this.memoNext++;
    onIndex?.(i);
    if (this.protocol >= 4) return this.memoize();
    if (this.protocol === 0) return this.put(i);
    return i < 256 ? this.binput(i) : this.longBinput(i);
  }

  /** Push memo entry `i` with this protocol's GET flavour. */
  get(i: number): this {
    if (this.protocol === 0) return this.getLine(i);
    return i < 256 ? this.binget(i) : this.longBinget(i);
  }

  // --- imports and calls ---
  global(module: string, name: string): this { return this.op('c', this.line(module), this.line(name)); }
  stackGlobal(): this { return this.op('\x93'); }
  inst(module: string, name: string): this { return this.op('i', this.line(module), this.line(name)); }
  obj(): this { return this.op('o'); }
  newobj(): this { return this.op('\x81'); }
  newobjEx(): this { return this.op('\x92'); }
  reduce(): this { return this.op('R'); }
  build(): this { return this.op('b'); }
  ext1(code: number): this { return this.op('\x82', Uint8Array.of(code)); }
  ext2(code: number): this { return this.op('\x83', new ByteWriter().u16(code).out()); }
  ext4(code: number): this { return this.op('\x84', new ByteWriter().u32(code).out()); }
  persid(id: string): this { return this.op('P', this.line(id)); }
  binpersid(): this { return this.op('Q'); }

  /** Import `module.name` the way this protocol's pickler would (STACK_GLOBAL from 4, GLOBAL before). */
  import(module: string, name: string): this {
    return this.protocol >= 4 ? this.str(module).memo().str(name).memo().stackGlobal() : this.global(module, name);
  }

  /** Bytes written so far. */
  toBytes(): Uint8Array {
    return this.w.out();
  }

  /** Drop the bytes written so far but keep the memo count, for streams written in pieces (joblib). */
  reset(): this {
    this.w = new ByteWriter();
    return this;
  }
}

/** Write a tuple of `n` items the way this protocol's pickler would, then memoize it. */
export function writeTuple(p: PickleBuilder, items: ReadonlyArray<(p: PickleBuilder) => void>): PickleBuilder {
  if (items.length === 0) return p.protocol >= 1 ? p.emptyTuple() : p.mark().tuple();
  const short = p.protocol >= 2 && items.length <= 3;
  if (!short) p.mark();
  for (const write of items) write(p);
  if (!short) p.tuple();
  else if (items.length === 1) p.tuple1();
  else if (items.length === 2) p.tuple2();
  else p.tuple3();
  return p.memo();
}

/** One tensor of a fake state dict (float32 by default). */
export interface FakeTensor {
  name: string;
  shape: readonly number[];
  /** torch storage class, e.g. `FloatStorage` or `HalfStorage`. */
  storage?: string;
}

/**
 * The `data.pkl` that `torch.save(model.state_dict())` writes: an
 * OrderedDict of `_rebuild_tensor_v2` calls on persistent storage ids
 * `('storage', torch.FloatStorage, '<key>', 'cpu', numel)`, then the
 * `_metadata` attribute set by BUILD. Protocol 2 by default, like torch.
 * @example const pkl = torchLikeStateDict([{ name: 'fc.weight', shape: [4, 8] }]);
 */
export function torchLikeStateDict(tensors: readonly FakeTensor[], opts: { protocol?: number; metadata?: boolean } = {}): Uint8Array {
  const p = new PickleBuilder({ protocol: opts.protocol ?? 2 });
  if (p.protocol < 1) throw new Error('torch saves need protocol 1 or later (BINPERSID)');
  const memo = new Map<string, number>();
  const importOnce = (module: string, name: string) => {
    const key = `${module}.${name}`;
    const at = memo.get(key);
    if (at !== undefined) p.get(at);
    else p.import(module, name).memo((i) => memo.set(key, i));
  };
  const ints = (xs: readonly number[]) => writeTuple(p, xs.map((x) => (q: PickleBuilder) => void q.int(x)));
  importOnce('collections', 'OrderedDict');
  p.emptyTuple().reduce().memo().mark();
  tensors.forEach((t, key) => {
    const numel = t.shape.reduce((a, b) => a * b, 1);
    const strides = t.shape.map((_, i) => t.shape.slice(i + 1).reduce((a, b) => a * b, 1));
    p.str(t.name).memo();
    importOnce('torch._utils', '_rebuild_tensor_v2');
    p.mark().mark().str('storage').memo();
    importOnce('torch', t.storage ?? 'FloatStorage');
    p.str(String(key)).memo().str('cpu').memo().int(numel).tuple().memo().binpersid().int(0);
    ints(t.shape);
    ints(strides);
    p.bool(false);
    importOnce('collections', 'OrderedDict');
    p.emptyTuple().reduce().memo().tuple().memo().reduce().memo();
  });
  p.setitems();
  if (opts.metadata !== false) {
    p.emptyDict().memo().str('_metadata').memo();
    importOnce('collections', 'OrderedDict');
    p.emptyTuple().reduce().memo().str('').memo().emptyDict().memo().str('version').memo().int(1).setitem().setitem().setitem().build();
  }
  return p.stop().toBytes();
}

/**
 * A pickle that runs `os.system(command)` when loaded: the demo's
 * counter-example. Protocol 0 gives the classic `cos\nsystem\n(S'...'\ntR.`.
 * @example const evil = maliciousPickle('echo pwned');
 */
export function maliciousPickle(command = 'echo pwned', opts: { protocol?: number } = {}): Uint8Array {
  const p = new PickleBuilder({ protocol: opts.protocol ?? 2 });
  if (p.protocol === 0) {
    const body = command.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n');
    return p.global('os', 'system').mark().string(body).tuple().reduce().stop().toBytes();
  }
  p.import('os', 'system').memo();
  return writeTuple(p, [(q) => void q.str(command).memo()]).reduce().memo().stop().toBytes();
}

function utf8(text: string | Uint8Array): Uint8Array {
  return typeof text === 'string' ? encoder.encode(text) : text;
}

/** Little-endian two's-complement bytes of `v`, as LONG1/LONG4 store it. */
export function longBytes(v: bigint): Uint8Array {
  if (v === 0n) return new Uint8Array(0);
  const out: number[] = [];
  let x = v;
  for (;;) {
    out.push(Number(x & 0xffn));
    x >>= 8n;
    const signBit = ((out[out.length - 1] ?? 0) & 0x80) !== 0;
    if ((x === 0n && !signBit) || (x === -1n && signBit)) break;
  }
  return Uint8Array.from(out);
}

/** Python's raw-unicode-escape as the pickler applies it to UNICODE lines. */
export function rawUnicodeEscape(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp > 0xffff) out += `\\U${cp.toString(16).padStart(8, '0')}`;
    else if (cp > 0xff || ch === '\\' || ch === '\n' || ch === '\r' || ch === '\0' || ch === '\x1a') out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}
