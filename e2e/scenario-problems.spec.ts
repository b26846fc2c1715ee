// Journey: whatever the scenario text holds, the page says what is wrong next to the editor,
// by document, line, object and field; warnings of a working scenario are shown too; and an
// empty editor does not replace the scenario without asking.
import { expect, test } from '@playwright/test';
import { API_POD, DEFAULT_YAML } from './fixtures';
import { PodpathPage } from './pages/PodpathPage';

test('YAML the engine cannot read is a located error, never a page error', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const app = new PodpathPage(page);
  await app.open();
  await app.scenario.show();

  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((l, i) => `${l}: &${l} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)].join('\n');
  for (const [text, where, what] of [
    [bomb, 'document 1, line 1', 'excessive aliasing'],
    ['apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\nname: *nowhere\n', 'document 1, line 3, Cluster, name', "unknown anchor 'nowhere'"],
    ['apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\nnetworking:\n  kubeProxyMod: ipvs\n', 'document 1, line 4, Cluster, networking.kubeProxyMod', 'field kubeProxyMod not found in type v1alpha4.Networking'],
    ['apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {type: LoadBalancer, loadBalancerIP: 300.1.2.3, ports: [{port: 80}]}\n', 'document 1, line 4, Service default/web, spec.loadBalancerIP', 'must be a valid IP address'],
  ] as const) {
    await app.scenario.replace(text);
    await app.scenario.apply();
    await expect(app.scenario.errors).toContainText(where);
    await expect(app.scenario.errors).toContainText(what);
  }
  // The working scenario still works.
  await expect(app.pod(API_POD)).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('the warnings of a working scenario are shown beside the editor with their place', async ({ page }) => {
  const app = new PodpathPage(page);
  await app.open();
  await app.scenario.show();
  await app.scenario.replace(`${DEFAULT_YAML.trimEnd()}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: web}
`);
  await app.scenario.apply();
  const doc = DEFAULT_YAML.trimEnd().split('\n---\n').length + 1;
  const line = DEFAULT_YAML.trimEnd().split('\n').length + 2;
  await expect(app.scenario.warnings).toContainText(`document ${doc}, line ${line}, ServiceAccount default/web`);
  await expect(app.scenario.warnings).toContainText('ServiceAccount is kept as given but not modelled yet');
});

test('applying an empty editor asks before it replaces the scenario', async ({ page }) => {
  const app = new PodpathPage(page);
  await app.open();
  await app.scenario.show();

  await app.scenario.replace('# nothing yet\n');
  await app.scenario.apply();
  await expect(app.scenario.confirmBlank).toBeVisible();
  await app.scenario.confirmBlank.getByRole('button', { name: 'Keep the current scenario' }).click();
  await expect(app.scenario.confirmBlank).toBeHidden();
  await expect(app.pod(API_POD)).toBeVisible();

  await app.scenario.apply();
  await app.scenario.confirmBlank.getByRole('button', { name: 'Apply the empty scenario' }).click();
  await expect(app.pod(API_POD)).toBeHidden();
  await expect(app.node('kind-control-plane')).toBeVisible();
  await expect(app.node('kind-worker')).toBeHidden();
});
