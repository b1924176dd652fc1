import { describe, expect, it } from 'vitest';
import { PickleBuilder, maliciousPickle } from '../writers/pickle-writer.js';
import { joblibDump, writeArrayWrapper, type JoblibArray } from './test-support/fixtures.js';
import { ofRule, scanBytes, summary } from './test-support/helpers.js';

const objectList = new PickleBuilder({ protocol: 2 }).emptyList().memo().mark().str('a').memo().str('b').memo().appends().stop().toBytes();
// Raw array bytes that, read as opcodes, would be garbage: the scanner must skip them.
const floats = (n: number) => new Uint8Array(n).fill(0xff);

describe('joblib dumps with inline numpy arrays', () => {
  it('skips raw array bytes (aligned and unaligned) and object arrays are scanned as pickles', async () => {
    const arrays: JoblibArray[] = [
      { shape: [2, 3], typestr: 'f8', payload: floats(48) },
      { shape: [4], typestr: 'U5', elsize: 20, payload: floats(80) },
      { shape: [], typestr: 'i4', payload: floats(4), aligned: false },
      { shape: [2], typestr: 'O8', flags: 63, payload: objectList, aligned: false },
    ];
    expect(await scanBytes(joblibDump(arrays), { name: 'model.joblib' })).toEqual([]);
  });

  it('finds a payload in an object array and in the pickle after the arrays', async () => {
    const arrays: JoblibArray[] = [
      { shape: [3], typestr: 'f4', payload: floats(12) },
      { shape: [1], typestr: 'O8', flags: 63, payload: maliciousPickle('id', { protocol: 2 }), aligned: false },
    ];
    const tail = (p: PickleBuilder) => void p.import('sklearn.svm', 'SVC').memo().emptyTuple().newobj().pop();
    const f = await scanBytes(joblibDump(arrays, tail));
    expect(summary(f)).toEqual([
      'pickle/dangerous-import critical os.system',
      'pickle/unknown-import medium sklearn.svm.SVC',
      'pickle/unsafe-call critical os.system',
      'pickle/unsafe-call medium sklearn.svm.SVC',
    ]);
  });

  it('an estimator whose state holds arrays is only its unknown class', async () => {
    const p = new PickleBuilder({ protocol: 4 });
    p.import('sklearn.linear_model._logistic', 'LogisticRegression').memo().emptyTuple().newobj().memo().emptyDict().memo().mark();
    p.str('C').memo().binfloat(1).str('coef_').memo();
    writeArrayWrapper(p, { shape: [1, 3], typestr: 'f8', payload: floats(24), aligned: false });
    const head = p.toBytes();
    const tail = p.reset().setitems().build().stop().toBytes();
    const f = await scanBytes(Uint8Array.from([...head, ...floats(24), ...tail]));
    expect(summary(f)).toEqual([
      'pickle/unknown-import medium sklearn.linear_model._logistic.LogisticRegression',
      'pickle/unsafe-call medium sklearn.linear_model._logistic.LogisticRegression',
    ]);
  });

  it('reports unverified data when the array size cannot be told', async () => {
    const f = await scanBytes(joblibDump([{ shape: [3], typestr: 'float64', payload: floats(24) }]));
    expect(summary(f)).toEqual(['pickle/unverified-data high NumpyArrayWrapper']);
    expect(f[0]?.message).toMatch(/"float64" is not one numpy writes/);
  });

  it('reports unverified data when dtype flags and type disagree about objects', async () => {
    const f = await scanBytes(joblibDump([{ shape: [1], typestr: 'f8', flags: 63, payload: floats(8) }]));
    expect(f[0]?.message).toMatch(/flags disagree/);
    expect(summary(f)).toEqual(['pickle/unverified-data high NumpyArrayWrapper']);
  });

  it('reports array data running past the end of the file', async () => {
    const file = joblibDump([{ shape: [1000], typestr: 'f8', payload: floats(16) }]);
    expect(ofRule(await scanBytes(file), 'pickle/malformed')[0]?.message).toMatch(/8000 bytes\) runs past the end/);
  });

  it('a wrapper built through __init__ (REDUCE) gets the default alignment', async () => {
    const p = new PickleBuilder({ protocol: 2 }).global('joblib.numpy_pickle', 'NumpyArrayWrapper').mark();
    p.global('numpy', 'ndarray').int(2).tuple1().str('C');
    p.global('numpy', 'dtype').str('u1').bool(false).bool(true).tuple3().reduce();
    p.tuple().reduce().emptyDict().build();
    const head = p.toBytes();
    const pad = 16 - ((head.length + 1) % 16);
    const file = Uint8Array.from([...head, pad, ...new Uint8Array(pad).fill(0xff), 7, 7, 0x2e]);
    expect(await scanBytes(file)).toEqual([]);
  });

  it('a payload disguised as array data is found by the plain-pickle reading', async () => {
    const disguised = maliciousPickle('id', { protocol: 0 }); // plain "array data" to joblib
    const f = await scanBytes(joblibDump([{ shape: [disguised.length], typestr: 'u1', payload: disguised, aligned: false }]), { name: 'model.bin' });
    expect(summary(f)).toEqual(['pickle/dangerous-import critical os.system', 'pickle/unsafe-call critical os.system']);
    expect(f[0]?.message).toMatch(/^read as a plain pickle \(pickle\.load, torch\.load\), the bytes joblib treats as array data imports os\.system/);
  });

  it('a wrapper made some other way (copyreg) cannot desynchronise the walk', async () => {
    const p = new PickleBuilder({ protocol: 2 }).global('copyreg', '_reconstructor');
    p.global('joblib.numpy_pickle', 'NumpyArrayWrapper').global('builtins', 'object').none().tuple3().reduce().emptyDict().build();
    const f = await scanBytes(Uint8Array.from([...p.toBytes(), 0x42, 0xff, 0xff, 0xff, 0x0f, ...maliciousPickle('id', { protocol: 0 })]));
    expect(summary(f)).toEqual([
      'pickle/unknown-import low copyreg._reconstructor',
      'pickle/unsafe-call low copyreg._reconstructor',
      'pickle/unverified-data high NumpyArrayWrapper',
    ]);
  });

  it('a wrapper whose state comes from an object the scan cannot read is unverified', async () => {
    const p = new PickleBuilder({ protocol: 2 }).global('joblib.numpy_pickle', 'NumpyArrayWrapper').emptyTuple().newobj();
    p.global('collections', 'OrderedDict').emptyTuple().reduce().build();
    const f = await scanBytes(Uint8Array.from([...p.toBytes(), 0x2e]));
    expect(summary(f)).toEqual(['pickle/unverified-data high NumpyArrayWrapper']);
    expect(f[0]?.message).toMatch(/could not read/);
  });
});
