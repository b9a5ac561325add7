import { expect } from 'vitest';
import { signIn } from './browser.ts';
import { ADMIN, DINAS, MANAGER_PASSWORD } from './go-live-data.ts';
import type { GoLiveRun } from './go-live-run.ts';
import { ActivationScreen, ManagerCodesScreen } from './pages/go-live.ts';
import {
  NetworkStartPanel,
  NewCooperativesScreen,
  OrganizationsScreen,
} from './pages/network-setup.ts';
import { NetworkPage, Shell } from './pages/pages.ts';
import { SettingsPage } from './pages/settings.ts';

/** The steps that set the network up: the first admin, the Dinas, the cooperatives, a manager. */

export async function createFirstAdmin(run: GoLiveRun) {
  const s = run.server;
  expect(s.banner).toMatch(new RegExp(`Lumbung .*\\(${run.engine}\\)`));
  expect(s.banner).not.toMatch(/demo/);
  const made = await s.lumbung(
    [
      'user',
      'create',
      '--email',
      ADMIN.email,
      '--name',
      ADMIN.name,
      '--role',
      'hub_admin',
      '--hub-name',
      ADMIN.hub,
      '--region',
      '15.71',
    ],
    { LUMBUNG_PASSWORD: ADMIN.password },
  );
  expect(made.output).toMatch(new RegExp(`Created hub ${ADMIN.hub}`));
  expect(made.code).toBe(0);
  run.desk = await signIn(run.browser, s.url, ADMIN.email, 1280, { password: ADMIN.password });
  run.phone = await signIn(run.browser, s.url, ADMIN.email, 360, { password: ADMIN.password });
}

export async function seeFirstSteps(run: GoLiveRun) {
  const start = new NetworkStartPanel(run.desk);
  expect(new URL(run.desk.url()).pathname).toBe('/jaringan');
  await start.panel().waitFor();
  const links = await start.stepLinks().all();
  expect(
    await Promise.all(
      links.map(async (l) => [await l.textContent(), await l.getAttribute('href')]),
    ),
  ).toEqual([
    ['Profil hub, rekening bank dan gudang', '/pengaturan'],
    ['Organisasi: Dinas dan Pemkot', '/organisasi'],
    ['Koperasi: impor berkas CSV atau XLSX', '/jaringan/koperasi-baru'],
    ['Produk dan harga', '/produk'],
    ['HET/HAP gula, beras, Minyakita', '/het'],
    ['Pengguna: staf hub, Dinas, pengurus', '/pengguna'],
  ]);
  expect(await new NetworkPage(run.desk).cooperativeLinks().count()).toBe(0);
  await run.shotBoth('/jaringan', 'start', (p) => new NetworkStartPanel(p).panel().waitFor());
}

/** The first step: the hub's profile (its short code, tax number and bank account). */
export async function fillHubProfile(run: GoLiveRun) {
  await new NetworkStartPanel(run.desk).stepLinks().filter({ hasText: 'Profil hub' }).click();
  const s = new SettingsPage(run.desk);
  await s.heading().waitFor();
  await s.field('Kode singkat').fill('KANA-JBI');
  await s.field('NPWP').fill('01.234.567.8-901.000');
  await s.field('Nama bank').fill('Bank Mandiri');
  await s.field('Nomor rekening').fill('110 001 234 5678');
  await s.field('Nama pemilik rekening').fill(ADMIN.hub);
  await s.button('Simpan profil').click();
  await s.notice('Profil hub tersimpan.').waitFor();
  // The hub's warehouse came with it.
  await s.rows('Gudang Utama').waitFor();
  await run.shot(run.desk, 'settings');
}

export async function createDinas(run: GoLiveRun) {
  await run.desk.goto(`${run.url}/jaringan`);
  await new NetworkStartPanel(run.desk).stepLinks().filter({ hasText: 'Organisasi' }).click();
  await run.desk.getByRole('heading', { level: 1, name: 'Organisasi' }).waitFor();
  const orgs = new OrganizationsScreen(run.desk);
  expect(await orgs.menuLink().isVisible()).toBe(true);
  await orgs.button('Tambah organisasi').click();
  await orgs.button('Simpan organisasi').click();
  await expect.poll(() => orgs.fieldMessage('Nama').textContent()).toBe('Wajib diisi');
  await orgs.button('Tutup').click();
  await orgs.fillNew('Pemerintah', DINAS, 'JAMBI', 'KOTA JAMBI');
  expect(await orgs.field('Kode wilayah (Kemendagri)').inputValue()).toBe('15.71');
  await expect
    .poll(() => orgs.fieldMessage('Kode wilayah (Kemendagri)').textContent())
    .toBe('15.71 — KOTA JAMBI');
  await run.shot(run.desk, 'organization-form');
  await orgs.button('Simpan organisasi').click();
  await expect.poll(() => orgs.notice().textContent()).toMatch(`${DINAS} (KOTA JAMBI) tersimpan.`);
  expect(
    await orgs.notice().getByRole('link', { name: 'Tambah pengguna' }).getAttribute('href'),
  ).toBe('/pengguna');
  expect(await orgs.rows(DINAS).textContent()).toMatch(/Pemerintah.*KOTA JAMBI \(15\.71\)/);
  await run.shotBoth('/organisasi', 'organizations', (p) =>
    new OrganizationsScreen(p).rows(DINAS).waitFor(),
  );
}

