/**
 * Writing CSV files that spreadsheets open as they should: UTF-8 BOM, comma-separated, CRLF line
 * ends, RFC 4180 quoting, formulas neutralised (R10). Chunk by chunk, so an export streams.
 */
import { BOM } from './decoding';
import { neutraliseFormula } from './formula';

const CRLF = '\r\n';

/** A cell holding one of these must be quoted (RFC 4180); a lone CR or LF included. */
const NEEDS_QUOTES = /[",\r\n]/;

/** One exported cell: neutralised, then quoted when needed with inner quotes doubled. */
function csvCell(cell: string): string {
  const safe = neutraliseFormula(cell);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * One CSV line, CRLF-terminated. Written by hand rather than with csv-stringify: quoting is
 * three rules, and the library costs ~10 µs a row (measured) and quotes a lone LF only when
 * told to (`quote_record_delimiter`). The property tests read our output with csv-parse.
 */
export function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(',') + CRLF;
}

/** The start of a file: the BOM, which makes Excel read UTF-8, and the header line. */
export function csvHead(header: readonly string[]): string {
  return BOM + csvLine(header);
}

/**
 * A CSV file chunk by chunk: {@link csvHead} first, then one {@link csvLine} per row. Without
 * its BOM, a `CsvRecordReader` for `,` reads it back as the same cells once `restoreFormula`
 * has undone the neutralisation (a row needs at least one cell: `[]` reads back as `['']`).
 */
export function* csvChunks(
  header: readonly string[],
  rows: Iterable<readonly string[]>,
): Generator<string> {
  yield csvHead(header);
  for (const row of rows) yield csvLine(row);
}
