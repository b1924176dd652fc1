import { describe, expect, it } from 'vitest';
import { parseModelCard } from './parse-card.js';

describe('parseModelCard', () => {
  it('reads license fields and base models', () => {
    const card = parseModelCard('---\nlicense: other\nlicense_name: qwen-research\nlicense_link: https://x/LICENSE\nbase_model:\n- Qwen/Qwen2.5-3B\nbase_model_relation: finetune\ntags: [chat]\n---\n# Model\n');
    expect(card).toMatchObject({ license: 'other', licenseName: 'qwen-research', licenseLink: 'https://x/LICENSE', baseModels: ['Qwen/Qwen2.5-3B'], baseModelRelation: 'finetune' });
    expect(card.fields.tags).toEqual(['chat']);
    expect(card.problems).toEqual([]);
  });

  it('accepts a single base_model string and CRLF line ends', () => {
    const card = parseModelCard('---\r\nlicense: apache-2.0\r\nbase_model: meta-llama/Llama-3.1-8B\r\n---\r\nbody');
    expect(card.license).toBe('apache-2.0');
    expect(card.baseModels).toEqual(['meta-llama/Llama-3.1-8B']);
  });

  it('reports broken front matter and bad relations without throwing', () => {
    expect(parseModelCard('---\nlicense: [unclosed\n---\n').problems[0]).toMatch(/not valid YAML/);
    expect(parseModelCard('---\nbase_model_relation: distill\n---\n').problems[0]).toMatch(/not one of/);
    expect(parseModelCard('# no front matter').baseModels).toEqual([]);
  });

  it('refuses alias bombs', () => {
    const bomb = `---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n---\n`;
    expect(parseModelCard(bomb).problems[0]).toMatch(/not valid YAML/);
  });
});
