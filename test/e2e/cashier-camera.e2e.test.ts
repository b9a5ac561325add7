/**
 * The member card's QR read with the phone's camera at a 360-px cashier. Chromium's fake camera
 * plays a Y4M file showing a QR (drawn here with the `qrcode` package): the card of a member →
 * "Pindai kartu" chooses them, the camera stops, the sale carries them; a QR that is no member card
 * → the cashier is told and the camera keeps looking until "Tutup", which stops it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launchChromium, screenshot, signIn } from './browser.ts';
import { CashierScreen } from './pages/cooperative.ts';
import { MemberAtCounter } from './pages/members-cashier.ts';
import { startDemoServer, type RunningServer } from './server.ts';

const CASHIER = 'kasir.simpang-iv-sipin@kdkmp.demo';
const MANAGER = 'simpang-iv-sipin@kdkmp.demo';
const [W, H] = [640, 480];

let server: RunningServer;
let dir: string;
let managerToken: string;
let coopId: string;
let gula: { name: string; retailPrice: number };
let member: { id: string; memberNo: string; name: string; cardCode: string };
const browsers: Browser[] = [];

const api = (method: string, path: string) => apiOf(server.url).as(managerToken, method, path);

/**
 * A one-frame Y4M video (4:2:0, full range) of `text` as a black-on-white QR in the middle of a
 * W×H picture, for `--use-file-for-fake-video-capture` (Chromium loops it).
 */
function qrVideo(text: string, file: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const scale = Math.floor((Math.min(W, H) * 0.8) / (modules.size + 8));
  const [left, top] = [(W - modules.size * scale) >> 1, (H - modules.size * scale) >> 1];
  const luma = Buffer.alloc(W * H, 255);
  for (let r = 0; r < modules.size; r++)
    for (let c = 0; c < modules.size; c++)
      if (modules.get(r, c))
        for (let y = 0; y < scale; y++) {
          const at = (top + r * scale + y) * W + left + c * scale;
          luma.fill(0, at, at + scale);
        }
  const chroma = Buffer.alloc((W / 2) * (H / 2) * 2, 128);
  const header = `YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\nFRAME\n`;
  const path = join(dir, file);
  writeFileSync(path, Buffer.concat([Buffer.from(header, 'latin1'), luma, chroma]));
  return path;
}

/**
 * A 360-px cashier whose camera shows `video` (null: a camera the browser refuses to the page);
 * every stream the page opens is kept to check it stops.
 */
async function cashierWithCamera(
  video: string | null,
): Promise<{ page: Page; context: BrowserContext }> {
  const browser = await launchChromium(
    video
      ? [
          '--use-fake-ui-for-media-stream',
          '--use-fake-device-for-media-stream',
          `--use-file-for-fake-video-capture=${video}`,
        ]
      : ['--use-fake-device-for-media-stream'],
  );
  browsers.push(browser);
  const first = await signIn(browser, server.url, CASHIER, 360);
  const context = first.context();
  if (video) await context.grantPermissions(['camera'], { origin: server.url });
  // A string: the test's own TypeScript has no DOM types.
  await context.addInitScript(`(() => {
    const streams = (window.cameraStreams = []);
    const media = navigator.mediaDevices;
    const open = media.getUserMedia.bind(media);
    media.getUserMedia = async (constraints) => {
      const stream = await open(constraints);
      streams.push(stream);
      return stream;
    };
  })();`);
  const page = await CashierScreen.openInstalled(
    context,
    `${server.url}/koperasi/${coopId}/kasir`,
    gula.name,
  );
  await expect.poll(() => new MemberAtCounter(page).field().isEnabled()).toBe(true);
  return { page, context };
}

/** "opened n, live n": the camera streams the page opened and how many of their tracks still run. */
const cameraState = (page: Page) =>
  page.evaluate<string>(
    `(() => { const s = window.cameraStreams; const live = s.flatMap((x) => x.getTracks())` +
      `.filter((t) => t.readyState === 'live').length; return 'opened ' + s.length + ', live ' + live; })()`,
  );

