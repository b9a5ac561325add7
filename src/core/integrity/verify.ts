import type { Db } from '../../db/database.ts';
import { findSaleDayDrift } from '../consignment/index.ts';
import {
  findReceiptCorrectionProblems,
  findRefundProblems,
  findReversalProblems,
} from '../corrections/index.ts';
import { sumStockValueByLocationKind, findStockBalanceDrift } from '../inventory/index.ts';
import {
  COOP,
  HUB,
  findAccountBalanceDrift,
  findAccountMonthDrift,
  findUnbalancedEntries,
} from '../ledger/index.ts';
import { findSavingsLedgerProblems } from '../members/index.ts';
import { formatRupiah } from '../shared/money.ts';
import { findPayablesProblems } from '../treasury/index.ts';
import { findClosedYearProblems } from '../yearend/index.ts';
import {
  compareSalesToMoves,
  findAllAccountBalances,
  findAllStatements,
  findHubs,
  sumDocumentsPerCooperative,
  sumDocumentsPerStatement,
} from './integrity.repository.ts';

export interface VerifyReport {
  ok: boolean;
  checks: { name: string; ok: boolean; problems: string[] }[];
}

const net = (rows: { debit: number; credit: number }[]) =>
  rows.reduce((t, r) => t + r.debit - r.credit, 0);

/**
 * Recomputes every kept balance from the facts (stock moves, journal lines,
 * documents) and checks every invariant of the books. Read-only.
 */
