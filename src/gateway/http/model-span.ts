/**
 * Where the top-level `"model"` string sits in a JSON request body, so the
 * gateway can swap in a deployment's model name by splicing bytes instead of
 * serializing the whole parsed body again (most routes rename the model).
 * Call it on bytes JSON.parse accepted; like JSON.parse, the last duplicate
 * key wins.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const MODEL = Buffer.from('"model"');

function isSpace(b: number | undefined): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/** End (exclusive) of the string starting at the quote at `i`. */
function stringEnd(buf: Buffer, i: number): number {
  for (let j = i + 1; j < buf.length; j++) {
    const c = buf[j];
    if (c === BACKSLASH) j++;
    else if (c === QUOTE) return j + 1;
  }
  return buf.length;
}

/** [start, end) of the top-level `model` value (quotes included) when it is a string; undefined otherwise. */
export function modelValueSpan(buf: Buffer): [number, number] | undefined {
  let depth = 0;
  let found: [number, number] | undefined;
  let expectKey = false;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i];
    if (b === QUOTE) {
      const end = stringEnd(buf, i);
      if (depth === 1 && expectKey && end - i === MODEL.length && buf.compare(MODEL, 0, MODEL.length, i, end) === 0) {
        let k = end;
        while (isSpace(buf[k])) k++;
        if (buf[k] === COLON) {
          k++;
          while (isSpace(buf[k])) k++;
          found = buf[k] === QUOTE ? [k, stringEnd(buf, k)] : undefined;
        }
      }
      expectKey = false;
      i = end - 1;
    } else if (b === 0x7b /* { */ || b === 0x5b /* [ */) {
      depth++;
      expectKey = b === 0x7b && depth === 1;
    } else if (b === 0x7d || b === 0x5d) depth--;
    else if (b === 0x2c /* , */ && depth === 1) expectKey = true;
  }
  return found;
}
