import { Type } from 'typebox';
import { BusinessDate, Month, Nullable, Rupiah, SignedRupiah } from '../../schemas.ts';
import { BacktestPoint } from './forecast.schemas.ts';
import { RiskOverview } from './risk.schemas.ts';

const Count = Type.Integer({ minimum: 0 });

export const HubSummary = Type.Object({
  asOf: BusinessDate,
  cashToday: SignedRupiah,
  forecast: Type.Object({
    weeks: Type.Array(
      Type.Object({
        weekStart: BusinessDate,
        expectedIn: Rupiah,
        expectedOut: Rupiah,
        net: SignedRupiah,
        closingCash: SignedRupiah,
      }),
    ),
    lowest: Type.Object({ weekStart: BusinessDate, closingCash: SignedRupiah }),
    notExpected: Rupiah,
    backtest: Type.Object({
      weeks: Count,
      mape: Nullable(Type.Number({ minimum: 0 })),
      baselineMape: Nullable(Type.Number({ minimum: 0 })),
      points: Type.Array(BacktestPoint),
    }),
  }),
  exposure: Type.Object({
    total: SignedRupiah,
    limit: Rupiah,
    cooperatives: Count,
    nearLimit: Type.Integer({
      minimum: 0,
      description: 'Cooperatives at 90 % of their limit or more',
    }),
  }),
  overdue: Type.Object({
    amount: Rupiah,
    balanceDue: SignedRupiah,
    cooperatives: Count,
    onHold: Count,
    trend: Type.Array(Type.Object({ month: Month, asOf: BusinessDate, amount: Rupiah })),
  }),
  unmatchedBankLines: Count,
  provision: Type.Pick(RiskOverview.properties.provision, ['total', 'posted']),
  riskiest: Type.Array(RiskOverview.properties.cooperatives.items, {
    description:
      'The ten riskiest cooperatives with a risk seen (score above 0), highest first, as getRiskOverview scores them',
  }),
});
