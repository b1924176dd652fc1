/**
 * The in-process llama.cpp engine (node-llama-cpp), loaded on first use and
 * shared by the `local` provider and by GGUF-vocabulary token counting.
 * Models are cached per path; before native code sees a file, its header is
 * checked with the artifact scanner's GGUF reader, because llama.cpp may
 * crash the process on a malformed file where the reader only reports it.
 */
import { resolve } from 'node:path';
import type { Llama, LlamaModel } from 'node-llama-cpp';
import type { Result } from '../types.js';

/** A loaded model and what its header says about chat formatting. */
export interface LoadedGguf {
  llama: Llama;
  model: LlamaModel;
  path: string;
  /** `tokenizer.chat_template` from the GGUF, when present. */
  chatTemplate: string | undefined;
  /** The context length the model was trained with, from the header. */
  trainedContext: number | undefined;
}

let engine: Promise<Llama> | undefined;
const models = new Map<string, Promise<Result<LoadedGguf>>>();

/** The llama.cpp binding: prebuilt CPU binaries only (no build, no GPU probing). */
export function getEngine(): Promise<Llama> {
  engine ??= import('node-llama-cpp').then((m) => m.getLlama({ gpu: false, build: 'never', logLevel: m.LlamaLogLevel.error }));
  return engine;
}

/**
 * Load (or reuse) a GGUF model. `vocabOnly` loads just the tokenizer, which
 * is enough to count tokens and takes a fraction of the memory.
 */
export function loadGguf(path: string, o: { vocabOnly?: boolean; provider: string }): Promise<Result<LoadedGguf>> {
  const abs = resolve(path);
  const key = `${o.vocabOnly ? 'vocab' : 'full'}\0${abs}`;
  let p = models.get(key);
  if (!p) {
    p = load(abs, o.vocabOnly ?? false, o.provider);
    models.set(key, p);
    // A failed load is not cached: the file may be fixed or appear later.
    void p.then((r) => {
      if (!r.ok) models.delete(key);
    });
  }
  return p;
}

async function load(path: string, vocabOnly: boolean, provider: string): Promise<Result<LoadedGguf>> {
  const header = await inspect(path, provider);
  if (!header.ok) return header;
  try {
    const llama = await getEngine();
    const model = await llama.loadModel({ modelPath: path, vocabOnly });
    return { ok: true, value: { llama, model, path, ...header.value } };
  } catch (err) {
    return { ok: false, failure: { kind: 'upstream_5xx', provider, message: `llama.cpp could not load ${path}: ${(err as Error).message}` } };
  }
}

/** Read the header with the GGUF reader; refuse files it cannot read completely or finds dangerous. */
async function inspect(path: string, provider: string): Promise<Result<Pick<LoadedGguf, 'chatTemplate' | 'trainedContext'>>> {
  const [{ fileSource }, gguf] = await Promise.all([import('../../artifacts/index.js'), import('../../artifacts/gguf/index.js')]);
  let src;
  try {
    src = await fileSource(path);
  } catch (err) {
    return { ok: false, failure: { kind: 'upstream_5xx', provider, message: `cannot open model file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` } };
  }
  try {
    const h = await gguf.readGgufHeader(src);
    const bad = h.problems.find((p) => p.severity === 'high' || p.severity === 'critical');
    if (!h.complete || bad) {
      const why = bad?.message ?? h.problems[0]?.message ?? 'incomplete header';
      return { ok: false, failure: { kind: 'upstream_5xx', provider, message: `refusing to load ${path}: ${why}` } };
    }
    const arch = gguf.ggufString(h, 'general.architecture');
    return {
      ok: true,
      value: { chatTemplate: gguf.ggufString(h, 'tokenizer.chat_template'), trainedContext: arch ? gguf.ggufNumber(h, `${arch}.context_length`) : undefined },
    };
  } finally {
    await src.close();
  }
}

/** Count tokens of texts with a GGUF's own vocabulary (no special tokens added). */
export async function countWithGguf(path: string, texts: readonly string[], provider: string): Promise<number | undefined> {
  const r = await loadGguf(path, { vocabOnly: true, provider });
  if (!r.ok) return undefined;
  let n = 0;
  for (const t of texts) if (t) n += r.value.model.tokenize(t).length;
  return n;
}

/** Dispose every cached model (tests, shutdown). */
export async function disposeModels(): Promise<void> {
  const all = [...models.values()];
  models.clear();
  for (const p of all) {
    const r = await p;
    if (r.ok) await r.value.model.dispose();
  }
}
