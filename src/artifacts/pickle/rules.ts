/** Rules the pickle scanner reports; `PICKLE_RULES` lists them for SARIF and `modelgate rules`. */
import { defineRule } from '../../core/findings.js';

export const DANGEROUS_IMPORT = defineRule({
  id: 'pickle/dangerous-import',
  title: 'Pickle imports a dangerous callable',
  severity: 'critical',
  description:
    'The stream imports a function or class that runs commands, evaluates code, touches files or the network, loads another payload, or reaches arbitrary attributes. Loading the file with pickle, torch.load or joblib.load can run it.',
  cwe: [502],
});

export const UNKNOWN_IMPORT = defineRule({
  id: 'pickle/unknown-import',
  title: 'Pickle imports a callable outside the allowlist',
  severity: 'medium',
  description:
    'The stream imports something torch, numpy and plain-Python saves do not need. Unpickling imports that module and may call it; review the package, or allow the name with `scan.allow_globals` if you trust it.',
  cwe: [502],
});

export const UNRESOLVED_IMPORT = defineRule({
  id: 'pickle/unresolved-import',
  title: 'Pickle imports something the scanner cannot name',
  severity: 'high',
  description:
    'A STACK_GLOBAL whose module or name is not a literal string, an EXT1/EXT2/EXT4 extension-registry import, or a GLOBAL line that does not decode. Real saves never need this; it is how scanners that match names are bypassed.',
  cwe: [502],
});

export const UNSAFE_CALL = defineRule({
  id: 'pickle/unsafe-call',
  title: 'Pickle calls a callable outside the allowlist',
  severity: 'high',
  description:
    'REDUCE, NEWOBJ, NEWOBJ_EX, OBJ, INST or BUILD invokes something that is not allowlisted (or an allowlisted callable with arguments a real save never writes, or the result of another call). The severity follows what is called.',
  cwe: [502],
});

export const OBJECT_TAMPERING = defineRule({
  id: 'pickle/object-tampering',
  title: 'Pickle modifies an imported object',
  severity: 'high',
  description:
    'BUILD, APPEND, SETITEM or ADDITEMS applied to an imported class, function or module rather than to a new object, or BUILD setting a dunder attribute. Real saves never do this; it monkey-patches code that runs later.',
  cwe: [502],
});

export const MALFORMED = defineRule({
  id: 'pickle/malformed',
  title: 'Malformed pickle stream',
  severity: 'high',
  description:
    'Unknown opcode, truncated stream, missing STOP, stack underflow, MARK misuse or a bad memo reference. Python stops at the first of these, after running whatever came before; scanners and loaders that disagree on where a broken stream ends are a classic bypass.',
});

export const TRAILING_DATA = defineRule({
  id: 'pickle/trailing-data',
  title: 'Data after the pickle STOP',
  severity: 'medium',
  description:
    'Bytes follow the end of the pickle. A loader that calls pickle.load again (or a polyglot reader) sees them; when they hold a second pickle it is scanned too.',
});

export const MEMO_EXPANSION = defineRule({
  id: 'pickle/memo-expansion',
  title: 'Pickle expands through memo references',
  severity: 'medium',
  description:
    'The stream references memoized objects far more often than it stores them, or nests shared references until the logical size dwarfs the file (the "billion laughs" shape). Walking or copying the result can exhaust memory or time.',
  cwe: [776],
});

export const EXCESSIVE_NESTING = defineRule({
  id: 'pickle/excessive-nesting',
  title: 'Pickle nests deeper than any real save',
  severity: 'medium',
  description: 'More open MARKs or nested containers than the Python pickler can write; loading or using the result can exhaust the stack.',
  cwe: [674],
});

export const LIMIT_EXCEEDED = defineRule({
  id: 'pickle/limit-exceeded',
  title: 'Pickle scan stopped at a limit',
  severity: 'high',
  description:
    'The stream exceeded an opcode, stack, memo or time limit of the scanner; what follows the reported position was not verified. Too many findings are summarised under this rule as well.',
});

export const UNVERIFIED_DATA = defineRule({
  id: 'pickle/unverified-data',
  title: 'Embedded data could not be delimited',
  severity: 'high',
  description:
    'A joblib NumpyArrayWrapper is followed by raw array bytes whose length the scanner could not compute (or which loaders would read in two different ways), so the rest of the stream was not verified.',
});

/** Every pickle rule, in report order. */
export const PICKLE_RULES = [
  DANGEROUS_IMPORT,
  UNKNOWN_IMPORT,
  UNRESOLVED_IMPORT,
  UNSAFE_CALL,
  OBJECT_TAMPERING,
  MALFORMED,
  TRAILING_DATA,
  MEMO_EXPANSION,
  EXCESSIVE_NESTING,
  LIMIT_EXCEEDED,
  UNVERIFIED_DATA,
] as const;

/** Rule ids the pickle scanner can report. */
export type PickleRuleId = (typeof PICKLE_RULES)[number]['id'];
