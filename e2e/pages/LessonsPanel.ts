// The lessons column as a learner or a teacher uses it: the index, the open lesson (its step,
// Run, the check and its feedback, Back and Next), and the lesson editor. Found by role and
// accessible name.
import { expect, type Locator, type Page } from '@playwright/test';

export class LessonsPanel {
  readonly region: Locator;
  readonly feedback: Locator;
  readonly stepTitle: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('complementary', { name: 'Lessons' });
    this.feedback = this.region.getByRole('status', { name: 'Feedback' });
    this.stepTitle = this.region.getByRole('heading', { level: 3 });
  }

  /** The top bar's Lessons button: opens the index. */
  async showIndex(): Promise<void> {
    await this.page.getByRole('button', { name: 'Lessons', exact: true }).click();
    await expect(this.region.getByRole('heading', { name: 'Lessons', exact: true })).toBeVisible();
  }

  /** A lesson in the index, by its title. */
  lesson(title: string): Locator {
    return this.region.getByRole('button', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
  }

  button(name: string): Locator {
    return this.region.getByRole('button', { name, exact: true });
  }

  async run(): Promise<void> {
    await this.button('Run').click();
  }

  /** Picks an option of a choice by its label and checks it. */
  async choose(label: string): Promise<void> {
    await this.region.getByRole('radio', { name: label, exact: true }).check();
    await this.button('Check').click();
  }

  async answerNumber(value: string): Promise<void> {
    await this.region.getByRole('textbox', { name: 'Your answer' }).fill(value);
    await this.button('Check').click();
  }

  async expectStep(n: number, of: number): Promise<void> {
    await expect(this.region.getByText(`Step ${n} of ${of}`, { exact: true })).toBeVisible();
  }

  async expectRight(): Promise<void> {
    await expect(this.feedback).toContainText('Correct.');
  }

  async expectWrong(): Promise<void> {
    await expect(this.feedback).toContainText('Not quite.');
  }
}
