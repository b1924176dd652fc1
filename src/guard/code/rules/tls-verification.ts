/**
 * CWE-295: certificate or host-name verification switched off: requests
 * `verify=False`, unverified SSL contexts, `rejectUnauthorized: false`,
 * NODE_TLS_REJECT_UNAUTHORIZED=0, Go InsecureSkipVerify, trust-all Java
 * TrustManagers and HostnameVerifiers, curl/OpenSSL options and flags.
 */
import type { Language } from '../languages.js';
import { defineCodeRule } from '../types.js';
import { matchHits } from './lexical.js';

const NODE_ENV = /\bNODE_TLS_REJECT_UNAUTHORIZED\b['"]?\s*\]?\s*=\s*['"]?0/g;
const JS = [/\brejectUnauthorized\s*:\s*false\b/g, /\bstrictSSL\s*:\s*false\b/g, /\bcheckServerIdentity\s*:\s*\(\)\s*=>\s*(?:undefined|null|\{\s*\})/g, NODE_ENV];
const CURL_C = [/\bCURLOPT_SSL_VERIFY(?:PEER|HOST)\s*,\s*(?:0L?|false|FALSE)\b/g, /\bSSL_CTX_set_verify\s*\([^,]+,\s*SSL_VERIFY_NONE\b/g, /\bSSL_set_verify\s*\([^,]+,\s*SSL_VERIFY_NONE\b/g];

const PATTERNS: Record<Language, readonly RegExp[]> = {
  python: [
    /\bverify\s*=\s*False\b/g,
    /\bssl\._create_unverified_context\s*\(/g,
    /\bcheck_hostname\s*=\s*False\b/g,
    /\bverify_mode\s*=\s*ssl\.CERT_NONE\b|\bcert_reqs\s*=\s*(?:ssl\.)?['"]?CERT_NONE\b/g,
    /\bssl\._create_default_https_context\s*=\s*ssl\._create_unverified_context\b/g,
    /\bPYTHONHTTPSVERIFY['"]?\s*\]?\s*=\s*['"]?0/g,
  ],
  javascript: JS,
  typescript: JS,
  java: [
    /\bcheckServerTrusted\s*\([^)]*\)\s*(?:throws\s+[\w.,\s]+)?\{\s*\}/g,
    /\bgetAcceptedIssuers\s*\(\s*\)\s*\{\s*return\s+(?:null|new\s+X509Certificate\s*\[\s*0\s*\])\s*;\s*\}/g,
    /\b(?:ALLOW_ALL_HOSTNAME_VERIFIER|NoopHostnameVerifier|TrustAllStrategy|TrustSelfSignedStrategy|InsecureTrustManagerFactory)\b/g,
    /\bverify\s*\(\s*String\s+\w+\s*,\s*SSLSession\s+\w+\s*\)\s*\{\s*return\s+true\s*;/g,
    /\bsetHostnameVerifier\s*\(\s*\(\s*\w+\s*,\s*\w+\s*\)\s*->\s*true\b/g,
  ],
  c: CURL_C,
  go: [/\bInsecureSkipVerify\s*:\s*true\b/g],
  php: [
    /\bCURLOPT_SSL_VERIFY(?:PEER|HOST)\s*(?:,|=>)\s*(?:0|false|FALSE)\b/g,
    /['"]verify_peer(?:_name)?['"]\s*=>\s*false\b/gi,
    /['"]verify['"]\s*=>\s*false\b/gi,
  ],
  sql: [],
  shell: [
    /(?<![\w-])curl\b[^\n|;]*\s(?:-k|--insecure|-[a-zA-Z]*k[a-zA-Z]*)(?=\s|$)/gm,
    /\bwget\b[^\n|;]*\s--no-check-certificate\b/g,
    /\bgit\b[^\n|;]*\bhttp\.sslVerify(?:\s+|=)["']?false\b/gi,
    /\bGIT_SSL_NO_VERIFY=(?:1|true)\b/g,
    /\bNODE_TLS_REJECT_UNAUTHORIZED=['"]?0\b/g,
    /\bPYTHONHTTPSVERIFY=['"]?0\b/g,
    /\b(?:npm|yarn)\s+config\s+set\s+strict-ssl\s+false\b/g,
    /\bpip3?\b[^\n|;]*--trusted-host\b/g,
  ],
};

/** `code/tls-verification-disabled` (CWE-295). */
export const tlsVerificationRule = defineCodeRule({
  id: 'code/tls-verification-disabled',
  title: 'TLS certificate verification disabled',
  cwe: [295],
  severity: 'high',
  languages: ['python', 'javascript', 'typescript', 'java', 'c', 'go', 'php', 'shell'],
  description: 'verify=False, unverified SSL contexts, rejectUnauthorized:false, NODE_TLS_REJECT_UNAUTHORIZED=0, InsecureSkipVerify, trust-all TrustManagers, CURLOPT_SSL_VERIFYPEER off, curl -k, wget --no-check-certificate.',
  check: (ctx) => PATTERNS[ctx.language].flatMap((re) => matchHits(ctx.source, re, 'TLS certificate or host-name verification is disabled; fix the trust store instead')),
});
