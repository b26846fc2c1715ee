// Journey 3: drive podpath through window.podpath, as tests and embedding pages do.
import { expect, test } from '@playwright/test';
import { WITH_DB_YAML } from './fixtures';
import { sentView } from './pages/traceJson';
import { PodpathPage } from './pages/PodpathPage';

test('window.podpath loads a scenario, sends, and returns the trace as JSON', async ({ page }) => {
  const app = new PodpathPage(page);
  await app.open();

  const loaded = await page.evaluate((yaml) => window.podpath!.loadScenario(yaml), WITH_DB_YAML);
  expect(loaded).toEqual({ ok: true });
  await expect(app.pod('data/db')).toBeVisible();

  const sent = await page.evaluate(() => window.podpath!.send({ from: 'default/web', to: 'data/db', port: 5432, proto: 'tcp' }));
  expect(sent.ok).toBe(true);
  await expect(app.trace.verdict).toContainText('Delivered');
  await expect(app.source).toHaveText('pod default/web');
  await expect(app.destination).toHaveText('pod data/db');

  const json = await page.evaluate(() => window.podpath!.trace());
  expect(json).not.toBeNull();
  expect(json).toMatchObject({ version: 2, verdict: 'delivered', run: { kind: 'send', from: 'default/web', to: 'data/db', proto: 'tcp', port: 5432 } });
  const trace = sentView(json!);
  expect(trace.send).toMatchObject({ from: 'pod default/web', to: 'pod data/db', proto: 'tcp', dport: 5432 });
  // Pod to pod without NAT: the delivered packet still carries the sender's address and port.
  const delivered = trace.hops.at(-1)!;
  expect(delivered.kind).toBe('deliver');
  expect(delivered.packet).toMatchObject({ src: trace.send.src, sport: trace.send.sport, dst: trace.send.dst, dport: 5432 });
  expect(trace.send.src).toMatch(/^10\.244\.1\./);
  expect(trace.reply?.verdict).toBe('delivered');
});

test('window.podpath reports a failed send, and the page shows its message', async ({ page }) => {
  const app = new PodpathPage(page);
  await app.open();
  const sent = await page.evaluate(() => window.podpath!.send({ from: 'default/web', to: 'nope/nothing', port: 80 }));
  expect(sent).toMatchObject({ ok: false, error: expect.stringContaining('nope/nothing') });
  await expect(app.sendError).toContainText('no pod named "nope/nothing"');
  expect(await page.evaluate(() => window.podpath!.trace())).toBeNull();
});

test('window.podpath.exec runs a command in a machine\'s shell and returns its output and conversation', async ({ page }) => {
  const app = new PodpathPage(page);
  await app.open();
  const r = await page.evaluate(() => window.podpath!.exec('external:client', 'curl -sS -m 2 http://93.184.216.34:8081/'));
  expect(r).toMatchObject({ ok: true, exitCode: 28, stdout: '', stderr: 'curl: (28) Connection timed out after 2000 milliseconds\n' });
  if (!r.ok) throw new Error(r.error);
  expect(r.trace).toMatchObject({ version: 2, run: { kind: 'command', from: 'external:client' }, verdict: 'dropped', code: 'filtered' });
  await expect(page.getByRole('region', { name: 'Shell in outside host client' })).toBeVisible();
  const bad = await page.evaluate(() => window.podpath!.exec('nowhere/nobody', 'hostname'));
  expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('no pod named "nowhere/nobody"') });
});
