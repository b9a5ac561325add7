import { Type } from 'typebox';
import { BusinessDate, Nullable, Rupiah, SignedRupiah } from '../../schemas.ts';

const Percent = Type.Number({
  minimum: 0,
  description: 'Mean absolute percentage error, in percent',
});

export const ForecastQuery = Type.Object(
  {
    weeks: Type.Optional(
      Type.String({ pattern: '^[0-9]{1,2}$', description: 'how many weeks (1–26), default 13' }),
    ),
  },
  { additionalProperties: false },
);

export const ForecastWeek = Type.Object({
  weekStart: Type.String({
    description: 'Monday (WIB); the first week is the current one, from today',
  }),
  expectedIn: Rupiah,
  expectedOut: Rupiah,
  net: SignedRupiah,
  closingCash: SignedRupiah,
  statementCollections: Type.Integer({
    description: 'Of expectedIn: from statements already issued',
  }),
  salesSettlements: Type.Integer({
    description:
      'Of expectedIn: from sales not yet billed (made, or expected at the sales velocity)',
  }),
  supplierPayments: Type.Integer({
    description: 'Of expectedOut: supplier invoices falling due (overdue ones in the first week)',
  }),
  subsidyPayouts: Type.Integer({
    description: 'Of expectedOut: operational subsidy paid by transfer',
  }),
});

export const BacktestPoint = Type.Object({
  weekStart: BusinessDate,
  forecast: Rupiah,
  baseline: Rupiah,
  actual: Type.Integer({ description: 'Payments received that week' }),
});

export const Backtest = Type.Object({
  weeks: Type.Integer({ minimum: 0, description: 'Past weeks scored: those with money received' }),
  mape: Nullable(Percent),
  baselineMape: Nullable(
    Type.Number({
      minimum: 0,
      description: 'The naive baseline’s MAPE (last 4 weeks’ average inflow)',
    }),
  ),
  horizonWeeks: Type.Integer({
    minimum: 1,
    description: 'How far ahead each past forecast looked',
  }),
  receivedThrough: Type.String({
    description:
      'The last day whose receipts are counted: yesterday, or the last day of the imported bank statements when earlier',
  }),
  points: Type.Array(BacktestPoint),
});

export const CashFlowForecast = Type.Object({
  asOf: BusinessDate,
  cashToday: SignedRupiah,
  weeks: Type.Array(ForecastWeek),
  notExpected: Type.Integer({
    minimum: 0,
    description: 'Overdue amounts later than any payment in the history: expected in no week',
  }),
  backtest: Backtest,
});
