/**
 * The demo's stand-in for a hosted model: an OpenAI-compatible server on
 * 127.0.0.1, inside the demo process, that answers the demo suite's
 * questions from a fixed table in JSON after a short delay. It exists so the
 * eval stage can compare two providers offline; it is not a model.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running stand-in. */
export interface StandIn {
  /** Base URL including `/v1`. */
  url: string;
  requests(): number;
  close(): Promise<void>;
}

function answerFor(question: string, answers: Readonly<Record<string, string>>): string {
  const hit = Object.keys(answers).find((k) => question.toLowerCase().includes(k.toLowerCase()));
  return hit ? (answers[hit] as string) : 'unknown';
}

async function handle(req: IncomingMessage, res: ServerResponse, answers: Readonly<Record<string, string>>, delayMs: number): Promise<void> {
  const parts: Buffer[] = [];
  for await (const c of req) parts.push(c as Buffer);
  let body: { model?: string; messages?: { role: string; content: string }[] } = {};
  try {
    body = JSON.parse(Buffer.concat(parts).toString('utf8')) as typeof body;
  } catch {
    res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":{"message":"invalid JSON"}}');
    return;
  }
  const question = body.messages?.filter((m) => m.role === 'user').pop()?.content ?? '';
  const content = JSON.stringify({ answer: answerFor(question, answers) });
  const promptTokens = Math.ceil(JSON.stringify(body.messages ?? []).length / 4);
  const completionTokens = Math.ceil(content.length / 4);
  await new Promise((r) => setTimeout(r, delayMs));
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      id: 'stand-in',
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: body.model ?? 'stand-in',
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
    }),
  );
}

/** Start the stand-in; `answers` maps a phrase of the question to the answer. */
export async function startStandIn(answers: Readonly<Record<string, string>>, delayMs = 40): Promise<StandIn> {
  let count = 0;
  const server = createServer((req, res) => {
    count++;
    void handle(req, res, answers, delayMs).catch(() => res.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests: () => count,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
