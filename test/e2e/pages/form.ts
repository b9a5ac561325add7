import type { Page } from 'playwright-core';

/** What every screen with a form offers its page model: fields by label, their messages, buttons. */
export class FormScreen {
  constructor(protected readonly page: Page) {}
  field(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }
  /** The message under the field labelled `label` (its error or hint). */
  fieldMessage(label: string) {
    return this.page
      .locator('.field')
      .filter({ has: this.page.getByLabel(label, { exact: true }) })
      .locator('small');
  }
  button(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }
}
