/** Field checks on request bodies, with OpenAI's 400 messages and `param`. */
import { badRequest } from '../errors.js';

/** The route a chat body names; throws 400 for a malformed body. */
export function validateChatBody(body: Record<string, unknown>): string {
  const model = body.model;
  if (typeof model !== 'string' || model.length === 0) throw badRequest('you must provide a model parameter', 'model', 'missing_required_parameter');
  const messages = body.messages;
  if (!Array.isArray(messages) || messages.length === 0) throw badRequest("'messages' must be a non-empty array", 'messages', 'invalid_type');
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i] as { role?: unknown } | null;
    if (m === null || typeof m !== 'object' || typeof m.role !== 'string') throw badRequest(`messages[${i}] must be an object with a string 'role'`, `messages[${i}]`, 'invalid_type');
  }
  if (body.stream !== undefined && typeof body.stream !== 'boolean') throw badRequest("'stream' must be a boolean", 'stream', 'invalid_type');
  if (body.tools !== undefined && !Array.isArray(body.tools)) throw badRequest("'tools' must be an array", 'tools', 'invalid_type');
  return model;
}

/** The route an embeddings body names and its inputs; throws 400 for a malformed body. */
export function validateEmbeddingsBody(body: Record<string, unknown>): { model: string; input: string | string[] } {
  const model = body.model;
  if (typeof model !== 'string' || model.length === 0) throw badRequest('you must provide a model parameter', 'model', 'missing_required_parameter');
  const input = body.input;
  const ok = typeof input === 'string' || (Array.isArray(input) && input.length > 0 && input.every((x) => typeof x === 'string'));
  if (!ok) throw badRequest("'input' must be a string or a non-empty array of strings", 'input', 'invalid_type');
  const fmt = body.encoding_format;
  if (fmt !== undefined && fmt !== 'float' && fmt !== 'base64') throw badRequest("'encoding_format' must be 'float' or 'base64'", 'encoding_format', 'invalid_value');
  return { model, input: input as string | string[] };
}

/** A token estimate for limits before the answer is known: prompt bytes / 4 plus the requested maximum. */
export function tokenEstimate(bytes: number, body: Record<string, unknown>): number {
  const max = typeof body.max_completion_tokens === 'number' ? body.max_completion_tokens : typeof body.max_tokens === 'number' ? body.max_tokens : 0;
  return Math.ceil(bytes / 4) + Math.max(0, max);
}
