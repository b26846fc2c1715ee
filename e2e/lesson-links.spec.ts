// Journey: lesson links and share links share the address. A learner with saved work opens a
// teacher's lesson link: the lesson opens at its step with no "link could not be opened", the
// learner's own scenario waits in My scenarios, and the address follows the lesson. Closing the
// lesson gives the address back to the share link of the page.
import { expect, test } from '@playwright/test';
import { builtinLesson } from './lessonFixtures';
import { LessonsPanel } from './pages/LessonsPanel';
import { PodpathPage } from './pages/PodpathPage';

const LESSON = builtinLesson('service-iptables');

test('a lesson link over saved work keeps the work, and the address moves between the lesson and the share link', async ({ page }) => {
  test.setTimeout(60_000);
  const app = new PodpathPage(page);
  const lessons = new LessonsPanel(page);
  await app.open();
  await app.makeSavedWork();

  await page.goto('about:blank');
  await page.goto('/#lesson/service-iptables/2');
  await lessons.expectStep(2, LESSON.spec.steps.length);
  await expect(lessons.stepTitle).toHaveText(LESSON.spec.steps[1]!.title);
  await expect(app.session.notice).toHaveCount(0);
  await expect(app.pod('default/pod')).toHaveCount(0);
  await expect(page).toHaveURL(/#lesson\/service-iptables\/2$/);

  const library = await app.session.openLibrary();
  await expect(library).toContainText(`Before the lesson "${LESSON.spec.title}"`);
  await library.getByRole('button', { name: 'Close', exact: true }).click();

  // Running the step changes the trace, and the address stays the lesson's.
  await lessons.run();
  await lessons.button('Next').click();
  await expect(page).toHaveURL(/#lesson\/service-iptables\/3$/);
  await app.tables.show();
  await expect(page).toHaveURL(/#lesson\/service-iptables\/3$/);

  // Closed, the lesson hands the address back: the next change writes the page's share link.
  await lessons.button('Close lessons').click();
  await app.trace.show();
  await expect(page).toHaveURL(/#v1\./);
});
