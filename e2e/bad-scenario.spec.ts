// Journey 4: a bad edit shows located errors, and the scenario that worked keeps working.
import { expect, test } from '@playwright/test';
import { API_POD, BAD_PORT_YAML } from './fixtures';
import { PodpathPage } from './pages/PodpathPage';

test('a bad YAML edit is reported by document, field and line, and the previous scenario keeps working', async ({ page }) => {
  const app = new PodpathPage(page);
  await app.open();
  await app.scenario.show();

  await app.scenario.replace(BAD_PORT_YAML);
  await app.scenario.apply();
  const line = BAD_PORT_YAML.split('\n').findIndex((l) => l.includes('eighty')) + 1;
  await expect(app.scenario.errors).toContainText(`document 5, line ${line}, Deployment default/api, spec.template.spec.containers[0].ports[0].containerPort`);
  await expect(page.getByRole('tab', { name: /Scenario \(1 problem\)/ })).toBeVisible();

  // A YAML syntax error is located too, and the page is still whole.
  await app.scenario.replace('kind: Cluster\nnodes: [');
  await app.scenario.apply();
  await expect(app.scenario.errors).toContainText('document 1, line 2');
  await expect(app.scenario.yaml).toHaveValue('kind: Cluster\nnodes: [');

  // The working scenario is untouched: its pods are there and a send still goes through.
  await expect(app.pod(API_POD)).toBeVisible();
  await app.trace.show();
  await app.sendByClicking(app.pod('default/web'), app.pod(API_POD));
  await expect(app.trace.verdict).toContainText('Delivered');
});
