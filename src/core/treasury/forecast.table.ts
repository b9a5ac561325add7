/**
 * The collections the forecast expected for a past week, as it was worked out once that week's
 * receipts were in (from what was dated before the week's Monday): the backtest's kept side.
 * `org_id` is the hub's.
 */
export interface ForecastWeekTable {
  orgId: string;
  weekStart: string;
  forecast: number;
  madeAt: string;
}

export interface ForecastTables {
  forecastWeek: ForecastWeekTable;
}
