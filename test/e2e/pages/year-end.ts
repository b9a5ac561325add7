import { FormScreen } from './form.ts';

/** The manager's "Tutup buku & SHU" screen: the split form, the simulation, the close, the members' SHU. */
export class YearEndPage extends FormScreen {
  menuLink(name = 'Tutup buku & SHU') {
    return this.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name });
  }
  alert() {
    return this.page.locator('form [role="alert"]').first();
  }
  notice(text: string | RegExp) {
    return this.page.locator('p.notice[role="status"]').filter({ hasText: text });
  }
  section(name: string) {
    return this.page.getByRole('region', { name });
  }
  heading(name: string) {
    return this.page.getByRole('heading', { level: 2, name });
  }
}
