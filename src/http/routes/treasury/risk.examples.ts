import type { Static } from 'typebox';
import { EXAMPLE_IDS } from '../../schemas.ts';
import type { EarlyWarning, ProvisionBody, RiskOverview } from './risk.schemas.ts';

const step = (
  from: 'current' | 'd1to30' | 'd31to60' | 'd61to90',
  to: 'd1to30' | 'd31to60' | 'd61to90' | 'd90plus',
  base: number,
  rolled: number,
  rateBps: number,
) => ({ from, to, base, rolled, rateBps });

const pooled = [
  step('current', 'd1to30', 320_000_000, 16_000_000, 500),
  step('d1to30', 'd31to60', 16_000_000, 4_000_000, 2_500),
  step('d31to60', 'd61to90', 4_000_000, 2_000_000, 5_000),
  step('d61to90', 'd90plus', 2_000_000, 1_000_000, 5_000),
];

export const riskOverviewExample: Static<typeof RiskOverview> = {
  asOf: '2026-03-10',
  dso: 31.4,
  cei: 92.5,
  windows: {
    dso: {
      from: '2025-12-10',
      to: '2026-03-10',
      days: 90,
      receivable: 48_900_000,
      sales: 140_000_000,
    },
    cei: {
      from: '2025-12-10',
      to: '2026-03-10',
      opening: 30_000_000,
      charges: 140_000_000,
      closing: 48_900_000,
      closingCurrent: 39_000_000,
    },
    rollRates: { from: '2025-02-28', to: '2026-02-28', monthEnds: 13 },
  },
  rollRates: [{ month: '2026-02', steps: pooled }],
  provision: {
    total: 507_500,
    byBucket: { current: 195_000, d1to30: 312_500, d31to60: 0, d61to90: 0, d90plus: 0 },
    matrix: {
      pooled,
      rows: [
        {
          bucket: 'current',
          balance: 39_000_000,
          rollRateBps: 500,
          chainBps: 31,
          floorBps: 50,
          rateBps: 50,
          provision: 195_000,
        },
        {
          bucket: 'd1to30',
          balance: 5_000_000,
          rollRateBps: 2_500,
          chainBps: 625,
          floorBps: 200,
          rateBps: 625,
          provision: 312_500,
        },
        {
          bucket: 'd31to60',
          balance: 0,
          rollRateBps: 5_000,
          chainBps: 2_500,
          floorBps: 1_000,
          rateBps: 2_500,
          provision: 0,
        },
        {
          bucket: 'd61to90',
          balance: 0,
          rollRateBps: 5_000,
          chainBps: 5_000,
          floorBps: 2_500,
          rateBps: 5_000,
          provision: 0,
        },
        {
          bucket: 'd90plus',
          balance: 0,
          rollRateBps: null,
          chainBps: 10_000,
          floorBps: 10_000,
          rateBps: 10_000,
          provision: 0,
        },
      ],
    },
    posted: { periodEnd: '2026-02-28', total: 480_000 },
  },
  cooperatives: [
    {
      id: EXAMPLE_IDS.coop,
      name: 'KDKMP Simpang IV Sipin',
      score: 27,
      reasons: [
        {
          code: 'late_payments',
          points: 17,
          text: 'Terlambat membayar hingga 50 hari (2 tagihan terlambat dalam 12 bulan)',
          textEn: 'Paid up to 50 days late (2 late statements in 12 months)',
        },
        {
          code: 'exposure',
          points: 10,
          text: 'Eksposur 84% dari batas (Rp 42.000.000 dari Rp 50.000.000)',
          textEn: 'Exposure at 84% of the limit (Rp 42.000.000 of Rp 50.000.000)',
        },
      ],
      overdueAmount: 5_000_000,
      balanceDue: 12_932_600,
    },
  ],
};

export const provisionExample: Static<typeof ProvisionBody> = { periodEnd: '2026-02-28' };

export const earlyWarningExample: Static<typeof EarlyWarning> = {
  kind: 'due',
  statementId: '01936f6e-7c1a-7000-8000-0000000000f1',
  number: 'TK/KANA-JBI/2026/02/0031',
  date: '2026-03-14',
  amount: 12_932_600,
  text: 'KDKMP Simpang IV Sipin: tagihan TK/KANA-JBI/2026/02/0031 sebesar Rp 12.932.600 jatuh tempo 14 Maret 2026 (4 hari lagi). Tulis LMB15710110014 di berita transfer.',
  textEn:
    'KDKMP Simpang IV Sipin: statement TK/KANA-JBI/2026/02/0031 of Rp 12.932.600 falls due on 14 March 2026 (in 4 days). Write LMB15710110014 in the transfer remark.',
  whatsappUrl:
    'https://wa.me/6281234567890?text=KDKMP%20Simpang%20IV%20Sipin%3A%20tagihan%20TK%2FKANA-JBI%2F2026%2F02%2F0031%20jatuh%20tempo%2014%20Maret%202026',
};
