import type { Locator, Page } from 'playwright-core';

/** `Rp 1.234.567` (or `-Rp 5.000`) as a number. */
export function rupiahValue(text: string): number {
  const m = /(-?)Rp\s*([\d.]+)/.exec(text);
  if (!m) throw new Error(`no rupiah amount in "${text}"`);
  return (m[1] ? -1 : 1) * Number(m[2]!.replace(/\./g, ''));
}

/** The payment form, on the hub's settlement desk or a cooperative's statements screen. */
export class PaymentFormPart {
  constructor(private readonly root: Locator) {}
  async chooseCooperative(name: string) {
    await this.root.getByLabel('Koperasi', { exact: true }).selectOption({ label: name });
  }
  async pay(p: { amount: string; method?: string; reference: string; date?: string }) {
    await this.root.getByLabel('Jumlah (Rp)').fill(p.amount);
    if (p.date) await this.root.getByLabel('Tanggal bayar').fill(p.date);
    if (p.method) await this.root.getByLabel('Metode').selectOption({ label: p.method });
    await this.root.getByLabel('Referensi').fill(p.reference);
    await this.root.getByRole('button', { name: 'Catat pembayaran' }).click();
  }
  notice() {
    return this.root.getByRole('status');
  }
  /** The balance before and after, from the notice "Tagihan: Rp x → Rp y". */
  async balanceChange(): Promise<{ before: number; after: number }> {
    const text = (await this.notice().textContent()) ?? '';
    const m = /Tagihan: (-?Rp [\d.]+) → (-?Rp [\d.]+)/.exec(text);
    if (!m) throw new Error(`no balance change in "${text}"`);
    return { before: rupiahValue(m[1]!), after: rupiahValue(m[2]!) };
  }
}

/** /penagihan: the hub's settlement desk. */
export class SettlementPage {
  constructor(private readonly page: Page) {}
  async open(base: string) {
    await this.page.goto(`${base}/penagihan`);
    await this.page.getByRole('heading', { level: 1, name: 'Penagihan' }).waitFor();
  }
  region(name: string) {
    return this.page.getByRole('region', { name });
  }
  async closePeriod(periodEnd: string) {
    const r = this.region('Tutup periode');
    await r.getByLabel('Akhir periode').fill(periodEnd);
    await r.getByRole('button', { name: 'Tutup periode' }).click();
    await r.getByRole('button', { name: 'Ya, tutup periode' }).click();
  }
  closeNotice() {
    return this.region('Tutup periode').getByRole('status');
  }
  payment() {
    return new PaymentFormPart(this.region('Catat pembayaran'));
  }
  /** The aging row of a cooperative, found through the table's filter box. */
  async agingRow(name: string) {
    const r = this.region('Umur piutang jaringan');
    await r.getByLabel('Cari koperasi').fill(name);
    return r.locator('tbody tr').filter({ hasText: name });
  }
  statementRows() {
    return this.region('Tagihan seluruh jaringan').locator('tbody tr');
  }
}

/** /koperasi/:id/tagihan: a cooperative's statements and payments. */
export class CooperativeStatementsPage {
  constructor(private readonly page: Page) {}
  async open(base: string, coopId: string) {
    await this.page.goto(`${base}/koperasi/${coopId}/tagihan`);
    await this.page.getByRole('heading', { level: 1, name: 'Tagihan & pembayaran' }).waitFor();
  }
  balanceCard() {
    return this.page.locator('.card').filter({ hasText: /^Tagihan/ });
  }
  statementRows() {
    return this.page.getByRole('region', { name: 'Tagihan per periode' }).locator('tbody tr');
  }
  pdfLinks() {
    return this.page.getByRole('link', { name: /^PDF tagihan/ });
  }
  payment() {
    return new PaymentFormPart(this.page.getByRole('region', { name: 'Catat pembayaran' }));
  }
  paymentRows() {
    return this.page.getByRole('region', { name: 'Riwayat pembayaran' }).locator('tbody tr');
  }
}

/** /subsidi: the monthly subsidy run. */
export class SubsidyPage {
  constructor(private readonly page: Page) {}
  async open(base: string) {
    await this.page.goto(`${base}/subsidi`);
    await this.page.getByRole('heading', { level: 1, name: 'Subsidi operasional' }).waitFor();
  }
  async run(month: string) {
    await this.page.getByLabel('Bulan', { exact: true }).fill(month);
    await this.page.getByRole('button', { name: 'Jalankan subsidi' }).click();
    await this.page.getByRole('button', { name: 'Ya, jalankan' }).click();
  }
  notices() {
    return this.page.getByRole('status');
  }
  /** Shows the run of a month (`YYYY-MM`); the page opens on the latest run. */
  async showRun(month: string) {
    await this.page.getByLabel('Proses bulan', { exact: true }).selectOption(month);
  }
  row(cooperative: string) {
    return this.page.locator('tbody tr').filter({ hasText: cooperative });
  }
  async markPaid(cooperative: string, reference: string) {
    await this.page.getByRole('button', { name: `Tandai dibayar: ${cooperative}` }).click();
    await this.page.getByLabel('Referensi transfer').fill(reference);
    await this.page.getByRole('button', { name: 'Simpan' }).click();
  }
  saveWithoutReference(cooperative: string) {
    return (async () => {
      await this.page.getByRole('button', { name: `Tandai dibayar: ${cooperative}` }).click();
      await this.page.getByRole('button', { name: 'Simpan' }).click();
    })();
  }
  fieldError() {
    return this.page.locator('.field.invalid small.error');
  }
}

/** /audit: the audit trail. */
export class AuditPage {
  constructor(private readonly page: Page) {}
  async open(base: string) {
    await this.page.goto(`${base}/audit`);
    await this.page.getByRole('heading', { level: 1, name: 'Log audit' }).waitFor();
  }
  async filterAction(label: string) {
    await this.page.getByLabel('Tindakan', { exact: true }).selectOption({ label });
  }
  rows() {
    return this.page.locator('tbody tr');
  }
}

/** /koperasi/:id/buku: a cooperative's books. */
export class BooksPage {
  constructor(private readonly page: Page) {}
  async open(base: string, coopId: string) {
    await this.page.goto(`${base}/koperasi/${coopId}/buku`);
    await this.page.getByRole('heading', { level: 1, name: 'Pembukuan' }).waitFor();
    // Both parts open on a tap under the summary.
    await this.page.getByText('Neraca saldo', { exact: true }).click();
    await this.page.getByText('Jurnal per periode', { exact: true }).click();
  }
  trialBalance() {
    return this.page.getByRole('region', { name: 'Neraca saldo' });
  }
  journal() {
    return this.page.getByRole('region', { name: 'Jurnal per periode' });
  }
  totalCard(label: RegExp) {
    return this.trialBalance().locator('.card').filter({ hasText: label });
  }
}
