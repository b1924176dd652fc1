/** Shapes shared by lineage's readers, signals, verdicts and reports. */

/** What a weight does in a llama-style block; signals pick tensors by role. */
export type TensorRole = 'embed' | 'q' | 'k' | 'v' | 'o' | 'gate' | 'up' | 'down' | 'norm' | 'head' | 'other';

/** One tensor of a model, named and shaped as Hugging Face does ([out, in]). */
export interface ModelTensor {
  /** Canonical (Hugging Face) name; GGUF names are mapped onto it. */
  name: string;
  role: TensorRole;
  layer?: number;
  /** [rows, cols]; 1-D tensors are [1, n]. */
  shape: [number, number];
  /** Storage type: F32, F16, BF16, Q8_0, Q4_0, Q4_K, Q6_K. */
  type: string;
  path: string;
  start: number;
  rowBytes: number;
  ropeHeads?: number;
}

/** Architecture fields read from config.json or GGUF metadata. */
export interface ModelArch {
  family?: string;
  hidden?: number;
  layers?: number;
  heads?: number;
  kvHeads?: number;
  ff?: number;
  vocab?: number;
}

/** Tokenizer identity: vocabulary (when the model ships one), merges and special tokens. */
export interface ModelTokenizer {
  tokens?: string[];
  /** Number of BPE merges, and a digest of them, when present. */
  merges?: { count: number; digest: string };
  specials: Record<string, string>;
}

/** A model opened for fingerprinting: metadata plus where each tensor's bytes are. */
export interface OpenedModel {
  label: string;
  path: string;
  format: 'safetensors' | 'gguf';
  arch: ModelArch;
  tokenizer: ModelTokenizer;
  /** Base model the card or metadata declares; undefined when none is declared. */
  declaredBase?: string;
  tensors: ModelTensor[];
  /** Storage types present, e.g. ['BF16'] or ['F32', 'Q4_0']. */
  storage: string[];
  /** Tensors skipped because their type cannot be dequantized here. */
  skipped: string[];
}

/** Moments and samples of one tensor. */
export interface TensorPrint {
  name: string;
  role: TensorRole;
  layer?: number;
  shape: [number, number];
  mean: number;
  std: number;
  /** Values at a grid of rows × columns fixed by the shape alone, so two models sample the same positions. */
  samples: Float32Array;
}

/** Invariant terms of one layer: n×n matrices over the probe tokens (row-major). */
export interface LayerInvariants {
  layer: number;
  terms: Record<'qk' | 'vo' | 'updown' | 'gatedown', Float32Array>;
}

/** Unit features of one MLP layer: every unit's gate and up rows at fixed columns. */
export interface LayerUnits {
  layer: number;
  units: number;
  /** Features per unit; even positions are used to match, odd ones to test the match. */
  width: number;
  features: Float32Array;
}

/** Everything the signals compare, for one model. */
export interface ModelFingerprint {
  label: string;
  path: string;
  format: OpenedModel['format'];
  arch: ModelArch;
  tokenizer: ModelTokenizer;
  declaredBase?: string;
  storage: string[];
  skipped: string[];
  layers: number;
  tensors: TensorPrint[];
  /** Probe token ids, and their strings when the vocabulary is known (else `#id`). */
  probeIds: number[];
  probeKeys: string[];
  invariants: LayerInvariants[];
  units: LayerUnits[];
  /** Bytes of tensor data read. */
  bytesRead: number;
}
