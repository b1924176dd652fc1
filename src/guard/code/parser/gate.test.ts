import { describe, expect, it } from 'vitest';
import type { Language } from '../languages.js';
import { codeRules } from '../rules/index.js';
import { makeSource } from '../source/source.js';
import { dottedCallee, gateFor } from './gate.js';
import { planParse } from './regions.js';

// The text at each hit, up to the next non-name character.
function hitNames(code: string, lang: Language): string[] {
  const src = makeSource(code, lang);
  return (gateFor(codeRules, lang)?.hits(src) ?? []).map((h) => /^(?:`|[\w$]+)/.exec(code.slice(h))?.[0] ?? '');
}

describe('parse gate', () => {
  it('keeps sink calls and drops names no sink can match', () => {
    const py = ['import re', 'PAT = re.compile(r"x")', 'def open(path):', '    """Call open() first."""', '    return os.system(path)'];
    expect(hitNames(py.join('\n'), 'python')).toEqual(['system']);
  });

  it('keeps names inside f-strings and unreadable callees', () => {
    expect(hitNames('x = f"""{os.system(c)}"""', 'python')).toEqual(['system']);
    expect(hitNames('a().b.execute(q)', 'python')).toEqual(['execute']);
    expect(hitNames('stream.end(); res.end(x); cp?.exec(c)', 'javascript')).toEqual(['end', 'exec']);
  });

  it('gates Python `request` only where it is read as input', () => {
    expect(hitNames('def f(request):\n    log(request)\n    return request.args["q"]', 'python')).toEqual(['request']);
  });

  it("finds PHP's backtick operator", () => {
    expect(hitNames('<?php $out = `ls $dir`;', 'php')).toEqual(['`', '`']);
  });

  it('reads dotted callees as written', () => {
    const text = 'x = os . system(c); y = f().system(c); z = this.#p.exec(c)';
    expect(dottedCallee(text, text.indexOf('system'), 'system')).toBe('os.system');
    expect(dottedCallee(text, text.lastIndexOf('system'), 'system')).toBeUndefined();
    expect(dottedCallee(text, text.indexOf('exec'), 'exec')).toBeUndefined();
  });
});

describe('python regions', () => {
  it('reads a multi-line signature and a closing docstring quote as one function', () => {
    const body = ['class C:', '    def f(', '        self, p: str,', '    ) -> None:', '        s = """', 'text', '"""'];
    body.push('        os.system(p)', '');
    const code = [...body, ...Array.from({ length: 20 }, (_, i) => `X${i} = ${i}`)].join('\n');
    const src = makeSource(code, 'python');
    const plan = planParse(src, 'python', [code.indexOf('system')]);
    expect(plan).toMatchObject({ kind: 'ranges', ranges: [[code.indexOf('def f'), code.indexOf('\n\nX') + 1]] });
  });
});
