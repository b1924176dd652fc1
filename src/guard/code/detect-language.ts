/**
 * Guess the language of an untagged snippet (a Markdown fence without a tag,
 * stdin). Each language scores distinctive markers; a shebang or `<?php`
 * decides outright. Undefined when nothing scores, so prose is not scanned.
 */
import type { Language } from './languages.js';

const MARKERS: Record<Language, readonly RegExp[]> = {
  python: [/^\s*def \w+\s*\(.*\)\s*(?:->\s*[\w[\], .]+)?:\s*$/m, /^\s*(?:from [\w.]+ )?import [\w.]+(?: as \w+)?\s*$/m, /^\s*(?:elif|except\b|with .* as \w+:)/m, /\bself\.\w+/, /^\s*@\w+(?:\.\w+)*(?:\(.*\))?\s*$\n\s*def /m, /\bprint\(/, /^\s*if .+:\s*$/m, /\b(?:None|True|False)\b/],
  javascript: [/\b(?:const|let|var) \w+\s*=/, /=>/, /\brequire\(['"]/, /\bconsole\.log\(/, /\bfunction\s*\w*\s*\(/, /\b(?:module\.exports|export (?:default|function|const))\b/, /\bdocument\.\w+/, /\bawait\b/],
  typescript: [/\binterface \w+\s*\{/, /:\s*(?:string|number|boolean|void|any|unknown)\b/, /\bimport type\b/, /\b(?:type \w+\s*=|as const|readonly )\b/, /<\w+>\(/],
  java: [/\bpublic (?:static )?(?:final )?(?:class|void|String|int)\b/, /\bSystem\.out\.print/, /^\s*import java\./m, /\bString\[\] args\b/, /@(?:Override|GetMapping|PostMapping|RestController|Autowired)\b/, /\bnew \w+(?:<.*>)?\(/, /\bprivate (?:static )?(?:final )?\w+/],
  c: [/^\s*#include\s*[<"]/m, /\bint main\s*\(/, /\b(?:printf|fprintf|malloc|free|strcpy|sprintf|snprintf)\s*\(/, /\bchar\s*\*\s*\w+/, /\bsizeof\s*\(/, /->\w+/, /\bstruct \w+\s*\{/],
  go: [/^\s*package \w+\s*$/m, /\bfunc (?:\(\w+ \*?\w+\) )?\w+\(/, /:=/, /\bfmt\.\w+\(/, /\berr != nil\b/, /^\s*import \($/m],
  php: [/\$\w+\s*=/, /\becho\b/, /\$_(?:GET|POST|REQUEST|SERVER)\b/, /->\w+\(/, /\bfunction \w+\(\$/, /\bmysqli_\w+\(/],
  sql: [/^\s*SELECT\b[\s\S]*\bFROM\b/im, /^\s*(?:INSERT INTO|UPDATE \w+ SET|DELETE FROM|CREATE (?:TABLE|USER|PROCEDURE|FUNCTION|INDEX)|ALTER TABLE|DROP TABLE|GRANT)\b/im, /;\s*$/m, /^\s*--/m],
  shell: [/^\s*(?:sudo |apt(?:-get)? |brew |npm |pip3? |curl |wget |git |docker |kubectl |export |cd |echo |chmod |mkdir )/m, /^\s*\$ \w/m, /\bfi\s*$/m, /\bif \[\[? /, /\$\{?\w+\}?/, /\|\s*(?:grep|awk|sed|xargs|sh|bash)\b/, /&&/],
};

/** Guess a snippet's language, or undefined. */
export function detectLanguage(code: string): Language | undefined {
  const head = code.slice(0, 4000);
  const shebang = /^#!\s*(?:\/usr\/bin\/env\s+)?\S*?(python|node|bash|sh|zsh|php)\b/.exec(head);
  if (shebang) return ({ python: 'python', node: 'javascript', php: 'php' } as Record<string, Language>)[shebang[1] ?? ''] ?? 'shell';
  if (/<\?php/.test(head)) return 'php';
  let best: Language | undefined;
  let bestScore = 0;
  for (const [lang, markers] of Object.entries(MARKERS) as Array<[Language, readonly RegExp[]]>) {
    let score = markers.reduce((n, re) => n + (re.test(head) ? 1 : 0), 0);
    if (lang === 'typescript' && score > 0) score += MARKERS.javascript.reduce((n, re) => n + (re.test(head) ? 1 : 0), 0) * 0.9;
    if (score > bestScore) {
      best = lang;
      bestScore = score;
    }
  }
  return bestScore >= 1 ? best : undefined;
}
