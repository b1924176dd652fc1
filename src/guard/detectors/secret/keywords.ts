/** Keyword anchors shared by the context-driven secret detectors. */

/**
 * Lower-case stems of secret-naming identifiers; the engine matches them case-insensitively and
 * the detectors then check the whole identifier (`db_password`, `apiKey`, `client_secret`).
 */
export const SECRET_KEYWORDS = ['pass', 'pwd', 'secret', 'token', 'key', 'credential'] as const;

/** Values that stand for a secret rather than being one (templates, masks, examples). */
export function isPlaceholderValue(value: string): boolean {
  if (/^[$%<{[*]|\$\{|\{\{|^x{3,}$|^\*{3,}|^\.{3}|^(?:null|none|nil|true|false|undefined|string|required|optional|redacted|hidden)$/i.test(value)) {
    return true;
  }
  if (/^(?:your|my|the|insert|enter|replace|example|sample|dummy|placeholder|changeme|todo)[\w-]*$/i.test(value)) return true;
  return /^(?:process\.env|os\.environ|os\.getenv|env\.|getenv|System\.getenv|config\.|settings\.)/.test(value);
}
