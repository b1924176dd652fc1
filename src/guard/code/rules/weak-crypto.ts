/**
 * CWE-327: broken or risky ciphers and modes: DES/3DES, RC4, RC2, Blowfish,
 * ECB mode (including Java's bare "AES", which defaults to ECB), Node's
 * IV-less `createCipher`, PHP mcrypt. Pattern-based: the names are distinctive.
 */
import type { Language } from '../languages.js';
import { defineCodeRule } from '../types.js';
import { matchHits } from './lexical.js';


const PATTERNS: Record<Language, readonly RegExp[]> = {
  python: [
    /\b(?:DES|DES3|ARC4|ARC2|Blowfish|XOR)\.new\s*\(/g,
    /\bMODE_ECB\b/g,
    /\balgorithms\.(?:TripleDES|Blowfish|ARC4|IDEA|CAST5|SEED)\s*\(/g,
    /\bmodes\.ECB\s*\(/g,
  ],
  javascript: [/\bcreateCipher(?:iv)?\s*\(\s*['"`](?:des|rc4|rc2|bf|blowfish|aes-\d{3}-ecb)[^'"`]*['"`]/gi, /\bcreateCipher\s*\(/g, /\bCryptoJS\.(?:DES|TripleDES|RC4|Rabbit)\b/g, /\bCryptoJS\.mode\.ECB\b/g],
  typescript: [],
  java: [/\bCipher\.getInstance\s*\(\s*"(?:DES|DESede|RC4|ARCFOUR|RC2|Blowfish|AES|AES\/ECB\/[\w]+|[\w]+\/ECB\/[\w]+)"/g, /\bKeyGenerator\.getInstance\s*\(\s*"(?:DES|DESede|RC4|RC2|Blowfish)"/g, /\bnew\s+DESKeySpec\s*\(/g],
  c: [/\bEVP_(?:des|rc4|rc2|bf|aes_\d{3}_ecb|cast5)\w*\s*\(/g, /\bDES_(?:ecb|ncbc|cbc)_encrypt\s*\(/g, /\bRC4(?:_set_key)?\s*\(/g, /\bBF_(?:ecb|cbc)_encrypt\s*\(/g],
  go: [/\b(?:des\.New(?:TripleDES)?Cipher|rc4\.NewCipher|blowfish\.NewCipher)\s*\(/g],
  php: [/\bopenssl_(?:en|de)crypt\s*\([^;]*['"](?:des|rc4|rc2|bf|blowfish|aes-\d{3}-ecb)[^'"]*['"]/gi, /\bmcrypt_\w+\s*\(/g, /\bMCRYPT_(?:DES|3DES|RIJNDAEL_\d+|BLOWFISH)\b/g],
  sql: [],
  shell: [/\bopenssl\s+(?:enc\s+)?-?(?:des|des3|des-ede3?|rc4|rc2|bf|aes-\d{3}-ecb)\w*\b/g],
};

/** `code/weak-crypto` (CWE-327). */
export const weakCryptoRule = defineCodeRule({
  id: 'code/weak-crypto',
  title: 'Broken or risky cipher',
  cwe: [327],
  severity: 'high',
  languages: ['python', 'javascript', 'typescript', 'java', 'c', 'go', 'php', 'shell'],
  description: 'DES/3DES, RC4, RC2, Blowfish or ECB mode (Java "AES" alone means ECB), Node createCipher without IV, PHP mcrypt.',
  check: (ctx) => {
    const lang = ctx.language === 'typescript' ? 'javascript' : ctx.language;
    return PATTERNS[lang].flatMap((re) => matchHits(ctx.source, re, 'broken or risky cipher or mode; use AES-GCM or ChaCha20-Poly1305'));
  },
});
