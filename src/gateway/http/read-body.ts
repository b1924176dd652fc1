/**
 * Read a request body with a size cap and a deadline. Oversized bodies are
 * refused from Content-Length before a byte is read, or the moment the
 * running count passes the cap; slow senders get 408 when the deadline hits.
 * Either way the socket is marked for closing so the rest is never read.
 */
import type { IncomingMessage } from 'node:http';
import { ApiError, tooLarge } from '../errors.js';

/** The client went away before its body arrived; there is no one to answer. */
export class ClientGoneError extends Error {
  constructor() {
    super('client closed the connection');
    this.name = 'ClientGoneError';
  }
}

function bodyTimeout(ms: number): ApiError {
  return new ApiError(408, 'invalid_request_error', 'request_timeout', `Request body was not received within ${ms} ms.`);
}

/**
 * The whole body as one Buffer.
 * @example const bytes = await readBody(req, 4 << 20, 10_000);
 */
export function readBody(req: IncomingMessage, limit: number, timeoutMs: number): Promise<Buffer> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) return Promise.reject(tooLarge(limit));
  return new Promise<Buffer>((resolve, reject) => {
    let first: Buffer | undefined;
    let parts: Buffer[] | undefined;
    let size = 0;
    let settled = false;
    const done = (err: Error | undefined, value?: Buffer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onGone).off('aborted', onGone);
      if (err) {
        // Stop reading: the response will close the connection.
        req.pause();
        reject(err);
      } else resolve(value as Buffer);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return done(tooLarge(limit));
      if (first === undefined) first = chunk;
      else (parts ??= [first]).push(chunk);
    };
    const onEnd = () => done(undefined, parts ? Buffer.concat(parts, size) : (first ?? Buffer.alloc(0)));
    const onGone = () => done(new ClientGoneError());
    const timer = setTimeout(() => done(bodyTimeout(timeoutMs)), timeoutMs);
    req.on('data', onData).on('end', onEnd).on('error', onGone).on('aborted', onGone);
  });
}
