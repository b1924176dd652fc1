/** Every code rule, in report order. Adding a rule = one file + one line here + its fixtures. */
import type { CodeRule } from '../types.js';
import { codeInjectionRule } from './code-injection.js';
import { commandInjectionRule } from './command-injection.js';
import { hardcodedSecretRule } from './hardcoded-secret.js';
import { insecureRandomnessRule } from './insecure-randomness.js';
import { obfuscationRule } from './obfuscation.js';
import { pathTraversalRule } from './path-traversal.js';
import { sqlInjectionRule } from './sql-injection.js';
import { tlsVerificationRule } from './tls-verification.js';
import { unsafeDeserializationRule } from './unsafe-deserialization.js';
import { weakCryptoRule } from './weak-crypto.js';
import { weakHashRule } from './weak-hash.js';
import { xssRule } from './xss.js';

/** The code scanner's rule table. */
export const codeRules: readonly CodeRule[] = [
  sqlInjectionRule,
  commandInjectionRule,
  codeInjectionRule,
  pathTraversalRule,
  unsafeDeserializationRule,
  weakCryptoRule,
  weakHashRule,
  insecureRandomnessRule,
  hardcodedSecretRule,
  tlsVerificationRule,
  xssRule,
  obfuscationRule,
];

/** Rule ids, for docs and options. */
export type CodeRuleId = (typeof codeRules)[number]['id'];
