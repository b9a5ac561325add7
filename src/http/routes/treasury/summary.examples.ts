import type { Static } from 'typebox';
import { forecastExample } from './forecast.examples.ts';
import type { HubSummary } from './summary.schemas.ts';

export const hubSummaryExample: Static<typeof HubSummary> = {
  asOf: forecastExample.asOf,
  cashToday: forecastExample.cashToday,
  forecast: {
    weeks: forecastExample.weeks.map(
      ({ weekStart, expectedIn, expectedOut, net, closingCash }) => ({
        weekStart,
        expectedIn,
        expectedOut,
        net,
        closingCash,
      }),
    ),
    lowest: { weekStart: '2026-12-14', closingCash: 980_463_915 },
    notExpected: forecastExample.notExpected,
    backtest: {
      weeks: forecastExample.backtest.weeks,
      mape: forecastExample.backtest.mape,
      baselineMape: forecastExample.backtest.baselineMape,
      points: forecastExample.backtest.points,
    },
  },
  exposure: { total: 2_150_000_000, limit: 4_080_000_000, cooperatives: 68, nearLimit: 3 },
  overdue: {
    amount: 154_152_600,
    balanceDue: 1_890_000_000,
    cooperatives: 3,
    onHold: 1,
    trend: [
      { month: '2026-11', asOf: '2026-11-30', amount: 120_000_000 },
      { month: '2026-12', asOf: '2026-12-07', amount: 154_152_600 },
    ],
  },
  unmatchedBankLines: 4,
  provision: { total: 38_538_150, posted: { periodEnd: '2026-11-30', total: 35_112_000 } },
  riskiest: [
    {
      id: '01936f6e-7c1a-7000-8000-000000000c28',
      name: 'KDKMP Legok',
      score: 38,
      reasons: [
        {
          code: 'late_payments',
          points: 18,
          text: 'Terlambat membayar hingga 54 hari (2 tagihan terlambat dalam 12 bulan)',
          textEn: 'Paid up to 54 days late (2 late statements in 12 months)',
        },
      ],
      overdueAmount: 112_497_100,
      balanceDue: 257_027_400,
    },
  ],
};
