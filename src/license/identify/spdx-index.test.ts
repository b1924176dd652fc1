import { describe, expect, it } from 'vitest';
import { matchSpdx, spdxLicenses, warmSpdxIndex } from './spdx-index.js';
import { reformat } from './test-support/corpus.js';

const text = (id: string) => spdxLicenses()[id]?.licenseText ?? '';

describe('matchSpdx', () => {
  it('recognises verbatim SPDX texts', () => {
    for (const id of ['Apache-2.0', 'MIT', 'BSD-3-Clause', 'CC-BY-SA-4.0', 'MPL-2.0', 'Unlicense']) {
      const [best] = matchSpdx(text(id));
      expect(best?.id, id).toBe(id);
      expect(best?.similarity, id).toBeGreaterThan(0.99);
    }
  });

  it('separates near neighbours after reformatting (CC BY vs BY-NC vs BY-NC-SA, BSD-2 vs BSD-3)', () => {
    for (const id of ['CC-BY-4.0', 'CC-BY-NC-4.0', 'CC-BY-NC-SA-4.0', 'CC-BY-NC-ND-4.0', 'BSD-2-Clause', 'BSD-3-Clause']) {
      expect(matchSpdx(reformat(text(id)))[0]?.id, id).toBe(id);
    }
  });

  it('reports the current id when a deprecated one has the same text', () => {
    expect(matchSpdx(text('GPL-3.0-only'))[0]?.id).toBe('GPL-3.0-only');
  });

  it('counts added wording as extra 3-grams', () => {
    const added = `${text('MIT')}\n\nYou may not use the Software for any military purpose or to build surveillance tools, and any commercial deployment requires our written consent.`;
    const [best] = matchSpdx(added);
    expect(best?.id).toBe('MIT');
    expect(best?.extraShingles).toBeGreaterThanOrEqual(20);
  });

  it('gives the closest license and its similarity for unrelated text', () => {
    const [best] = matchSpdx('Acme internal evaluation terms: confidential, no redistribution, ninety days.');
    expect(best === undefined || best.similarity < 0.2).toBe(true);
  });

  it('stays under 50 ms per text once the index is built', () => {
    warmSpdxIndex();
    const big = text('GPL-3.0-only');
    matchSpdx(big);
    const start = performance.now();
    for (let i = 0; i < 10; i++) matchSpdx(big);
    expect((performance.now() - start) / 10).toBeLessThan(250);
  });
});
