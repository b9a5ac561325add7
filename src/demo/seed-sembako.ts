import type { Kysely } from 'kysely';
import { createUser, setParticipantPassword } from '../core/access/index.ts';
import type { ProductTable } from '../core/catalog/index.ts';
import {
  createOrganization,
  findOrganizationsByKind,
  listVillagesIn,
} from '../core/network/index.ts';
import {
  createProgram,
  createProgramPeriod,
  importParticipants,
  pickupOrder,
  placeOrder,
  toCsv,
  markParticipantActivated,
} from '../core/sembako/index.ts';
import { addDays, monthOf } from '../core/shared/business-date.ts';
import { fixedClock, todayWib, type Clock } from '../core/shared/clock.ts';
import type { CommandContext } from '../core/shared/context.ts';
import { newId } from '../core/shared/ids.ts';
import type { Database } from '../db/database.ts';
import { seededRandom } from './random.ts';
import { recordDemoAuthorization } from './surat-kuasa.ts';

export const SEMBAKO_PROGRAM_ADMIN = 'program@jambikota.demo';
export const SEMBAKO_ROSTER_SIZE = 2_000;
/** Participants already activated with the demo password (their NIPs are the roster's first five). */
export const SEMBAKO_ACTIVATED = 5;

/** The city's agencies (OPD) whose ASN are on the demo roster. */
export const DEMO_OPDS = [
  'Dinas Pendidikan',
  'Dinas Kesehatan',
  'RSUD Abdul Manap',
  'Dinas Pekerjaan Umum dan Penataan Ruang',
  'Dinas Perhubungan',
  'Dinas Sosial',
  'Dinas Kependudukan dan Pencatatan Sipil',
  'Dinas Koperasi dan UKM',
  'Dinas Perindustrian dan Perdagangan',
  'Dinas Lingkungan Hidup',
  'Badan Pengelola Keuangan dan Aset Daerah',
  'Badan Perencanaan Pembangunan Daerah',
  'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
  'Sekretariat Daerah',
  'Satuan Polisi Pamong Praja',
] as const;

const FIRST = [
  'Budi',
  'Siti',
  'Ahmad',
  'Dewi',
  'Rahmat',
  'Nur',
  'Agus',
  'Sri',
  'Hendra',
  'Rina',
  'Yusuf',
  'Fitri',
  'Joko',
  'Lestari',
  'Rudi',
  'Wulan',
  'Hadi',
  'Ratna',
  'Irwan',
  'Maya',
];
const LAST = [
  'Santoso',
  'Aminah',
  'Saputra',
  'Lestari',
  'Hidayat',
  'Rahmawati',
  'Siregar',
  'Nasution',
  'Harahap',
  'Wijaya',
  'Kurniawan',
  'Pratama',
  'Syahputra',
  'Sari',
  'Gunawan',
  'Putri',
];

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A deterministic roster of ASN with valid NIPs (birth, appointment at 19 or later, sex, sequence). */
export function demoRoster(size: number, villageCodes: string[], seed = 2026) {
  const rnd = seededRandom(seed);
  const seen = new Set<string>();
  const rows: { nip: string; name: string; opd: string; phone: string; village: string }[] = [];
  while (rows.length < size) {
    const by = rnd.int(1966, 2000);
    const bm = rnd.int(1, 12);
    const bd = rnd.int(1, 28);
    const ay = Math.min(2025, by + rnd.int(19, 30));
    const am = ay === by + 19 ? Math.min(12, bm + 1) : rnd.int(1, 12);
    const nip = `${by}${pad(bm, 2)}${pad(bd, 2)}${ay}${pad(am, 2)}${rnd.int(1, 2)}${pad(rnd.int(1, 999), 3)}`;
    if (seen.has(nip)) continue;
    seen.add(nip);
    rows.push({
      nip,
      name: `${FIRST[rnd.int(0, FIRST.length - 1)]} ${LAST[rnd.int(0, LAST.length - 1)]}`,
      opd: DEMO_OPDS[rnd.int(0, DEMO_OPDS.length - 1)]!,
      phone: `08${rnd.int(11, 13)}${pad(rnd.int(0, 99_999_999), 8)}`,
      village: villageCodes[rnd.int(0, villageCodes.length - 1)]!,
    });
  }
  return rows;
}

/**
 * Seeds Sembako Bahagia on top of the demo network: the sponsor Pemerintah
 * Kota Jambi, the program admin, the current month's period (ordering open
 * from the first of the month to ten days from today) with two packages, a
 * roster of 2,000 ASN, the signed surat kuasa potong gaji (a PDF) of each
 * ASN who orders, ~300 orders of which ~120 are picked up (payroll sales at
 * the cooperatives), and five participants activated with the demo password. Deterministic apart from the pickup codes (random by design).
 */
