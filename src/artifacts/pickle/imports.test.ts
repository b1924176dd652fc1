import { describe, expect, it } from 'vitest';
import { PickleBuilder, writeTuple } from '../writers/pickle-writer.js';
import { ofRule, scanBytes, summary } from './test-support/helpers.js';

/** `module.name(arg)` through REDUCE, with the import written by `how`. */
function callWith(module: string, name: string, how: 'global' | 'stack' = 'global', protocol = 4): Uint8Array {
  const p = new PickleBuilder({ protocol });
  if (how === 'global') p.global(module, name);
  else p.str(module).memo().str(name).memo().stackGlobal();
  p.memo();
  return writeTuple(p, [(q) => void q.str('x').memo()]).reduce().stop().toBytes();
}

describe('dangerous callables', () => {
  const critical: ReadonlyArray<readonly [string, string]> = [
    ['os', 'system'],
    ['posix', 'system'],
    ['nt', 'system'],
    ['builtins', 'exec'],
    ['builtins', 'eval'],
    ['__builtin__', 'eval'],
    ['builtins', 'getattr'],
    ['builtins', '__import__'],
    ['subprocess', 'Popen'],
    ['commands', 'getoutput'],
    ['operator', 'attrgetter'],
    ['_operator', 'methodcaller'],
    ['runpy', '_run_code'],
    ['webbrowser', 'open'],
    ['socket', 'create_connection'],
    ['pickle', 'loads'],
    ['marshal', 'loads'],
    ['types', 'CodeType'],
    ['ctypes', 'CDLL'],
    ['importlib', 'import_module'],
    ['pkgutil', 'resolve_name'],
    ['shutil', 'rmtree'],
    ['pty', 'spawn'],
    ['torch', 'load'],
    ['torch.hub', 'load'],
    ['torch._C', '_jit_pass'],
    ['numpy', 'load'],
    ['numpy.testing._private.utils', 'runstring'],
    ['_posixsubprocess', 'fork_exec'],
    ['asyncio.subprocess', 'create_subprocess_shell'],
    ['os.path', 'join'],
    ['copyreg', 'add_extension'],
  ];
  for (const [module, name] of critical) {
    it(`${module}.${name} is critical (GLOBAL and STACK_GLOBAL)`, async () => {
      for (const how of ['global', 'stack'] as const) {
        const f = await scanBytes(callWith(module, name, how));
        expect(summary(f)).toEqual([`pickle/dangerous-import critical ${module}.${name}`, `pickle/unsafe-call critical ${module}.${name}`]);
      }
    });
  }

  it('names the Python 3 reading of Python 2 aliases', async () => {
    const [imp] = ofRule(await scanBytes(callWith('__builtin__', 'eval')), 'pickle/dangerous-import');
    expect(imp?.message).toContain('(Python reads it as builtins.eval)');
  });

  it('flags attribute paths that reach a dangerous module from an allowed one', async () => {
    for (const [module, name] of [['torch', 'os.system'], ['collections', 'OrderedDict.__init__.__globals__'], ['numpy', 'sys.modules']] as const) {
      const [imp] = ofRule(await scanBytes(callWith(module, name, 'stack')), 'pickle/dangerous-import');
      expect(imp?.severity, `${module}.${name}`).toBe('critical');
      expect(imp?.evidence).toBe(`${module}.${name}`);
    }
  });

  it('does not let prefixes or look-alikes pass the allowlist', async () => {
    const f = await scanBytes(callWith('torch._utils_evil', '_rebuild_tensor_v2'));
    expect(summary(f)).toEqual(['pickle/unknown-import medium torch._utils_evil._rebuild_tensor_v2', 'pickle/unsafe-call medium torch._utils_evil._rebuild_tensor_v2']);
    const fullwidth = await scanBytes(callWith('\uff4f\uff53', 'system', 'stack'));
    expect(ofRule(fullwidth, 'pickle/dangerous-import')[0]?.severity).toBe('critical');
    const padded = await scanBytes(callWith('os ', 'system'));
    expect(ofRule(padded, 'pickle/dangerous-import')[0]?.severity).toBe('critical');
  });

  it('resolves STACK_GLOBAL strings written with UNICODE escapes and STRING escapes', async () => {
    const viaUnicode = new PickleBuilder({ protocol: 0 }).unicode('\\u006fs').unicode('sys\\u0074em').stackGlobal().mark().string('id').tuple().reduce().stop().toBytes();
    expect(summary(await scanBytes(viaUnicode))).toEqual(['pickle/dangerous-import critical os.system', 'pickle/unsafe-call critical os.system']);
    const viaString = new PickleBuilder({ protocol: 0 }).string('\\x6fs').string('\\163ystem').stackGlobal().mark().tuple().reduce().stop().toBytes();
    expect(summary(await scanBytes(viaString))).toEqual(['pickle/dangerous-import critical os.system', 'pickle/unsafe-call critical os.system']);
  });
});

