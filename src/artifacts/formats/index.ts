/**
 * The table of format scanners the dispatcher uses, one line per format.
 * A format without a line here is detected but only checked by generic rules.
 */
import type { ArtifactFormat, FormatScanner } from '../scanner.js';

export const formatScanners: Partial<Record<ArtifactFormat, FormatScanner>> = {
  // pickle: (pickle scanner)
  // zip / tar / gzip / numpy: (container scanners)
  // safetensors / gguf / python / json / text: (tensor-format and remote-code scanners)
};
