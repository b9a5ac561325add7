import type { Db } from '../../db/database.ts';
import { HUB, findAccountBalances } from '../ledger/index.ts';
import {
  findCooperatives,
  findParticipationsOfHubOn,
  findPaymentReferences,
} from '../network/index.ts';
import { numberMatches } from '../numbering/index.ts';
import { daysBetween } from '../shared/business-date.ts';
import { todayWib, type Clock } from '../shared/clock.ts';
import {
  agingOf,
  creditPositionOf,
  standingOf,
  type StatementPosition,
} from './credit-position.ts';
import type { Aging } from './settlement-math.ts';
import type { StatementTable } from './settlement.table.ts';
import {
  billedByCooperative,
  findBilledStatementsOfCooperatives,
  findStatementsOfCooperatives,
  sumCreditsOfCooperatives,
} from './settlement.repository.ts';

export interface CooperativePosition {
  cooperativeId: string;
  cooperativeName: string;
  /** What the cooperative owes the hub now (the hub's receivable; negative = credit). */
  balanceDue: number;
  overdueAmount: number;
  onHold: boolean;
  aging: Aging;
  /** Its statements, oldest first, each with what is still outstanding. */
  statements: StatementPosition[];
}

/**
 * Where every participant of the hub stands on `asOf`, read in a few bulk
 * queries and computed by the same functions as one cooperative's balance
 * (`creditPositionOf`, `agingOf` on the hub's kept receivable), so the
 * network's numbers equal the sum of the cooperatives' own. With `only`,
 * just those cooperatives (a page of a list), each computed the same way.
 */
export async function getNetworkPositions(
  db: Db,
  hubId: string,
  asOf: string,
  only?: ReadonlySet<string>,
): Promise<CooperativePosition[]> {
  // The grace days in force on `asOf` decide the shipping hold.
  const participations = (await findParticipationsOfHubOn(db, hubId, asOf)).filter(
    (p) => !only || only.has(p.orgId),
  );
  const ids = participations.map((p) => p.orgId);
  const [coops, statements, credits, receivables] = await Promise.all([
    findCooperatives(db, { hubIds: [hubId], limit: 1_000_000 }),
    findStatementsOfCooperatives(db, ids, { upTo: asOf }),
    sumCreditsOfCooperatives(db, ids, asOf),
    findAccountBalances(db, hubId, { accountCode: HUB.piutangKonsinyasi }),
  ]);
  const names = new Map(coops.map((c) => [c.id, c.name]));
  const receivable = receivableByCooperative(receivables);
  const byCoop = new Map<string, typeof statements>();
  for (const s of statements) {
    const list = byCoop.get(s.orgId);
    if (list) list.push(s);
    else byCoop.set(s.orgId, [s]);
  }
  return participations
    .map((p) => {
      const position = creditPositionOf(
        byCoop.get(p.orgId) ?? [],
        credits.get(p.orgId) ?? 0,
        asOf,
        p.graceDays,
      );
      const balanceDue = receivable.get(p.orgId) ?? 0;
      return {
        cooperativeId: p.orgId,
        cooperativeName: names.get(p.orgId) ?? p.orgId,
        balanceDue,
        overdueAmount: position.overdueAmount,
        onHold: position.holdStatements.length > 0,
        aging: agingOf(position, balanceDue, asOf),
        statements: position.statements,
      };
    })
    .sort((a, b) => a.cooperativeName.localeCompare(b.cooperativeName));
}

/** Days a statement is past its due date on `asOf` (0 when not yet due or paid). */
export function daysPastDue(s: Pick<StatementPosition, 'dueDate' | 'outstanding'>, asOf: string) {
  return s.outstanding > 0 ? Math.max(0, daysBetween(s.dueDate, asOf)) : 0;
}

export interface NetworkAging {
  asOf: string;
  items: Omit<CooperativePosition, 'statements'>[];
  totals: { balanceDue: number; overdueAmount: number; aging: Aging };
}

/**
 * Every participant's balance by days past due today, with the network's totals: the same
 * figures as {@link getNetworkPositions}, worked out on the statements' billed amounts alone
 * (`standingOf`), as the list shows no statement.
 */
