import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { expect } from 'vitest';
import { issueToken } from '../../src/core/access/index.ts';
import { newId } from '../../src/core/shared/ids.ts';
import { shuRulesBodyExample } from '../../src/http/routes/yearend/shu.examples.ts';
import { deliverGula, stockHub } from './deliveries.ts';
import { callAs, type HttpFixture, type UserKey } from './http.ts';
import { insertMember } from './savings.ts';

/**
 * Cooperative A's year 2026 as a year-end test needs it (the fixture's clock,
 * 10 March 2026): two members with pokok and wajib (and some sukarela), sales
 * to both and to a non-member, an electricity bill, the ketua and bendahara
 * on record, a scale given as a grant (hibah), and the SHU split of the API
 * example (40/40/5/5/5/5; jasa usaha 25 %, jasa modal 15 %).
 */
export async function seedYear2026(f: HttpFixture) {
  const coop = f.n.coopA.id;
  const base = `/api/v1/cooperatives/${coop}`;
  const ok = async (res: { statusCode: number; body: string }, status = [200, 201]) => {
    expect(status, res.body).toContain(res.statusCode);
  };
  const siti = await insertMember(f.t.db, coop, {
    memberNo: '0001',
    name: 'Siti Aminah',
    joinedOn: '2026-01-05',
  });
  const budi = await insertMember(f.t.db, coop, {
    memberNo: '0002',
    name: 'Budi Santoso',
    joinedOn: '2026-01-05',
  });
  await f.t.db
    .insertInto('officer')
    .values([
      { orgId: coop, id: newId(), role: 'ketua', name: 'Siti Aminah', phone: null, memberId: siti },
      {
        orgId: coop,
        id: newId(),
        role: 'bendahara',
        name: 'Rahmat Hidayat',
        phone: null,
        memberId: null,
      },
    ])
    .execute();
  await ok(
    await callAs(f, 'managerA', 'PUT', `${base}/savings-rules`, {
      effectiveFrom: '2026-01-01',
      pokok: 100_000,
      wajibMonthly: 10_000,
    }),
  );
  const deposits: [string, string, number][] = [
    [siti, 'pokok', 100_000],
    [siti, 'wajib', 30_000],
    [budi, 'pokok', 100_000],
    [budi, 'wajib', 10_000],
    [siti, 'sukarela', 50_000],
  ];
  for (const [member, kind, amount] of deposits)
    await ok(
      await callAs(f, 'cashierA', 'POST', `${base}/members/${member}/savings`, {
        id: newId(),
        kind,
        direction: 'deposit',
        amount,
        method: 'cash',
      }),
    );
  await stockHub(f.t.db, f.n, 100);
  await deliverGula(f.t.db, f.n, 60, 60);
  const sale = (qty: number, memberId?: string) => ({
    id: randomUUID(),
    occurredAt: '2026-03-10T02:00:00Z',
    paymentMethod: 'cash' as const,
    lines: [{ productId: f.n.gula1.id, qty, unitPrice: 17_500 }],
    ...(memberId ? { memberId } : {}),
  });
  await ok(
    await callAs(f, 'cashierA', 'POST', `${base}/sales`, {
      sales: [sale(20, siti), sale(10, budi), sale(10)],
    }),
  );
  await ok(
    await callAs(f, 'managerA', 'POST', `/api/v1/orgs/${coop}/ledger/entries`, {
      id: newId(),
      date: '2026-03-10',
      memo: 'Listrik toko Maret 2026',
      lines: [
        { accountCode: '5102', debit: 50_000, credit: 0 },
        { accountCode: '1101', debit: 0, credit: 50_000 },
      ],
    }),
  );
  await ok(
    await callAs(f, 'managerA', 'POST', `/api/v1/orgs/${coop}/fixed-assets`, {
      id: newId(),
      name: 'Timbangan digital',
      accountCode: '1502',
      acquiredOn: '2026-03-10',
      cost: 1_200_000,
      residualValue: 0,
      usefulLifeMonths: 48,
      paidFromAccount: '3201',
    }),
  );
  await ok(await callAs(f, 'managerA', 'PUT', `${base}/shu-rules/2026`, shuRulesBodyExample));
  return { coop, siti, budi };
}

/** Moves the fixture's clock (e.g. past the year end) and gives the users tokens valid on it. */
export async function moveClock(f: HttpFixture, iso: string) {
  f.n.clock.set(iso);
  for (const key of Object.keys(f.tokens) as UserKey[]) {
    const user = await f.t.db
      .selectFrom('appUser')
      .select('id')
      .where('email', '=', f.emails[key])
      .executeTakeFirstOrThrow();
    f.tokens[key] = (await issueToken(f.t.db, user.id, 'api', f.n.clock)).token;
  }
}

/** The text of a PDF as pdftotext reads it (pages separated by form feeds). */
export function pdfToText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
}

/** The sheets of an .xlsx workbook by tab name, each as rows of cell values (numbers as numbers). */
export function xlsxSheets(bytes: Uint8Array): Map<string, (string | number)[][]> {
  const parts = unzipSync(bytes);
  const workbook = strFromU8(parts['xl/workbook.xml']!);
  const names = [...workbook.matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1]!);
  const out = new Map<string, (string | number)[][]>();
  names.forEach((name, i) => {
    const xml = strFromU8(parts[`xl/worksheets/sheet${i + 1}.xml`]!);
    const rows = [...xml.matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)].map((r) =>
      [...r[1]!.matchAll(/<c [^>]*?(t="inlineStr")?>([\s\S]*?)<\/c>/g)].map((c) =>
        c[1]
          ? (/<t[^>]*>([\s\S]*?)<\/t>/.exec(c[2]!)?.[1] ?? '')
          : Number(/<v>(.*?)<\/v>/.exec(c[2]!)?.[1]),
      ),
    );
    out.set(name, rows);
  });
  return out;
}
