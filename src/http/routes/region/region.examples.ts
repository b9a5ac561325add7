import type { Static } from 'typebox';
import { EXAMPLE_IDS } from '../../schemas.ts';
import type { RegionOverview, RegionTrends } from './region.schemas.ts';

const figures = {
  salesAmount: 41_250_000,
  consignmentAmount: 38_400_000,
  subsidyPaidMonth: 2_000_000,
  subsidyPaidYear: 6_000_000,
  overdueAmount: 0,
};

export const regionOverviewExample: Static<typeof RegionOverview> = {
  month: '2026-03',
  asOf: '2026-03-10',
  districts: [
    {
      districtCode: '15.71.01',
      districtName: 'Telanaipura',
      cooperatives: 1,
      participating: 1,
      ...figures,
      onHold: 0,
      items: [
        {
          id: EXAMPLE_IDS.coop,
          name: 'KDKMP Simpang IV Sipin',
          villageName: 'Simpang IV Sipin',
          districtCode: '15.71.01',
          districtName: 'Telanaipura',
          participating: true,
          ...figures,
          onHold: false,
        },
      ],
    },
  ],
  totals: { cooperatives: 1, participating: 1, ...figures, onHold: 0 },
};

export const regionTrendsExample: Static<typeof RegionTrends> = {
  items: [
    {
      month: '2026-02',
      asOf: '2026-02-28',
      salesAmount: 1_482_350_000,
      subsidyPaid: 134_000_000,
      overdueAmount: 18_240_000,
      activeCooperatives: 68,
    },
  ],
};
