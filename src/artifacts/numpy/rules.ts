/** Rules the numpy `.npy` scanner reports. */
import { defineRule } from '../../core/findings.js';

export const NUMPY_OBJECT_ARRAY = defineRule({
  id: 'numpy/object-array',
  title: 'Object array stored as a pickle',
  severity: 'medium',
  description:
    'An array whose dtype is or contains `object` is stored as a pickle. np.load refuses it unless allow_pickle=True, which then runs that pickle; the pickle itself is scanned and judged separately.',
  cwe: [502],
});

export const NUMPY_MALFORMED = defineRule({
  id: 'numpy/malformed',
  title: 'Malformed .npy header',
  severity: 'medium',
  description:
    'Unknown version, a header that is not the expected dict literal, missing or extra keys, or an unreadable dtype or shape. np.load refuses such files; a header over 10,000 bytes only loads with max_header_size raised (low).',
});

export const NUMPY_SIZE_MISMATCH = defineRule({
  id: 'numpy/size-mismatch',
  title: 'Array data does not match its shape',
  severity: 'medium',
  description:
    'shape × itemsize differs from the bytes after the header. Short data fails to load; extra bytes are ignored by np.load and can carry another payload, which is scanned when it is in a known format.',
});

/** Every rule the numpy scanner reports. */
export const NUMPY_RULES = [NUMPY_OBJECT_ARRAY, NUMPY_MALFORMED, NUMPY_SIZE_MISMATCH] as const;