export async function verifyDatabase(db: Db): Promise<VerifyReport> {
  const checks: VerifyReport['checks'] = [];
  const check = (name: string, problems: string[]) =>
    checks.push({ name, ok: problems.length === 0, problems: problems.slice(0, 50) });

  check(
    'Every journal entry balances (Σ debit = Σ credit)',
    (await findUnbalancedEntries(db)).map(
      (e) => `entry ${e.entryId} of ${e.orgId}: debit ${e.debit} ≠ credit ${e.credit}`,
    ),
  );
  check(
    'Account balances equal the sum of their journal lines',
    (await findAccountBalanceDrift(db)).map(
      (d) =>
        `${d.key}: kept Dr ${d.kept[0]} Cr ${d.kept[1]}, lines Dr ${d.computed[0]} Cr ${d.computed[1]}`,
    ),
  );
  check(
    'Account month totals equal the sum of their journal lines of the month',
    (await findAccountMonthDrift(db)).map(
      (d) =>
        `${d.key}: kept Dr ${d.kept[0]} Cr ${d.kept[1]}, lines Dr ${d.computed[0]} Cr ${d.computed[1]}`,
    ),
  );
  check(
    "Each cooperative's daily sales totals equal the sum of its sales",
    (await findSaleDayDrift(db)).map(
      (d) =>
        `${d.key}: kept ${d.kept.join(' / ')}, sales ${d.sales.join(' / ')} (count / total / at consignment price)`,
    ),
  );
  check(
    'Stock balances equal Σ in − Σ out of their movements',
    (await findStockBalanceDrift(db)).map(
      (d) =>
        `${d.key}: kept ${d.kept.qty} (value ${d.kept.value}), moves ${d.computed.qty} (value ${d.computed.value})`,
    ),
  );

  const balances = await findAllAccountBalances(db);
  const acct = (orgId: string, code: string, cp?: string) =>
    net(
      balances.filter(
        (b) =>
          b.orgId === orgId &&
          b.accountCode === code &&
          (cp === undefined || b.counterpartyOrgId === cp),
      ),
    );

  const hubs = await findHubs(db);
  const hubIds = new Set(hubs.map((h) => h.id));
  const hubBook = balances.filter((b) => hubIds.has(b.orgId));
  const coopBook = balances.filter((b) => !hubIds.has(b.orgId));
  const valueProblems: string[] = [];
  for (const hub of hubs) {
    const byKind = new Map(
      (await sumStockValueByLocationKind(db, hub.id)).map((r) => [r.kind, r.value]),
    );
    for (const [kind, code] of [
      ['warehouse', HUB.persediaanGudang],
      ['transit', HUB.persediaanPerjalanan],
      ['store', HUB.persediaanKoperasi],
    ] as const) {
      const stock = byKind.get(kind) ?? 0;
      const books = acct(hub.id, code);
      if (stock !== books)
        valueProblems.push(
          `${hub.name}: ${kind} stock at cost ${formatRupiah(stock)} ≠ account ${code} ${formatRupiah(books)}`,
        );
    }
  }
  check("The hub's inventory accounts equal its stock at cost", valueProblems);
  check(
    "Each hub's Utang Usaha equals its open supplier invoices",
    await findPayablesProblems(db, hubs, balances),
  );

  const mirror: string[] = [];
  const pairs = new Map<string, { hub: number; coop: number; hubSub: number; coopSub: number }>();
  for (const b of hubBook) {
    if (b.accountCode === HUB.piutangKonsinyasi) {
      const p = pairs.get(`${b.orgId}|${b.counterpartyOrgId}`) ?? {
        hub: 0,
        coop: 0,
        hubSub: 0,
        coopSub: 0,
      };
      p.hub += b.debit - b.credit;
      pairs.set(`${b.orgId}|${b.counterpartyOrgId}`, p);
    }
  }
  for (const b of coopBook) {
    if (b.accountCode === COOP.utangPengamanat) {
      const k = `${b.counterpartyOrgId}|${b.orgId}`;
      const p = pairs.get(k) ?? { hub: 0, coop: 0, hubSub: 0, coopSub: 0 };
      p.coop += b.credit - b.debit;
      pairs.set(k, p);
    }
  }
  for (const [k, p] of pairs) {
    if (p.hub !== p.coop)
      mirror.push(
        `${k}: hub receivable ${formatRupiah(p.hub)} ≠ cooperative payable ${formatRupiah(p.coop)}`,
      );
  }
  check("Each hub receivable equals the cooperative's payable to the hub", mirror);

  const subsidy: string[] = [];
  const subs = new Map<string, number>();
  for (const b of hubBook) {
    if (b.accountCode === HUB.utangSubsidi)
      subs.set(
        `${b.orgId}|${b.counterpartyOrgId}`,
        (subs.get(`${b.orgId}|${b.counterpartyOrgId}`) ?? 0) + b.credit - b.debit,
      );
  }
  for (const b of coopBook) {
    if (b.accountCode === COOP.piutangSubsidi) {
      const k = `${b.counterpartyOrgId}|${b.orgId}`;
      subs.set(k, (subs.get(k) ?? 0) - (b.debit - b.credit));
    }
  }
  for (const [k, v] of subs)
    if (v !== 0)
      subsidy.push(
        `${k}: hub subsidy payable and cooperative subsidy receivable differ by ${formatRupiah(v)}`,
      );
  check("Each hub's subsidy payable equals the cooperative's subsidy receivable", subsidy);
  check(
    "Each cooperative's savings accounts equal its members' savings",
    await findSavingsLedgerProblems(db, coopBook),
  );

  const docs = await sumDocumentsPerCooperative(db);
  const fromDocs = new Map<string, number>();
  const add = (rows: { orgId: string; t: number }[], sign: number) =>
    rows.forEach((r) => fromDocs.set(r.orgId, (fromDocs.get(r.orgId) ?? 0) + sign * r.t));
  add(docs.sales, 1);
  add(docs.counts, 1);
  add(docs.payments, -1);
  add(docs.netted, -1);
  add(
    docs.reversals.map((r) => ({
      orgId: r.orgId,
      t: r.sales + r.shrinkage - r.payments - r.netted,
    })),
    1,
  );
  const recv: string[] = [];
  const ledgerRecv = new Map<string, number>();
  for (const b of hubBook)
    if (b.accountCode === HUB.piutangKonsinyasi)
      ledgerRecv.set(
        b.counterpartyOrgId,
        (ledgerRecv.get(b.counterpartyOrgId) ?? 0) + b.debit - b.credit,
      );
  for (const id of new Set([...fromDocs.keys(), ...ledgerRecv.keys()])) {
    const d = fromDocs.get(id) ?? 0;
    const l = ledgerRecv.get(id) ?? 0;
    if (d !== l)
      recv.push(`${id}: documents say ${formatRupiah(d)}, hub books say ${formatRupiah(l)}`);
  }
  check('Each receivable equals sales and shrinkage minus payments and netted subsidy', recv);

  const statements = await findAllStatements(db);
  const perStatement = await sumDocumentsPerStatement(db);
  const sumOf = (
    rows: { orgId: string; statementId: string | null; t: number }[],
    orgId: string,
    id: string,
  ) => rows.find((r) => r.orgId === orgId && r.statementId === id)?.t ?? 0;
  const stmt: string[] = [];
  let prev: (typeof statements)[number] | undefined;
  for (const s of statements) {
    const opening = prev && prev.orgId === s.orgId ? prev.closingBalance : 0;
    if (s.openingBalance !== opening)
      stmt.push(
        `statement ${s.id} (${s.orgId} ${s.periodEnd}): opening ${s.openingBalance} ≠ previous closing ${opening}`,
      );
    if (
      s.closingBalance !==
      s.openingBalance +
        s.salesAmount +
        s.shrinkageAmount -
        s.paymentsAmount -
        s.subsidyNettedAmount
    )
      stmt.push(`statement ${s.id}: closing does not add up`);
    const adj = perStatement.reversals.find((r) => r.orgId === s.orgId && r.statementId === s.id);
    const expect = {
      salesAmount: sumOf(perStatement.sales, s.orgId, s.id) + (adj?.sales ?? 0),
      shrinkageAmount: sumOf(perStatement.counts, s.orgId, s.id) + (adj?.shrinkage ?? 0),
      paymentsAmount: sumOf(perStatement.payments, s.orgId, s.id) + (adj?.payments ?? 0),
      subsidyNettedAmount: sumOf(perStatement.netted, s.orgId, s.id) + (adj?.netted ?? 0),
    };
    for (const [k, v] of Object.entries(expect)) {
      if (s[k as keyof typeof expect] !== v)
        stmt.push(`statement ${s.id}: ${k} ${s[k as keyof typeof expect]} ≠ documents ${v}`);
    }
    prev = s;
  }
  check('Statements chain and equal the documents billed on them', stmt);

  const sm = await compareSalesToMoves(db);
  const moveQty = new Map(sm.moves.map((m) => [m.orgId, m.qty]));
  check(
    'Every unit sold left the store by a stock movement',
    sm.lines
      .filter((l) => (moveQty.get(l.orgId) ?? 0) !== l.qty)
      .map((l) => `${l.orgId}: sale lines ${l.qty} units, moves ${moveQty.get(l.orgId) ?? 0}`),
  );
  check(
    'Every reversal mirrors its original exactly; no document is reversed twice',
    await findReversalProblems(db),
  );
  check('Refunds never give back more of a sale than it sold', await findRefundProblems(db));
  check(
    'Receipt corrections keep the units received within 0 and the units dispatched',
    await findReceiptCorrectionProblems(db),
  );
  check(
    "Closed years: members' SHU equals the close's 2201 credit, the split adds up, nothing is written into them later",
    await findClosedYearProblems(db),
  );
  return { ok: checks.every((c) => c.ok), checks };
}
