// Fake OpenAI-compatible upstream for bench/gateway.sh: a fixed chat completion, or a
// 20-chunk SSE stream when the request asks for one. Reads the body, answers at once.
//   node bench/gateway-upstream.mjs PORT
import { createServer } from 'node:http';

const port = Number(process.argv[2] ?? 9100);
const completion = JSON.stringify({
  id: 'chatcmpl-bench',
  object: 'chat.completion',
  created: 1700000000,
  model: 'bench-model',
  choices: [{ index: 0, message: { role: 'assistant', content: 'The capital of France is Paris. It has been the capital for a very long time.' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 42, completion_tokens: 18, total_tokens: 60 },
});
const chunk = (delta, finish) => `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1700000000, model: 'bench-model', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
const words = 'The capital of France is Paris and it has been so for a very long time indeed friend'.split(' ');
const sse = [chunk({ role: 'assistant', content: '' }, null), ...words.slice(0, 18).map((w) => chunk({ content: `${w} ` }, null)), chunk({}, 'stop'), 'data: [DONE]\n\n'].join('');

createServer((req, res) => {
  let stream = false;
  const parts = [];
  req.on('data', (c) => parts.push(c));
  req.on('end', () => {
    stream = Buffer.concat(parts).includes('"stream":true');
    if (stream) {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(sse);
    } else {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(completion) });
      res.end(completion);
    }
  });
}).listen(port, '127.0.0.1', () => process.stdout.write(`upstream on ${port}\n`));
