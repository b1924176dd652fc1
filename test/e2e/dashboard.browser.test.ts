/**
 * The dashboard end to end in headless Chromium (Debian's /usr/bin/chromium via playwright-core):
 * log in, load every page, click a model → its run → a case transcript, compare two runs, create
 * and revoke a key, and check each page's screenshot is not blank. Needs the built app (`npm run build`).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext as Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDashboard } from '../../src/web/index.js';
import { seedProject, type SeededProject } from '../../src/web/server/test-support/seed.js';
import { pngStats } from './support/png-stats.js';

const CHROMIUM = '/usr/bin/chromium';
const WEB_ROOT = resolve('dist/web');
const ADMIN = 'mg_admin_browser_test_key';
const SHOTS = process.env['MODELGATE_SCREENSHOT_DIR'] ?? join(tmpdir(), 'modelgate-dashboard-shots');
const missing = !existsSync(CHROMIUM) ? `${CHROMIUM} is absent (apt-get install chromium)` : !existsSync(join(WEB_ROOT, 'index.html')) ? 'dist/web/index.html is absent (npm run build)' : undefined;
if (missing) console.warn(`SKIP dashboard browser tests: ${missing}`);


describe.skipIf(missing !== undefined)('dashboard in Chromium', () => {
  let p: SeededProject;
  let server: Server;
  let base: string;
  let browser: Browser;
  let page: Page;
  let profile: string;
  const errors: string[] = [];

  async function shot(name: string): Promise<void> {
    await page.waitForLoadState('networkidle');
    const png = await page.screenshot({ fullPage: true });
    await writeFile(join(SHOTS, `${name}.png`), png);
    const s = pngStats(png);
    expect(s.nonBackground, `${name}: drawn pixels`).toBeGreaterThan(s.width * 40);
    expect(s.distinctColors, `${name}: colours`).toBeGreaterThan(8);
  }

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    p = await seedProject();
    const handle = await createDashboard({ projectDir: p.dir, store: p.store, access: p.access, adminKey: ADMIN, webRoot: WEB_ROOT });
    server = createServer((req, res) => void handle(req, res));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    profile = await mkdtemp(join(tmpdir(), 'mg-chromium-'));
    const { chromium } = await import('playwright-core');
    // a fresh profile each run (playwright passes it as --user-data-dir)
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => errors.push(e.message));
    // No external network: any request off 127.0.0.1 fails the test.
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:')) errors.push(`external request ${r.url()}`);
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((ok) => server?.close(ok));
    await p?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
    console.log(`dashboard screenshots in ${SHOTS}`);
  });

  it('asks for the admin key, then shows the models', async () => {
    await page.goto(base);
    await page.getByLabel('Admin key').fill('wrong');
    await page.getByRole('button', { name: 'sign in' }).click();
    await page.getByText('not an admin key').waitFor();
    await shot('0-login');
    await page.getByLabel('Admin key').fill(ADMIN);
    await page.getByRole('button', { name: 'sign in' }).click();
    await page.locator('a.model-link', { hasText: 'good:m1' }).waitFor();
    await shot('1-models');
  });

  it('clicks through a model to its run and a case transcript', async () => {
    await page.locator('a.model-link', { hasText: 'good:m1' }).click();
    await page.getByText('Apache-2.0').first().waitFor();
    await page.getByText('rev-abc123').waitFor();
    await shot('2-model');
    await page.locator('a.run-link').first().click();
    await page.locator('svg.chart circle').first().waitFor();
    await shot('3-run');
    await page.locator('a.case-link', { hasText: '#2' }).first().click();
    await page.locator('.transcript').first().waitFor();
    expect(await page.locator('.transcript').count()).toBe(2);
    await page.getByText('peru <script>alert(1)</script>').first().waitFor();
    await shot('4-transcript');
  });

  it('shows suites and compares two runs case by case', async () => {
    await page.goto(`${base}#/runs`);
    await page.locator('svg.chart').first().waitFor();
    await shot('5-runs');
    await page.getByRole('button', { name: 'as A' }).nth(1).click();
    await page.locator('a.compare-link').first().click();
    await page.locator('tr.broke').first().waitFor();
    expect(await page.locator('tr.fixed').count()).toBe(1);
    await shot('6-compare');
  });

  it('charts traffic by model and by key', async () => {
    await page.goto(`${base}#/traffic`);
    await page.locator('svg.chart polyline').first().waitFor({ state: 'attached' });
    expect(await page.locator('.card h2').allTextContents()).toEqual(['Requests', 'Latency p50 (ms)', 'Latency p95 (ms)', 'Errors', 'Fallbacks', 'Spend (USD)']);
    expect(await page.locator('.totals').textContent()).toMatch(/24 requests.*3 errors.*4 fallbacks/);
    await shot('7-traffic');
    await page.getByLabel('group by').selectOption('key');
    await page.locator('.legend', { hasText: 'team-a' }).first().waitFor();
  });

  it('creates and revokes a key', async () => {
    await page.goto(`${base}#/keys`);
    await page.locator('table.keys').waitFor();
    await page.locator('input[name=name]').fill('browser-made');
    await page.locator('input[name=routes]').fill('chat');
    await page.locator('input[name=budgetUsd]').fill('12.5');
    await page.getByRole('button', { name: 'create' }).click();
    const secret = await page.locator('code.secret').textContent();
    expect(secret).toMatch(/\S{20,}/);
    const row = page.locator('table.keys tr', { hasText: 'browser-made' });
    await row.waitFor();
    await shot('8-keys');
    page.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: 'revoke' }).click();
    await row.locator('.badge', { hasText: 'revoked' }).waitFor();
    expect(await p.access.keys.authenticate(secret ?? '')).toBeUndefined();
    await shot('9-keys-revoked');
  });

  it('ran without page errors or requests off the dashboard', () => {
    expect(errors).toEqual([]);
  });
});
