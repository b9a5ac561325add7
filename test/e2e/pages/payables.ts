import { FormScreen } from './form.ts';

/** The hub's supplier payables screen: the aging, the invoices and the payment form. */
export class PayablesPage extends FormScreen {
  menuLink() {
    return this.page
      .getByRole('navigation', { name: 'Menu' })
      .getByRole('link', { name: 'Utang pemasok' });
  }
  async waitFor() {
    await this.page.getByRole('heading', { level: 1, name: 'Utang pemasok' }).waitFor();
  }
  rows(text: string | RegExp) {
    return this.page.locator('table tbody tr').filter({ hasText: text });
  }
  notice() {
    return this.page.getByRole('status');
  }
}

/** The hub's credit risk screen. */
export class RiskPage extends FormScreen {
  async open(base: string) {
    await this.page.goto(`${base}/risiko`);
    await this.page.getByRole('heading', { level: 1, name: 'Risiko kredit' }).waitFor();
  }
  section(name: string | RegExp) {
    return this.page.getByRole('heading', { level: 2, name });
  }
  rows(text: string | RegExp) {
    return this.page.locator('table tbody tr').filter({ hasText: text });
  }
}