describe('STACK_GLOBAL resolution', () => {
  it('resolves module and name from memoized strings, DUP and GET', async () => {
    const p = new PickleBuilder({ protocol: 4 });
    p.str('posix').memo().pop().str('system').binput(7).pop(); // stored, then dropped from the stack
    p.get(0).binget(7).dup().pop().stackGlobal().str('id').tuple1().reduce().stop();
    expect(summary(await scanBytes(p.toBytes()))).toEqual(['pickle/dangerous-import critical posix.system', 'pickle/unsafe-call critical posix.system']);
  });

  it('flags STACK_GLOBAL over values that are not literal strings', async () => {
    const p = new PickleBuilder({ protocol: 4 }).str('os').ext1(1).stackGlobal().str('id').tuple1().reduce().stop();
    const f = await scanBytes(p.toBytes());
    expect(summary(f)).toEqual([
      'pickle/unresolved-import high EXT1 1',
      'pickle/unresolved-import high STACK_GLOBAL',
      'pickle/unsafe-call high an import the scanner could not resolve',
    ]);
    expect(ofRule(f, 'pickle/unresolved-import')[1]?.message).toMatch(/not literal strings/);
  });

  it('flags STACK_GLOBAL whose name comes from a call result or persistent id', async () => {
    const p = new PickleBuilder({ protocol: 4 }).str('os').persid('x').stackGlobal().stop();
    expect(summary(await scanBytes(p.toBytes()))).toEqual(['pickle/unresolved-import high STACK_GLOBAL']);
  });

  it('treats non-ASCII protocol-0 byte strings as unknown text', async () => {
    const p = new PickleBuilder({ protocol: 2 }).shortBinstring('os').raw([0x55, 2, 0xef, 0xbd]).stackGlobal().stop();
    expect(summary(await scanBytes(p.toBytes()))).toEqual(['pickle/unresolved-import high STACK_GLOBAL']);
  });

  it('reports EXT2 and EXT4 extension-registry imports', async () => {
    const f = await scanBytes(new PickleBuilder({ protocol: 2 }).ext2(300).ext4(70000).tuple2().stop().toBytes());
    expect(summary(f)).toEqual(['pickle/unresolved-import high EXT2 300', 'pickle/unresolved-import high EXT4 70000']);
  });
});

describe('calls through INST, OBJ, NEWOBJ, NEWOBJ_EX and BUILD', () => {
  it('INST imports and calls in one opcode', async () => {
    const b = new PickleBuilder({ protocol: 0 }).mark().string('id').inst('subprocess', 'check_output').stop().toBytes();
    expect(summary(await scanBytes(b))).toEqual(['pickle/dangerous-import critical subprocess.check_output', 'pickle/unsafe-call critical subprocess.check_output']);
    expect(ofRule(await scanBytes(b), 'pickle/unsafe-call')[0]?.message).toMatch(/via INST/);
  });

  it('OBJ calls the first item after its MARK', async () => {
    const b = new PickleBuilder({ protocol: 1 }).mark().global('os', 'popen').string('id').obj().stop().toBytes();
    const f = await scanBytes(b);
    expect(summary(f)).toEqual(['pickle/dangerous-import critical os.popen', 'pickle/unsafe-call critical os.popen']);
    expect(ofRule(f, 'pickle/unsafe-call')[0]?.location).toEqual({ opcode: 3, offset: 17 });
  });

  it('NEWOBJ and NEWOBJ_EX on an unknown class are medium; BUILD runs its __setstate__', async () => {
    const p = new PickleBuilder({ protocol: 4 });
    p.import('sklearn.linear_model', 'LogisticRegression').memo().emptyTuple().newobj().memo().emptyDict().build();
    p.import('mylib', 'Thing').memo().emptyTuple().emptyDict().newobjEx().tuple2().stop();
    const f = await scanBytes(p.toBytes());
    expect(summary(f)).toEqual([
      'pickle/unknown-import medium mylib.Thing',
      'pickle/unknown-import medium sklearn.linear_model.LogisticRegression',
      'pickle/unsafe-call medium mylib.Thing',
      'pickle/unsafe-call medium sklearn.linear_model.LogisticRegression',
    ]);
    expect(f.find((x) => x.evidence === 'sklearn.linear_model.LogisticRegression' && x.ruleId === 'pickle/unsafe-call')?.message).toMatch(/via NEWOBJ\/BUILD \(2 times\)/);
  });

  it('calling the result of another call is flagged even when each name is allowed', async () => {
    const p = new PickleBuilder({ protocol: 2 }).global('collections', 'OrderedDict').emptyTuple().reduce().emptyTuple().reduce().stop();
    expect(summary(await scanBytes(p.toBytes()))).toEqual(['pickle/unsafe-call high an object made by collections.OrderedDict']);
    const q = new PickleBuilder({ protocol: 2 }).global('os', 'getcwd').emptyTuple().reduce().emptyTuple().reduce().emptyTuple().reduce().stop();
    expect(summary(await scanBytes(q.toBytes()))).toEqual([
      'pickle/dangerous-import critical os.getcwd',
      'pickle/unsafe-call critical os.getcwd',
      'pickle/unsafe-call high an object made by os.getcwd',
      'pickle/unsafe-call high the result of another call',
    ]);
  });

  it('BUILD on an imported class, and dunder attributes, are tampering', async () => {
    const p = new PickleBuilder({ protocol: 2 }).global('collections', 'OrderedDict').emptyDict().build().pop();
    p.global('collections', 'OrderedDict').emptyTuple().reduce().emptyDict().str('__setstate__').global('collections', 'Counter').setitem().build().stop();
    expect(summary(await scanBytes(p.toBytes()))).toEqual([
      'pickle/object-tampering high __setstate__',
      'pickle/object-tampering high collections.OrderedDict',
    ]);
  });
});

