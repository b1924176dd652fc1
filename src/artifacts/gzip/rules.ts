/** Rules the gzip scanner reports (also for joblib's zlib streams). */
import { defineRule } from '../../core/findings.js';

export const GZIP_BOMB = defineRule({
  id: 'gzip/bomb',
  title: 'Decompression bomb',
  severity: 'high',
  description:
    'The stream inflates beyond the member limit, the scan budget or what deflate can produce from its size. Inflation stops there and the rest of the scan inflates nothing more.',
  cwe: [409],
});

export const GZIP_TRUNCATED = defineRule({
  id: 'gzip/truncated',
  title: 'Truncated compressed stream',
  severity: 'medium',
  description:
    'The stream ends before its end marker or trailer. Loaders that stream (pickle.load on gzip.open) act on the bytes before the cut, so what was inflated is scanned.',
});

export const GZIP_MALFORMED = defineRule({
  id: 'gzip/malformed',
  title: 'Malformed compressed stream',
  severity: 'medium',
  description: 'Corrupt deflate data, unknown header flags, a wrong size field or garbage after the last member; gzip readers disagree on such files.',
});

export const GZIP_CRC_MISMATCH = defineRule({
  id: 'gzip/crc-mismatch',
  title: 'Member CRC does not match its content',
  severity: 'medium',
  description: 'Python raises only after the content has been read (and, for pickles, executed); the content is scanned regardless.',
});

/** Every rule the gzip scanner reports. */
export const GZIP_RULES = [GZIP_BOMB, GZIP_TRUNCATED, GZIP_MALFORMED, GZIP_CRC_MISMATCH] as const;
