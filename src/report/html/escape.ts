/**
 * Escaping for the HTML report. Everything a model wrote is untrusted: it is
 * either HTML-escaped into markup, or JSON-encoded into a data block whose
 * `<`, `>` and `&` are written as \u escapes, so no output can close the
 * block or open a tag; the page's script then inserts it with textContent.
 */

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML element content or a quoted attribute. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

/**
 * JSON for a `<script type="application/json">` block: parseable by
 * `JSON.parse(el.textContent)`, and unable to contain `</script` or `<!--`.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
