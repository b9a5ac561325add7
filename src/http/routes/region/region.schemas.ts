import { Type } from 'typebox';
import { Month, Rupiah } from '../../schemas.ts';

/** Region overview (the cooperative office's read model): one cooperative's month. */
export const RegionCooperative = Type.Object({
  id: Type.String(),
  name: Type.String(),
  villageName: Type.String(),
  districtCode: Type.String(),
  districtName: Type.String(),
  participating: Type.Boolean(),
  salesAmount: Rupiah,
  consignmentAmount: Rupiah,
  subsidyPaidMonth: Rupiah,
  subsidyPaidYear: Rupiah,
  overdueAmount: Rupiah,
  onHold: Type.Boolean(),
});

const RegionFiguresProps = {
  cooperatives: Type.Integer(),
  participating: Type.Integer(),
  salesAmount: Rupiah,
  consignmentAmount: Rupiah,
  subsidyPaidMonth: Rupiah,
  subsidyPaidYear: Rupiah,
  overdueAmount: Rupiah,
  onHold: Type.Integer({ description: 'cooperatives on shipping hold' }),
};

export const RegionOverview = Type.Object({
  month: Type.String(),
  asOf: Type.String({ description: 'the day overdue and holds are seen on' }),
  districts: Type.Array(
    Type.Object({
      districtCode: Type.String(),
      districtName: Type.String(),
      ...RegionFiguresProps,
      items: Type.Array(RegionCooperative),
    }),
  ),
  totals: Type.Object(RegionFiguresProps),
});

export const RegionTrendPoint = Type.Object({
  month: Type.String(),
  asOf: Type.String(),
  salesAmount: Rupiah,
  subsidyPaid: Rupiah,
  overdueAmount: Rupiah,
  activeCooperatives: Type.Integer(),
});

export const RegionTrends = Type.Object({ items: Type.Array(RegionTrendPoint) });

export const RegionOverviewQuery = Type.Object(
  { month: Type.Optional(Month) },
  { additionalProperties: false },
);

export const RegionTrendsQuery = Type.Object(
  {
    months: Type.Optional(
      Type.String({
        pattern: '^[0-9]{1,2}$',
        description: 'how many months (1–36), default 12',
      }),
    ),
  },
  { additionalProperties: false },
);
