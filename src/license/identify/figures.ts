/**
 * Figures in license texts ("700 million monthly active users", "100,000,000",
 * "one hundred million", "1M DAU") read as numbers, so a rewording of a figure
 * still matches the catalog fact that states it.
 */

// Scale words after a number; single letters only count glued to it ("100m"), since "1 b" is a clause reference.
const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, mn: 1e6, mio: 1e6, billion: 1e9, bn: 1e9 };
const GLUED_SCALE: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, b: 1e9, bn: 1e9 };

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90,
};

/** Every number stated in a normalised token list, with scale words applied. */
export function extractFigures(tokens: readonly string[]): Set<number> {
  const found = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    const glued = /^(\d+(?:\.\d+)?)(k|m|mn|bn|b)$/.exec(t); // "100m", "1bn"
    if (glued) {
      found.add(Number(glued[1]) * (GLUED_SCALE[glued[2] ?? ''] ?? 1));
      continue;
    }
    if (/^\d+(?:\.\d+)?$/.test(t)) {
      const scale = SCALE[tokens[i + 1] ?? ''];
      found.add(scale === undefined ? Number(t) : Number(t) * scale);
      continue;
    }
    if (t in UNITS && !((tokens[i - 1] ?? '') in UNITS)) {
      const { value, next } = readNumberWords(tokens, i);
      if (next > i + 1 || value >= 10) found.add(value);
      i = next - 1;
    }
  }
  return found;
}

/** The numbers a catalog figure string states ("700 million" → 700000000). */
export function figureValues(figure: string, normalize: (s: string) => string): number[] {
  return [...extractFigures(normalize(figure).split(' '))];
}

// "seven hundred million" → 700000000; stops at the first token that is not a number word.
function readNumberWords(tokens: readonly string[], start: number): { value: number; next: number } {
  let total = 0;
  let current = 0;
  let i = start;
  for (; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    if (t in UNITS) current += UNITS[t] ?? 0;
    else if (t === 'hundred') current = (current || 1) * 100;
    else if (t === 'thousand' || t === 'million' || t === 'billion') {
      total += (current || 1) * (SCALE[t] ?? 1);
      current = 0;
    } else if (t === 'and' && i > start) continue;
    else break;
  }
  return { value: total + current, next: i };
}
