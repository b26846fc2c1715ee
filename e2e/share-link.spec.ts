// Journey: a teacher sends a packet, picks the hop that matters and copies the link; a student
// who opens it in a fresh browser sees that exact moment: the same trace, the same hop.
import { expect, test } from '@playwright/test';
import { PodpathPage } from './pages/PodpathPage';

test('a copied link opens the same trace at the same hop in a fresh browser', async ({ browser }) => {
  const teacherContext = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const teacher = new PodpathPage(await teacherContext.newPage());
  await teacher.open();
  await teacher.sendByClicking(teacher.pod('default/web'), teacher.service('default/api'));
  await expect(teacher.trace.verdict).toContainText('Delivered');
  await teacher.trace.pause();
  const nat = teacher.trace.hopsOfKind('nat').first();
  await teacher.trace.select(nat);
  const hopText = await teacher.trace.selectedHop.innerText();
  await teacher.scenario.show();
  await teacher.trace.show();

  await teacher.session.copyLink.click();
  await expect(teacher.page.getByRole('status').filter({ hasText: /^Link copied/ })).toBeVisible();
  const link = await teacher.page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#v1\.[A-Za-z0-9_-]+$/);
  expect(link.length).toBeLessThan(2000);
  expect(await teacher.page.evaluate(() => window.podpath!.link())).toBe(link);
  const teacherTrace = await teacher.page.evaluate(() => window.podpath!.trace());

  const studentContext = await browser.newContext();
  const student = new PodpathPage(await studentContext.newPage());
  await student.page.goto(link);
  await expect(student.trace.verdict).toContainText('Delivered');
  await expect(student.trace.selectedHop).toContainText('nat');
  expect(await student.trace.selectedHop.innerText()).toBe(hopText);
  await expect(student.source).toHaveText('pod default/web');
  await expect(student.destination).toHaveText('service default/api');
  expect(await student.page.evaluate(() => window.podpath!.trace())).toEqual(teacherTrace);
  await expect(student.session.notice).toHaveCount(0);
  await teacherContext.close();
  await studentContext.close();
});
