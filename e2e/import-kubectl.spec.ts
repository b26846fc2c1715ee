// Journey: an engineer pastes kubectl's output of their kind cluster and its nodes; the graph
// shows their cluster with the addresses it reported, and the report says what was left out.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { PodpathPage } from './pages/PodpathPage';

const fixture = (f: string) => readFileSync(fileURLToPath(new URL(`../src/engine/model/import/fixtures/${f}`, import.meta.url)), 'utf8');

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('two pastes of kubectl output become the cluster, with its own addresses', async ({ page }) => {
  const app = new PodpathPage(page);
  await app.open();
  const dialog = await app.session.openImport();
  // Pasted, as a learner would: the clipboard holds kubectl's output.
  const paste = async (label: RegExp, text: string) => {
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await dialog.getByLabel(label).focus();
    await page.keyboard.press('ControlOrMeta+V');
  };
  await paste(/^1\. kubectl get pods/, fixture('kind-dump.yaml'));
  await paste(/^2\. kubectl get nodes/, fixture('kind-nodes.yaml'));
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const report = dialog.getByRole('region', { name: 'Import report' });
  await expect(report).toContainText('Pod default/web on kind-worker, 10.244.2.3');
  await expect(report).toContainText('kube-proxy: podpath writes its rules itself');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(app.pod('default/api-6c7d9f8b54-8x7kq')).toContainText('10.244.2.2');
  await expect(app.node('kind-worker')).toContainText('172.18.0.2');
  await app.sendByClicking(app.pod('default/web'), app.service('default/api'));
  await expect(app.trace.verdict).toContainText('Delivered');
  await app.session.undo.click();
  await expect(app.pod('default/api-6c7d9f8b54-8x7kq')).toHaveCount(0);
});
