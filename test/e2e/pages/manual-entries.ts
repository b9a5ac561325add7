import { FormScreen } from './form.ts';

/** The manager's "Jurnal & aset" screen: the manual entry form, the recent entries, the fixed assets. */
export class ManualEntriesPage extends FormScreen {
  menuLink(name = 'Jurnal & aset') {
    return this.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name });
  }
  /** The running totals' words (balanced, or which side is over and by how much). */
  balance() {
    return this.page.locator('form p[role="status"]').first();
  }
  notice() {
    return this.page.locator('p.notice[role="status"]').filter({ hasText: 'tersimpan' });
  }
  rows(text: string | RegExp) {
    return this.page.locator('table tbody tr').filter({ hasText: text });
  }
}
