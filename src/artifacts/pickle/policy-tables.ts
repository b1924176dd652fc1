/**
 * The data behind the pickle policy: which callables real torch, numpy,
 * joblib and plain-Python saves need (the allowlist), and what the rest can
 * do (the danger table). Keys are `module.name` (allowlist, exact) or
 * lower-cased dotted prefixes (danger table, longest prefix wins).
 */
import type { Severity } from '../../core/findings.js';

/** Why a callable is dangerous, phrased to complete "imports X, which ...". */
export const REASONS = {
  shell: 'runs shell commands or starts processes when the file is loaded',
  os: 'belongs to the os module (processes, files and environment)',
  code: 'evaluates or compiles Python code',
  import: 'imports arbitrary modules',
  attr: 'reaches arbitrary attributes of other objects, a standard way to smuggle a call',
  files: 'reads, writes or deletes files',
  net: 'opens network connections or downloads content',
  pickle: 'loads another serialized payload that this scan cannot see',
  native: 'calls native code directly',
  interp: 'exposes interpreter internals (loaded modules, frames, objects)',
  call: 'calls other functions with arguments chosen by the file',
  debug: 'starts a debugger, pager or interactive prompt',
  registry: 'changes how later pickles resolve their imports',
  torch: 'compiles, loads or runs code through torch internals',
} as const;
export type ReasonKey = keyof typeof REASONS;

const C = 'critical' as const;
const H = 'high' as const;

const PROCESS_CALLS = ['system', 'popen', 'execl', 'execle', 'execlp', 'execlpe', 'execv', 'execve', 'execvp', 'execvpe', 'spawnl', 'spawnle', 'spawnlp', 'spawnlpe', 'spawnv', 'spawnve', 'spawnvp', 'spawnvpe', 'posix_spawn', 'posix_spawnp', 'fork', 'forkpty', 'startfile', 'kill', 'killpg'];
const OS_PROCESS = ['os', 'posix', 'nt'].flatMap((m) => PROCESS_CALLS.map((n) => `${m}.${n}`));

