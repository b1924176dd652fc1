/**
 * One coded error family for the whole product. User errors carry exit code 2
 * (usage, config, input) or 1 (a gate or check failed); the CLI prints their
 * message on one line, while anything that is not a ModelgateError is a bug.
 */

/** Every error code the product can raise; `docs/errors.md` documents each one. */
export const ERROR_CODES = {
  MG_USAGE: 'the command line is wrong',
  MG_CONFIG_NOT_FOUND: 'modelgate.yaml does not exist',
  MG_CONFIG_YAML: 'modelgate.yaml is not valid YAML',
  MG_CONFIG_INVALID: 'modelgate.yaml does not match the schema',
  MG_INPUT_NOT_FOUND: 'an input file or folder does not exist',
  MG_INPUT_UNREADABLE: 'an input file could not be read',
  MG_INPUT_INVALID: 'an input file is malformed',
  MG_LOCK_NOT_FOUND: 'modelgate.lock does not exist',
  MG_LOCK_INVALID: 'modelgate.lock is malformed',
  MG_MODEL_UNKNOWN: 'a model name is not in the manifest',
  MG_SOURCE_INVALID: 'a model source string cannot be parsed',
  MG_HUB_UNAUTHORIZED: 'the hub refused the token (401/403)',
  MG_HUB_NOT_FOUND: 'the hub has no such repository, revision or file',
  MG_HUB_BAD_RESPONSE: 'the hub answered with something unexpected',
  MG_HUB_UNREACHABLE: 'the hub could not be reached (network error or timeout) after retries',
  MG_DOWNLOAD_INTEGRITY: 'a downloaded file does not match the hash the hub reported',
  MG_DOWNLOAD_TRUNCATED: 'a download ended before the expected size',
  MG_CHECK_FAILED: 'a check failed (verify, scan or gate)',
  MG_EXISTS: 'the file to create already exists',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Options shared by every ModelgateError constructor. */
export interface ModelgateErrorOptions {
  /** File the problem is about, printed before the message. */
  file?: string;
  /** HTTP status when the error crosses the gateway. */
  httpStatus?: number;
  cause?: unknown;
}

/** Base class of every error the product raises on purpose. */
export class ModelgateError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: 1 | 2;
  readonly file: string | undefined;
  readonly httpStatus: number | undefined;

  constructor(code: ErrorCode, message: string, exitCode: 1 | 2, options: ModelgateErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ModelgateError';
    this.code = code;
    this.exitCode = exitCode;
    this.file = options.file;
    this.httpStatus = options.httpStatus;
  }

  /** For a terminal: `file: message [code]`, with any detail lines indented beneath. */
  toLine(): string {
    const [first, ...rest] = this.message.split('\n');
    const head = `${this.file ? `${this.file}: ` : ''}${first ?? ''} [${this.code}]`;
    return [head, ...rest.map((l) => `  ${l}`)].join('\n');
  }
}

/** Bad command line. */
export class UsageError extends ModelgateError {
  constructor(message: string) {
    super('MG_USAGE', message, 2);
    this.name = 'UsageError';
  }
}

/** modelgate.yaml (or another config-like file) is missing or invalid. */
export class ConfigError extends ModelgateError {
  constructor(code: ErrorCode, file: string, message: string, cause?: unknown) {
    super(code, message, 2, { file, cause });
    this.name = 'ConfigError';
  }
}

/** An input file is missing, unreadable or malformed. */
export class InputError extends ModelgateError {
  constructor(code: ErrorCode, file: string | undefined, message: string, cause?: unknown) {
    super(code, message, 2, { file, cause });
    this.name = 'InputError';
  }
}

/** A verify, scan, policy or gate check did not pass. */
export class GateFailedError extends ModelgateError {
  constructor(message: string, file?: string) {
    super('MG_CHECK_FAILED', message, 1, { file });
    this.name = 'GateFailedError';
  }
}

/** A remote service (the hub, an upstream model API) failed or answered badly. */
export class UpstreamError extends ModelgateError {
  constructor(code: ErrorCode, message: string, options: ModelgateErrorOptions = {}) {
    super(code, message, 2, options);
    this.name = 'UpstreamError';
  }
}

/** True for errors the product raised on purpose (as opposed to bugs). */
export function isModelgateError(e: unknown): e is ModelgateError {
  return e instanceof ModelgateError;
}
