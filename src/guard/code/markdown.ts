/**
 * Code blocks of a Markdown model answer. Fences with ``` or ~~~ (three or
 * more, closed by the same run), an optional info string whose first word
 * names the language; an untagged or unknown tag falls back to a guess.
 */
import { detectLanguage } from './detect-language.js';
import { normalizeLanguage, type Language } from './languages.js';

/** One fenced block. */
export interface CodeBlock {
  /** Known language (from the tag, else guessed), or undefined when neither works. */
  lang: Language | undefined;
  /** The tag as written (`python`, `js {title=x}` → `js`), '' when absent. */
  tag: string;
  code: string;
  /** 1-based line of the block's first code line in the Markdown. */
  line: number;
}

const OPEN = /^( {0,3})(`{3,}|~{3,})\s*([^`\s{]*)[^\n]*$/;

/**
 * Fenced code blocks in `markdown`, in order. An unclosed fence runs to the end.
 * @example
 * extractCodeBlocks('Try:\n```py\nimport os\n```');
 * // [{ lang: 'python', tag: 'py', code: 'import os', line: 3 }]
 */
export function extractCodeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i] ?? '');
    if (!open) continue;
    const [, indent = '', fence = '', rawTag = ''] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j] ?? '';
      if (new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(l)) break;
      body.push(indent ? l.replace(new RegExp(`^ {0,${indent.length}}`), '') : l);
    }
    const code = body.join('\n');
    const tag = rawTag.toLowerCase();
    blocks.push({ lang: normalizeLanguage(tag) ?? detectLanguage(code), tag, code, line: i + 2 });
    i = j;
  }
  return blocks;
}
