// Journey: a teacher writes a lesson in the app (records a send as a step, writes the text,
// picks two ready-made checks, previews it), copies its link, and a learner in a fresh browser
// opens that link and takes the lesson; and a lesson pasted as YAML loads, with its mistakes
// located when it has some.
import { expect, test } from '@playwright/test';
import { parseLesson } from '../src/engine';
import { readLessonFragment } from '../src/lessons/link';
import { answersOf } from './lessonFixtures';
import { LessonsPanel } from './pages/LessonsPanel';
import { PodpathPage } from './pages/PodpathPage';

test('write a lesson, share its link, and take it in a fresh browser', async ({ page, browser }) => {
  test.setTimeout(60_000);
  const app = new PodpathPage(page);
  const lessons = new LessonsPanel(page);
  await app.open();
  await lessons.showIndex();
  await lessons.button('Write a lesson').click();
  const editor = lessons.region;
  await editor.getByRole('textbox', { name: 'Name (in links)' }).fill('where-dnat');
  await editor.getByRole('textbox', { name: 'Title' }).fill('Where a Service is resolved');

  // Record a send as a step: web to the Service api.
  await app.sendByClicking(app.pod('default/web'), app.service('default/api'));
  await expect(app.trace.verdict).toContainText('Delivered');
  await lessons.button('Add a step from what is on screen').click();
  await editor.getByRole('textbox', { name: 'Step 1 title' }).fill('The rewrite');
  await editor.getByRole('textbox', { name: 'Step 1 text' }).fill('Send from web to the Service api and find where its address becomes a pod\'s.');
  await editor.getByRole('combobox', { name: 'Step 1 check' }).selectOption({ label: 'Select the first hop that rewrote the destination' });
  await editor.getByRole('textbox', { name: 'Step 1 question' }).fill('Which hop sent the packet to a pod?');
  await editor.getByRole('textbox', { name: 'Step 1 feedback when wrong' }).fill('{answer} kept the destination; look for a nat hop.');

  await lessons.button('Add a step from what is on screen').click();
  await editor.getByRole('textbox', { name: 'Step 2 title' }).fill('The machine');
  await editor.getByRole('textbox', { name: 'Step 2 text' }).fill('Every node holds the rules.');
  await editor.getByRole('combobox', { name: 'Step 2 check' }).selectOption({ label: 'On which machine was the destination rewritten?' });
  await editor.getByRole('textbox', { name: 'Step 2 feedback when wrong' }).fill('Not {answer}.');

  // The link carries the whole lesson.
  await lessons.button('Copy link').click();
  const link = await editor.getByRole('textbox', { name: 'Lesson link' }).inputValue();
  expect(link).toMatch(/#lesson\/~[A-Za-z0-9_-]+\/1$/);

  // Preview opens it here.
  await lessons.button('Preview').click();
  await expect(lessons.region.getByRole('heading', { name: 'Where a Service is resolved' })).toBeVisible();
  await lessons.expectStep(1, 2);

  // What the learner must answer, computed by the engine from the lesson in the link.
  const read = readLessonFragment(new URL(link).hash);
  if (!read?.ok || read.link.kind !== 'doc') throw new Error('the link does not carry a lesson');
  const parsed = parseLesson(read.link.yaml);
  if (!parsed.ok) throw new Error('the lesson in the link does not parse');
  const answers = answersOf(parsed.lesson);

  const context = await browser.newContext();
  const learner = await context.newPage();
  const theirs = new LessonsPanel(learner);
  const theirApp = new PodpathPage(learner);
  await learner.goto(link);
  await expect(theirs.region.getByRole('heading', { name: 'Where a Service is resolved' })).toBeVisible({ timeout: 15_000 });
  await theirs.expectStep(1, 2);
  await theirs.run();
  await theirApp.trace.pause();
  // A wrong hop first, then the right one.
  await theirApp.trace.selectHop(1);
  await theirs.button('Check the selected hop').click();
  await theirs.expectWrong();
  await expect(theirs.feedback).toContainText('kept the destination; look for a nat hop');
  await theirApp.trace.selectHop(Number(answers.get(0)!.answer));
  await theirs.button('Check the selected hop').click();
  await theirs.expectRight();
  await theirs.button('Next').click();
  await theirs.run();
  await theirs.choose(answers.get(1)!.answer);
  await theirs.expectRight();
  await context.close();
});

test('a lesson pasted as YAML loads; one with a mistake says where', async ({ page }) => {
  const app = new PodpathPage(page);
  const lessons = new LessonsPanel(page);
  await app.open();
  await lessons.showIndex();
  await lessons.region.getByText('Load a lesson (file, drop or paste)').click();
  const paste = lessons.region.getByRole('textbox', { name: 'Or paste a lesson\'s YAML' });
  const yaml = `apiVersion: podpath.dev/v1alpha1
kind: Lesson
metadata: { name: pasted }
spec:
  title: A pasted lesson
  topic: dns
  scenario: { builtin: default }
  steps:
    - title: Look
      text: Read the resolver's file.
      run: { shell: { from: default/web, command: "cat /etc/resolv.conf" } }
      check:
        kind: choice
        question: Which nameserver?
        answer: { of: service, service: kube-system/kube-dns, field: clusterIP }
        options: { from: services }
        wrong: "Not {answer}."
`;
  await paste.fill(yaml.replace('    - title: Look', '    - titel: Look'));
  await lessons.button('Load pasted lesson').click();
  await expect(lessons.region.getByRole('alert', { name: 'Lesson problems' })).toContainText('line 9');
  await paste.fill(yaml);
  await lessons.button('Load pasted lesson').click();
  await expect(lessons.region.getByRole('heading', { name: 'A pasted lesson' })).toBeVisible();
  await expect(page).toHaveURL(/#lesson\/~/);
});
