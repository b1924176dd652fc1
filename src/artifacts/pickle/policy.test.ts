import { describe, expect, it } from 'vitest';
import { foldSegments, judgeGlobal, normalizeGlobal } from './policy.js';

const judge = (module: string, name: string, allow: readonly string[] = []) => judgeGlobal(module, name, new Set(allow));
const verdict = (module: string, name: string) => {
  const v = judge(module, name);
  return `${v.permit?.kind ?? 'flag'} ${v.severity}`;
};

describe('judgeGlobal', () => {
  it('allows what torch, numpy and joblib saves need', () => {
    for (const [m, n] of [
      ['collections', 'OrderedDict'],
      ['torch._utils', '_rebuild_tensor_v2'],
      ['torch._utils', '_rebuild_parameter'],
      ['torch', 'FloatStorage'],
      ['torch', 'bfloat16'],
      ['torch', 'Size'],
      ['numpy.core.multiarray', '_reconstruct'],
      ['numpy._core.multiarray', '_reconstruct'],
      ['numpy', 'dtype'],
      ['__builtin__', 'set'],
      ['copy_reg', '__newobj__'],
    ] as const) {
      const kind = judge(m, n).permit?.kind;
      if (m === 'copy_reg') expect(kind, `${m}.${n}`).toBeUndefined();
      else expect(kind, `${m}.${n}`).toBe('any');
    }
  });

  it('grades what is not allowed by what it can do', () => {
    expect(verdict('os', 'system')).toBe('flag critical');
    expect(verdict('builtins', 'getattr')).toBe('flag critical');
    expect(verdict('functools', 'partial')).toBe('flag high');
    expect(verdict('builtins', 'type')).toBe('flag high');
    expect(verdict('builtins', 'chr')).toBe('flag low');
    expect(verdict('copyreg', '_reconstructor')).toBe('flag low');
    expect(verdict('sklearn.tree', 'DecisionTreeClassifier')).toBe('flag medium');
    expect(verdict('mylib', 'load')).toBe('flag high');
    expect(verdict('mylib', 'Outer.Inner')).toBe('flag high');
    expect(verdict('_io', 'FileIO')).toBe('flag critical');
    expect(verdict('__main__', 'Net')).toBe('flag medium');
    expect(verdict('torch.nn.modules.linear', 'Linear')).toBe('flag medium');
  });

  it('is not fooled by case, width, spacing or dotted names', () => {
    expect(verdict('OS', 'system')).toBe('flag critical');
    expect(verdict('\uff4f\uff53', 'system')).toBe('flag critical');
    expect(verdict('os\u200b', 'system')).toBe('flag critical');
    expect(verdict('builtins', 'getattr.__call__')).toBe('flag critical');
    expect(verdict('torch', 'os.system')).toBe('flag critical');
    expect(verdict('collections', 'OrderedDict.__class__')).toBe('flag critical');
    expect(verdict('torch', 'os')).toBe('flag critical');
    expect(judge('torch', '_utils._rebuild_tensor_v2').permit?.kind).toBe('any');
  });

  it('maps Python 2 names the way Python 3 unpickles them', () => {
    expect(normalizeGlobal('__builtin__', 'eval')).toBe('builtins.eval');
    expect(normalizeGlobal('__builtin__', 'xrange')).toBe('builtins.range');
    expect(normalizeGlobal('__builtin__', 'reduce')).toBe('functools.reduce');
    expect(normalizeGlobal('cPickle', 'loads')).toBe('pickle.loads');
    expect(verdict('commands', 'getoutput')).toBe('flag critical');
    expect(verdict('__builtin__', 'intern')).toBe('flag critical');
    expect(judge('__builtin__', 'xrange').permit?.kind).toBe('any');
  });

  it('takes user allowlist entries exactly', () => {
    expect(judge('mylib.models', 'Net', ['mylib.models.Net']).permit?.kind).toBe('any');
    expect(judge('mylib.models', 'Net2', ['mylib.models.Net']).permit).toBeUndefined();
    expect(judge('mylib.models', 'Net.__reduce__', ['mylib.models.Net']).permit).toBeUndefined();
  });

  it('folds names for danger matching only', () => {
    expect(foldSegments(' OS..Path ')).toEqual(['os', 'path']);
    expect(judge('OrderedDict', 'x').permit).toBeUndefined();
    expect(judge('collections ', 'OrderedDict').permit).toBeUndefined();
  });
});
