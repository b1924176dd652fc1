/**
 * A strict, small XML 1.0 well-formedness checker for tests (no DTDs, no
 * CDATA, no processing instructions beyond the declaration: the JUnit writer
 * uses none). Returns the element tree so tests can count and read nodes.
 */

/** A parsed element. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

function isNameChar(ch: string, first: boolean): boolean {
  const c = ch.charCodeAt(0);
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || ch === '_' || ch === ':';
  return first ? letter : letter || (c >= 48 && c <= 57) || ch === '-' || ch === '.';
}

/** Parse `xml` or throw an Error saying what is wrong and where. */
export function parseXml(xml: string): XmlElement {
  for (const ch of xml) {
    const cp = ch.codePointAt(0) ?? 0;
    // for..of yields lone surrogates as single units; they are not characters.
    if (!isXmlChar(cp) || (cp >= 0xd800 && cp <= 0xdfff)) throw new Error(`character U+${cp.toString(16)} is not allowed in XML`);
  }
  let pos = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at offset ${pos}: ${JSON.stringify(xml.slice(pos, pos + 30))}`);
  };
  const skipSpace = (): void => {
    while (pos < xml.length && ' \t\r\n'.includes(xml[pos] as string)) pos++;
  };
  const name = (): string => {
    const start = pos;
    if (!isNameChar(xml[pos] ?? '', true)) fail('expected a name');
    while (pos < xml.length && isNameChar(xml[pos] as string, false)) pos++;
    return xml.slice(start, pos);
  };
  const decode = (raw: string, inAttr: boolean): string => {
    let out = '';
    for (let i = 0; i < raw.length; i++) {
      const ch = raw[i] as string;
      if (ch === '<' || (inAttr && ch === '"')) fail(`raw ${ch} in ${inAttr ? 'attribute' : 'text'}`);
      if (ch !== '&') {
        out += ch;
        continue;
      }
      const end = raw.indexOf(';', i);
      if (end < 0) fail('unterminated entity');
      const ref = raw.slice(i + 1, end);
      if (ref.startsWith('#x')) out += String.fromCodePoint(parseHex(ref.slice(2), fail));
      else if (ref.startsWith('#')) out += String.fromCodePoint(parseDec(ref.slice(1), fail));
      else if (NAMED[ref] !== undefined) out += NAMED[ref];
      else fail(`unknown entity &${ref};`);
      i = end;
    }
    return out;
  };
  const element = (): XmlElement => {
    if (xml[pos] !== '<') fail('expected "<"');
    pos++;
    const el: XmlElement = { name: name(), attrs: {}, children: [], text: '' };
    for (;;) {
      const before = pos;
      skipSpace();
      if (xml.startsWith('/>', pos)) {
        pos += 2;
        return el;
      }
      if (xml[pos] === '>') {
        pos++;
        break;
      }
      if (pos === before) fail('expected whitespace before an attribute');
      const key = name();
      if (key in el.attrs) fail(`duplicate attribute ${key}`);
      if (xml[pos] !== '=' || xml[pos + 1] !== '"') fail('expected =" after attribute name');
      pos += 2;
      const end = xml.indexOf('"', pos);
      if (end < 0) fail('unterminated attribute');
      el.attrs[key] = decode(xml.slice(pos, end), true);
      pos = end + 1;
    }
    for (;;) {
      const lt = xml.indexOf('<', pos);
      if (lt < 0) fail(`unclosed <${el.name}>`);
      el.text += decode(xml.slice(pos, lt), false);
      pos = lt;
      if (xml.startsWith('</', pos)) {
        pos += 2;
        if (name() !== el.name) fail(`mismatched end tag for <${el.name}>`);
        skipSpace();
        if (xml[pos] !== '>') fail('expected ">"');
        pos++;
        return el;
      }
      el.children.push(element());
    }
  };
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) fail('unterminated declaration');
    pos = end + 2;
  }
  skipSpace();
  const root = element();
  skipSpace();
  if (pos !== xml.length) fail('content after the root element');
  return root;
}

function parseHex(s: string, fail: (w: string) => never): number {
  if (s === '' || [...s].some((c) => !'0123456789abcdefABCDEF'.includes(c))) fail(`bad character reference &#x${s};`);
  return checkRef(Number.parseInt(s, 16), fail);
}

function parseDec(s: string, fail: (w: string) => never): number {
  if (s === '' || [...s].some((c) => !'0123456789'.includes(c))) fail(`bad character reference &#${s};`);
  return checkRef(Number.parseInt(s, 10), fail);
}

function checkRef(cp: number, fail: (w: string) => never): number {
  if (!isXmlChar(cp)) fail(`character reference to U+${cp.toString(16)} is not allowed`);
  return cp;
}

/** All descendants named `name`, depth-first. */
export function findAll(root: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    if (e.name === name) out.push(e);
    e.children.forEach(walk);
  };
  walk(root);
  return out;
}
