/**
 * A parser for the small subset of Python literals a `.npy` header uses
 * (dicts, tuples, lists, strings, integers, True/False/None). numpy reads the
 * header with `ast.literal_eval`; this never evaluates anything, bounds
 * nesting depth, and rejects whatever else Python would accept.
 */

/** A parsed Python literal. */
export type PyValue =
  | { kind: 'str'; value: string }
  | { kind: 'int'; value: bigint }
  | { kind: 'bool'; value: boolean }
  | { kind: 'none' }
  | { kind: 'tuple' | 'list'; items: PyValue[] }
  | { kind: 'dict'; entries: [PyValue, PyValue][] };

/** Parse outcome: a value or where and why parsing failed. */
export type PyParse = { ok: true; value: PyValue } | { ok: false; error: string };

const MAX_DEPTH = 32;
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', '\\': '\\', "'": "'", '"': '"' };

/** Parse `text` as one Python literal. */
export function parsePyLiteral(text: string): PyParse {
  const p = new Parser(text);
  try {
    const value = p.value(0);
    p.skipSpace();
    if (p.pos !== text.length) return { ok: false, error: `unexpected ${JSON.stringify(text[p.pos])} at ${p.pos}` };
    return { ok: true, value };
  } catch (e) {
    return { ok: false, error: e instanceof SyntaxError ? e.message : String(e) };
  }
}

class Parser {
  pos = 0;
  constructor(private readonly s: string) {}

  skipSpace(): void {
    while (this.pos < this.s.length && /\s/.test(this.s[this.pos] ?? '')) this.pos++;
  }

  private fail(what: string): never {
    throw new SyntaxError(`${what} at ${this.pos}`);
  }

  value(depth: number): PyValue {
    if (depth > MAX_DEPTH) this.fail('nesting too deep');
    this.skipSpace();
    const c = this.s[this.pos];
    if (c === '{') return this.dict(depth);
    if (c === '[' || c === '(') return this.sequence(depth, c);
    if (c === "'" || c === '"') return { kind: 'str', value: this.string() };
    if ((c === 'u' || c === 'b') && (this.s[this.pos + 1] === "'" || this.s[this.pos + 1] === '"')) {
      this.pos++;
      return { kind: 'str', value: this.string() };
    }
    const word = /^(True|False|None)\b/.exec(this.s.slice(this.pos, this.pos + 6));
    if (word?.[1]) {
      this.pos += word[1].length;
      return word[1] === 'None' ? { kind: 'none' } : { kind: 'bool', value: word[1] === 'True' };
    }
    const int = /^[+-]?\d{1,40}L?/.exec(this.s.slice(this.pos, this.pos + 42));
    if (int) {
      this.pos += int[0].length;
      return { kind: 'int', value: BigInt(int[0].replace(/L$/, '')) };
    }
    return this.fail('unsupported literal');
  }

  private dict(depth: number): PyValue {
    this.pos++;
    const entries: [PyValue, PyValue][] = [];
    for (;;) {
      this.skipSpace();
      if (this.s[this.pos] === '}') break;
      const key = this.value(depth + 1);
      this.skipSpace();
      if (this.s[this.pos] !== ':') this.fail('expected :');
      this.pos++;
      entries.push([key, this.value(depth + 1)]);
      if (!this.comma('}')) break;
    }
    this.pos++;
    return { kind: 'dict', entries };
  }

  private sequence(depth: number, open: string): PyValue {
    const close = open === '[' ? ']' : ')';
    this.pos++;
    const items: PyValue[] = [];
    let trailingComma = false;
    for (;;) {
      this.skipSpace();
      if (this.s[this.pos] === close) break;
      items.push(this.value(depth + 1));
      trailingComma = this.comma(close);
      if (!trailingComma) break;
    }
    this.pos++;
    // `(x)` is just x in Python; only `(x,)` is a one-element tuple.
    if (open === '(' && items.length === 1 && !trailingComma && items[0]) return items[0];
    return { kind: open === '[' ? 'list' : 'tuple', items };
  }

  // After an item: true when a comma follows, false when the closing bracket does.
  private comma(close: string): boolean {
    this.skipSpace();
    const c = this.s[this.pos];
    if (c === ',') {
      this.pos++;
      return true;
    }
    if (c !== close) this.fail(`expected , or ${close}`);
    return false;
  }

  private string(): string {
    const quote = this.s[this.pos];
    let out = '';
    for (this.pos++; this.pos < this.s.length; this.pos++) {
      const c = this.s[this.pos] ?? '';
      if (c === quote) {
        this.pos++;
        return out;
      }
      if (c === '\n') this.fail('newline in string');
      if (c === '\\') {
        const e = this.s[++this.pos] ?? '';
        out += ESCAPES[e] ?? `\\${e}`;
      } else out += c;
    }
    return this.fail('unterminated string');
  }
}
