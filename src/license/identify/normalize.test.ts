import { describe, expect, it } from 'vitest';
import { extractFigures } from './figures.js';
import { normalizeLicense, normalizePhrase } from './normalize.js';
import { findPhrase, makeDoc } from './doc.js';

describe('normalizeLicense', () => {
  it('ignores case, quotes, dashes, bullets, numbering and markdown', () => {
    const a = normalizeLicense('1. **Grant of Rights.** You get a “non‑exclusive” licence.\n   a) Use it.').full;
    const b = normalizeLicense('- Grant of rights. You get a "non-exclusive" LICENSE.\n(a) use it').full;
    expect(a).toBe(b);
    expect(a).toBe('grant of right you get a non exclusive license use it');
  });

  it('drops copyright lines from the body but keeps them in full', () => {
    const n = normalizeLicense('MIT License\n\nCopyright (c) 2025 Moonshot AI\n© 2024 OpenBMB. All rights reserved.\nPermission is granted');
    expect(n.body).toBe('mit license permission is granted');
    expect(n.full).toContain('moonshot ai');
  });

  it('keeps URLs and paths whole, without scheme or www', () => {
    expect(normalizePhrase('see https://www.llama.com/llama3_2/use-policy).')).toBe('see llama.com/llama3_2/use-policy');
    expect(normalizePhrase('llama3_2/use-policy')).toBe('llama3_2/use-policy');
    expect(normalizePhrase('and/or e.g. U.S.')).toBe('and or e g u s');
  });

  it('folds plurals so a reworded fact still matches', () => {
    expect(normalizePhrase('Mistral Models and Derivatives')).toBe(normalizePhrase('Mistral Model and Derivative'));
    expect(normalizePhrase('this business status analysis')).toBe('this business status analysis');
  });

  it('unifies spelling variants and keeps versions and RAIL++ apart', () => {
    expect(normalizePhrase('Non-Commercial licence, authorised organisation')).toBe('noncommercial license authorized organization');
    expect(normalizePhrase('Llama 3.1 and CreativeML Open RAIL++-M')).toBe('llama 3.1 and creativeml openrailpp m');
    expect(normalizePhrase('CreativeML OpenRAIL-M')).toBe('creativeml openrail m');
  });

  it('splits Han characters so Chinese facts match inside Chinese text', () => {
    const doc = makeDoc('请显示“Built with 面壁MiniCPM”字样');
    expect(findPhrase(doc, normalizePhrase('Built with 面壁MiniCPM'))).toBe('exact');
  });
});

describe('findPhrase', () => {
  const doc = makeDoc('The Community License Agreement for Llama 3.2 is granted by Meta Platforms, Inc.');
  it('matches verbatim and reordered phrases, not partial words', () => {
    expect(findPhrase(doc, normalizePhrase('Meta Platforms'))).toBe('exact');
    expect(findPhrase(doc, normalizePhrase('Llama 3.2 Community License Agreement'))).toBe('near');
    expect(findPhrase(doc, normalizePhrase('Llama 3.1 Community License Agreement'))).toBeUndefined();
    expect(findPhrase(doc, normalizePhrase('Meta Plat'))).toBeUndefined();
  });
});

describe('extractFigures', () => {
  const figures = (s: string) => [...extractFigures(normalizePhrase(s).split(' '))];
  it('reads digits, separators, scale words and number words alike', () => {
    expect(figures('more than 700 million monthly active users')).toContain(700_000_000);
    expect(figures('greater than 700,000,000 users')).toContain(700_000_000);
    expect(figures('seven hundred million monthly active users')).toContain(700_000_000);
    expect(figures('over 100M MAU and 1 million DAU')).toEqual(expect.arrayContaining([100_000_000, 1_000_000]));
    expect(figures('at most 5,000 devices')).toContain(5000);
  });

  it('does not read clause references as billions', () => {
    expect(figures('Section 1 b i of this Agreement')).not.toContain(1e9);
  });
});
