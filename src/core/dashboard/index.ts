export {
  getCooperativeDashboard,
  daysOfCover,
  COVER_WINDOW_DAYS,
  type CooperativeDashboard,
} from './get-cooperative-dashboard.ts';
export {
  listCooperatives,
  type CooperativeScope,
  type CooperativeListQuery,
  type CooperativeListItem,
} from './list-cooperatives.ts';
export { getHubSummary, type HubSummary } from './hub-summary.ts';
