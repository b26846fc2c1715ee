// The shell dock under the graph, as a test sees it: opened from the send bar's Shell
// button for the picked source, typed into like a terminal, read through its screen-reader log.
import { expect, type Locator, type Page } from '@playwright/test';

export class ShellPanel {
  readonly region: Locator;
  readonly output: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: /^Shell in / });
    this.output = page.getByRole('log', { name: 'Shell output' });
  }

  /** Opens the shell of the source picked in the send bar. */
  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Shell', exact: true }).click();
    await expect(this.region).toBeVisible();
    await expect(this.page.getByRole('textbox', { name: /^Shell input/ })).toBeFocused();
  }

  /** Puts the keyboard in the terminal (after a click elsewhere took it). */
  async focus(): Promise<void> {
    await this.page.getByRole('textbox', { name: /^Shell input/ }).focus();
  }

  /** Types a command line and presses Enter, then waits until the shell is idle again. */
  async run(line: string): Promise<void> {
    await this.focus();
    await this.page.keyboard.type(line);
    await this.page.keyboard.press('Enter');
    await expect(this.output).toContainText(line);
    await expect(this.region.getByRole('status')).toHaveCount(0);
  }
}
