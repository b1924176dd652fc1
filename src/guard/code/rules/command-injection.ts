/**
 * CWE-78: a shell command built from non-constant data or user input. Argument
 * lists without a shell (`subprocess.run([...])`, `execFile`, `exec.Command`
 * with separate arguments) pass; quoting helpers (`shlex.quote`,
 * `escapeshellarg`) count as sanitisers.
 */
import type { Flow } from '../analysis/flow.js';
import type { Call } from '../analysis/syntax.js';
import { defineCodeRule } from '../types.js';
import { afterDashC, checkSinks, isShell, sinkNames, type Sink, type SinkTable } from './sinks.js';

const MSG = 'shell command built from non-constant data; pass an argument list without a shell, or quote each value';
// Decoded constants are the obfuscation rule's business; here only real data flow counts.
const risky = (f: Flow) => (f.built || f.tainted) && !(f.decoded && !f.tainted);
const s = (names: string[], extra: Partial<Sink> = {}): Sink => ({ names, message: MSG, risky, ...extra });

const shellTrue = (c: Call) => /^True$/.test(c.kwargs.get('shell')?.text ?? '');
const jsShellOption = (c: Call) => c.kwargs.get('shell')?.text === 'true';

const JS: readonly Sink[] = [
  s(['exec', 'execSync'], { callee: /^(?:(?:child_process|cp|childProcess|require\(['"](?:node:)?child_process['"]\))\.)?exec(?:Sync)?$/ }),
  s(['spawn', 'spawnSync', 'execFile', 'execFileSync'], { guard: jsShellOption }),
  s(['spawn', 'spawnSync', 'execFile', 'execFileSync'], { guard: (c) => isShell(c.args[0]), arg: (c) => c.args[1] && afterDashC(c.args[1].namedChildren.flatMap((n) => (n ? [n] : []))) }),
];

const SINKS: SinkTable = {
  python: [
    s(['system', 'popen', 'getoutput', 'getstatusoutput'], { callee: /^(?:os|commands|subprocess)\.(?:system|popen|getoutput|getstatusoutput)$|^(?:system|popen)$/ }),
    s(['run', 'call', 'check_call', 'check_output', 'Popen'], { callee: /^(?:subprocess\.)?(?:run|call|check_call|check_output|Popen)$/, guard: shellTrue }),
    s(['run', 'call', 'check_call', 'check_output', 'Popen'], {
      callee: /^(?:subprocess\.)?(?:run|call|check_call|check_output|Popen)$/,
      guard: (c) => c.args[0]?.type === 'list' && isShell(c.args[0].namedChild(0) ?? undefined),
      arg: (c) => afterDashC(c.args[0]?.namedChildren.flatMap((n) => (n ? [n] : [])) ?? []),
    }),
    s(['spawnl', 'spawnlp', 'execl', 'execlp'], { callee: /^os\./, arg: 'last' }),
  ],
  javascript: JS,
  typescript: JS,
  java: [
    s(['exec'], { callee: /(?:getRuntime\(\)|runtime|rt)\.exec$/i }),
    s(['ProcessBuilder'], { callee: /^new ProcessBuilder$/, guard: (c) => isShell(c.args[0]), arg: (c) => afterDashC(c.args) }),
    s(['command'], { guard: (c) => isShell(c.args[0]), arg: (c) => afterDashC(c.args) }),
  ],
  c: [
    s(['system', 'popen', '_popen', 'wordexp'], { callee: /^(?:system|popen|_popen|wordexp)$/ }),
    s(['execl', 'execlp', 'execle'], { guard: (c) => isShell(c.args[0]) || isShell(c.args[1]), arg: (c) => afterDashC(c.args) }),
  ],
  go: [s(['Command', 'CommandContext'], {
    callee: /^exec\.Command(?:Context)?$/,
    arg: (c) => {
      const args = c.name === 'CommandContext' ? c.args.slice(1) : c.args;
      return isShell(args[0]) ? afterDashC(args) : undefined;
    },
  })],
  php: [s(['shell_exec', 'system', 'exec', 'passthru', 'popen', 'proc_open', 'pcntl_exec', '`'], {
    callee: /^(?:shell_exec|system|exec|passthru|popen|proc_open|pcntl_exec|`)$/,
  })],
  sql: [],
  shell: [
    s(['eval'], { risky: (f) => !f.constant && !(f.decoded && !f.tainted) }),
    s(['sh', 'bash', 'zsh', 'dash', 'ksh'], { arg: (c) => afterDashC(c.args) }),
    s(['xargs'], { guard: (c) => c.args.some((a) => /^(?:ba)?sh$/.test(a.text)), arg: (c) => afterDashC(c.args) }),
  ],
};

/** `code/command-injection` (CWE-78). */
export const commandInjectionRule = defineCodeRule({
  id: 'code/command-injection',
  title: 'OS command injection',
  cwe: [78],
  severity: 'high',
  languages: ['python', 'javascript', 'typescript', 'java', 'c', 'go', 'php', 'shell'],
  description: 'A command line run through a shell (os.system, shell=True, child_process.exec, Runtime.exec, sh -c, system(), shell_exec, eval) is built from non-constant data or user input.',
  sinks: sinkNames(SINKS),
  sinkShapes: SINKS,
  check: (ctx) => checkSinks(ctx, SINKS),
});

export { SINKS as commandSinks };
