import { describe, expect, it } from 'vitest';
import { compileTemplate } from './template.js';

const render = (src: string, vars: Record<string, unknown>) => {
  const t = compileTemplate(src);
  if (!t.ok) throw new Error(t.message);
  return t.template.render(vars);
};

describe('templates', () => {
  it('renders variables, nested paths and indexes', () => {
    expect(render('Hi {{ name }}!', { name: 'Ada' })).toBe('Hi Ada!');
    expect(render('{{user.name}} / {{ items[1] }} / {{ row["a b"] }}', { user: { name: 'x' }, items: ['a', 'b'], row: { 'a b': 3 } })).toBe('x / b / 3');
  });

  it('renders missing values as empty and objects as JSON', () => {
    expect(render('[{{ nope }}][{{ a.b.c }}]', {})).toBe('[][]');
    expect(render('{{ o }}', { o: { k: [1, 2] } })).toBe('{"k":[1,2]}');
  });

  it('applies filters with arguments', () => {
    expect(render('{{ q | upper }}', { q: 'abc' })).toBe('ABC');
    expect(render('{{ q | default("none") }}', {})).toBe('none');
    expect(render("{{ xs | join(', ') }}", { xs: ['a', 'b'] })).toBe('a, b');
    expect(render('{{ s | trim | truncate(3) }}', { s: '  hello ' })).toBe('hel...');
    expect(render('{{ o | json }}', { o: { a: 'x"y' } })).toBe('{"a":"x\\"y"}');
    expect(render('{{ s | replace("a", "o") }}', { s: 'banana' })).toBe('bonono');
  });

  it('reports static templates, read vars, and strips comments', () => {
    const t = compileTemplate('plain {# note #}text');
    expect(t.ok && t.template.isStatic).toBe(true);
    expect(t.ok && t.template.render({})).toBe('plain text');
    const v = compileTemplate('{{ a.b }} {{ c | upper }}');
    expect(v.ok && v.template.vars).toEqual(['a', 'c']);
  });

  it('rejects block tags, unknown filters and unclosed tags with a reason', () => {
    expect(compileTemplate('{% if x %}y{% endif %}')).toMatchObject({ ok: false, message: expect.stringContaining('block tags') });
    expect(compileTemplate('{{ x | shout }}')).toMatchObject({ ok: false, message: expect.stringContaining('unknown filter "shout"') });
    expect(compileTemplate('{{ x ')).toMatchObject({ ok: false, message: expect.stringContaining('unclosed') });
    expect(compileTemplate('{{ 1x }}')).toMatchObject({ ok: false });
  });
});
