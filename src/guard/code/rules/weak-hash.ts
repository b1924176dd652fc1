/**
 * CWE-328 (and CWE-916 for passwords): MD5 or SHA-1 used where collisions or
 * speed matter: passwords, signatures, tokens, HMAC keys. Checksums and cache
 * keys are left alone by requiring a security word near the call.
 */
import type { Language } from '../languages.js';
import { defineCodeRule } from '../types.js';
import { securityHits } from './lexical.js';

const PATTERNS: Record<Language, RegExp> = {
  python: /\bhashlib\.(?:md5|sha1)\s*\((?![^)]*usedforsecurity\s*=\s*False)|\bhashlib\.new\s*\(\s*['"](?:md5|sha1)['"]|\b(?:MD5|SHA|SHA1)\.new\s*\(|\bhashes\.(?:MD5|SHA1)\s*\(|\bdigestmod\s*=\s*(?:hashlib\.)?['"]?(?:md5|sha1)\b/g,
  javascript: /\bcreateH(?:ash|mac)\s*\(\s*['"`](?:md5|sha1|md4)['"`]|\bCryptoJS\.(?:MD5|SHA1|HmacMD5|HmacSHA1)\s*\(|\bmd5\s*\(/g,
  typescript: /\bcreateH(?:ash|mac)\s*\(\s*['"`](?:md5|sha1|md4)['"`]|\bCryptoJS\.(?:MD5|SHA1|HmacMD5|HmacSHA1)\s*\(|\bmd5\s*\(/g,
  java: /\bMessageDigest\.getInstance\s*\(\s*"(?:MD5|MD2|MD4|SHA-?1|SHA)"|\bDigestUtils\.(?:md5|sha1|sha)(?:Hex)?\s*\(|\bHashing\.(?:md5|sha1)\s*\(|"Hmac(?:MD5|SHA1)"/g,
  c: /\b(?:MD5|SHA1|MD4)(?:_Init|_Update|_Final)?\s*\(|\bEVP_(?:md5|sha1|md4)\s*\(/g,
  go: /\b(?:md5|sha1)\.(?:New|Sum)\s*\(|\bhmac\.New\s*\(\s*(?:md5|sha1)\.New\b/g,
  php: /\b(?:md5|sha1|crc32)\s*\(|\bhash\s*\(\s*['"](?:md5|sha1|md4|crc32)['"]|\bhash_hmac\s*\(\s*['"](?:md5|sha1)['"]/g,
  sql: /\b(?:MD5|SHA1|SHA)\s*\(/gi,
  shell: /\b(?:md5sum|sha1sum|md5)\b|\bopenssl\s+(?:dgst\s+-)?(?:md5|sha1)\b/g,
};

/** `code/weak-hash` (CWE-328). */
export const weakHashRule = defineCodeRule({
  id: 'code/weak-hash',
  title: 'Weak hash for a security purpose',
  cwe: [328, 916],
  severity: 'medium',
  languages: ['python', 'javascript', 'typescript', 'java', 'c', 'go', 'php', 'sql', 'shell'],
  description: 'MD5 or SHA-1 hashing near passwords, tokens, signatures or keys; use bcrypt/scrypt/Argon2 for passwords and SHA-256+ or HMAC-SHA-256 otherwise.',
  check: (ctx) => securityHits(ctx.source, PATTERNS[ctx.language], 'MD5/SHA-1 used for a password, token or signature; use Argon2/bcrypt for passwords, SHA-256 or HMAC-SHA-256 otherwise', 'masked'),
});
