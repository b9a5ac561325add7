import type { Browser, Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, launchChromium, signIn } from './browser.ts';
import { slugOf } from '../../src/demo/random.ts';
import { Shell } from './pages/pages.ts';
import {
  AuditPage,
  BooksPage,
  CooperativeStatementsPage,
  SettlementPage,
  SubsidyPage,
  rupiahValue,
} from './pages/settlement.ts';
import { startDemoServer, type RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;

/** Dates relative to today in WIB, so the test holds on any day it runs. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
const [ty, tm] = today.split('-').map(Number) as [number, number];
/** The last day of last month: the period the hub closes. */
const lastMonthEnd = new Date(Date.UTC(ty, tm - 1, 0)).toISOString().slice(0, 10);
/** The month before last: no demo activity (21 days) and no subsidy run yet. */
const quietMonth = new Date(Date.UTC(ty, tm - 3, 1)).toISOString().slice(0, 7);
const ELIGIBLE = 'KDKMP Sungai Penuh';
const INELIGIBLE = 'KDKMP Pasar Sungai Penuh';
const NEW_MANAGER = 'pengurus@sungai-penuh.e2e';

let adminToken = '';
async function call<T = Record<string, unknown>>(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${adminToken}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const data = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(data)}`);
  return data;
}

/**
 * Two cooperatives of Kota Sungai Penuh joined from the start of a quiet month: one reported a
 * stock count in that month (eligible for its subsidy), the other nothing (not eligible).
 */
async function prepareQuietMonth() {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@kana.demo', password: 'lumbung-demo' }),
  });
  adminToken = ((await login.json()) as { token: string }).token;
  const product = await call<{ id: string }>('POST', '/api/v1/products', {
    sku: 'E2E-GKP-1',
    name: 'Gula Uji 1 kg',
    unit: 'pak',
    commodity: 'gula',
    netContent: { value: 1, unit: 'kg' },
    consignmentPrice: 16_000,
    retailPrice: 17_500,
    effectiveFrom: `${quietMonth}-01`,
  });
  const ids: string[] = [];
  for (const [name, villageCode] of [
    [ELIGIBLE, '15.72.01.1001'],
    [INELIGIBLE, '15.72.01.1003'],
  ] as const) {
    const coop = await call<{ id: string }>('POST', '/api/v1/cooperatives', { name, villageCode });
    await call('POST', `/api/v1/cooperatives/${coop.id}/participation`, {
      agreementNo: `PKS/E2E/${villageCode}`,
      startDate: `${quietMonth}-01`,
      exposureLimit: 10_000_000,
      subsidyMode: 'payout',
    });
    ids.push(coop.id);
  }
  await call('POST', `/api/v1/cooperatives/${ids[0]}/stock-counts`, {
    id: uuidv7(),
    countedAt: `${quietMonth}-15T03:00:00Z`,
    lines: [{ productId: product.id, qtyCounted: 0 }],
  });
  await call('POST', '/api/v1/users', {
    email: NEW_MANAGER,
    name: 'Pengurus Uji',
    password: 'lumbung-demo',
    orgId: ids[0],
    role: 'coop_manager',
  });
}

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
  await prepareQuietMonth();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function signedIn(email: string, width: number): Promise<Page> {
  return signIn(browser, server.url, email, width);
}

/** The screen at 360 px fits without sideways scrolling; screenshots at both widths. */
async function shots(
  name: string,
  email: string,
  open: (page: Page) => Promise<void>,
  ready: (page: Page) => Promise<unknown>,
) {
  for (const width of [360, 1280]) {
    const page = await signedIn(email, width);
    await open(page);
    await ready(page);
    if (width === 360) expect(await new Shell(page).horizontalOverflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}${name}-${width}.png`, fullPage: true });
    await page.context().close();
  }
}

/** A seeded cooperative with a statement for the closed period, and its manager. */
let manager = { coopId: '', name: '', email: '' };

