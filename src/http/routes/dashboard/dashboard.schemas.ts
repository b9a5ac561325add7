import { Type } from 'typebox';
import { BusinessDate, Rupiah } from '../../schemas.ts';
import { Balance, Statement } from '../settlement/settlement.schemas.ts';
import { EarlyWarning } from '../treasury/risk.schemas.ts';

/** A cooperative at a glance: sales against the potential, balance, next due, subsidy, stock cover, statements. */
export const CooperativeDashboard = Type.Object({
  today: BusinessDate,
  cooperative: Type.Object({
    id: Type.String(),
    name: Type.String(),
    villageName: Type.Union([Type.String(), Type.Null()]),
    districtName: Type.Union([Type.String(), Type.Null()]),
  }),
  sales: Type.Object({
    today: Rupiah,
    todayCount: Type.Integer(),
    month: Rupiah,
    monthCount: Type.Integer(),
    monthlyPotential: Rupiah,
  }),
  balance: Balance,
  nextDue: Type.Union([
    Type.Object({
      statementId: Type.String(),
      amount: Rupiah,
      dueDate: BusinessDate,
      periodEnd: BusinessDate,
    }),
    Type.Null(),
  ]),
  subsidy: Type.Union([
    Type.Object({
      month: Type.String(),
      amount: Rupiah,
      eligible: Type.Boolean(),
      reason: Type.Union([Type.String(), Type.Null()]),
      mode: Type.String(),
      status: Type.String(),
    }),
    Type.Null(),
  ]),
  stock: Type.Array(
    Type.Object({
      productId: Type.String(),
      sku: Type.String(),
      name: Type.String(),
      unit: Type.String(),
      qty: Type.Integer(),
      inTransit: Type.Integer(),
      sold28Days: Type.Integer(),
      daysOfCover: Type.Union([Type.Integer(), Type.Null()]),
    }),
  ),
  statements: Type.Array(Statement),
  salesWindowDays: Type.Integer({
    minimum: 1,
    description:
      "The days of sales behind sold28Days and daysOfCover: the hub's sales window today (28 by default)",
  }),
  earlyWarnings: Type.Array(EarlyWarning, {
    description:
      'Within the next 7 days: an open statement falling due (due), or the grace days of an overdue one ending, after which dispatches are refused (hold)',
  }),
});
