/**
 * CWE-338: a non-cryptographic generator (Math.random, Python `random`, C
 * rand, Go math/rand, PHP rand/mt_rand/uniqid, Java Random, shell $RANDOM)
 * produces a token, password, key, salt or nonce. The security word must
 * appear near the call, so dice rolls and jitter pass.
 */
import type { Language } from '../languages.js';
import type { Source } from '../source/source.js';
import { defineCodeRule } from '../types.js';
import { securityHits } from './lexical.js';

const PATTERNS: Record<Language, RegExp> = {
  python: /\brandom\.(?:random|randint|randrange|choice|choices|sample|getrandbits|shuffle|uniform)\s*\(/g,
  javascript: /\bMath\.random\s*\(/g,
  typescript: /\bMath\.random\s*\(/g,
  java: /\bnew\s+(?:java\.util\.)?Random\s*\(|\bMath\.random\s*\(|\bThreadLocalRandom\.current\s*\(/g,
  c: /\b(?:rand|random|drand48|lrand48)\s*\(\s*\)/g,
  go: /\brand\.(?:Int|Intn|Int31|Int63|Int31n|Int63n|Uint32|Uint64|Float64|Perm|Read|Shuffle)\s*\(/g,
  php: /\b(?:rand|mt_rand|uniqid|lcg_value|str_shuffle|array_rand|shuffle)\s*\(/g,
  sql: /(?!)/g,
  shell: /\$\{?RANDOM\b/g,
};

// Go's math/rand and crypto/rand share the `rand.` prefix; only math/rand is weak.
function applies(lang: Language, src: Source): boolean {
  return lang !== 'go' || /"math\/rand(?:\/v2)?"/.test(src.masked) || !/"crypto\/rand"/.test(src.masked);
}

/** `code/insecure-randomness` (CWE-338). */
export const insecureRandomnessRule = defineCodeRule({
  id: 'code/insecure-randomness',
  title: 'Insecure randomness for a secret',
  cwe: [338, 330],
  severity: 'high',
  languages: ['python', 'javascript', 'typescript', 'java', 'c', 'go', 'php', 'shell'],
  description: 'A predictable PRNG (Math.random, random.*, rand(), math/rand, mt_rand, java.util.Random, $RANDOM) generates a token, password, key, salt or nonce.',
  check: (ctx) =>
    applies(ctx.language, ctx.source)
      ? securityHits(ctx.source, PATTERNS[ctx.language], 'predictable random number used for a secret; use secrets / crypto.randomBytes / SecureRandom / crypto/rand / random_bytes', 'masked', 3)
      : [],
});
