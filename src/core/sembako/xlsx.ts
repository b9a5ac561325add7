// The XLSX writer moved to `shared/xlsx.ts` beside its reader; re-exported here for this module's tests.
export { writeXlsx } from '../shared/xlsx.ts';
