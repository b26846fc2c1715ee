// Journey 10: the rules-vs-Services study. Started by the learner, it runs in a worker (the
// page stays usable), fills the chart as points arrive, and ends with iptables' count rising
// with the number of Services while IPVS's and nftables' stay flat.
import { expect, test } from '@playwright/test';
import { PodpathPage } from './pages/PodpathPage';

test('the plot measures 10 to 10,000 Services: iptables rises, IPVS and nftables stay flat', async ({ page }) => {
  test.setTimeout(90_000);
  const app = new PodpathPage(page);
  await app.open();
  const { rules } = app;
  await rules.show();
  await expect(rules.heading).toBeVisible();
  await expect(rules.chart).toHaveAccessibleDescription('Nothing measured yet.');

  await rules.run.click();
  await expect(rules.status).toContainText(/\d+ of 21 measured/);
  // The page is not blocked while the worker measures: the graph still takes clicks.
  await app.pod('default/web').click();
  await expect(app.source).toHaveText('pod default/web');

  await expect(rules.status).toHaveText('Done: 21 measurements.', { timeout: 60_000 });
  await rules.showTable();
  const [ipt10, ipvs10, nft10] = await rules.row('10');
  const [ipt10k, ipvs10k, nft10k] = await rules.row('10,000');
  expect(ipt10k! - ipt10!).toBeGreaterThanOrEqual(9_990);
  expect(ipvs10k).toBe(ipvs10);
  expect(nft10k).toBe(nft10);
  expect(ipvs10k!).toBeLessThan(100);
  await expect(rules.chart).toHaveAccessibleDescription(/^iptables: .*\(rising\); IPVS: .*\(the same at every size\); nftables: .*\(the same at every size\)\.$/);
});