// Longest matching prefix of the lower-cased, normalised path decides.
const DANGER_ENTRIES: ReadonlyArray<readonly [ReasonKey, Severity, readonly string[]]> = [
  ['os', C, ['os', 'posix', 'nt', 'posixpath', 'ntpath', 'genericpath', 'macpath']],
  ['shell', C, [...OS_PROCESS, 'subprocess', 'popen2', 'pty', 'pipes', 'platform.popen', 'multiprocessing', 'concurrent.futures.process', 'distutils', 'setuptools', 'pip', 'ensurepip', 'venv', 'torch.multiprocessing', 'asyncio']],
  ['code', C, ['builtins.eval', 'builtins.exec', 'builtins.compile', 'builtins.execfile', 'builtins.apply', 'code', 'codeop', 'runpy', 'types', 'marshal', 'timeit', 'trace', 'cprofile', 'profile', 'doctest', 'numpy.testing', 'numpy.f2py', 'numpy.distutils', 'pandas.eval', 'pandas.core.computation', 'site', 'sitecustomize', 'usercustomize', 'logging.config', 'ipython', 'jinja2']],
  ['import', C, ['builtins.__import__', 'builtins.reload', 'importlib', 'imp', 'pkgutil', 'zipimport']],
  ['attr', C, ['builtins.getattr', 'builtins.setattr', 'builtins.delattr', 'builtins.vars', 'builtins.globals', 'builtins.locals', 'operator.attrgetter', 'operator.methodcaller', 'operator.itemgetter', 'operator.call', '_operator']],
  ['files', C, ['builtins.open', 'builtins.file', 'io', 'pathlib', 'shutil', 'tempfile', 'glob', 'fileinput', 'linecache', 'tarfile', 'zipfile', 'gzip', 'bz2', 'lzma', 'codecs.open', 'codecs.encodedfile', 'sqlite3', 'dbm', 'mmap', 'logging.filehandler', 'logging.handlers', 'winreg', 'msvcrt', 'numpy.memmap', 'numpy.fromfile', 'numpy.save', 'numpy.savez', 'numpy.savez_compressed', 'numpy.savetxt', 'numpy.loadtxt', 'numpy.genfromtxt', 'numpy.datasource', 'numpy.lib._datasource', 'torch.save', 'torch.from_file']],
  ['net', C, ['socket', 'ssl', 'http', 'urllib', 'urllib3', 'requests', 'httpx', 'aiohttp', 'ftplib', 'smtplib', 'poplib', 'imaplib', 'nntplib', 'telnetlib', 'xmlrpc', 'socketserver', 'wsgiref', 'smtpd', 'webbrowser', 'huggingface_hub', 'torch.hub', 'torch.utils.model_zoo', 'torch.distributed']],
  ['pickle', C, ['pickle', 'pickletools', 'shelve', 'dill', 'cloudpickle', 'jsonpickle', 'joblib.load', 'joblib.numpy_pickle.load', 'joblib.numpy_pickle_compat.load_compatibility', 'numpy.load', 'numpy.lib.npyio', 'numpy.lib.format', 'torch.load', 'torch.serialization', 'torch.storage._load_from_bytes', 'pandas.read_pickle', 'pandas.io.pickle', 'yaml.load', 'yaml.unsafe_load', 'yaml.full_load', 'yaml.load_all', 'yaml.unsafe_load_all']],
  // Pre-0.10 joblib wrappers make joblib load a companion .npy file named inside the pickle, with pickles allowed.
  ['pickle', H, ['joblib.numpy_pickle.ndarraywrapper', 'joblib.numpy_pickle_compat.ndarraywrapper', 'sklearn.externals.joblib.numpy_pickle.ndarraywrapper']],
  ['native', C, ['ctypes', 'cffi', 'numpy.ctypeslib']],
  ['interp', C, ['sys', 'gc', 'inspect', 'builtins.breakpoint', 'builtins.__build_class__', 'atexit', 'faulthandler', 'tracemalloc', 'resource']],
  ['debug', C, ['pdb', 'bdb', 'pydoc', 'builtins.help', 'builtins.input', 'builtins.raw_input', 'idlelib', 'tkinter', 'turtle']],
  ['registry', C, ['copyreg.add_extension', 'copyreg.pickle', 'copyreg.constructor', 'codecs.register', 'encodings.search_function']],
  ['torch', C, ['torch._c', 'torch.jit', 'torch.package', 'torch.fx', 'torch._dynamo', 'torch._inductor', 'torch.compile', 'torch.utils.cpp_extension', 'torch.library', 'torch._ops', 'torch.ops', 'torch.classes', 'torch.testing', 'torch._export', 'torch.export', 'torch.cuda.jiterator']],
  ['call', H, ['builtins.map', 'builtins.filter', 'builtins.sorted', 'builtins.min', 'builtins.max', 'builtins.iter', 'builtins.next', 'builtins.type', 'builtins.super', 'builtins.classmethod', 'builtins.staticmethod', 'builtins.property', 'builtins.exit', 'builtins.quit', 'itertools.starmap', 'threading', 'sched', 'weakref.finalize', 'signal', 'operator', 'functools', 'codecs']],
];

/** Danger by lower-cased dotted prefix. */
export const DANGER: ReadonlyMap<string, { severity: Severity; reason: ReasonKey }> = new Map(
  DANGER_ENTRIES.flatMap(([reason, severity, prefixes]) => prefixes.map((p) => [p, { severity, reason }] as const)),
);

/** Module names that, met as an attribute step (`torch.os.system`), mean the path reaches them. */
export const REACHABLE_MODULES: ReadonlySet<string> = new Set([
  'os', 'posix', 'nt', 'sys', 'subprocess', 'builtins', '__builtins__', 'importlib', 'socket', 'shutil', 'pickle', 'marshal',
  'ctypes', 'runpy', 'pty', 'code', 'io', 'pathlib', 'codecs', 'operator', 'functools', 'inspect', 'gc', 'multiprocessing',
]);

/** Final names that suggest I/O or code loading in a module the tables do not know. */
export const RISKY_NAMES: ReadonlySet<string> = new Set([
  'system', 'popen', 'spawn', 'exec', 'eval', 'execfile', 'compile', 'open', 'load', 'loads', 'load_model', 'run', 'call',
  'check_call', 'check_output', 'getoutput', 'getstatusoutput', 'import_module', 'run_path', 'run_module', 'urlopen',
  'urlretrieve', 'download', 'from_file', 'fromfile', 'save', 'remove', 'unlink', 'rmtree', 'rename', 'write', 'read_pickle',
  'unsafe_load', 'start_new_thread', 'fork', 'kill', 'startfile', 'shell',
]);

