/**
 * Where the hub's participants stood at a past month end, as the risk overview works it out
 * (`positionsAtEach`), kept once that month end is more than `KEPT_AFTER_DAYS` over: every
 * participation with something open, each with its overdue amount and its open statements
 * (`positions`, JSON: `[[participationId, cooperativeId, overdueAmount, [[statementId, dueDate,
 * outstanding], …]], …]`). `org_id` is the hub's. Forgotten with the forecast's weeks
 * (`forgetKeptFrom`) when a document dated on or before it is written.
 */
export interface PositionMonthEndTable {
  orgId: string;
  monthEnd: string;
  positions: string;
  madeAt: string;
}

export interface RiskTables {
  positionMonthEnd: PositionMonthEndTable;
}
