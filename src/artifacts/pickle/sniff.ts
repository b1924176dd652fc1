/**
 * Placeholder until the pickle walker lands: protocol 2+ streams start with
 * PROTO (0x80) and a protocol number; protocol 0/1 streams are checked by the
 * walker's trial parse.
 */
export function sniffPickle(prefix: Uint8Array): boolean {
  return prefix.length >= 2 && prefix[0] === 0x80 && (prefix[1] ?? 99) <= 5;
}