describe('settlement, subsidy, audit and books in Chromium', () => {
  it('a hub admin closes a period, sees the statements, and a payment lowers what a cooperative owes', async () => {
    const page = await signedIn('admin@kana.demo', 1280);
    const desk = new SettlementPage(page);
    await desk.open(server.url);
    await desk.closePeriod(lastMonthEnd);
    await expect.poll(() => desk.closeNotice().textContent()).toMatch(/\d+ tagihan untuk periode/);
    const first = (await desk.closeNotice().textContent())!;
    const count = Number(/(\d+) tagihan/.exec(first)![1]);
    expect(count).toBeGreaterThan(0);
    // Closing again issues nothing new: the same statements, all "already issued".
    await desk.closePeriod(lastMonthEnd);
    await expect
      .poll(() => desk.closeNotice().textContent())
      .toMatch(new RegExp(`^${count} tagihan .*: 0 baru diterbitkan, ${count} sudah ada`));
    await expect.poll(() => desk.statementRows().count()).toBeGreaterThan(0);
    expect(await desk.statementRows().first().textContent()).toMatch(/Rp [\d.]+/);

    const statements = await call<{ items: { cooperativeId: string; cooperativeName: string }[] }>(
      'GET',
      `/api/v1/settlements/statements?periodEnd=${lastMonthEnd}`,
    );
    const seeded = statements.items.filter(
      (s) => ![ELIGIBLE, INELIGIBLE].includes(s.cooperativeName),
    );
    const pick = seeded.find((s) => s.cooperativeName === 'KDKMP Simpang IV Sipin') ?? seeded[0]!;
    manager = {
      coopId: pick.cooperativeId,
      name: pick.cooperativeName,
      email: `${slugOf(pick.cooperativeName.replace(/^KDKMP /, ''))}@kdkmp.demo`,
    };

    const payment = desk.payment();
    await payment.chooseCooperative(manager.name);
    await payment.pay({ amount: '100.000', method: 'Transfer bank', reference: 'TRF-E2E-HUB-01' });
    await expect.poll(() => payment.notice().textContent()).toMatch(/Pembayaran Rp 100\.000/);
    const change = await payment.balanceChange();
    expect(change.after).toBe(change.before - 100_000);
    // The network aging shows the lower balance too.
    const row = await desk.agingRow(manager.name);
    await expect
      .poll(async () => rupiahValue((await row.locator('td').nth(1).textContent()) ?? ''))
      .toBe(change.after);
    await page.context().close();
    await shots(
      'settlement',
      'admin@kana.demo',
      (p) => new SettlementPage(p).open(server.url),
      (p) => new SettlementPage(p).statementRows().first().waitFor(),
    );
  });

  it("the cooperative's manager sees the statements, opens a statement PDF and records a payment", async () => {
    const page = await signedIn(manager.email, 1280);
    await page.getByRole('link', { name: 'Tagihan & bayar' }).click();
    const screen = new CooperativeStatementsPage(page);
    await page.getByRole('heading', { level: 1, name: 'Tagihan & pembayaran' }).waitFor();
    await expect.poll(() => screen.statementRows().count()).toBeGreaterThan(0);
    const href = (await screen.pdfLinks().first().getAttribute('href'))!;
    const pdf = await page.request.get(`${server.url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    await expect.poll(() => screen.balanceCard().textContent()).toMatch(/Rp/);
    const before = rupiahValue((await screen.balanceCard().textContent())!);
    const payments = await screen.paymentRows().count();
    await screen
      .payment()
      .pay({ amount: '50000', method: 'Tunai', reference: 'KWT-E2E-01', date: today });
    await expect
      .poll(() => screen.payment().notice().textContent())
      .toMatch(/Pembayaran Rp 50\.000 dari .* tercatat/);
    await expect
      .poll(async () => rupiahValue((await screen.balanceCard().textContent()) ?? ''))
      .toBe(before - 50_000);
    await expect.poll(() => screen.paymentRows().count()).toBe(payments + 1);
    expect(await screen.paymentRows().first().textContent()).toContain('KWT-E2E-01');
    await page.context().close();
    await shots(
      'cooperative-statements',
      manager.email,
      (p) => new CooperativeStatementsPage(p).open(server.url, manager.coopId),
      (p) => new CooperativeStatementsPage(p).statementRows().first().waitFor(),
    );
  });

  it('the subsidy run shows who is eligible, who is not and why, and a transfer is marked paid with its reference', async () => {
    const page = await signedIn('admin@kana.demo', 1280);
    const subsidy = new SubsidyPage(page);
    await subsidy.open(server.url);
    await subsidy.run(quietMonth);
    // The two cooperatives joined for this month, and the demo's three pilots (history since 2025).
    await expect.poll(() => subsidy.notices().first().textContent()).toMatch(/4 koperasi layak/);
    await expect
      .poll(() => subsidy.row(ELIGIBLE).textContent())
      .toMatch(/Ya.*Rp [\d.]+.*Belum dibayar/);
    expect(await subsidy.row(INELIGIBLE).textContent()).toContain(
      'Tidak ada penjualan atau stok opname yang dilaporkan bulan ini',
    );
    expect(await subsidy.row(INELIGIBLE).textContent()).toContain('Tidak layak');
    // The reference is required.
    await subsidy.saveWithoutReference(ELIGIBLE);
    await expect
      .poll(() => subsidy.fieldError().textContent())
      .toBe('Referensi transfer wajib diisi');
    await subsidy.markPaid(ELIGIBLE, 'TRF/SUBSIDI/E2E/001');
    await expect
      .poll(() => subsidy.row(ELIGIBLE).textContent())
      .toMatch(/Dibayar .*TRF\/SUBSIDI\/E2E\/001/);
    expect(await page.getByRole('button', { name: `Tandai dibayar: ${ELIGIBLE}` }).count()).toBe(0);
    // Running the month again pays nothing twice.
    await subsidy.run(quietMonth);
    await expect
      .poll(() => subsidy.notices().first().textContent())
      .toMatch(/sudah pernah dijalankan/);
    await page.context().close();
    await shots(
      'subsidy',
      'admin@kana.demo',
      async (p) => {
        await new SubsidyPage(p).open(server.url);
        // The page opens on the latest run: the demo's last month, once a month has passed.
        await new SubsidyPage(p).showRun(quietMonth);
      },
      (p) => new SubsidyPage(p).row(INELIGIBLE).waitFor(),
    );
  });

  it('the audit log lists the payments just recorded, with who and when', async () => {
    const page = await signedIn('admin@kana.demo', 1280);
    const audit = new AuditPage(page);
    await audit.open(server.url);
    await audit.filterAction('Catat pembayaran');
    await expect.poll(() => audit.rows().count()).toBe(2);
    const text = await audit.rows().allTextContents();
    expect(text.join('\n')).toContain(manager.email);
    expect(text.join('\n')).toContain('admin@kana.demo');
    for (const t of text) expect(t).toMatch(/Catat pembayaran.*Pembayaran/);
    expect(text[0]).toMatch(/WIB/);
    // The count under the table, once.
    expect(await page.getByText('2 kejadian ditampilkan').count()).toBe(1);
    await page.context().close();
    await shots(
      'audit',
      'admin@kana.demo',
      (p) => new AuditPage(p).open(server.url),
      (p) => new AuditPage(p).rows().first().waitFor(),
    );
  });

  it("the cooperative's books: a balanced trial balance and the journal lines of the period", async () => {
    const page = await signedIn(manager.email, 1280);
    const books = new BooksPage(page);
    await books.open(server.url, manager.coopId);
    await books.trialBalance().getByLabel('Per tanggal').fill(today);
    await expect.poll(() => books.trialBalance().locator('tbody tr').count()).toBeGreaterThan(2);
    await expect
      .poll(() => books.trialBalance().getByRole('status').textContent())
      .toBe('Seimbang: debit = kredit');
    const debit = rupiahValue((await books.totalCard(/Jumlah Debit/).textContent())!);
    const credit = rupiahValue((await books.totalCard(/Jumlah Kredit/).textContent())!);
    expect(debit).toBe(credit);
    expect(debit).toBeGreaterThan(0);
    await books
      .journal()
      .getByLabel('Dari tanggal')
      .fill(lastMonthEnd.slice(0, 8) + '01');
    await books.journal().getByLabel('Sampai tanggal').fill(today);
    // The members' savings fill the period's first pages: narrow the journal to the sales.
    await books
      .journal()
      .getByLabel('Jenis dokumen')
      .selectOption({ label: 'Penjualan (rekap per sinkron)' });
    await expect.poll(() => books.journal().locator('tbody tr').count()).toBeGreaterThan(2);
    const lines = (await books.journal().locator('tbody').textContent()) ?? '';
    expect(lines).toContain('Penjualan');
    expect(lines).toContain('2101 Utang kepada Pengamanat');
    // A summary entry of a sync leads to its sales: as many as its memo says, adding up to what
    // the entry debits (the money taken) and credits to the hub (2101, at the consignment price).
    const row = books
      .journal()
      .locator('table')
      .first()
      .locator(':scope > tbody > tr')
      .filter({ hasText: 'Lihat penjualannya' })
      .first();
    await row.getByText('Lihat penjualannya').click();
    const stated = row.locator('.posting-sales > p').first();
    await stated.waitFor();
    const [, count, amount, consignment] =
      /^(\d+) penjualan, jumlah (Rp [\d.]+) \(harga konsinyasi (Rp [\d.]+)\)$/.exec(
        (await stated.textContent())!,
      )!;
    expect(await row.textContent()).toContain(`(${count} penjualan)`);
    await expect.poll(() => row.locator('.posting-sales-list li').count()).toBe(Number(count));
    // The entry's lines: this row and the next ones of the same date and document (a following
    // entry's first line has its own "show its sales").
    const tableRows = books.journal().locator('table').first().locator(':scope > tbody > tr');
    const rowsSeen: { key: string; details: boolean; cells: string[] }[] = [];
    for (let i = 0; i < (await tableRows.count()); i++) {
      const r = tableRows.nth(i);
      const cells = await r.locator(':scope > td').allTextContents();
      const doc = await r
        .locator(':scope > td')
        .nth(1)
        .evaluate((td) => td.firstElementChild?.firstChild?.textContent ?? '');
      const memo = await r.locator(':scope > td').nth(1).locator('small').first().textContent();
      rowsSeen.push({
        key: `${cells[0]}|${doc}|${memo}`,
        details: (await r.locator('details').count()) > 0,
        cells,
      });
    }
    const start = rowsSeen.findIndex((r) => r.details);
    const entry: { account: string; debit: string; credit: string }[] = [];
    for (let i = start; i < rowsSeen.length; i++) {
      const r = rowsSeen[i]!;
      if (i > start && (r.details || r.key !== rowsSeen[start]!.key)) break;
      entry.push({ account: r.cells[2]!, debit: r.cells[3]!, credit: r.cells[4]! });
    }
    const debits = entry.reduce((t, l) => t + (l.debit === '—' ? 0 : rupiahValue(l.debit)), 0);
    expect(debits).toBe(rupiahValue(amount!));
    const payable = entry.find((l) => l.account.startsWith('2101'))!;
    expect(rupiahValue(payable.credit)).toBe(rupiahValue(consignment!));
    // Today's journal holds the payment recorded above, with its reference.
    await books.journal().getByLabel('Dari tanggal').fill(today);
    await books.journal().getByLabel('Jenis dokumen').selectOption({ label: 'Pembayaran' });
    await expect
      .poll(() => books.journal().locator('tbody').textContent())
      .toMatch(/Pembayaran.*KWT-E2E-01/);
    expect(
      await books
        .journal()
        .getByRole('link', { name: 'Unduh jurnal (hledger)' })
        .getAttribute('href'),
    ).toContain('format=hledger');
    await page.context().close();
    await shots(
      'books',
      manager.email,
      (p) => new BooksPage(p).open(server.url, manager.coopId),
      (p) => new BooksPage(p).trialBalance().locator('tbody tr').first().waitFor(),
    );
  });

  it('a sync of 250 sales (more than a page of the sales list) shows all of them under its entry', async () => {
    const products = await call<{ items: { id: string; sku: string; consignmentPrice: number }[] }>(
      'GET',
      '/api/v1/products',
    );
    const gula = products.items.find((p) => p.sku === 'GKP-1')!;
    const occurredAt = new Date().toISOString();
    const synced = await call<{ results: { status: string }[] }>(
      'POST',
      `/api/v1/cooperatives/${manager.coopId}/sales`,
      {
        sales: Array.from({ length: 250 }, () => ({
          id: uuidv7(),
          occurredAt,
          paymentMethod: 'cash',
          lines: [{ productId: gula.id, qty: 1, unitPrice: 17_500 }],
        })),
      },
    );
    expect(synced.results.filter((r) => r.status === 'created')).toHaveLength(250);
    const page = await signedIn(manager.email, 1280);
    const books = new BooksPage(page);
    await books.open(server.url, manager.coopId);
    await books.journal().getByLabel('Dari tanggal').fill(today);
    await books.journal().getByLabel('Sampai tanggal').fill(today);
    await books
      .journal()
      .getByLabel('Jenis dokumen')
      .selectOption({ label: 'Penjualan (rekap per sinkron)' });
    const row = books
      .journal()
      .locator('table')
      .first()
      .locator(':scope > tbody > tr')
      .filter({ hasText: '(250 penjualan)' })
      .first();
    await row.getByText('Lihat penjualannya').click();
    const stated = row.locator('.posting-sales > p').first();
    await stated.waitFor();
    expect(await stated.textContent()).toBe(
      `250 penjualan, jumlah Rp 4.375.000 (harga konsinyasi Rp ${new Intl.NumberFormat('id-ID').format(250 * gula.consignmentPrice)})`,
    );
    expect(await row.locator('.posting-sales-list li').count()).toBe(250);
    await page.context().close();
  });

  it('the new cooperative manager can open its own statement PDF but not another cooperative’s', async () => {
    const own = await call<{
      items: { id: string; cooperativeName: string; cooperativeId: string }[];
    }>('GET', `/api/v1/settlements/statements?periodEnd=${lastMonthEnd}`);
    const mine = own.items.find((s) => s.cooperativeName === ELIGIBLE)!;
    const other = own.items.find((s) => s.cooperativeId === manager.coopId)!;
    const page = await signedIn(NEW_MANAGER, 360);
    const ok = await page.request.get(
      `${server.url}/api/v1/cooperatives/${mine.cooperativeId}/statements/${mine.id}/pdf`,
    );
    expect(ok.headers()['content-type']).toBe('application/pdf');
    const denied = await page.request.get(
      `${server.url}/api/v1/cooperatives/${other.cooperativeId}/statements/${other.id}/pdf`,
    );
    expect(denied.status()).toBe(403);
    await page.context().close();
  });
});
