// Journey: a learner takes a lesson from the index to the end by clicking and typing only: a
// task done with the top bar's mode switch, choices, a hop picked in the hop list, a number
// typed in; a wrong answer is explained first. The progress outlives a reload. A lesson's link
// opens at its step, and the lesson reads on a projector's 1280x720 without anything cut off.
import { expect, test } from '@playwright/test';
import { answersOf, builtinLesson } from './lessonFixtures';
import { LessonsPanel } from './pages/LessonsPanel';
import { PodpathPage } from './pages/PodpathPage';

const LESSON = builtinLesson('service-ipvs');
const ANSWERS = answersOf(LESSON);
const answer = (i: number) => {
  const a = ANSWERS.get(i);
  if (!a) throw new Error(`step ${i + 1} has no check`);
  return a;
};

test('complete "A Service in IPVS mode" by clicking and typing, then find it done after a reload', async ({ page }) => {
  test.setTimeout(60_000);
  const app = new PodpathPage(page);
  const lessons = new LessonsPanel(page);
  await app.open();
  await lessons.showIndex();
  await lessons.lesson(LESSON.spec.title).click();
  const n = LESSON.spec.steps.length;
  await lessons.expectStep(1, n);

  // 1. A task: refused while kube-proxy runs iptables, accepted once the learner switches it to IPVS.
  await lessons.button('Check my work').click();
  await lessons.expectWrong();
  await expect(lessons.feedback).toContainText('kube-proxy runs in IPVS mode (the engine found iptables)');
  await app.proxyMode('IPVS').click();
  await expect(app.proxyMode('IPVS')).toBeChecked();
  await lessons.button('Check my work').click();
  await lessons.expectRight();
  await lessons.button('Next').click();

  for (let i = 1; i < n; i++) {
    await lessons.expectStep(i + 1, n);
    await expect(lessons.stepTitle).toHaveText(LESSON.spec.steps[i]!.title);
    await lessons.run();
    const a = answer(i);
    switch (a.prepared.kind) {
      case 'choice':
        // A wrong option first: the feedback explains, and says it is not right.
        if (i === 1) {
          await lessons.choose(a.wrong!);
          await lessons.expectWrong();
        }
        await lessons.choose(a.answer);
        break;
      case 'hop':
        await app.trace.pause();
        await app.trace.selectHop(Number(a.answer));
        await expect(lessons.region.getByText(`Selected: hop ${a.answer}`)).toBeVisible();
        await lessons.button('Check the selected hop').click();
        break;
      case 'number':
        await lessons.answerNumber(a.answer);
        break;
      case 'task':
        throw new Error('only the first step is a task');
    }
    await lessons.expectRight();
    if (i < n - 1) await lessons.button('Next').click();
  }
  await lessons.button('Finish').click();
  await expect(lessons.lesson(LESSON.spec.title)).toContainText('done');

  await page.reload();
  await expect(app.node('kind-control-plane')).toBeVisible({ timeout: 15_000 });
  await lessons.showIndex();
  await expect(lessons.lesson(LESSON.spec.title)).toContainText('done');
});

test('a lesson\'s link opens at its step, and the address follows the learner', async ({ page }) => {
  const lessons = new LessonsPanel(page);
  const dns = builtinLesson('dns-names');
  await page.goto('/#lesson/dns-names/3');
  await lessons.expectStep(3, dns.spec.steps.length);
  await expect(lessons.stepTitle).toHaveText(dns.spec.steps[2]!.title);
  await lessons.button('Next').click();
  await lessons.expectStep(4, dns.spec.steps.length);
  await expect(page).toHaveURL(/#lesson\/dns-names\/4$/);
  // A step's own button jumps there.
  await lessons.region.getByRole('button', { name: new RegExp(`^Step 1: ${dns.spec.steps[0]!.title}`) }).click();
  await expect(page).toHaveURL(/#lesson\/dns-names\/1$/);
});

test('a damaged lesson link opens the index and says why', async ({ page }) => {
  const lessons = new LessonsPanel(page);
  await page.goto('/#lesson/no-such-lesson/2');
  await expect(lessons.region.getByRole('alert')).toContainText('no-such-lesson');
  await expect(lessons.region.getByRole('heading', { name: 'Lessons', exact: true })).toBeVisible();
});

test('on a 1280x720 projector the lesson column shows its step without cutting anything off', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const lessons = new LessonsPanel(page);
  await page.goto('/#lesson/service-iptables/1');
  await lessons.run();
  await expect(lessons.button('Check the selected hop')).toBeVisible();
  // Nothing wider than its box, the column inside the window, Back and Next on screen.
  const overflow = await lessons.region.evaluate((el) => {
    const boxes = [el, ...el.querySelectorAll<HTMLElement>('p, h2, h3, h4, button, label, li')];
    return boxes.filter((b) => b.scrollWidth > b.clientWidth + 1).map((b) => `${b.tagName}: ${b.textContent?.slice(0, 40)}`);
  });
  expect(overflow).toEqual([]);
  const box = await lessons.region.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(1280);
  expect(box!.y + box!.height).toBeLessThanOrEqual(720);
  for (const name of ['Back', 'Next', 'Run']) await expect(lessons.button(name)).toBeInViewport();
  const size = await lessons.region.getByRole('heading', { level: 3 }).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(15);
});

test('embedded (?embed), a lesson shows without the app\'s top bar and send bar', async ({ page }) => {
  const lessons = new LessonsPanel(page);
  await page.goto('/?embed#lesson/four-problems/2');
  await lessons.expectStep(2, builtinLesson('four-problems').spec.steps.length);
  await expect(page.getByRole('banner')).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Send a packet' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Cluster graph' })).toBeVisible();
  await expect(lessons.button('Close lessons')).toHaveCount(0);
});
