export {
  getRegionOverview,
  getRegionTrends,
  overdueAt,
  type RegionCooperative,
  type RegionDistrict,
  type RegionFigures,
  type RegionOverview,
  type RegionTrendPoint,
} from './region-overview.ts';
export {
  findRegionCooperatives,
  type RegionCooperativeRow,
  type RegionScope,
} from './region.repository.ts';
