/**
 * Realistic mixed text for throughput measurements: chat prose, JSON logs, code, Chinese text
 * with numbers, markdown and config files, with a sprinkling of secrets and personal data.
 */
import { mulberry32 } from '../../core/seeded-random.js';

const PIECES: readonly string[] = [
  'Thanks for the quick reply! I tried the steps from the docs but the build still fails on step 3 of 7. Could you take another look when you have a minute?\n',
  '{"ts":"2024-03-15T10:22:33.481Z","level":"info","msg":"request served","method":"POST","path":"/v1/chat/completions","status":200,"latency_ms":812,"request_id":"550e8400-e29b-41d4-a716-446655440000","tokens":{"prompt":1234,"completion":256}}\n',
  'export async function retry<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {\n  for (let i = 0; i < attempts; i++) {\n    try { return await fn(); } catch (e) { if (i === attempts - 1) throw e; }\n  }\n  throw new Error("unreachable");\n}\n',
  '今天是2024年3月15日，订单号为20240315001，金额为￥1299.00元，共3件商品。请在7个工作日内完成付款，逾期订单将自动取消。\n',
  '## Changelog\n- v1.4.2: fixed a crash when the config has 0 models (#1234)\n- v1.4.1: upgraded undici to 6.19.8; see commit 3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39\n',
  'server:\n  host: 0.0.0.0\n  port: 8080\n  timeout_ms: 30000\nlogging:\n  level: debug\n  color: "#1e90ff"\n',
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam.\n',
  'Please contact jane.roe@example.com or call +1 415 555 2671 about invoice INV-2024-00871 (total $1,299.99, due 2024-04-01).\n',
  'The model scored 87.5% on 10,000 samples (lr=0.0001, batch 32, seed 1234567890); the baseline was 84.1% with max_tokens: 2048.\n',
  'SELECT id, email, created_at FROM users WHERE created_at > now() - interval \'7 days\' ORDER BY id DESC LIMIT 100;\n',
];
const SECRETS: readonly string[] = [
  'export OPENAI_API_KEY=sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3iJk6lMn9oPq2rSt5uVw8xYz1aB4cD7eF0gH3iJT3BlbkFJ\n',
  'aws_access_key_id = AKIAQ3EXAMPLE7WXYZ12\n',
  'My card is 4111 1111 1111 1111 and my IBAN is GB82 WEST 1234 5698 7654 32.\n',
  'password: "Spr1ng2024!"\n',
  'Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U\n',
];

/** About `chars` UTF-16 characters of mixed text; roughly one line in fifty carries a secret or PII. */
export function mixedText(chars: number, seed = 42): string {
  const rand = mulberry32(seed);
  const parts: string[] = [];
  let n = 0;
  while (n < chars) {
    const pool = rand() < 0.02 ? SECRETS : PIECES;
    const piece = pool[Math.floor(rand() * pool.length)] ?? '';
    parts.push(piece);
    n += piece.length;
  }
  return parts.join('');
}