describe('allowlist', () => {
  it('respects scan.allow_globals exactly', async () => {
    const b = new PickleBuilder({ protocol: 4 }).import('mylib.models', 'Net').memo().emptyTuple().newobj().stop().toBytes();
    expect(await scanBytes(b, { allow: ['mylib.models.Net'] })).toEqual([]);
    expect(summary(await scanBytes(b, { allow: ['mylib.models'] }))).toEqual(['pickle/unknown-import medium mylib.models.Net', 'pickle/unsafe-call medium mylib.models.Net']);
  });

  it('allows _codecs.encode only as a direct latin1 call', async () => {
    const ok = new PickleBuilder({ protocol: 2 }).global('_codecs', 'encode').memo().str('\u00ff').str('latin1').tuple2().reduce().stop().toBytes();
    expect(await scanBytes(ok)).toEqual([]);
    const rot = new PickleBuilder({ protocol: 2 }).global('_codecs', 'encode').str('x').str('zlib_codec').tuple2().reduce().stop().toBytes();
    expect(summary(await scanBytes(rot))).toEqual(['pickle/unsafe-call high _codecs.encode']);
    const escaped = new PickleBuilder({ protocol: 2 }).global('_codecs', 'encode').tuple1().stop().toBytes();
    expect(summary(await scanBytes(escaped))).toEqual(['pickle/unsafe-call high _codecs.encode']);
  });

  it('checks what torch._tensor._rebuild_from_type_v2 will call', async () => {
    const call = (module: string, name: string) => {
      const p = new PickleBuilder({ protocol: 2 }).global('torch._tensor', '_rebuild_from_type_v2').mark();
      p.global(module, name).global('torch.nn.parameter', 'Parameter').emptyTuple().emptyDict().tuple().reduce().stop();
      return p.toBytes();
    };
    expect(await scanBytes(call('torch._utils', '_rebuild_tensor_v2'))).toEqual([]);
    expect(summary(await scanBytes(call('_codecs', 'encode')))).toEqual([
      'pickle/unsafe-call high _codecs.encode',
      'pickle/unsafe-call high torch._tensor._rebuild_from_type_v2',
    ]);
  });

  it('lets numpy.memmap sit in data but never be called', async () => {
    const asValue = new PickleBuilder({ protocol: 2 }).global('numpy', 'memmap').tuple1().stop().toBytes();
    expect(await scanBytes(asValue)).toEqual([]);
    const called = new PickleBuilder({ protocol: 2 }).global('numpy', 'memmap').str('/etc/passwd').tuple1().reduce().stop().toBytes();
    expect(summary(await scanBytes(called))).toEqual(['pickle/unsafe-call critical numpy.memmap']);
  });

  it('reports low for harmless standard-library types and high for other builtins', async () => {
    const b = new PickleBuilder({ protocol: 2 }).global('datetime', 'date').global('builtins', 'map').tuple2().stop().toBytes();
    expect(summary(await scanBytes(b))).toEqual(['pickle/dangerous-import high builtins.map', 'pickle/unknown-import low datetime.date']);
  });
});
