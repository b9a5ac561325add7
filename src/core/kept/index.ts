export type * from './kept.table.ts';
export {
  KEPT_AFTER_DAYS,
  changesKept,
  forgetKeptFrom,
  keepUnlessForgotten,
  readKeptEpoch,
} from './kept.repository.ts';
