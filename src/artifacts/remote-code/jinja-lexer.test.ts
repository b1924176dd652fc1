import { describe, expect, it } from 'vitest';
import { decodeEscapes, jinjaSegments, lineColumn, tokenizeJinja } from './jinja-lexer.js';

const kinds = (src: string) => jinjaSegments(src).map((s) => [s.kind, src.slice(s.start, s.end)]);

describe('jinja lexer', () => {
  it('splits text, expressions, statements and comments', () => {
    expect(kinds('a {{ b }} c {% if d %}e{% endif %}{# f #}')).toEqual([
      ['text', 'a '],
      ['code', '{{ b }}'],
      ['text', ' c '],
      ['code', '{% if d %}'],
      ['text', 'e'],
      ['code', '{% endif %}'],
      ['text', '{# f #}'],
    ]);
  });

  it('does not end a block inside a string or open brackets, and keeps raw content as text', () => {
    expect(kinds("{{ '}}' }}x")).toEqual([['code', "{{ '}}' }}"], ['text', 'x']]);
    expect(kinds("{{ {'a': {'b': 1}} }}")).toEqual([['code', "{{ {'a': {'b': 1}} }}"]]);
    expect(kinds('{%- raw -%}{{ x }}{%- endraw -%}')).toEqual([['code', '{%- raw -%}'], ['text', '{{ x }}'], ['code', '{%- endraw -%}']]);
    expect(kinds('{{ unterminated')).toEqual([['code', '{{ unterminated']]);
  });

  it('tokenizes names, numbers, operators and decoded strings', () => {
    const toks = tokenizeJinja("{{ x.y|f('a\\x41', 1.5) }}", 0, 25).map((t) => [t.kind, t.value]);
    expect(toks).toEqual([
      ['op', '{'], ['op', '{'], ['name', 'x'], ['op', '.'], ['name', 'y'], ['op', '|'], ['name', 'f'], ['op', '('],
      ['string', 'aA'], ['op', ','], ['number', '1.5'], ['op', ')'], ['op', '}'], ['op', '}'],
    ]);
  });

  it('decodes Python unicode-escape sequences', () => {
    expect(decodeEscapes('\\x5f\\u005f\\U0000005f\\137\\N{LOW LINE}\\n\\q')).toBe('_____\n\\q');
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
