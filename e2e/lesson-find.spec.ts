// Journey: a step whose command the learner must find. In the ingress-nginx lesson the learner
// is asked to reach a blog pod through the controller's load balancer: a curl to the wrong host
// is explained with what the engine found, the right one (typed in the client's shell) passes,
// and the next step's question is answered from its own run.
import { expect, test } from '@playwright/test';
import { answersOf, builtinLesson } from './lessonFixtures';
import { LessonsPanel } from './pages/LessonsPanel';
import { PodpathPage } from './pages/PodpathPage';
import { ShellPanel } from './pages/ShellPanel';

const LESSON = builtinLesson('ingress-nginx');
const FIND = LESSON.spec.steps.findIndex((s) => s.find === true);
const solution = LESSON.spec.steps[FIND]!.solution!.run!;
const command = 'shell' in solution ? solution.shell.command : '';

test('the learner finds the curl that reaches the blog through ingress-nginx, after a wrong one is explained', async ({ page }) => {
  test.setTimeout(60_000);
  const app = new PodpathPage(page);
  const lessons = new LessonsPanel(page);
  const shell = new ShellPanel(page);
  const n = LESSON.spec.steps.length;
  await app.open(`#lesson/ingress-nginx/${FIND + 1}`);
  await lessons.expectStep(FIND + 1, n);
  await expect(lessons.region).toContainText('Find the send or command yourself');
  await expect(app.loadBalancer('ingress-nginx/ingress-nginx-controller')).toBeVisible();

  await app.outsideHost('client').click();
  await shell.open();
  // The shop's host leads to the shop, not the blog: refused, with what the engine found.
  await shell.run(command.replace('blog.example.com', 'shop.example.com'));
  await lessons.button('Check my work').click();
  await lessons.expectWrong();
  await expect(lessons.feedback).toContainText('Service default/shop');

  await shell.run(command);
  await expect(shell.output).toContainText(/Hostname: blog-/);
  await lessons.button('Check my work').click();
  await lessons.expectRight();

  // The next step makes its own run, and its question is answered from it.
  await lessons.button('Next').click();
  await lessons.expectStep(FIND + 2, n);
  await lessons.run();
  await lessons.choose(answersOf(LESSON).get(FIND + 1)!.answer);
  await lessons.expectRight();
});
