// The CSV reading and writing moved to `shared/csv.ts` (the cooperatives import reads files too);
// re-exported here for this module's tests.
export {
  MAX_FILE_ROWS,
  csvField,
  parseCsv,
  parseCsvInSlices,
  spreadsheetText,
  toCsv,
  type CsvRow,
} from '../shared/csv.ts';
