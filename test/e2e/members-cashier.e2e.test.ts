/**
 * A member's purchase and savings deposit at a 360-px cashier with no connection: the cashier finds
 * the member by phone (+62 form, the member was registered with 08…), sells, takes a sukarela
 * deposit, comes back online; both sync; the manager then sees the sale on the member's page.
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launchChromium, screenshot, signIn } from './browser.ts';
import { CashierScreen } from './pages/cooperative.ts';
import { DepositForm, MemberAtCounter } from './pages/members-cashier.ts';
import { startDemoServer, type RunningServer } from './server.ts';

const CASHIER = 'kasir.simpang-iv-sipin@kdkmp.demo';
const MANAGER = 'simpang-iv-sipin@kdkmp.demo';
const NAME = 'Dewi Lestari Kasir';

let server: RunningServer;
let browser: Browser;
let managerToken: string;
let coopId: string;
let gula: { id: string; name: string; retailPrice: number };
let member: { id: string; memberNo: string; phone: string };

const api = (method: string, path: string, body?: unknown) =>
  apiOf(server.url).as(managerToken, method, path, body);

/** A new member of the cooperative (a NIK of its own kecamatan), registered with a 08… phone. */
async function registerMember(villageCode: string) {
  for (let attempt = 0; ; attempt++) {
    const serial = String(5000 + Math.floor(Math.random() * 5000));
    const phone = `0813${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const id = randomUUID();
    const res = await api('POST', `/api/v1/cooperatives/${coopId}/members`, {
      id,
      nik: `${villageCode.replace(/\./g, '').slice(0, 6)}150585${serial}`,
      name: NAME,
      joinedOn: '2025-06-02',
      phone,
    });
    if (res.status === 409 && attempt < 5) continue; // that NIK is someone's already
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { id, memberNo: res.body.memberNo as string, phone };
  }
}

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
  managerToken = await apiOf(server.url).tokenOf(MANAGER);
  const me = await api('GET', '/api/v1/auth/me');
  coopId = me.body.memberships[0].orgId;
  const coop = await api('GET', `/api/v1/cooperatives/${coopId}`);
  member = await registerMember(coop.body.villageCode);
  const products = (await api('GET', '/api/v1/products')).body.items;
  gula = products.find(
    (p: { commodity: string; name: string }) => p.commodity === 'gula' && /1 ?kg/i.test(p.name),
  );
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a member at the offline cashier (360 px)', () => {
  it('found by phone offline, sold to, a deposit taken; both sync; the sale is on the member page', async () => {
    const first = await signIn(browser, server.url, CASHIER, 360);
    const context = first.context();
    const page = await CashierScreen.openInstalled(
      context,
      `${server.url}/koperasi/${coopId}/kasir`,
      gula.name,
    );
    const counter = new MemberAtCounter(page);
    // The member list is on the device once the field can be used.
    await expect.poll(() => counter.field().isEnabled()).toBe(true);
    await context.setOffline(true);

    // +62 form of the 08… number the member was registered with.
    await counter.choose(`+62 ${member.phone.slice(1)}`, NAME);
    await expect.poll(() => counter.chosen().textContent()).toContain(member.memberNo);
    await screenshot(page, 'cashier-member-chosen');
    const cashier = new CashierScreen(page);
    await cashier.sell(gula.name, gula.retailPrice);
    expect(await counter.receiptMember().textContent()).toBe(`Anggota: ${member.memberNo} ${NAME}`);
    await screenshot(page, 'cashier-member-receipt');
    expect(await cashier.counts().textContent()).toMatch(/^Menunggu 1 ·/);

    const deposit = new DepositForm(page);
    await deposit.open();
    await deposit.deposit({
      member: member.memberNo,
      name: NAME,
      kind: 'Simpanan sukarela',
      amount: '50.000',
    });
    expect(await deposit.notice().textContent()).toContain('Rp 50.000');
    expect(await deposit.counts().textContent()).toBe('Menunggu 1 · terkirim 0 · ditolak 0');
    await screenshot(page, 'cashier-deposit-offline');
    await deposit.back();

    // Nothing reached the server while offline.
    const url = `/api/v1/cooperatives/${coopId}/members/${member.id}`;
    expect((await api('GET', `${url}/purchases`)).body.count).toBe(0);
    await context.setOffline(false);
    await expect
      .poll(() => cashier.counts().textContent(), { timeout: 120_000 })
      .toMatch(/^Menunggu 0 · terkirim 1 · ditolak 0$/);
    await expect
      .poll(() => deposit.counts().textContent(), { timeout: 120_000 })
      .toBe('Menunggu 0 · terkirim 1 · ditolak 0');

    const purchases = await api('GET', `${url}/purchases`);
    expect(purchases.body).toMatchObject({ count: 1, total: gula.retailPrice });
    const savings = await api('GET', `${url}/savings`);
    expect(savings.body.sukarela).toBe(50_000);
    await context.close();

    // The manager sees the sale on the member's page.
    const manager = await signIn(browser, server.url, MANAGER, 360);
    await manager.goto(`${server.url}/koperasi/${coopId}/anggota/${member.id}`);
    const section = manager.getByRole('region', { name: /^Belanja tahun / });
    await expect
      .poll(() => section.textContent(), { timeout: 30_000 })
      .toContain(`1 transaksi, total Rp ${gula.retailPrice.toLocaleString('id-ID')}`);
    await screenshot(manager, 'member-page-purchases');
    await manager.context().close();
  }, 360_000);
});
