// The scenario side panel: the YAML textarea, Apply, and the located errors.
import type { Locator, Page } from '@playwright/test';

export class ScenarioPanel {
  readonly yaml: Locator;
  readonly errors: Locator;

  constructor(readonly page: Page) {
    this.yaml = page.getByRole('textbox', { name: /^Scenario YAML/ });
    this.errors = page.getByRole('list', { name: 'Scenario errors' });
  }

  async show(): Promise<void> {
    await this.page.getByRole('tab', { name: /^Scenario/ }).click();
  }

  async replace(text: string): Promise<void> {
    await this.yaml.fill(text);
  }

  async apply(): Promise<void> {
    await this.page.getByRole('button', { name: 'Apply', exact: true }).click();
  }
}