export async function getNetworkAging(db: Db, clock: Clock, hubId: string): Promise<NetworkAging> {
  const asOf = todayWib(clock);
  const participations = await findParticipationsOfHubOn(db, hubId, asOf);
  const ids = participations.map((p) => p.orgId);
  const [coops, statements, credits, receivables] = await Promise.all([
    findCooperatives(db, { hubIds: [hubId], limit: 1_000_000 }),
    findBilledStatementsOfCooperatives(db, ids, { upTo: asOf }),
    sumCreditsOfCooperatives(db, ids, asOf),
    findAccountBalances(db, hubId, { accountCode: HUB.piutangKonsinyasi }),
  ]);
  const names = new Map(coops.map((c) => [c.id, c.name]));
  const receivable = receivableByCooperative(receivables);
  const billedOf = billedByCooperative(statements);
  const totals = {
    balanceDue: 0,
    overdueAmount: 0,
    aging: { current: 0, d1to30: 0, d31to60: 0, d61to90: 0, d90plus: 0 },
  };
  const items = participations
    .map((p) => {
      const balanceDue = receivable.get(p.orgId) ?? 0;
      const s = standingOf(
        billedOf.get(p.orgId) ?? [],
        credits.get(p.orgId) ?? 0,
        balanceDue,
        asOf,
        p.graceDays,
      );
      totals.balanceDue += balanceDue;
      totals.overdueAmount += s.overdueAmount;
      for (const k of Object.keys(totals.aging) as (keyof Aging)[]) totals.aging[k] += s.aging[k];
      return {
        cooperativeId: p.orgId,
        cooperativeName: names.get(p.orgId) ?? p.orgId,
        balanceDue,
        overdueAmount: s.overdueAmount,
        onHold: s.onHold,
        aging: s.aging,
      };
    })
    .sort((a, b) => a.cooperativeName.localeCompare(b.cooperativeName));
  return { asOf, items, totals };
}

/** The hub's receivable from each cooperative (debit − credit of its 1201 rows; negative = credit). */
function receivableByCooperative(
  rows: { counterpartyOrgId: string; debit: number; credit: number }[],
): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows)
    out.set(r.counterpartyOrgId, (out.get(r.counterpartyOrgId) ?? 0) + r.debit - r.credit);
  return out;
}

export interface NetworkStatement extends StatementTable {
  outstanding: number;
  cooperativeId: string;
  cooperativeName: string;
  daysPastDue: number;
  /** The reference the cooperative writes on its transfers. */
  paymentReference: string | null;
}

export interface NetworkStatementFilter {
  periodEnd?: string;
  cooperativeId?: string;
  /** open: something outstanding; overdue: outstanding past due; paid: nothing outstanding. */
  status?: 'open' | 'overdue' | 'paid';
  /** Text the statement's number contains (any case). */
  q?: string;
}

const STATUS_TEST: Record<
  NonNullable<NetworkStatementFilter['status']>,
  (s: NetworkStatement) => boolean
> = {
  open: (s) => s.outstanding > 0,
  overdue: (s) => s.daysPastDue > 0,
  paid: (s) => s.outstanding === 0,
};

/**
 * The statements of the hub's cooperatives as of today, newest period first
 * (then by cooperative name), with what is outstanding, days past due and
 * the cooperative's payment reference.
 */
export async function listNetworkStatements(
  db: Db,
  clock: Clock,
  hubId: string,
  filter: NetworkStatementFilter = {},
): Promise<NetworkStatement[]> {
  const asOf = todayWib(clock);
  const { periodEnd, cooperativeId, status, q } = filter;
  const positions = (await getNetworkPositions(db, hubId, asOf)).filter(
    (p) => !cooperativeId || p.cooperativeId === cooperativeId,
  );
  const references = await findPaymentReferences(
    db,
    positions.map((p) => p.cooperativeId),
  );
  return positions
    .flatMap((p) =>
      p.statements.map((s) => ({
        ...s,
        cooperativeId: p.cooperativeId,
        cooperativeName: p.cooperativeName,
        daysPastDue: daysPastDue(s, asOf),
        paymentReference: references.get(p.cooperativeId) ?? null,
      })),
    )
    .filter((s) => !periodEnd || s.periodEnd === periodEnd)
    .filter((s) => numberMatches(s.number, q))
    .filter((s) => !status || STATUS_TEST[status](s))
    .sort(
      (a, b) =>
        b.periodEnd.localeCompare(a.periodEnd) ||
        a.cooperativeName.localeCompare(b.cooperativeName),
    );
}
