/**
 * Errors a client sees, in OpenAI's shape: `{ error: { message, type, code, param } }`.
 * Handlers throw ApiError; the server's one boundary (http/server.ts) renders it.
 * These are wire errors, not ModelgateErrors: their codes are OpenAI's
 * (`invalid_api_key`, `rate_limit_exceeded`), which clients and SDKs switch on.
 */

/** OpenAI error types, by the HTTP status they go with. */
export type ApiErrorType = 'invalid_request_error' | 'authentication_error' | 'permission_error' | 'not_found_error' | 'rate_limit_error' | 'api_error' | 'timeout_error';

/** An error to send to the client. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: ApiErrorType,
    readonly code: string | null,
    message: string,
    readonly param: string | null = null,
    /** Extra response headers (Retry-After). */
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The JSON body. */
  body(): string {
    return JSON.stringify({ error: { message: this.message, type: this.type, code: this.code, param: this.param } });
  }
}

/** 400 for a malformed request. */
export function badRequest(message: string, param: string | null = null, code: string | null = 'invalid_request'): ApiError {
  return new ApiError(400, 'invalid_request_error', code, message, param);
}

/** 404 for a `model` that names no route. */
export function unknownRoute(model: string): ApiError {
  return new ApiError(404, 'invalid_request_error', 'model_not_found', `The model \`${model}\` does not exist or you do not have access to it.`, 'model');
}

/** 413 for a body over the limit. */
export function tooLarge(limit: number): ApiError {
  return new ApiError(413, 'invalid_request_error', 'request_too_large', `Request body exceeds ${limit} bytes.`);
}

/** 401 for a missing or unknown key. */
export function unauthorized(message = 'Missing or invalid API key. Send it as `Authorization: Bearer <key>`.'): ApiError {
  return new ApiError(401, 'authentication_error', 'invalid_api_key', message);
}

/** 403 for a key that may not use a route. */
export function forbidden(route: string): ApiError {
  return new ApiError(403, 'permission_error', 'route_not_allowed', `This API key may not use the model \`${route}\`.`, 'model');
}

/** 500 for a bug: the message names the request id, never internals. */
export function internalError(requestId: string): ApiError {
  return new ApiError(500, 'api_error', 'internal_error', `The gateway failed unexpectedly; please report request ${requestId}.`);
}
