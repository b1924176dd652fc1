import { describe, expect, it } from 'vitest';
import { autoMapFindings, parseClassReference } from './auto-map.js';

describe('auto_map', () => {
  it('parses module.Class and repo--module.Class like transformers', () => {
    expect(parseClassReference('AutoModel', 'modeling_x.XModel')).toEqual({ autoClass: 'AutoModel', reference: 'modeling_x.XModel', module: 'modeling_x', className: 'XModel' });
    expect(parseClassReference('AutoModel', 'org/repo--modeling_x.XModel')).toMatchObject({ repo: 'org/repo', module: 'modeling_x', className: 'XModel' });
    expect(parseClassReference('AutoModel', '/tmp/evil.X').defect).toBe('path');
    expect(parseClassReference('AutoModel', 'a.b.C').defect).toBe('shape');
  });

  it('reports each entry with what would be imported', () => {
    const map = {
      AutoConfig: 'configuration_x.XConfig',
      AutoModelForCausalLM: 'modeling_x.XForCausalLM',
      AutoModel: 'other/repo--modeling_y.YModel',
      AutoTokenizer: ['tokenization_x.XTokenizer', null],
      AutoProcessor: '/abs/proc.P',
    };
    const fs = autoMapFindings('config.json', map, new Set(['config.json', 'configuration_x.py', 'tokenization_x.py']));
    expect(fs.map((f) => [f.ruleId, f.severity, f.location?.key])).toEqual([
      ['remote-code/auto-map', 'high', 'auto_map.AutoConfig'],
      ['remote-code/auto-map', 'high', 'auto_map.AutoModelForCausalLM'],
      ['remote-code/auto-map', 'critical', 'auto_map.AutoModel'],
      ['remote-code/auto-map', 'high', 'auto_map.AutoTokenizer[0]'],
      ['remote-code/auto-map', 'critical', 'auto_map.AutoProcessor'],
    ]);
    expect(fs[0]?.message).toBe('AutoConfig with trust_remote_code=True would import and run class XConfig from configuration_x.py');
    expect(fs[1]?.message).toMatch(/modeling_x\.py is not in this folder/);
    expect(fs[2]?.message).toMatch(/another repository, other\/repo/);
  });

  it('ignores values that are not maps', () => {
    expect(autoMapFindings('config.json', 'x')).toEqual([]);
    expect(autoMapFindings('config.json', null)).toEqual([]);
  });
});
