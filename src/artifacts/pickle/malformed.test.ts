import { describe, expect, it } from 'vitest';
import { PickleBuilder, maliciousPickle } from '../writers/pickle-writer.js';
import { ofRule, scanBytes, summary } from './test-support/helpers.js';

const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('broken streams', () => {
  it('a stream cut after its payload reports the payload and the truncation', async () => {
    const whole = maliciousPickle('id', { protocol: 2 });
    const cut = whole.subarray(0, whole.length - 1); // no STOP
    const f = await scanBytes(cut);
    expect(summary(f)).toEqual([
      'pickle/dangerous-import critical os.system',
      'pickle/malformed high -',
      'pickle/unsafe-call critical os.system',
    ]);
    expect(ofRule(f, 'pickle/malformed')[0]?.message).toMatch(/without a STOP/);
  });

  it('a stream cut inside an argument says so', async () => {
    const b = new PickleBuilder({ protocol: 4 }).global('os', 'system').binunicode('a long command').toBytes();
    const f = await scanBytes(b.subarray(0, b.length - 3));
    expect(ofRule(f, 'pickle/malformed')[0]?.message).toMatch(/inside the argument of BINUNICODE/);
    expect(ofRule(f, 'pickle/dangerous-import')).toHaveLength(1);
  });

  it('an unknown opcode stops the walk after reporting what came before', async () => {
    const b = new PickleBuilder({ protocol: 2 }).global('os', 'system').raw([0xff]).global('subprocess', 'call').stop().toBytes();
    const f = await scanBytes(b);
    expect(summary(f)).toEqual(['pickle/dangerous-import critical os.system', 'pickle/malformed high -']);
    expect(f.find((x) => x.ruleId === 'pickle/malformed')).toMatchObject({ message: expect.stringMatching(/unknown opcode 0xff/), location: { opcode: 2, offset: 13 } });
  });

  it('reports stack underflow, MARK misuse and bad memo reads, and keeps walking', async () => {
    const b = new PickleBuilder({ protocol: 2 }).reduce().appends().binget(9).global('os', 'system').stop().toBytes();
    const f = await scanBytes(b);
    expect(summary(f)).toEqual([
      'pickle/dangerous-import critical os.system',
      'pickle/malformed high -',
      'pickle/malformed high -',
      'pickle/malformed high -',
      'pickle/malformed high -',
      'pickle/unsafe-call high a value missing from the stack',
    ]);
    const messages = ofRule(f, 'pickle/malformed').map((x) => x.message).join('\n');
    expect(messages).toMatch(/stack underflow/);
    expect(messages).toMatch(/expects a MARK/);
    expect(messages).toMatch(/memo index 9/);
  });

  it('rejects unquoted STRING and non-numeric INT like Python does', async () => {
    const b = new PickleBuilder({ protocol: 0 }).raw(new TextEncoder().encode('Sabc\nIxyz\n')).tuple2().stop().toBytes();
    expect(ofRule(await scanBytes(b), 'pickle/malformed').map((x) => x.message)).toEqual([
      'the STRING argument is not quoted',
      'the INT argument is not a number',
    ]);
  });

  it('flags FRAME lengths that run past the file', async () => {
    const b = new PickleBuilder({ protocol: 4 }).frame(1000).none().stop().toBytes();
    expect(ofRule(await scanBytes(b), 'pickle/malformed')[0]?.message).toMatch(/FRAME announces 1000 bytes/);
  });
});

describe('data after STOP', () => {
  it('plain trailing bytes are medium and handed to the dispatcher', async () => {
    const nested: string[] = [];
    const f = await scanBytes(concat(new PickleBuilder({ protocol: 2 }).none().stop().toBytes(), Uint8Array.of(0xff, 0xfe, 0x00)), { nested });
    expect(summary(f)).toEqual(['pickle/trailing-data medium -']);
    expect(f[0]).toMatchObject({ location: { offset: 4 }, message: expect.stringMatching(/^3 bytes follow/) });
    expect(nested).toEqual(['test.pkl!@4']);
  });

  it('a hidden second pickle is reported and scanned', async () => {
    const benign = new PickleBuilder({ protocol: 2 }).int(1).stop().toBytes();
    const f = await scanBytes(concat(benign, maliciousPickle('id', { protocol: 0 })));
    expect(summary(f)).toEqual([
      'pickle/dangerous-import critical os.system',
      'pickle/trailing-data high -',
      'pickle/unsafe-call critical os.system',
    ]);
    expect(ofRule(f, 'pickle/dangerous-import')[0]?.location).toEqual({ opcode: 0, offset: 5 });
  });
});

describe('memo expansion', () => {
  it('flags a billion-laughs shape built from shared memo references', async () => {
    const p = new PickleBuilder({ protocol: 2 }).str('lol').memo();
    for (let level = 1; level <= 9; level++) {
      p.mark();
      for (let i = 0; i < 10; i++) p.get(level - 1);
      p.list().memo();
    }
    const f = await scanBytes(p.stop().toBytes());
    expect(summary(f)).toEqual(['pickle/memo-expansion medium -']);
    expect(f[0]?.message).toMatch(/expand to about 1\.1e\+8 objects from 201 bytes/);
  });

  it('flags many GETs per stored value', async () => {
    const p = new PickleBuilder({ protocol: 2 }).emptyList().str('x').memo();
    for (let batch = 0; batch < 1001; batch++) {
      p.mark();
      for (let i = 0; i < 1000; i++) p.binget(0);
      p.appends();
    }
    const f = await scanBytes(p.pop().pop().none().stop().toBytes());
    expect(summary(f)).toEqual(['pickle/memo-expansion medium -']);
    expect(f[0]?.message).toMatch(/1001000 memo\/DUP references for 1 stored values/);
  });

  it('a list of a few thousand shared references is fine', async () => {
    const p = new PickleBuilder({ protocol: 2 }).emptyList().str('x').memo().pop().mark();
    for (let i = 0; i < 5000; i++) p.binget(0);
    expect(await scanBytes(p.appends().stop().toBytes())).toEqual([]);
  });
});
