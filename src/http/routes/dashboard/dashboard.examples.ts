import type { Static } from 'typebox';
import { EXAMPLE_IDS } from '../../schemas.ts';
import { balanceExample, statementExample } from '../settlement/settlement.examples.ts';
import { earlyWarningExample } from '../treasury/risk.examples.ts';
import type { CooperativeDashboard } from './dashboard.schemas.ts';

export const cooperativeDashboardExample: Static<typeof CooperativeDashboard> = {
  today: '2026-03-10',
  cooperative: {
    id: EXAMPLE_IDS.coop,
    name: 'KDKMP Simpang IV Sipin',
    villageName: 'Simpang IV Sipin',
    districtName: 'Telanaipura',
  },
  sales: {
    today: 1_750_000,
    todayCount: 42,
    month: 16_380_000,
    monthCount: 391,
    monthlyPotential: 200_000_000,
  },
  balance: balanceExample,
  nextDue: {
    statementId: statementExample.id,
    amount: 12_932_600,
    dueDate: '2026-03-14',
    periodEnd: '2026-02-28',
  },
  subsidy: {
    month: '2026-02',
    amount: 2_000_000,
    eligible: true,
    reason: null,
    mode: 'payout',
    status: 'paid',
  },
  stock: [
    {
      productId: EXAMPLE_IDS.gula,
      sku: 'GKP-1',
      name: 'Gula Kristal Putih 1 kg',
      unit: 'pak',
      qty: 420,
      inTransit: 0,
      sold28Days: 840,
      daysOfCover: 14,
    },
  ],
  statements: [statementExample],
  salesWindowDays: 28,
  earlyWarnings: [earlyWarningExample],
};
