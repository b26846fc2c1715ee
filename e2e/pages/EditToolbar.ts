// The graph's edit toolbar, the inspector and the edit menu, as a test sees them: buttons by
// name, the inspector's form fields by label.
import { expect, type Locator, type Page } from '@playwright/test';

export class EditToolbar {
  readonly toolbar: Locator;
  readonly inspector: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.toolbar = page.getByRole('toolbar', { name: 'Edit the cluster' });
    this.inspector = page.getByRole('region', { name: 'Object inspector', exact: true });
    this.status = page.locator('.pp-edit-status');
  }

  button(name: string | RegExp): Locator {
    return this.toolbar.getByRole('button', { name, exact: typeof name === 'string' });
  }

  async enter(): Promise<void> {
    const edit = this.button('Edit');
    if ((await edit.getAttribute('aria-pressed')) !== 'true') await edit.click();
    await expect(edit).toHaveAttribute('aria-pressed', 'true');
  }

  async leave(): Promise<void> {
    const edit = this.button('Edit');
    if ((await edit.getAttribute('aria-pressed')) === 'true') await edit.click();
    await expect(edit).toHaveAttribute('aria-pressed', 'false');
  }

  /** A field of the inspector's form by its label. */
  field(label: string): Locator {
    return this.inspector.getByLabel(label, { exact: true });
  }

  async apply(): Promise<void> {
    await this.inspector.getByRole('button', { name: 'Apply changes' }).click();
  }
}
