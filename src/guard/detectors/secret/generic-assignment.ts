import { isSecretKey, readAssignment } from '../../checks/assignment.js';
import type { Hit } from '../../types.js';
import { defineDetector } from '../../define.js';
import { SECRET_KEYWORDS, isPlaceholderValue } from './keywords.js';

// A bare right-hand side that reads like code (a variable, a call, a member access), not a literal.
const EXPRESSION = /^[A-Za-z_$][\w$]*(?:[.([]|$)/;

/**
 * `password = "…"`, `api_key: …`, `"client_secret": "…"`, `DB_PASSWORD=…`: a literal assigned to an
 * identifier whose last part names a secret. Placeholders and code expressions are skipped.
 */
export const genericAssignment = defineDetector({
  id: 'secret/generic-assignment',
  title: 'Secret assigned to a password/key/token field',
  description: 'A literal of 6+ characters assigned to an identifier ending in password, secret, token, api key, credentials…',
  severity: 'high',
  kind: 'secret',
  confidence: 'medium',
  label: 'SECRET',
  trigger: 'anchor',
  anchors: SECRET_KEYWORDS,
  ignoreCase: true,
  matchAt(text, at, anchor): Hit | undefined {
    const a = readAssignment(text, at, anchor.length);
    if (!a || !isSecretKey(a.key)) return undefined;
    const value = text.slice(a.valueStart, a.valueEnd);
    if (value.length < 6 || value.length > 256 || isPlaceholderValue(value) || /\s/.test(value)) return undefined;
    // In code (`password = user_input`) a bare identifier is a variable; in .env files (`PASSWORD=hunter`) it is the value.
    if (!a.quoted && (a.spaced || a.op !== '=') && EXPRESSION.test(value) && !/\d/.test(value)) return undefined;
    if (!a.quoted && /[([{]/.test(value)) return undefined;
    return { start: a.valueStart, end: a.valueEnd };
  },
});
