/** Chinese resident identity number (GB 11643-1999): region, birth date and ISO 7064 MOD 11-2. */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
// Province-level codes (first two digits): mainland provinces, plus 71/81/82/83 for Taiwan, HK, Macau permits.
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82, 83,
]);

/** Check character (`0-9` or `X`) for the first 17 digits. */
export function cnIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] ?? '';
}

/** True for a valid 18-character ID (upper-case `X` allowed as check character). */
export function cnIdValid(id: string, now: Date = new Date()): boolean {
  if (id.length !== 18 || !/^\d{17}[\dX]$/.test(id)) return false;
  if (!PROVINCES.has(Number(id.slice(0, 2)))) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1900 || y > now.getFullYear() || m < 1 || m > 12 || d < 1) return false;
  // Day 0 of the next month is the last day of this one.
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return false;
  return cnIdCheckChar(id.slice(0, 17)) === id[17];
}
