import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, apiOf, launchChromium, screenshot, signIn } from './browser.ts';
import { MemberPage, MembersPage } from './pages/members.ts';
import { startDemoServer, type RunningServer } from './server.ts';

const MANAGER = 'simpang-iv-sipin@kdkmp.demo';

interface Member {
  id: string;
  memberNo: string;
  name: string;
  role?: string;
  status: string;
}

let server: RunningServer;
let browser: Browser;
let token: string;
let coopId: string;

const api = (path: string) => apiOf(server.url).as(token, 'GET', path);
/** The digits of a rupiah amount as shown (`Rp 1.250.000` → 1250000). */
const amountOf = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));
/** `1250000` as the PDFs print it, spaces of any kind alike. */
const rp = (n: number) => `Rp ${n.toLocaleString('id-ID')}`;
const oneSpace = (s: string) => s.replace(/\s+/g, ' ');
/** This year in WIB, as the member's page shows purchases. */
const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' })
  .format(new Date())
  .slice(0, 4);

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
  token = await apiOf(server.url).tokenOf(MANAGER);
  const hub = await apiOf(server.url).tokenOf('admin@kana.demo');
  const coops = (await apiOf(server.url).as(hub, 'GET', '/api/v1/cooperatives?limit=200')).body
    .items as { id: string; name: string }[];
  coopId = coops.find((c) => c.name === 'KDKMP Simpang IV Sipin')!.id;
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * A member of the demo as the manager would look one up: active, no officer, who has paid pokok
 * and wajib and bought at the cashier this year.
 */
async function memberWithHistory(): Promise<Member> {
  const list = await api(`/api/v1/cooperatives/${coopId}/members?status=active&limit=100`);
  expect(list.status).toBe(200);
  for (const m of list.body.items as Member[]) {
    if (m.role) continue;
    const savings = (await api(`/api/v1/cooperatives/${coopId}/members/${m.id}/savings`)).body;
    if (!(savings.pokok > 0 && savings.wajib > 0)) continue;
    const bought = await api(
      `/api/v1/cooperatives/${coopId}/members/${m.id}/purchases?year=${year}`,
    );
    if (bought.body.count > 0) return m;
  }
  throw new Error('No demo member with savings and purchases');
}

/** Fetches the PDF a link opens in a new tab (with the page's session) and renders it to PNG. */
async function pdfOf(
  page: Page,
  link: ReturnType<MemberPage['cardLink']>,
  file: 'card.pdf' | 'passbook.pdf',
  name: string,
) {
  const [response] = await Promise.all([
    // This document's response (the card's tab may still be loading when the passbook is asked).
    page.context().waitForEvent('response', (r) => new URL(r.url()).pathname.endsWith(`/${file}`)),
    link.click(),
  ]);
  expect(response.status()).toBe(200);
  // The new tab shows Chromium's PDF viewer (through the service worker, without the server's
  // headers): read the document itself with the same session.
  const fetched = await page.request.get(response.url());
  expect(fetched.headers()['content-type']).toBe('application/pdf');
  const bytes = await fetched.body();
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const saved = `${SHOTS}${name}.pdf`;
  writeFileSync(saved, bytes);
  execFileSync('pdftoppm', ['-png', '-r', '110', saved, `${SHOTS}${name}`]);
  const pngs = readdirSync(SHOTS)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png') && !/-\d+px/.test(f))
    .sort();
  expect(pngs.length).toBeGreaterThan(0);
  const text = execFileSync('pdftotext', ['-layout', saved, '-'], { encoding: 'utf8' });
  return { pngs: pngs.map((f) => `${SHOTS}${f}`), text };
}

describe('members in the demo, in Chromium at 360 px', () => {
  it("the manager finds a member, sees the savings and purchases, and prints the card (its QR decodes to the card code) and the passbook (its balances are the screen's)", async () => {
    const target = await memberWithHistory();
    const detail = (await api(`/api/v1/cooperatives/${coopId}/members/${target.id}`)).body;
    const page = await signIn(browser, server.url, MANAGER, 360);
    const list = new MembersPage(page);
    await list.menuLink().click();
    await list.heading().waitFor();
    // The demo cooperative has its members: a full first page.
    await expect.poll(() => list.rows(/\d{4}/).count()).toBeGreaterThanOrEqual(50);
    await screenshot(page, 'members');

    await list.search(target.name);
    await list.memberLink(target.memberNo).waitFor();
    expect(await list.rows(target.memberNo).textContent()).toContain(target.name);
    await screenshot(page, 'members-search');
    await list.memberLink(target.memberNo).click();

    const member = new MemberPage(page);
    await member.heading(target.name).waitFor();
    expect(await member.fact('No. anggota').textContent()).toBe(target.memberNo);
    expect(await member.fact('NIK').textContent()).toBe(detail.nik);
    await expect.poll(() => member.passbookRows().count()).toBeGreaterThan(0);
    const shown = {
      pokok: amountOf(await member.balance('Simpanan pokok').textContent()),
      wajib: amountOf(await member.balance('Simpanan wajib').textContent()),
      sukarela: amountOf(await member.balance('Simpanan sukarela').textContent()),
    };
    expect(shown.pokok).toBeGreaterThan(0);
    expect(shown.wajib).toBeGreaterThan(0);
    // The demo's sales named this member: this year's purchases are on the page.
    await member.purchasesSummary().waitFor();
    const bought = await api(
      `/api/v1/cooperatives/${coopId}/members/${target.id}/purchases?year=${year}`,
    );
    expect(await member.purchasesSummary().textContent()).toMatch(
      new RegExp(`^${bought.body.count} transaksi, total Rp`),
    );
    expect(amountOf((await member.purchasesSummary().textContent())!.split(',')[1]!)).toBe(
      bought.body.total,
    );
    await screenshot(page, 'member');

    const card = await pdfOf(page, member.cardLink(), 'card.pdf', 'member-card');
    const qr = execFileSync('zbarimg', ['--quiet', '--raw', card.pngs[0]!], {
      encoding: 'utf8',
    }).trim();
    expect(qr).toBe(detail.cardCode);
    expect(qr).toMatch(/^A157101\d{4}-\d{4}$/);
    expect(oneSpace(card.text)).toContain(target.name);
    expect(card.text).toContain(target.memberNo);
    expect(card.text).toContain('KDKMP Simpang IV Sipin');

    const passbook = await pdfOf(page, member.passbookLink(), 'passbook.pdf', 'member-passbook');
    const text = oneSpace(passbook.text);
    expect(text).toContain(target.name);
    expect(text).toContain(detail.nik);
    expect(text).toContain(`Simpanan pokok ${rp(shown.pokok)}`);
    expect(text).toContain(`Simpanan wajib ${rp(shown.wajib)}`);
    expect(text).toContain(`Simpanan sukarela ${rp(shown.sukarela)}`);
    expect(text).toContain(`Jumlah simpanan ${rp(shown.pokok + shown.wajib + shown.sukarela)}`);
    await page.context().close();
  });
});
