/**
 * Pax extended header records (`<length> <key>=<value>\n`, POSIX.1-2001) and
 * GNU long-name blocks. Lengths are checked against the data so a hostile
 * record cannot make the parser loop or read out of bounds.
 */

/** Parsed pax records, or the reason they could not be parsed. */
export interface PaxRecords {
  values: Map<string, string>;
  error?: string;
}

/** Parse the data of a pax `x` or `g` header. */
export function parsePax(data: Uint8Array): PaxRecords {
  const values = new Map<string, string>();
  const decoder = new TextDecoder('utf-8');
  let pos = 0;
  while (pos < data.length) {
    if (data[pos] === 0) break; // zero padding after the last record
    const space = data.indexOf(0x20, pos);
    if (space < 0 || space - pos > 20) return { values, error: `unreadable pax record length at byte ${pos}` };
    const length = Number(decoder.decode(data.subarray(pos, space)));
    if (!Number.isInteger(length) || length <= space - pos + 1 || pos + length > data.length || data[pos + length - 1] !== 0x0a) {
      return { values, error: `bad pax record length at byte ${pos}` };
    }
    const record = decoder.decode(data.subarray(space + 1, pos + length - 1));
    const eq = record.indexOf('=');
    if (eq <= 0) return { values, error: `pax record without a key at byte ${pos}` };
    values.set(record.slice(0, eq), record.slice(eq + 1));
    pos += length;
  }
  return { values };
}

/** The name stored in a GNU `L`/`K` long-name block (NUL-terminated). */
export function gnuLongName(data: Uint8Array): string {
  const nul = data.indexOf(0);
  return new TextDecoder('utf-8').decode(nul >= 0 ? data.subarray(0, nul) : data);
}
