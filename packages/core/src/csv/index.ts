export {
  CSV_SEPARATORS,
  CsvFileReader,
  CsvRecordReader,
  MAX_RECORD_CHARS,
  detectSeparator,
  readCsvRecords,
  type CsvReadOptions,
  type CsvRecord,
  type RankSplit,
} from './csv-reader';
export { csvChunks, csvHead, csvLine } from './csv-writer';
export { neutraliseFormula, restoreFormula } from './formula';
export {
  LEGACY_ENCODINGS,
  LEGACY_ENCODING_LABELS,
  LegacyEncodingRefused,
  chooseLegacyEncoding,
  legacyEncodingFor,
  type LegacyEncoding,
} from './legacy-encoding';
