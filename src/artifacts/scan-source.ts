/**
 * The dispatcher: detect a source's format, run its scanner, and recurse into
 * archive members with shared depth, expansion and time budgets.
 */
import type { Finding } from '../core/findings.js';
import type { ByteSource } from './io/byte-source.js';
import { detectFormat, formatFromName } from './detect.js';
import { formatScanners } from './formats/index.js';
import type { ArtifactFormat, ScanBudget, ScanContext, ScanSettingsResolved } from './scanner.js';
import { sniffPickle } from './pickle/sniff.js';
import { ARCHIVE_TOO_DEEP, FORMAT_MISMATCH, POLYGLOT, SCAN_ERROR, SCAN_TIMEOUT, UNKNOWN_FORMAT } from './scan-rules.js';

const MODEL_FORMATS: ReadonlySet<ArtifactFormat> = new Set(['pickle', 'zip', 'tar', 'numpy', 'safetensors', 'gguf', 'gzip']);

/** Result of scanning one source: what it was and what was found. */
export interface SourceScan {
  format: ArtifactFormat;
  findings: Finding[];
}

/** Scan one source at a given depth; never throws for bad content. */
export async function scanSource(
  src: ByteSource,
  depth: number,
  budget: ScanBudget,
  settings: ScanSettingsResolved,
): Promise<SourceScan> {
  const findings: Finding[] = [];
  if (depth > budget.maxDepth) {
    findings.push({ ruleId: ARCHIVE_TOO_DEEP.id, severity: 'high', file: src.name, message: `nested ${depth} archives deep; the limit is ${budget.maxDepth}` });
    return { format: 'unknown', findings };
  }
  if (Date.now() > budget.deadline) {
    findings.push({ ruleId: SCAN_TIMEOUT.id, severity: 'high', file: src.name, message: 'not scanned: the scan deadline passed' });
    return { format: 'unknown', findings };
  }
  let format: ArtifactFormat;
  try {
    format = await detectFormat(src);
  } catch (e) {
    findings.push(errorFinding(src.name, e));
    return { format: 'unknown', findings };
  }
  const byName = formatFromName(src.name);
  let scanAs = format;
  if (byName.length > 0 && !byName.includes(format)) {
    const hidesCode = format === 'pickle' || format === 'zip' || format === 'tar';
    if (format !== 'unknown' && format !== 'text') {
      findings.push({
        ruleId: FORMAT_MISMATCH.id,
        severity: hidesCode ? 'high' : 'medium',
        file: src.name,
        message: `content is ${format} but the name suggests ${byName.join(' or ')}`,
        evidence: src.name.slice(src.name.lastIndexOf('/') + 1),
      });
    } else if (byName[0] !== undefined && MODEL_FORMATS.has(byName[0])) {
      // Unrecognisable content under a model extension: let that format's scanner say what is wrong.
      scanAs = byName[0];
    }
  }
  const scanner = formatScanners[scanAs];
  if (!scanner) {
    if (scanAs === 'unknown') {
      findings.push({ ruleId: UNKNOWN_FORMAT.id, severity: 'low', file: src.name, message: 'binary file in no known format; not inspected' });
    }
    return { format, findings };
  }
  const ctx: ScanContext = {
    depth,
    budget,
    settings,
    scanNested: async (member) => (await scanSource(member, depth + 1, budget, settings)).findings,
  };
  try {
    findings.push(...(await scanner.scan(src, ctx)));
    if (await isPicklePolyglot(src, scanAs)) findings.push(...(await polyglotFindings(src, scanAs, ctx)));
  } catch (e) {
    findings.push(errorFinding(src.name, e));
  }
  return { format, findings };
}

// Binary formats whose first bytes can also be a valid pickle start (GGUF's "G" is BINFLOAT, a tar header can open
// with opcodes). torch.load falls back to unpickling such a file, so it must be scanned as a pickle as well.
const POLYGLOT_HOSTS: ReadonlySet<ArtifactFormat> = new Set(['gguf', 'tar', 'safetensors', 'numpy', 'gzip']);

async function isPicklePolyglot(src: ByteSource, format: ArtifactFormat): Promise<boolean> {
  return POLYGLOT_HOSTS.has(format) && formatScanners.pickle !== undefined && sniffPickle(await src.read(0, 4096));
}

async function polyglotFindings(src: ByteSource, format: ArtifactFormat, ctx: ScanContext): Promise<Finding[]> {
  const pickle = await (formatScanners.pickle as NonNullable<typeof formatScanners.pickle>).scan(src, ctx);
  return [
    {
      ruleId: POLYGLOT.id,
      severity: 'high',
      file: src.name,
      message: `file is valid ${format} and also starts a pickle stream; torch.load would unpickle it`,
    },
    ...pickle,
  ];
}

function errorFinding(file: string, e: unknown): Finding {
  const message = e instanceof Error ? e.message : String(e);
  return { ruleId: SCAN_ERROR.id, severity: 'high', file, message: `could not be scanned: ${message}` };
}
