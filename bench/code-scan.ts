/**
 * Throughput of the code scanner: `npx vite-node bench/code-scan.ts [MB]`.
 * Two corpora: real source files found on the machine (JavaScript from
 * node_modules, Python's standard library when present), and the labelled
 * set concatenated per language (every snippet holds a sink, so nearly all
 * of it gets parsed: the worst case).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { languageFromPath, scanCode, type Language } from '../src/guard/code/index.js';

const FIXTURES = fileURLToPath(new URL('../src/guard/code/__fixtures__', import.meta.url));
const targetMb = Number(process.argv[2] ?? 8);

async function corpus(): Promise<Array<{ language: Language; text: string }>> {
  const byLang = new Map<Language, string[]>();
  for (const dir of await readdir(FIXTURES)) {
    for (const name of await readdir(join(FIXTURES, dir))) {
      const language = languageFromPath(name.replace(/\.txt$/, ''));
      if (!language) continue;
      const list = byLang.get(language) ?? [];
      // PHP pages and shebang scripts only start once; keep the bodies.
      list.push((await readFile(join(FIXTURES, dir, name), 'utf8')).replace(/^<\?php\n|^#!.*\n/, ''));
      byLang.set(language, list);
    }
  }
  const files: Array<{ language: Language; text: string }> = [];
  for (const [language, parts] of byLang) {
    const unit = (language === 'php' ? '<?php\n' : '') + parts.join('\n');
    files.push({ language, text: unit.repeat(Math.max(1, Math.round(200_000 / unit.length))) });
  }
  return files;
}

async function realCorpus(limit: number): Promise<Array<{ language: Language; text: string }>> {
  const out: Array<{ language: Language; text: string }> = [];
  let size = 0;
  const walk = async (dir: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (size >= limit) return;
      const p = join(dir, e.name);
      if (e.isDirectory() && depth < 6) await walk(p, depth + 1);
      else if (e.isFile() && /\.(?:js|py)$/.test(e.name) && !/\.min\.js$/.test(e.name)) {
        const text = await readFile(p, 'utf8');
        if (text.length > 2_000 && text.length < 400_000) {
          out.push({ language: e.name.endsWith('.py') ? 'python' : 'javascript', text });
          size += text.length;
        }
      }
    }
  };
  await walk('/usr/lib/python3', 0);
  for (const v of ['3.13', '3.12', '3.11']) await walk(`/usr/lib/python${v}`, 0);
  await walk(fileURLToPath(new URL('../node_modules', import.meta.url)), 0);
  return out;
}

async function measure(label: string, files: Array<{ language: Language; text: string }>, rounds: number): Promise<void> {
  for (const f of files.slice(0, 20)) await scanCode(f.text.slice(0, 500), { language: f.language }); // load grammars outside the timing
  let findings = 0;
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const f of files) findings += (await scanCode(f.text, { language: f.language })).length;
  const seconds = (performance.now() - t0) / 1000;
  const mb = (files.reduce((n, f) => n + f.text.length, 0) * rounds) / 1e6;
  console.log(`code-scan ${label}: ${mb.toFixed(1)} MB in ${seconds.toFixed(2)} s = ${(mb / seconds).toFixed(1)} MB/s (${files.length} files, ${findings} findings)`);
}

await measure('real files', await realCorpus(targetMb * 1e6), 1);
const files = await corpus();
const perRound = files.reduce((n, f) => n + f.text.length, 0);
const rounds = Math.max(1, Math.round((targetMb * 1e6) / perRound));
await measure('labelled set (worst case: a sink in every function)', files, Math.max(1, Math.round(rounds / 4)));
