/** Shannon entropy in bits per character of an ASCII string. */
export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Uint16Array(128);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) counts[c] = (counts[c] ?? 0) + 1;
  }
  let h = 0;
  for (const n of counts) {
    if (n === 0) continue;
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}