export async function importCooperatives(run: GoLiveRun) {
  const { file, phone, desk } = run;
  await phone.goto(`${run.url}/jaringan`);
  await new NetworkStartPanel(phone).addCooperativesLink().click();
  const screen = new NewCooperativesScreen(phone);
  await screen.heading().waitFor();
  expect(await screen.templateLink().getAttribute('href')).toMatch(
    /^data:text\/csv.*nama%3Bkode_desa%3Bnama_pengurus%3Bemail_pengurus%3Btelepon/,
  );
  await screen.button('Impor koperasi').click();
  await expect
    .poll(() => screen.fieldMessage('Berkas CSV atau XLSX').textContent())
    .toBe('Pilih berkas CSV atau XLSX dulu');
  await screen.importFile(file.path);
  await expect
    .poll(() => screen.result().textContent(), { timeout: 30_000 })
    .toBe('17 koperasi baru, 0 sudah ada, 3 baris ditolak.');
  const rejected = await screen.rejectedRows();
  expect(rejected.map((r) => r.row)).toEqual(file.bad.map((b) => b.row));
  file.bad.forEach((b, i) => expect(rejected[i]!.reasons).toMatch(b.reason));
  expect(await screen.codesLink().getAttribute('href')).toBe('/pengguna/kode-pengurus');
  await run.shot(phone, 'import');

  // The same file again at the desk creates nothing twice; the reasons follow the language.
  const desktop = new NewCooperativesScreen(desk);
  await desktop.open(run.url);
  await desktop.importFile(file.path);
  await expect
    .poll(() => desktop.result().textContent(), { timeout: 30_000 })
    .toBe('0 koperasi baru, 17 sudah ada, 3 baris ditolak.');
  await run.shot(desk, 'import');
  await new Shell(desk).chooseLanguage('English');
  await desk.getByRole('heading', { name: 'Refused rows' }).waitFor();
  const english = await desk.locator('table tbody tr').allInnerTexts();
  file.bad.forEach((b, i) => expect(english[i]).toMatch(b.reasonEn));
  await new Shell(desk).chooseLanguage('Bahasa Indonesia');
  await desktop.heading().waitFor();
}

export async function registerOneCooperative(run: GoLiveRun) {
  const screen = new NewCooperativesScreen(run.desk);
  await screen.open(run.url);
  const v = run.file.spare;
  await screen.field('Kode desa (Kemendagri)').fill('15.71.01.999');
  await screen.field('Nama koperasi').fill(`KDKMP ${v.name}`);
  await screen.button('Simpan koperasi').click();
  await expect
    .poll(() => screen.fieldMessage('Kode desa (Kemendagri)').textContent())
    .toBe('Tulis kode desa seperti 15.71.01.1001');
  await screen.field('Kode desa (Kemendagri)').fill(v.code);
  await expect
    .poll(() => screen.fieldMessage('Kode desa (Kemendagri)').textContent())
    .toBe(`${v.name}, ${v.districtName}, ${v.regencyName}`);
  await screen.field('Nama ketua').fill(`Ketua ${v.name}`);
  await screen.button('Simpan koperasi').click();
  await expect
    .poll(() => screen.notice().textContent())
    .toMatch(`KDKMP ${v.name} (${v.name}, ${v.districtName}) tersimpan.`);
  expect(
    await screen.notice().getByRole('link', { name: 'Atur perjanjian' }).getAttribute('href'),
  ).toMatch(/^\/koperasi\/[0-9a-f-]{36}\/perjanjian$/);
  await run.shot(run.desk, 'cooperative-form');
}

export async function seeNetworkListed(run: GoLiveRun) {
  await run.shotBoth('/jaringan', 'network', async (p) => {
    await expect.poll(() => new NetworkPage(p).cooperativeLinks().count()).toBe(18);
  });
  expect(await new NetworkStartPanel(run.desk).panel().count()).toBe(0);
  const first = new NetworkPage(run.desk)
    .cooperativeLinks()
    .filter({ hasText: run.file.first.name });
  expect(await first.count()).toBe(1);
  run.coopId = (await first.getAttribute('href'))!.split('/')[2]!;
}

export async function activateManager(run: GoLiveRun) {
  const { first } = run.file;
  const codes = new ManagerCodesScreen(run.desk);
  await codes.open(run.url);
  const code = await codes.issueFor(first.name, first.manager, first.email);
  expect(code).toMatch(/\S{6,}/);
  await run.shot(run.desk, 'manager-codes');
  run.manager = await run.newPhone();
  const activation = new ActivationScreen(run.manager);
  await activation.open(run.url);
  await activation.fill(first.email, code, MANAGER_PASSWORD);
  await run.shot(run.manager, 'activation');
  await activation.submit();
  // Signed in, on their cooperative's overview.
  await run.manager.waitForURL(`${run.url}/koperasi/${run.coopId}`);
  await new Shell(run.manager).heading().waitFor();
  // No agreement yet: the overview says so (its figures come with the participation).
  await run.manager.getByText(/belum menjadi peserta program konsinyasi/).waitFor();
  expect(await run.manager.getByText(first.name).first().isVisible()).toBe(true);
  await run.shot(run.manager, 'manager-home');
  // The code is spent: the same code again is refused.
  const again = await run.newPhone(1280);
  const second = new ActivationScreen(again);
  await second.open(run.url);
  await second.fill(first.email, code, 'yet-another-secret-9');
  await again.getByRole('button', { name: 'Aktifkan dan masuk' }).click();
  await again.getByRole('alert').waitFor();
  await again.context().close();
}
