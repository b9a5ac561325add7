export type * from './kept.table.ts';
export {
  KEPT_AFTER_DAYS,
  changesKept,
  forgetAllKept,
  forgetKeptFrom,
  keepUnlessForgotten,
  readKeptEpoch,
} from './kept.repository.ts';
export { heldHistory, keptCutoff, lastKeptDay } from './kept-history.ts';
