/**
 * The demo's last step: the gateway and the dashboard keep running on the
 * demo workspace until Ctrl-C, with a fresh admin key printed once.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createGateway } from '../../gateway/index.js';
import { openAccess } from '../../gateway/access/index.js';
import { mountDashboard } from '../../web/index.js';
import { paint } from '../output.js';
import { demoGateway } from './stage-gateway.js';

/** Serve until `stop` aborts (the CLI passes SIGINT/SIGTERM); resolves to an exit code. */
export async function serveDemo(dir: string, port: number, stop: AbortSignal, say: (l?: string) => void): Promise<number> {
  const configPath = join(dir, 'modelgate.yaml');
  say();
  say(paint.bold('Serving the demo workspace (Ctrl-C to stop)'));
  const { config, adapter } = await demoGateway(dir, configPath, say, 'MODELGATE_DEMO_ADMIN');
  const adminKey = `mg_demo_${randomBytes(16).toString('hex')}`;
  const access = await openAccess({ stateDir: join(dir, '.modelgate'), adminKey });
  const dashboard = await mountDashboard({ access, projectDir: dir, adminKey });
  const gw = await createGateway({ config, access, providers: { 'tiny-llama': adapter }, env: { ...process.env, MODELGATE_DEMO_ADMIN: adminKey }, projectDir: dir, fallback: dashboard.listener });
  const addr = await gw.listen(port, '127.0.0.1').catch(() => gw.listen(0, '127.0.0.1')); // the port may be taken
  const base = `http://127.0.0.1:${addr.port}`;
  say(`  dashboard:  ${base}/   (sign in with the admin key)`);
  say(`  gateway:    ${base}/v1  (model "tiny")`);
  say(`  admin key:  ${adminKey}`);
  say(`  try: curl -s ${base}/v1/chat/completions -H "authorization: Bearer ${adminKey}" -H "content-type: application/json" -d '{"model":"tiny","messages":[{"role":"user","content":"hi"}]}'`);
  await new Promise<void>((resolve) => (stop.aborted ? resolve() : stop.addEventListener('abort', () => resolve(), { once: true })));
  say('stopping: draining requests, flushing the ledger');
  await gw.close(2_000);
  await dashboard.close();
  await access.close();
  return 0;
}
