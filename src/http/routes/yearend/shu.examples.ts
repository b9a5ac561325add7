import type { Static } from 'typebox';

import type {
  DistributeBody,
  Distribution,
  FiscalYears,
  FiscalYearView,
  ShuResult,
  ShuRules,
  ShuRulesBody,
} from './shu.schemas.ts';

export const shuRulesBodyExample: Static<typeof ShuRulesBody> = {
  allocation: [
    { key: 'cadangan', percent: 40 },
    { key: 'jasa_anggota', percent: 40 },
    { key: 'pengurus', percent: 5 },
    { key: 'karyawan', percent: 5 },
    { key: 'pendidikan', percent: 5 },
    { key: 'sosial', percent: 5 },
  ],
  jasaUsahaPercent: 25,
  jasaModalPercent: 15,
};

export const shuRulesExample: Static<typeof ShuRules> = { year: 2025, ...shuRulesBodyExample };

const members = [
  {
    memberId: '01936f6e-7c1a-7000-8000-000000000e01',
    memberNo: '0001',
    name: 'Siti Aminah',
    purchases: 5_000_000,
    savings: 2_000_000,
    jasaUsaha: 1_000_000,
    jasaModal: 180_000,
    total: 1_180_000,
  },
];

export const shuResultExample: Static<typeof ShuResult> = {
  year: 2025,
  shu: 60_000_000,
  rules: shuRulesExample,
  allocation: [
    { key: 'cadangan', percent: 40, amount: 24_000_000 },
    { key: 'jasa_anggota', percent: 40, amount: 24_000_000 },
    { key: 'pengurus', percent: 5, amount: 3_000_000 },
    { key: 'karyawan', percent: 5, amount: 3_000_000 },
    { key: 'pendidikan', percent: 5, amount: 3_000_000 },
    { key: 'sosial', percent: 5, amount: 3_000_000 },
  ],
  jasaUsaha: 15_000_000,
  jasaModal: 9_000_000,
  undivided: 0,
  totalPurchases: 75_000_000,
  totalSavings: 100_000_000,
  members,
};

export const fiscalYearExample: Static<typeof FiscalYearView> = {
  ...shuResultExample,
  status: 'closed',
  closedAt: '2026-01-05T02:00:00.000Z',
  closeId: '01936f6e-7c1a-7000-8000-000000000e11',
  distribution: null,
};

export const fiscalYearsExample: Static<typeof FiscalYears> = {
  items: [
    { year: 2026, status: 'open', shu: 12_500_000 },
    { year: 2025, status: 'closed', shu: 60_000_000, closedAt: '2026-01-05T02:00:00.000Z' },
  ],
};

export const distributeExample: Static<typeof DistributeBody> = {
  id: '01936f6e-7c1a-7000-8000-000000000e21',
  method: 'sukarela',
  date: '2026-03-10',
};

export const distributionExample: Static<typeof Distribution> = {
  id: distributeExample.id,
  method: 'sukarela',
  paidOn: '2026-03-10',
  total: 24_000_000,
  members: 120,
};
