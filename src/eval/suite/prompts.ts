/**
 * Prompts: template text, chat messages, or `file://` references (text files
 * split on `---` lines into several prompts, JSON/YAML files holding chat
 * messages), compiled once. A text prompt that is a JSON array of
 * `{ role, content }` is a chat, as in promptfoo; its contents are rendered
 * after parsing so a var's quotes can never break the JSON.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { compileTemplate, type Template } from './template.js';
import type { PromptEntry } from './schema.js';

/** A chat message of a rendered prompt. */
export interface PromptMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** A prompt ready to render per case. */
export interface CompiledPrompt {
  /** Stable id: the label when given, else a hash of the template text. */
  id: string;
  /** Short name for tables. */
  label: string;
  kind: 'text' | 'chat';
  render(vars: Readonly<Record<string, unknown>>): PromptMessage[];
}

/** A prompt problem; `path` locates the entry in the suite. */
export interface PromptIssue {
  path: (string | number)[];
  message: string;
}

const ROLES = new Set(['system', 'user', 'assistant']);
const CODE_EXT = new Set(['.js', '.mjs', '.cjs', '.ts', '.py']);

function hashId(text: string): string {
  return `p-${createHash('sha256').update(text).digest('hex').slice(0, 10)}`;
}

function asMessages(v: unknown): PromptMessage[] | undefined {
  if (!Array.isArray(v) || v.length === 0) return undefined;
  for (const m of v) {
    if (!m || typeof m !== 'object' || !ROLES.has((m as PromptMessage).role) || typeof (m as PromptMessage).content !== 'string') return undefined;
  }
  return v as PromptMessage[];
}

function chatFromText(text: string): PromptMessage[] | undefined {
  const t = text.trim();
  if (!t.startsWith('[')) return undefined;
  try {
    return asMessages(JSON.parse(t));
  } catch {
    return undefined;
  }
}

function build(source: PromptMessage[] | string, label: string | undefined, path: PromptIssue['path']): CompiledPrompt | PromptIssue {
  const messages = typeof source === 'string' ? (chatFromText(source) ?? source) : source;
  const raw = typeof messages === 'string' ? messages : JSON.stringify(messages);
  const id = label ?? hashId(raw);
  const shown = label ?? (typeof messages === 'string' ? messages : (messages.find((m) => m.role === 'user')?.content ?? raw)).replace(/\s+/g, ' ').slice(0, 40);
  if (typeof messages === 'string') {
    const t = compileTemplate(messages);
    if (!t.ok) return { path, message: t.message };
    const tpl = t.template;
    return { id, label: shown, kind: 'text', render: (vars) => [{ role: 'user', content: tpl.render(vars) }] };
  }
  const parts: { role: PromptMessage['role']; tpl: Template }[] = [];
  for (const [i, m] of messages.entries()) {
    const t = compileTemplate(m.content);
    if (!t.ok) return { path: [...path, 'messages', i, 'content'], message: t.message };
    parts.push({ role: m.role, tpl: t.template });
  }
  return { id, label: shown, kind: 'chat', render: (vars) => parts.map((p) => ({ role: p.role, content: p.tpl.render(vars) })) };
}

async function fromFile(ref: string, label: string | undefined, baseDir: string, path: PromptIssue['path']): Promise<(CompiledPrompt | PromptIssue)[]> {
  const rel = ref.slice('file://'.length);
  const ext = extname(rel).toLowerCase();
  if (CODE_EXT.has(ext)) return [{ path, message: `prompt functions (${ext} files) are not supported; use a template or chat messages` }];
  let text: string;
  try {
    text = await readFile(resolve(baseDir, rel), 'utf8');
  } catch (e) {
    return [{ path, message: `cannot read ${rel}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }];
  }
  if (ext === '.json' || ext === '.yaml' || ext === '.yml') {
    let data: unknown;
    try {
      data = ext === '.json' ? JSON.parse(text) : parseYaml(text);
    } catch (e) {
      return [{ path, message: `${rel} is not valid ${ext.slice(1).toUpperCase()}: ${(e as Error).message.split('\n')[0]}` }];
    }
    const messages = asMessages(data);
    if (messages) return [build(messages, label ?? rel, path)];
    if (typeof data === 'string') return [build(data, label ?? rel, path)];
    return [{ path, message: `${rel} must hold chat messages ([{ role, content }]) or a string` }];
  }
  const pieces = text.split(/^---\s*$/m).map((s) => s.trim()).filter((s) => s.length > 0);
  return pieces.map((p, i) => build(p, label ? (pieces.length > 1 ? `${label}#${i + 1}` : label) : pieces.length > 1 ? `${rel}#${i + 1}` : rel, path));
}

/** Compile a suite's prompts; file references resolve against `baseDir`. */
export async function compilePrompts(entries: readonly PromptEntry[], baseDir: string): Promise<{ prompts: CompiledPrompt[]; issues: PromptIssue[] }> {
  const prompts: CompiledPrompt[] = [];
  const issues: PromptIssue[] = [];
  for (const [i, e] of entries.entries()) {
    const path = ['prompts', i];
    let built: (CompiledPrompt | PromptIssue)[];
    if (typeof e === 'string') built = e.startsWith('file://') ? await fromFile(e, undefined, baseDir, path) : [build(e, undefined, path)];
    else if (e.messages) built = [build(e.messages, e.label ?? e.id, path)];
    else if (e.raw) built = [build(e.raw, e.label ?? e.id, path)];
    else if (e.id?.startsWith('file://')) built = await fromFile(e.id, e.label, baseDir, path);
    else built = [{ path, message: 'a prompt with only an id must be a file:// path' }];
    for (const b of built) ('render' in b ? prompts : issues).push(b as never);
  }
  const seen = new Set<string>();
  for (const p of prompts) {
    if (seen.has(p.id)) issues.push({ path: ['prompts'], message: `two prompts share the id "${p.id}"; give them distinct labels` });
    seen.add(p.id);
  }
  return { prompts, issues };
}
