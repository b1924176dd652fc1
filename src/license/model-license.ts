/**
 * Collect what the license identifier reads for one model: its card, its
 * license-like files and the `general.*` keys of its GGUF header. Files come
 * from the lock (local paths or cached hub blobs) or straight from a folder.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseSource } from '../core/config/source.js';
import { fileSource, type LockedArtifactModel } from '../artifacts/index.js';
import { isGgufArray, readGgufHeader, type GgufHeader } from '../artifacts/gguf/index.js';
import { parseModelCard } from './card/parse-card.js';
import type { Identifier, ModelDoc, ModelDocs } from './chain/types.js';

/** A file of a model and where its bytes are. */
export interface DocFile {
  /** Path inside the model, `/`-separated. */
  path: string;
  /** Where to read it (a local file or a cached hub blob). */
  absolute: string;
}

const CARD_NAMES = ['readme.md', 'model_card.md', 'modelcard.md'];
// License texts are a few tens of KB; anything far larger is not one.
const MAX_DOC_BYTES = 1024 * 1024;
const MAX_LICENSE_FILES = 8;

/** The files of a locked model, with their bytes in the project or the hub cache. */
export function lockedDocFiles(locked: LockedArtifactModel, baseDir: string, blobPath?: (sha256: string) => string): DocFile[] {
  const src = parseSource(locked.source);
  if (!src.ok) return [];
  if (src.value.kind === 'hf') {
    return blobPath ? locked.files.map((f) => ({ path: f.path, absolute: blobPath(f.sha256) })) : [];
  }
  const root = resolve(baseDir, src.value.path);
  // A single-file source locks one file named after itself.
  const single = locked.files.length === 1 && locked.files[0]?.path === basename(root);
  return locked.files.map((f) => ({ path: f.path, absolute: single ? root : join(root, ...f.path.split('/')) }));
}

/** Top-level files of a folder, or the file itself. */
export async function folderDocFiles(path: string): Promise<DocFile[]> {
  const info = await stat(path);
  if (info.isFile()) return [{ path: basename(path), absolute: path }];
  const entries = await readdir(path, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() || e.isSymbolicLink())
    .map((e) => ({ path: e.name, absolute: join(path, e.name) }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
}

/**
 * Read the card, license files and GGUF metadata among `files`; never throws
 * for one unreadable document (it becomes a problem).
 */
export async function readModelDocs(files: readonly DocFile[], identifier: Pick<Identifier, 'isLicenseFileName'>): Promise<ModelDocs> {
  const docs: ModelDocs = { licenses: [], parsedCard: parseModelCard(''), fileNames: files.map((f) => f.path), problems: [] };
  const top = files.filter((f) => !f.path.includes('/'));
  // A single Markdown file given on its own is read as a card whatever its name.
  const lone = files.length === 1 && files[0]?.path.toLowerCase().endsWith('.md') && !identifier.isLicenseFileName(files[0].path) ? files[0] : undefined;
  const cardFile = lone ?? CARD_NAMES.map((n) => top.find((f) => f.path.toLowerCase() === n)).find(Boolean);
  if (cardFile) {
    docs.card = await readDoc(cardFile, docs.problems);
    if (docs.card) docs.parsedCard = parseModelCard(docs.card.text);
  }
  const licenseFiles = top.filter((f) => f !== cardFile && identifier.isLicenseFileName(f.path)).slice(0, MAX_LICENSE_FILES);
  for (const f of licenseFiles) {
    const d = await readDoc(f, docs.problems);
    if (d) docs.licenses.push(d);
  }
  const gguf = top.find((f) => f.path.toLowerCase().endsWith('.gguf')) ?? files.find((f) => f.path.toLowerCase().endsWith('.gguf'));
  if (gguf) {
    const kv = await readGgufGeneral(gguf, docs.problems);
    if (kv) docs.gguf = { path: gguf.path, kv };
  }
  return docs;
}

async function readDoc(f: DocFile, problems: ModelDocs['problems']): Promise<ModelDoc | undefined> {
  try {
    const info = await stat(f.absolute);
    if (info.size > MAX_DOC_BYTES) {
      problems.push({ file: f.path, message: `${info.size} bytes is too large for a card or license text; not read` });
      return undefined;
    }
    const bytes = await readFile(f.absolute);
    return { path: f.path, text: bytes.toString('utf8'), sha256: createHash('sha256').update(bytes).digest('hex'), absolute: f.absolute };
  } catch (e) {
    problems.push({ file: f.path, message: `cannot read: ${(e as Error).message}` });
    return undefined;
  }
}

/** The `general.*` metadata of a GGUF file as plain values (big integers as numbers). */
async function readGgufGeneral(f: DocFile, problems: ModelDocs['problems']): Promise<Record<string, unknown> | undefined> {
  let header: GgufHeader;
  try {
    const src = await fileSource(f.absolute, f.path);
    try {
      header = await readGgufHeader(src);
    } finally {
      await src.close();
    }
  } catch (e) {
    problems.push({ file: f.path, message: `cannot read the GGUF header: ${(e as Error).message}` });
    return undefined;
  }
  const kv: Record<string, unknown> = {};
  for (const [key, entry] of header.kv) {
    if (!key.startsWith('general.')) continue;
    const v = entry.value;
    if (isGgufArray(v)) kv[key] = v.items.filter((x) => typeof x === 'string');
    else kv[key] = typeof v === 'bigint' ? Number(v) : v;
  }
  return kv;
}
