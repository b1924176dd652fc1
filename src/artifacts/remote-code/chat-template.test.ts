import { describe, expect, it } from 'vitest';
import { NORMAL_TEMPLATES } from './__fixtures__/normal-templates.js';
import { checkChatTemplate } from './chat-template.js';

const worst = (t: string) => checkChatTemplate(t).map((i) => [i.ruleId, i.severity]);
const has = (t: string, ruleId: string, severity: string) => expect(worst(t)).toContainEqual([ruleId, severity]);

describe('checkChatTemplate on ordinary templates', () => {
  it.each(Object.entries(NORMAL_TEMPLATES))('%s produces no issues', (_, template) => {
    expect(checkChatTemplate(template)).toEqual([]);
  });
});

describe('checkChatTemplate on ordinary constructs near the heuristics', () => {
  it('allows underscores as text arguments and namespace objects', () => {
    expect(checkChatTemplate("{{ tool.name | replace('-', '_') }}{{ name.split('_')[0] }}{% set ns = namespace(found=false) %}{{ ns.found }}")).toEqual([]);
    expect(checkChatTemplate("{{ loop.cycle('odd', 'even') }}{{ messages | selectattr('role', 'equalto', 'user') | list | length }}")).toEqual([]);
  });
});

describe('checkChatTemplate on sandbox escapes', () => {
  it('flags dunder attribute chains as critical jinja-escape', () => {
    has("{{ ''.__class__.__mro__[1].__subclasses__() }}", 'chat-template/jinja-escape', 'critical');
    has('{{ namespace.__init__.__globals__ }}', 'chat-template/jinja-escape', 'critical');
    has("{{ x['__globals__'] }}", 'chat-template/jinja-escape', 'critical');
  });

  it('flags gadget globals as high sandbox-gadget', () => {
    for (const g of ['cycler', 'joiner', 'lipsum', 'request', 'config', 'self', 'url_for']) {
      has(`{{ ${g} }}`, 'chat-template/sandbox-gadget', 'high');
    }
    has("{{ cycler.__init__.__globals__.os.popen('id').read() }}", 'chat-template/jinja-escape', 'critical');
    has('{{ self._TemplateReference__context.joiner }}', 'chat-template/jinja-escape', 'critical');
    has('{{ namespace.x }}', 'chat-template/sandbox-gadget', 'high');
  });

  it('sees through escape-encoded names', () => {
    has("{{ ()|attr('\\x5f\\x5fclass\\x5f\\x5f') }}", 'chat-template/jinja-escape', 'critical');
    has("{{ x['\\u005f\\u005fclass\\u005f\\u005f'] }}", 'chat-template/jinja-escape', 'critical');
    has("{{ x['\\137\\137class\\137\\137'] }}", 'chat-template/jinja-escape', 'critical');
    has("{{ x['\\N{LOW LINE}\\N{LOW LINE}class\\N{LOW LINE}\\N{LOW LINE}'] }}", 'chat-template/jinja-escape', 'critical');
  });

  it('sees names assembled from pieces', () => {
    const split = "{% set a = '__cla' %}{% set b = 'ss__' %}{{ ''|attr(a ~ b) }}";
    has(split, 'chat-template/jinja-escape', 'critical');
    has(split, 'chat-template/sandbox-gadget', 'high');
    has("{{ ''|attr(['__glo', 'bals__']|join) }}", 'chat-template/jinja-escape', 'critical');
    has("{{ ''|attr('__cla' 'ss__') }}", 'chat-template/jinja-escape', 'critical');
    has('{{ dict(__cla=1, ss__=1)|join }}', 'chat-template/jinja-escape', 'critical');
    has("{{ '_' * 2 }}", 'chat-template/jinja-escape', 'high');
  });

  it('flags character tricks and loading other templates', () => {
    has("{{ '%c%c'|format(95, 95) }}", 'chat-template/sandbox-gadget', 'high');
    has('{{ ()|select|string|list }}', 'chat-template/sandbox-gadget', 'high');
    has('{{ (()|select|string)[24] }}', 'chat-template/sandbox-gadget', 'high');
    has("{%- include 'other.jinja' %}", 'chat-template/external-template', 'medium');
    has("{% from 'macros' import m %}", 'chat-template/external-template', 'medium');
  });

  it('does not lose code hidden by strings that mimic delimiters', () => {
    has("{{ '{#' }}{{ lipsum.__globals__ }}{{ '#}' }}", 'chat-template/jinja-escape', 'critical');
    has("{{ {'a': 1}['a'] }}{{ x.__class__ }}", 'chat-template/jinja-escape', 'critical');
    has('plain text __class__ {{ x }}', 'chat-template/jinja-escape', 'high');
  });

  it('reports the line and column of each issue', () => {
    const [issue] = checkChatTemplate('{{ x }}\n\n  {{ y.__class__ }}');
    expect(issue).toMatchObject({ line: 3, column: 8, ruleId: 'chat-template/jinja-escape' });
    expect(issue?.evidence).toContain('__class__');
  });
});
