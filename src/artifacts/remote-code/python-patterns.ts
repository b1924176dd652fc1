/**
 * Static patterns for calls that model code (modeling_*.py, tokenization_*.py)
 * rarely needs. They are line-based regular expressions, not a Python parser:
 * cheap, explainable evidence for a reviewer, not a proof of safety.
 */
import type { Severity } from '../../core/findings.js';

/** One kind of notable call. */
export interface PythonPattern {
  id: string;
  /** What the code does, phrased to follow "the file …". */
  label: string;
  severity: Severity;
  re: RegExp;
  /** When true, the file-level finding is raised to critical. */
  escalates: boolean;
}

/** The pattern table, checked line by line. */
export const PYTHON_PATTERNS: readonly PythonPattern[] = [
  {
    id: 'process',
    label: 'runs shell commands',
    severity: 'critical',
    escalates: true,
    re: /\b(os\.(system|popen|exec[lv]p?e?|spawn[lv]p?e?|posix_spawnp?)\s*\(|subprocess\.\w+|pty\.spawn|commands\.getoutput)/,
  },
  { id: 'exec', label: 'evaluates code', severity: 'critical', escalates: true, re: /(?<![\w.])(?<!def\s+)(exec|eval)\s*\(|(?<![\w.])compile\s*\([^)]*['"]exec['"]/ },
  {
    id: 'network',
    label: 'opens network connections',
    severity: 'high',
    escalates: true,
    re: /\b(requests\.(get|post|put|patch|delete|head|request|Session)\b|urllib\.request|urllib2|urlopen\s*\(|http\.client|socket\.(socket|create_connection)|httpx\.|aiohttp\.|ftplib|smtplib|paramiko|telnetlib)|^\s*(import|from)\s+(socket|requests|httpx|urllib\.request|urllib2|paramiko)\b/,
  },
  {
    id: 'decode',
    label: 'decodes embedded data',
    severity: 'medium',
    escalates: false,
    re: /\b(base64\.(b64|b32|b16|a85|b85|urlsafe_b64)?decode|codecs\.decode|zlib\.decompress|bytes\.fromhex|binascii\.(a2b|unhexlify))/,
  },
  { id: 'dynamic-import', label: 'imports modules by computed name', severity: 'high', escalates: false, re: /(__import__\s*\(|importlib\.(import_module|__import__)|imp\.load_source|runpy\.)/ },
  { id: 'deserialize', label: 'unpickles data', severity: 'high', escalates: false, re: /\b(c?[Pp]ickle\.(loads?|Unpickler)|dill\.loads?|joblib\.load|torch\.load|marshal\.loads|shelve\.open)\b/ },
  { id: 'native', label: 'loads native libraries', severity: 'high', escalates: false, re: /\b(ctypes\.(CDLL|cdll|windll|WinDLL|PyDLL|LibraryLoader)|cffi\.FFI)\b/ },
  { id: 'builtins', label: 'reaches builtins indirectly', severity: 'high', escalates: false, re: /(__builtins__|\bbuiltins\.(exec|eval|__import__)|globals\(\)\s*\[|getattr\(\s*(os|builtins|subprocess)\s*,)/ },
  { id: 'filesystem', label: 'deletes files or changes permissions', severity: 'medium', escalates: false, re: /\b(shutil\.rmtree|os\.(remove|unlink|rmdir|removedirs|chmod|chown))\s*\(/ },
  {
    id: 'credentials',
    label: 'reads credentials',
    severity: 'medium',
    escalates: false,
    re: /\b(HF_TOKEN|HUGGING_FACE_HUB_TOKEN|AWS_SECRET_ACCESS_KEY|AWS_ACCESS_KEY_ID|OPENAI_API_KEY|GITHUB_TOKEN)\b|\.ssh\/|\bid_rsa\b|\.netrc\b|\.aws\/credentials/,
  },
];

/** One pattern hit on one line. */
export interface PythonHit {
  pattern: PythonPattern;
  line: number;
  column: number;
  text: string;
}

/** Result of scanning a Python source. */
export interface PythonAnalysis {
  hits: PythonHit[];
  /** Decoding plus exec/eval in one file: the classic hidden-payload shape. */
  decodeThenExec: boolean;
  escalated: boolean;
}

const MAX_HITS = 50;

/**
 * Find notable calls in Python source, skipping full-line comments.
 * @example analyzePython('import os\nos.system("id")').hits[0]?.pattern.id // 'process'
 */
export function analyzePython(source: string): PythonAnalysis {
  const hits: PythonHit[] = [];
  const lines = source.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length && hits.length < MAX_HITS; i++) {
    const line = lines[i] ?? '';
    if (/^\s*#/.test(line)) continue;
    for (const pattern of PYTHON_PATTERNS) {
      const m = pattern.re.exec(line);
      if (m) hits.push({ pattern, line: i + 1, column: m.index + 1, text: line.trim().slice(0, 160) });
    }
  }
  const ids = new Set(hits.map((h) => h.pattern.id));
  const decodeThenExec = ids.has('decode') && ids.has('exec');
  return { hits, decodeThenExec, escalated: decodeThenExec || hits.some((h) => h.pattern.escalates) };
}
