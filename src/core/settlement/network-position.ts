import type { Db } from '../../db/database.ts';
import { HUB, findAccountBalances } from '../ledger/index.ts';
import { findCooperatives, findParticipationsOfHub } from '../network/index.ts';
import { daysBetween } from '../shared/business-date.ts';
import { agingOf, creditPositionOf, type StatementPosition } from './credit-position.ts';
import type { Aging } from './settlement-math.ts';
import { findStatementsOfCooperatives, sumCreditsOfCooperatives } from './settlement.repository.ts';

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
 * network's numbers equal the sum of the cooperatives' own.
 */
export async function getNetworkPositions(
  db: Db,
  hubId: string,
  asOf: string,
): Promise<CooperativePosition[]> {
  const participations = await findParticipationsOfHub(db, hubId);
  const ids = participations.map((p) => p.orgId);
  const [coops, statements, credits, receivables] = await Promise.all([
    findCooperatives(db, { hubIds: [hubId], limit: 1_000_000 }),
    findStatementsOfCooperatives(db, ids, { upTo: asOf }),
    sumCreditsOfCooperatives(db, ids, asOf),
    findAccountBalances(db, hubId, { accountCode: HUB.piutangKonsinyasi }),
  ]);
  const names = new Map(coops.map((c) => [c.id, c.name]));
  const receivable = new Map<string, number>();
  for (const r of receivables)
    receivable.set(
      r.counterpartyOrgId,
      (receivable.get(r.counterpartyOrgId) ?? 0) + r.debit - r.credit,
    );
  const byCoop = new Map<string, typeof statements>();
  for (const s of statements) byCoop.set(s.orgId, [...(byCoop.get(s.orgId) ?? []), s]);
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