/** "Tutup" closes the scanner with no member chosen; typing the member number still finds them. */
async function closeAndType(page: Page) {
  const scanner = page.getByRole('region', { name: 'Pindai kartu anggota' });
  const counter = new MemberAtCounter(page);
  await scanner.getByRole('button', { name: 'Tutup' }).click();
  expect(await scanner.count()).toBe(0);
  expect(await counter.chosen().count()).toBe(0);
  await counter.choose(member.memberNo, member.name);
  await expect.poll(() => counter.chosen().textContent()).toContain(member.name);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lumbung-camera-'));
  server = await startDemoServer();
  managerToken = await apiOf(server.url).tokenOf(MANAGER);
  coopId = (await api('GET', '/api/v1/auth/me')).body.memberships[0].orgId;
  const directory = await api('GET', `/api/v1/cooperatives/${coopId}/members/directory`);
  member = directory.body.items.find((m: { status: string }) => m.status === 'active');
  const products = (await api('GET', '/api/v1/products')).body.items;
  gula = products.find(
    (p: { commodity: string; name: string }) => p.commodity === 'gula' && /1 ?kg/i.test(p.name),
  );
}, 240_000);
afterAll(async () => {
  for (const b of browsers) await b.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('scanning the member card with the camera (360 px)', () => {
  it("chooses the card's member, stops the camera, and the sale carries the member", async () => {
    const purchases = `/api/v1/cooperatives/${coopId}/members/${member.id}/purchases`;
    const before = (await api('GET', purchases)).body;
    const { page, context } = await cashierWithCamera(qrVideo(member.cardCode, 'card.y4m'));
    const counter = new MemberAtCounter(page);

    await page.getByRole('button', { name: 'Pindai kartu' }).click();
    await expect
      .poll(() => counter.chosen().textContent(), { timeout: 30_000 })
      .toContain(member.memberNo);
    expect(await counter.chosen().textContent()).toContain(member.name);
    expect(await page.getByRole('region', { name: 'Pindai kartu anggota' }).count()).toBe(0);
    expect(await cameraState(page)).toBe('opened 1, live 0');
    await screenshot(page, 'cashier-camera-chosen');

    const cashier = new CashierScreen(page);
    await cashier.sell(gula.name, gula.retailPrice);
    expect(await counter.receiptMember().textContent()).toBe(
      `Anggota: ${member.memberNo} ${member.name}`,
    );
    await expect
      .poll(() => cashier.counts().textContent(), { timeout: 120_000 })
      .toMatch(/^Menunggu 0 · terkirim 1 · ditolak 0$/);
    const after = (await api('GET', purchases)).body;
    expect(after.count).toBe(before.count + 1);
    expect(after.total).toBe(before.total + gula.retailPrice);
    await context.close();
  }, 360_000);

  it('says a QR is no member card, keeps looking, and "Tutup" stops the camera', async () => {
    const { page, context } = await cashierWithCamera(
      qrVideo('https://example.com/bukan-kartu', 'other.y4m'),
    );
    await page.getByRole('button', { name: 'Pindai kartu' }).click();
    const scanner = page.getByRole('region', { name: 'Pindai kartu anggota' });
    await expect
      .poll(() => scanner.getByRole('status').textContent(), { timeout: 30_000 })
      .toBe('Kode QR ini bukan kartu anggota. Arahkan ke QR di kartu anggota.');
    expect(await cameraState(page)).toBe('opened 1, live 1');
    await screenshot(page, 'cashier-camera-not-card');

    await closeAndType(page);
    expect(await cameraState(page)).toBe('opened 1, live 0');
    await context.close();
  }, 360_000);

  it('says so when the camera is refused, and the typed search still works', async () => {
    const { page, context } = await cashierWithCamera(null);
    await page.getByRole('button', { name: 'Pindai kartu' }).click();
    const scanner = page.getByRole('region', { name: 'Pindai kartu anggota' });
    await expect
      .poll(() => scanner.getByRole('alert').textContent(), { timeout: 30_000 })
      .toMatch(/^Izin kamera ditolak\./);
    await screenshot(page, 'cashier-camera-refused');
    await closeAndType(page);
    await context.close();
  }, 360_000);
});
