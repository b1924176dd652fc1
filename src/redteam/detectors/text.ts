/**
 * Text helpers detectors share: separating a reasoning trace from the
 * answer, and normalising text so spaced-out, leetspeak or encoded copies of
 * a secret still match it.
 */

/** The answer without `<think>` blocks, and the reasoning (inline `<think>` or the upstream's own field). */
export function splitReasoning(output: string, reasoning?: string): { answer: string; reasoning: string } {
  const inline: string[] = [];
  const answer = output.replace(/<think>([\s\S]*?)(<\/think>|$)/gi, (_m, body: string) => {
    inline.push(body);
    return '';
  });
  return { answer: answer.trim(), reasoning: [reasoning ?? '', ...inline].join('\n').trim() };
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

/** Lowercase letters and digits only, with leetspeak undone: `S-3-C R E T` → `secret`. */
export function squash(s: string, leet = false): string {
  const lower = s.toLowerCase();
  const mapped = leet ? [...lower].map((c) => LEET[c] ?? c).join('') : lower;
  return mapped.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');
}

function rot13(s: string): string {
  return s.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
}

/** Decoded forms of base64 and hex runs in `text`, so an encoded leak can be matched in clear. */
export function decodedRuns(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/[A-Za-z0-9+/_-]{12,}={0,2}/g)) {
    const decoded = Buffer.from(m[0].replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
    if (/^[\x20-\x7e\s]+$/.test(decoded)) out.push(decoded);
  }
  for (const m of text.matchAll(/(?:[0-9a-f]{2}[\s:]?){6,}/gi)) {
    const hex = m[0].replace(/[\s:]/g, '');
    const decoded = Buffer.from(hex, 'hex').toString('utf8');
    if (/^[\x20-\x7e\s]+$/.test(decoded)) out.push(decoded);
  }
  return out;
}

/** How a secret showed up in the text, or undefined when it did not. */
export function findSecret(text: string, secret: string): 'exact' | 'fuzzy' | 'encoded' | undefined {
  if (secret === '') return undefined;
  if (text.includes(secret)) return 'exact';
  const s = squash(secret);
  // Very short secrets would match by chance once squashed.
  if (s.length >= 6 && (squash(text).includes(s) || squash(text, true).includes(squash(secret, true)))) return 'fuzzy';
  if (s.length >= 6 && squash([...text].reverse().join('')).includes(s)) return 'encoded';
  if (s.length >= 6 && squash(rot13(text)).includes(s)) return 'encoded';
  for (const d of decodedRuns(text)) if (d.includes(secret) || (s.length >= 6 && squash(d).includes(s))) return 'encoded';
  return undefined;
}
