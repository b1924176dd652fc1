// A fake OpenAI-compatible upstream for bench/eval.sh: answers every chat
// completion after DELAY_MS (streamed when asked), echoing the question so
// assertions can pass. Prints its URL on stdout, then serves until killed.
//   DELAY_MS=50 node bench/eval-upstream.mjs
import { createServer } from 'node:http';

const delay = Number(process.env.DELAY_MS ?? 50);
let served = 0;

function answer(body) {
  const messages = Array.isArray(body.messages) ? body.messages : [];
  const last = messages.filter((m) => m.role === 'user').pop()?.content ?? '';
  const id = /#(\d+)/.exec(String(last))?.[1] ?? '0';
  return `The answer to question #${id} is answer-${id}.`;
}

function reply(res, body) {
  const content = answer(body);
  const model = body.model ?? 'bench';
  const usage = { prompt_tokens: 24, completion_tokens: 12, total_tokens: 36 };
  if (body.stream) {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const chunk = (delta, finish, extra = {}) => `data: ${JSON.stringify({ id: 'b', object: 'chat.completion.chunk', created: 1, model, choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`;
    res.end(chunk({ role: 'assistant', content }, null) + chunk({}, 'stop', { usage }) + 'data: [DONE]\n\n');
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ id: `chatcmpl-${served}`, object: 'chat.completion', created: 1, model, choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }], usage }));
}

const server = createServer((req, res) => {
  const parts = [];
  req.on('data', (c) => parts.push(c));
  req.on('end', () => {
    let body = {};
    try {
      body = JSON.parse(Buffer.concat(parts).toString('utf8') || '{}');
    } catch {
      res.writeHead(400).end('{"error":{"message":"bad json"}}');
      return;
    }
    served++;
    setTimeout(() => reply(res, body), delay);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`http://127.0.0.1:${server.address().port}\n`);
});
process.on('SIGTERM', () => {
  process.stderr.write(`upstream served ${served} requests\n`);
  server.close();
  process.exit(0);
});