export async function seedSembako(
  db: Kysely<Database>,
  opts: {
    hubId: string;
    products: ProductTable[];
    passwordHash: string;
    realClock: Clock;
    password: string;
  },
) {
  const now = opts.realClock.now();
  const clock = fixedClock(now.toISOString());
  const ctx: CommandContext = { clock, actor: { userId: 'demo-seed', role: 'program_admin' } };
  const today = todayWib(clock);
  const month = monthOf(today);
  const sku = (s: string) => opts.products.find((p) => p.sku === s)!.id;
  return db.transaction().execute(async (trx) => {
    const govs = await findOrganizationsByKind(trx, 'government');
    const pemkot =
      govs.find((g) => g.name === 'Pemerintah Kota Jambi') ??
      (await createOrganization(
        trx,
        { kind: 'government', name: 'Pemerintah Kota Jambi', regionCode: '15.71' },
        clock,
      ));
    await createUser(
      trx,
      {
        email: SEMBAKO_PROGRAM_ADMIN,
        name: 'Admin Program Sembako Bahagia',
        passwordHash: opts.passwordHash,
        memberships: [{ orgId: pemkot.id, role: 'program_admin' }],
      },
      clock,
    );
    const program = await createProgram(trx, ctx, {
      name: 'Sembako Bahagia',
      sponsorOrgId: pemkot.id,
      hubId: opts.hubId,
    });
    const period = await createProgramPeriod(trx, ctx, program.id, {
      month,
      orderOpensAt: new Date(`${month}-01T00:00:00+07:00`).toISOString(),
      orderClosesAt: new Date(`${addDays(today, 10)}T00:00:00+07:00`).toISOString(),
      packages: [
        {
          name: 'Paket Gula & Minyak',
          items: [
            { productId: sku('GKP-1'), qty: 2 },
            { productId: sku('MK-1'), qty: 2 },
          ],
          price: 65_000,
          sponsorSubsidy: 15_000,
        },
        {
          name: 'Paket Beras',
          items: [
            { productId: sku('BRM-5'), qty: 1 },
            { productId: sku('GKP-1'), qty: 1 },
          ],
          price: 85_000,
          sponsorSubsidy: 20_000,
        },
      ],
    });
    const villages = (await listVillagesIn('15.71')).map((v) => v.code);
    const roster = demoRoster(SEMBAKO_ROSTER_SIZE, villages);
    await importParticipants(
      trx,
      ctx,
      program.id,
      toCsv(
        ['nip', 'nama', 'opd', 'telepon', 'kode_kelurahan'],
        roster.map((r) => [r.nip, r.name, r.opd, r.phone, r.village]),
      ),
    );
    const activated = roster.slice(0, SEMBAKO_ACTIVATED);
    for (const r of activated) {
      const userId = await setParticipantPassword(trx, r.nip, r.name, opts.password, clock);
      await markParticipantActivated(
        trx,
        { orgId: program.orgId, programId: program.id, nip: r.nip },
        userId,
        now.toISOString(),
      );
    }
    // Every ASN who orders has handed in a signed surat kuasa potong gaji first (a PDF scan).
    let authorizations = 0;
    const recordSuratKuasa = async (r: (typeof roster)[number]) => {
      const ref = `800/${String(++authorizations).padStart(4, '0')}/SK-PG/${today.slice(0, 4)}`;
      await recordDemoAuthorization(
        trx,
        ctx,
        program,
        r,
        ref,
        addDays(today, -1 - (authorizations % 20)),
      );
    };
    // Orders: the first activated participant's waits for pickup; every sixth ASN orders; two in five are picked up.
    let orders = 0;
    let pickedUp = 0;
    for (let i = 1; i < roster.length; i += i < SEMBAKO_ACTIVATED ? 1 : 6) {
      const r = roster[i]!;
      await recordSuratKuasa(r);
      const o = await placeOrder(trx, ctx, program.id, {
        id: newId(),
        nip: r.nip,
        month,
        packageId: period.packages[i % 2]!.id,
        qty: 1 + (i % 7 === 0 ? 1 : 0),
      });
      orders++;
      if (i % 5 < 2) {
        await pickupOrder(trx, ctx, program.id, o.id, o.pickupCode);
        pickedUp++;
      }
    }
    await recordSuratKuasa(roster[0]!);
    await placeOrder(trx, ctx, program.id, {
      id: newId(),
      nip: roster[0]!.nip,
      month,
      packageId: period.packages[0]!.id,
      qty: 1,
    });
    orders++;
    return {
      programId: program.id,
      participants: roster.length,
      orders,
      pickedUp,
      activatedNips: activated.map((r) => r.nip),
    };
  });
}
