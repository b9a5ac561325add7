import type { Static } from 'typebox';
import type { CashFlowForecast } from './forecast.schemas.ts';

/** Two weeks of a forecast made on Monday 7 December 2026, and its backtest's last scored week. */
export const forecastExample: Static<typeof CashFlowForecast> = {
  asOf: '2026-12-07',
  cashToday: 690_324_917,
  weeks: [
    {
      weekStart: '2026-12-07',
      expectedIn: 414_253_414,
      expectedOut: 100_017_249,
      net: 314_236_165,
      closingCash: 1_004_561_082,
      statementCollections: 413_116_134,
      salesSettlements: 1_137_280,
      supplierPayments: 100_017_249,
      subsidyPayouts: 0,
    },
    {
      weekStart: '2026-12-14',
      expectedIn: 341_396,
      expectedOut: 24_438_563,
      net: -24_097_167,
      closingCash: 980_463_915,
      statementCollections: 0,
      salesSettlements: 341_396,
      supplierPayments: 12_238_563,
      subsidyPayouts: 12_200_000,
    },
  ],
  notExpected: 15_415_260,
  backtest: {
    weeks: 1,
    mape: 2.4,
    baselineMape: 87.8,
    horizonWeeks: 1,
    receivedThrough: '2026-11-27',
    points: [
      { weekStart: '2026-11-09', forecast: 353_418_983, baseline: 42_163_365, actual: 345_054_016 },
    ],
  },
};
