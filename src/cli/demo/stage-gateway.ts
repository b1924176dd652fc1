/**
 * Demo stage: the tiny GGUF served through the gateway. Admission runs and
 * is reported (the demo has no gate attestation, so it serves anyway, as
 * `--allow-ungated` would); then a few OpenAI-style requests go in over
 * plain node:http (so `openai` stays a dev dependency), one carrying a fake
 * API key and an email. A recorder in front of the model shows what the
 * model actually received: placeholders, never the values.
 */
import { request } from 'node:http';
import { readLock } from '../../artifacts/index.js';
import { loadConfig } from '../../core/config/load.js';
import { WrittenConfigSchema } from '../../core/config/config.schema.js';
import { resolveModels } from '../../eval/index.js';
import { admitRoutes, createGateway, describeAdmission } from '../../gateway/index.js';
import { memoryAccess } from '../../gateway/access/memory-access.js';
import { createProvider, type ChatRequest, type ProviderAdapter } from '../../providers/index.js';
import { paint } from '../output.js';
import type { DemoStage } from './demo-stage.js';

const ADMIN = 'demo-admin-key-0123456789';
const FAKE_KEY = 'sk-proj-4fT9xQ2mL8vB1nR7sK3pZ6wY0cJ5hD2aE9uG1iO4';
const EMAIL = 'jane.doe@example.com';

/** Wrap an adapter so every text it is given is recorded. */
function recording(inner: ProviderAdapter, seen: string[]): ProviderAdapter {
  const note = (req: ChatRequest) => void seen.push(JSON.stringify(req.messages));
  return { ...inner, chat: (req, o) => (note(req), inner.chat(req, o)), stream: (req, o) => (note(req), inner.stream(req, o)), close: () => inner.close() };
}

function post(port: number, body: unknown): Promise<{ status: number; text: string }> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/v1/chat/completions', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c)).on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject).end(data);
  });
}

function answerOf(r: { status: number; text: string }): string {
  try {
    const j = JSON.parse(r.text) as { choices?: { message?: { content?: string } }[]; error?: { message?: string } };
    return j.error ? `error: ${j.error.message ?? ''}` : JSON.stringify(j.choices?.[0]?.message?.content ?? '').slice(0, 60);
  } catch {
    return `${r.text.split('\n\n').filter((l) => l.startsWith('data: {')).length} SSE chunks, ${r.text.includes('[DONE]') ? 'ended with [DONE]' : 'no [DONE]'}`;
  }
}

/** The demo's gateway config (one route to the local tiny GGUF) and the model's adapter. */
export async function demoGateway(dir: string, configPath: string, say: (l?: string) => void, adminEnv: string) {
  const written = await loadConfig(configPath);
  const gateway = { server: { admin_key_env: adminEnv, max_connections: 64 }, routes: { tiny: { deployments: [{ model: 'tiny-llama', timeout_ms: 60_000 }], fallback_on: ['error', 'timeout'] } } };
  const config = WrittenConfigSchema.parse({ ...written, gateway });
  const admission = await admitRoutes(config, { configPath });
  say(`  admission of tiny-llama: ${admission.models[0]?.checks.map((c) => `${c.id} ${c.passed ? paint.green('ok') : paint.red('no')}`).join(', ')}`);
  for (const line of describeAdmission(admission)) say(`    ${line}`);
  say(`  ${paint.yellow('serving anyway, as `modelgate serve --allow-ungated` would (development only)')}`);
  const lock = await readLock(configPath.replace(/modelgate\.yaml$/, 'modelgate.lock'));
  const [target] = await resolveModels([{ ref: 'tiny-llama', where: 'demo' }], { config, projectDir: dir, suiteDir: dir, env: process.env, ...(lock ? { lock } : {}) }, configPath);
  const adapter = createProvider({ ...(target as { config: Parameters<typeof createProvider>[0] }).config, context_size: 256 }, { id: 'local' });
  return { config, adapter };
}

export const gatewayStage: DemoStage = {
  title: 'Gateway: the tiny GGUF behind an OpenAI-compatible endpoint, with redaction',
  async run({ dir, configPath, say }) {
    const { config, adapter } = await demoGateway(dir, configPath, say, 'MODELGATE_DEMO_ADMIN');
    const seen: string[] = [];
    const gw = await createGateway({ config, access: memoryAccess(), providers: { 'tiny-llama': recording(adapter, seen) }, env: { ...process.env, MODELGATE_DEMO_ADMIN: ADMIN }, projectDir: dir });
    try {
      return await exercise(gw, say, seen);
    } finally {
      await gw.close(1_000);
    }
  },
};

async function exercise(gw: Awaited<ReturnType<typeof createGateway>>, say: (l?: string) => void, seen: string[]) {
  const { port } = await gw.listen(0, '127.0.0.1');
  say(`  gateway on http://127.0.0.1:${port}/v1, route "tiny" -> tiny-llama (local llama.cpp); the requests below use plain HTTP`);
  const ask = (content: string, stream = false) => post(port, { model: 'tiny', stream, max_tokens: 8, temperature: 0, messages: [{ role: 'user', content }] });
  const plain = await ask('Say hello.');
  say(`    POST chat (json)      -> ${plain.status} ${answerOf(plain)}`);
  const streamed = await ask('Count to three.', true);
  say(`    POST chat (stream)    -> ${streamed.status} ${answerOf(streamed)}`);
  const secret = await ask(`My key is ${FAKE_KEY}; mail the summary to ${EMAIL}.`);
  say(`    POST chat (key+email) -> ${secret.status} ${answerOf(secret)}`);
  const received = seen.join('\n');
  const leaked = received.includes(FAKE_KEY) || received.includes(EMAIL);
  say(`  what the model received for the last request: ${seen.at(-1)?.slice(0, 120) ?? '(nothing)'}`);
  say(`  ${leaked ? paint.red('the secret reached the model') : paint.green('neither the key nor the email reached the model')}; placeholders are restored in answers`);
  const answered = [plain, streamed, secret].every((r) => r.status === 200 || r.status === 502);
  return { ok: !leaked && answered && seen.length >= 3, summary: leaked ? 'redaction failed' : `3 requests served; the fake key and email never reached the model (it saw ${received.match(/\[[A-Z]+_\d+_[0-9a-f]+\]/g)?.slice(0, 2).join(', ') ?? 'placeholders'})` };
}
