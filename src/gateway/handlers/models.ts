/** `GET /v1/models`: the routes the caller's key may use, as OpenAI model objects. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayCore } from '../core.js';
import { authenticate } from './auth.js';
import { jsonHeaders } from './client.js';

/** List routes. */
export async function handleModels(core: GatewayCore, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const key = await authenticate(core, req);
  const created = Math.floor(core.clock.now() / 1000);
  const data = [...core.routes.keys()]
    .filter((r) => key.admin || key.routes.includes('*') || key.routes.includes(r))
    .map((id) => ({ id, object: 'model', created, owned_by: 'modelgate' }));
  const payload = JSON.stringify({ object: 'list', data });
  res.writeHead(200, jsonHeaders(payload));
  res.end(payload);
}
