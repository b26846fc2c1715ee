// Journey: a broken link opens the app with a clear message, and the learner's saved work is
// open instead, untouched.
import { expect, test } from '@playwright/test';
import { PodpathPage } from './pages/PodpathPage';

test('a broken link says so and opens the saved work, which it never overwrites', async ({ page }) => {
  const app = new PodpathPage(page);
  await app.open();
  const saved = await app.makeSavedWork();

  // A fresh page load (a changed fragment alone would not reload the page).
  await page.goto('about:blank');
  await app.open('#v1.this-is-not-a-podpath-link');
  await expect(app.session.notice).toContainText('This link could not be opened');
  await expect(app.session.notice).toContainText('Your saved work is open instead; nothing was overwritten.');
  await expect(app.pod('default/pod')).toBeVisible();
  expect(await app.savedLink()).toBe(saved);

  // Not a link at all, and a link from a newer podpath: the same.
  await page.goto('about:blank');
  await app.open('#v9.AAAA');
  await expect(app.session.notice).toContainText('made by a newer podpath');
  await expect(app.pod('default/pod')).toBeVisible();
  await app.session.notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(app.session.notice).toHaveCount(0);
  expect(await app.savedLink()).toBe(saved);
});
