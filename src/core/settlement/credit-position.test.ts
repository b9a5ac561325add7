import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../shared/business-date.ts';
import { agingOf, creditPositionOf, standingOf } from './credit-position.ts';
import type { StatementTable } from './settlement.table.ts';

const statement = (
  i: number,
  periodEnd: string,
  dueDate: string,
  sales: number,
  shrinkage: number,
) =>
  ({
    orgId: 'coop',
    id: `s${i}`,
    number: `TK/${i}`,
    hubId: 'hub',
    periodStart: periodEnd,
    periodEnd,
    openingBalance: 0,
    salesAmount: sales,
    shrinkageAmount: shrinkage,
    paymentsAmount: 0,
    subsidyNettedAmount: 0,
    closingBalance: 0,
    dueDate,
    issuedAt: `${periodEnd}T10:00:00Z`,
  }) satisfies StatementTable;

describe('standingOf', () => {
  it('says what creditPositionOf and agingOf say, from the billed amounts alone', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            gap: fc.integer({ min: 1, max: 45 }),
            terms: fc.integer({ min: 0, max: 30 }),
            sales: fc.integer({ min: -50_000, max: 5_000_000 }),
            shrinkage: fc.integer({ min: 0, max: 200_000 }),
          }),
          { maxLength: 14 },
        ),
        fc.integer({ min: -1_000_000, max: 40_000_000 }),
        fc.integer({ min: -2_000_000, max: 60_000_000 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 60 }),
        (bills, credits, receivable, after, graceDays) => {
          let end = '2026-01-31';
          const statements = bills.map((b, i) => {
            end = addDays(end, b.gap);
            return statement(i, end, addDays(end, b.terms), b.sales, b.shrinkage);
          });
          const asOf = addDays(end, after);
          const position = creditPositionOf(statements, credits, asOf, graceDays);
          const billed = statements.map((s) => ({
            id: s.id,
            periodEnd: s.periodEnd,
            dueDate: s.dueDate,
            billed: s.salesAmount + s.shrinkageAmount,
          }));
          const standing = standingOf(billed, credits, receivable, asOf, graceDays);
          expect(standing).toEqual({
            outstanding: position.statements.map((s) => s.outstanding),
            unusedCredit: position.unusedCredit,
            overdueAmount: position.overdueAmount,
            onHold: position.holdStatements.length > 0,
            aging: agingOf(position, receivable, asOf),
          });
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