/** Stdlib modules whose members only build plain values: not needed, but not dangerous either. */
export const BENIGN_MODULES: ReadonlySet<string> = new Set([
  'datetime', 'decimal', 'fractions', 'numbers', 'uuid', 'zoneinfo', 'ipaddress', 'enum', 'array', 'calendar', 'math',
  'cmath', 'struct', 'base64', 'binascii', 'hashlib', 'hmac', 'json', 'heapq', 'bisect', 'random', 'statistics', 'string',
  'textwrap', 'unicodedata', 're', 'collections', 'typing', 'dataclasses', 'abc', '__future__', 'copyreg',
]);

/** Builtins that only build plain values. */
export const BENIGN_BUILTINS: ReadonlySet<string> = new Set([
  'int', 'float', 'str', 'bool', 'list', 'dict', 'tuple', 'chr', 'ord', 'abs', 'round', 'divmod', 'len', 'hash', 'repr',
  'ascii', 'bin', 'hex', 'oct', 'format', 'zip', 'enumerate', 'reversed', 'sum', 'any', 'all', 'callable', 'isinstance',
  'issubclass', 'id', 'print', 'memoryview', 'Ellipsis', 'NotImplemented', 'unicode', 'long', 'basestring',
]);

/**
 * Python 2 module names that Python 3's unpickler renames (fix_imports), and
 * the few individual names it moves. Applied whatever the protocol, since a
 * stream can simply omit PROTO.
 */
export const MODULE_ALIASES: ReadonlyMap<string, string> = new Map([
  ['__builtin__', 'builtins'], ['exceptions', 'builtins'], ['copy_reg', 'copyreg'], ['cPickle', 'pickle'],
  ['commands', 'subprocess'], ['cStringIO', 'io'], ['StringIO', 'io'], ['urllib2', 'urllib.request'],
  ['httplib', 'http.client'], ['SocketServer', 'socketserver'], ['thread', '_thread'], ['dummy_thread', '_dummy_thread'],
  ['Queue', 'queue'], ['ConfigParser', 'configparser'], ['UserDict', 'collections'], ['UserList', 'collections'],
  ['UserString', 'collections'], ['_winreg', 'winreg'], ['xmlrpclib', 'xmlrpc.client'], ['BaseHTTPServer', 'http.server'],
  ['SimpleHTTPServer', 'http.server'], ['CGIHTTPServer', 'http.server'], ['Cookie', 'http.cookies'],
  ['cookielib', 'http.cookiejar'], ['urlparse', 'urllib.parse'], ['robotparser', 'urllib.robotparser'], ['Tkinter', 'tkinter'],
  ['repr', 'reprlib'], ['anydbm', 'dbm'], ['whichdb', 'dbm'], ['dumbdbm', 'dbm.dumb'], ['gdbm', 'dbm.gnu'], ['dbhash', 'dbm.bsd'],
  ['htmlentitydefs', 'html.entities'], ['HTMLParser', 'html.parser'], ['markupbase', '_markupbase'],
]);

/** Individual Python 2 names that moved (`module.name` to `module.name`). */
export const NAME_ALIASES: ReadonlyMap<string, string> = new Map([
  ['builtins.xrange', 'builtins.range'], ['builtins.reduce', 'functools.reduce'], ['builtins.intern', 'sys.intern'],
  ['builtins.unichr', 'builtins.chr'], ['builtins.raw_input', 'builtins.input'], ['builtins.StandardError', 'builtins.Exception'],
  ['itertools.izip', 'builtins.zip'], ['itertools.imap', 'builtins.map'], ['itertools.ifilter', 'builtins.filter'],
  ['itertools.ifilterfalse', 'itertools.filterfalse'], ['itertools.izip_longest', 'itertools.zip_longest'],
  ['collections.IterableUserDict', 'collections.UserDict'], ['_socket.fromfd', 'socket.fromfd'],
]);
