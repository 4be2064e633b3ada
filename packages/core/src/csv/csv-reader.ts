/**
 * Reading CSV files as spreadsheets write them, streaming: bytes are decoded and split into
 * records one chunk at a time, holding only the unfinished record, so memory stays flat
 * whatever the file size (P5).
 */
import { TextDecoding } from './decoding';
import type { LegacyEncoding } from './legacy-encoding';

/** One CSV record and the spreadsheet row it occupies. */
export interface CsvRecord {
  /** Spreadsheet row: 1 for the first record; see {@link CsvRecordReader} for the counting. */
  row: number;
  /** Cell texts, unquoted, untrimmed; empty when `malformed`. */
  cells: string[];
  /** A quote was left open, or a closing quote was followed by other text in the cell. */
  malformed: boolean;
}

/**
 * A complete record is never longer than this; a quote still open after it is taken as a
 * stray quote. Bounds memory on a file whose quote never closes (a valid contact row, for one,
 * is under 2,000 characters: 247 country codes take 1,000).
 */
export const MAX_RECORD_CHARS = 65_536;

/** Spaces around a quoted cell (`a, "b, c" ,d`) are allowed; tab only when it is not the separator. */
const isBlank = (char: string | undefined, separator: string): boolean =>
  char === ' ' || (char === '\t' && separator !== '\t');

const isLineBreak = (char: string | undefined): boolean => char === '\r' || char === '\n';

type ScanResult =
  /** A whole record; `next` is where the following one starts. */
  | { cells: string[]; next: number; malformed: boolean }
  /** The buffer ends inside the record: more text is needed (or, at the end, a quote is open). */
  | undefined;

/** Index of the next separator or line break from `from`, or -1. */
function nextBoundary(text: string, from: number, boundary: RegExp): number {
  boundary.lastIndex = from;
  return boundary.exec(text)?.index ?? -1;
}

/**
 * Scans one RFC 4180 record of `text` from `start`. A quote inside an unquoted cell is kept as
 * a character (Excel reads `Tom "TJ" Jones` so); a closing quote followed by other text marks
 * the record malformed. Not at the `end` of input, a record is complete only once its line
 * break has been seen, since the next chunk might continue its last cell.
 */
function scanRecord(
  text: string,
  start: number,
  separator: string,
  boundary: RegExp,
  end: boolean,
): ScanResult {
  const cells: string[] = [];
  let malformed = false;
  let i = start;
  for (;;) {
    let j = i;
    while (isBlank(text[j], separator)) j++;
    let cell: string;
    if (text[j] === '"') {
      const quoted = scanQuoted(text, j + 1, end);
      if (!quoted) return undefined;
      cell = quoted.cell;
      i = quoted.next;
      while (isBlank(text[i], separator)) i++;
      if (i < text.length && text[i] !== separator && !isLineBreak(text[i])) {
        // `"b"x`: ambiguous; keep scanning so the record ends where the writer meant it to.
        malformed = true;
        const stop = nextBoundary(text, i, boundary);
        if (stop === -1 && !end) return undefined;
        i = stop === -1 ? text.length : stop;
      }
    } else {
      const stop = nextBoundary(text, i, boundary);
      if (stop === -1 && !end) return undefined;
      const cellEnd = stop === -1 ? text.length : stop;
      cell = text.slice(i, cellEnd);
      i = cellEnd;
    }
    cells.push(cell);
    if (i >= text.length) {
      return end ? { cells, next: text.length, malformed } : undefined;
    }
    if (text[i] === separator) {
      i++;
      continue;
    }
    return { cells, next: i + 1, malformed };
  }
}

/** The content of a quoted cell opened before `from`, `""` unescaped; undefined while open. */
function scanQuoted(
  text: string,
  from: number,
  end: boolean,
): { cell: string; next: number } | undefined {
  let cell = '';
  let i = from;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote === -1) return undefined;
    // At the end of a chunk, `"` may be the first half of `""`.
    if (quote + 1 >= text.length && !end) return undefined;
    if (text[quote + 1] === '"') {
      cell += text.slice(i, quote + 1);
      i = quote + 2;
      continue;
    }
    return { cell: cell + text.slice(i, quote), next: quote + 1 };
  }
}

/**
 * Splits text into CSV records, fed chunk by chunk, holding only the unfinished record.
 *
 * Row numbers are the rows a spreadsheet shows when it opens the file: every record is one row
 * (a quoted cell with line breaks stays one row) and every blank line is one (empty) row. So
 * row = 1 + the number of records and blank lines before it; the header is row 1. A malformed
 * record is reported on its first row and skipped up to that row's line break, so the rows
 * after it keep their numbers even when a stray quote made the record swallow line breaks.
 * CRLF, LF and CR line ends are accepted, also mixed and split across chunks.
 */
export class CsvRecordReader {
  private buffer = '';
  private nextRow = 1;
  /** The last record ended with a CR at the end of a chunk: a LF starting the next is its pair. */
  private pendingCR = false;
  /** An open record longer than {@link MAX_RECORD_CHARS} is being dropped to its line break. */
  private skippingLine = false;
  /** Rescanning an unfinished record waits until the buffer has doubled: linear, not quadratic. */
  private rescanAt = 0;
  private readonly boundary: RegExp;

  /** @param separator one character: `,`, `;` or tab */
  constructor(private readonly separator: string) {
    const escaped = separator.replace(/[\\^\]-]/g, '\\$&');
    this.boundary = new RegExp(`[${escaped}\\r\\n]`, 'g');
  }

  /** Records completed by `text`. */
  *push(text: string): Generator<CsvRecord> {
    this.buffer += text;
    if (this.buffer.length < this.rescanAt) return;
    yield* this.drain(false);
  }

  /** The records left at the end of input. */
  *end(): Generator<CsvRecord> {
    yield* this.drain(true);
  }

  private *drain(end: boolean): Generator<CsvRecord> {
    const text = this.buffer;
    let start = this.skipPendingLF(text);
    if (this.skippingLine) start = this.skipLine(text, start, end);
    while (start < text.length && !this.skippingLine) {
      const scan = scanRecord(text, start, this.separator, this.boundary, end);
      if (scan && !scan.malformed) {
        yield { row: this.nextRow++, cells: scan.cells, malformed: false };
        start = this.afterRecord(text, scan.next);
      } else if (scan || end || text.length - start > MAX_RECORD_CHARS) {
        yield { row: this.nextRow++, cells: [], malformed: true };
        this.skippingLine = true;
        start = this.skipLine(text, start, end);
      } else {
        break;
      }
    }
    this.buffer = text.slice(start);
    this.rescanAt = end ? 0 : this.buffer.length * 2;
  }

  private skipPendingLF(text: string): number {
    if (!this.pendingCR || text === '') return 0;
    this.pendingCR = false;
    return text[0] === '\n' ? 1 : 0;
  }

  /** Where the next record starts after a line break ending at `next`. */
  private afterRecord(text: string, next: number): number {
    if (text[next - 1] === '\r') {
      if (next === text.length) this.pendingCR = true;
      else if (text[next] === '\n') return next + 1;
    }
    return next;
  }

  /** Drops text up to and including the next line break (or all of it). */
  private skipLine(text: string, start: number, end: boolean): number {
    let i = start;
    while (i < text.length && !isLineBreak(text[i])) i++;
    if (i >= text.length) {
      if (end) this.skippingLine = false;
      return text.length;
    }
    this.skippingLine = false;
    return this.afterRecord(text, i + 1);
  }
}

// ---------------------------------------------------------------------------------------------
// Separator

/** The separators a file may use, in order of preference when they rank the same. */
export const CSV_SEPARATORS = [',', ';', '\t'] as const;

/**
 * How well one separator splits a file's first record into `cells`: higher is better. An
 * importer that knows its columns ranks a split naming them above one that does not.
 */
export type RankSplit = (cells: string[]) => number;

/** The default {@link RankSplit}: the separator that splits the record into the most cells. */
const rankByCellCount: RankSplit = (cells) => cells.length;

/** Index of the first line break outside quotes from `start` (ends the raw record), or undefined. */
function firstLine(text: string, start: number): number | undefined {
  let quoted = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && isLineBreak(char)) return i;
  }
  return undefined;
}

/** Start of the first line that is not blank (whitespace only), or undefined if none yet. */
function firstNonBlankLine(text: string): { start: number; end: number | undefined } | undefined {
  let start = 0;
  for (;;) {
    const end = firstLine(text, start);
    const line = text.slice(start, end);
    if (line.trim() !== '') return { start, end };
    if (end === undefined) return undefined;
    start = end + 1;
  }
}

function splitWith(line: string, separator: string): string[] {
  const boundary = new RegExp(`[${separator}\\r\\n]`, 'g');
  return scanRecord(line, 0, separator, boundary, true)?.cells ?? [line];
}

/**
 * The separator of a file, from its first record: the one of {@link CSV_SEPARATORS} whose split
 * `rank` ranks highest, the earlier one on a tie. Only one separator counts for the whole file,
 * so the `US, CA` that Swedish and Polish Excel leaves unquoted in a semicolon-separated file
 * stays one cell.
 */
export function detectSeparator(firstRecord: string, rank: RankSplit = rankByCellCount): string {
  const splits = CSV_SEPARATORS.map((separator) => ({
    separator,
    cells: splitWith(firstRecord, separator),
  }));
  const ranks = splits.map(({ cells }) => rank(cells));
  return splits[ranks.indexOf(Math.max(...ranks))]!.separator;
}

// ---------------------------------------------------------------------------------------------
// Files

/** Options of {@link CsvFileReader} and {@link readCsvRecords}. */
export interface CsvReadOptions {
  /** Ranks the separators' splits of the first non-blank record; default: the most cells. */
  rankSplit?: RankSplit;
  /**
   * The code page of the user's language, for files that are not UTF-8 (see TextDecoding);
   * such a file may then be refused with LegacyEncodingRefused, thrown by `push` or `end`.
   */
  legacyEncoding?: LegacyEncoding;
}

/**
 * The records of a CSV file fed chunk by chunk, bytes or strings:
 *
 * - Encoding: UTF-8 with or without BOM, UTF-16LE or UTF-16BE with BOM; chunks may split
 *   characters and the BOM.
 * - Separator: comma, semicolon or tab, chosen by {@link detectSeparator} from the first
 *   non-blank record, for the whole file. Text is held until that record is complete (at most
 *   {@link MAX_RECORD_CHARS}), never the file.
 * - Records: as {@link CsvRecordReader} splits and numbers them.
 */
export class CsvFileReader {
  private readonly decoding: TextDecoding;
  private readonly rankSplit: RankSplit | undefined;
  private head = '';
  private reader: CsvRecordReader | undefined;

  constructor(options: CsvReadOptions = {}) {
    this.rankSplit = options.rankSplit;
    this.decoding = new TextDecoding({ legacy: options.legacyEncoding });
  }

  /** Records completed by `chunk`. */
  push(chunk: Uint8Array | string): Iterable<CsvRecord> {
    return this.pushText(this.decoding.decode(chunk));
  }

  /** The records left at the end of input. */
  *end(): Generator<CsvRecord> {
    yield* this.pushText(this.decoding.end());
    if (!this.reader) yield* this.start().push(this.takeHead());
    yield* this.reader!.end();
  }

  private pushText(text: string): Iterable<CsvRecord> {
    if (this.reader) return this.reader.push(text);
    this.head += text;
    const line = firstNonBlankLine(this.head);
    if (line?.end === undefined && this.head.length <= MAX_RECORD_CHARS) return [];
    return this.start().push(this.takeHead());
  }

  private start(): CsvRecordReader {
    const line = firstNonBlankLine(this.head);
    const separator = line
      ? detectSeparator(this.head.slice(line.start, line.end), this.rankSplit)
      : ',';
    this.reader = new CsvRecordReader(separator);
    return this.reader;
  }

  private takeHead(): string {
    const head = this.head;
    this.head = '';
    return head;
  }
}

/**
 * Every record of a CSV file, read as {@link CsvFileReader} reads it (encodings, separator
 * sniffing, quoting), streaming.
 */
export async function* readCsvRecords(
  source: AsyncIterable<Uint8Array | string>,
  options: CsvReadOptions = {},
): AsyncGenerator<CsvRecord> {
  const reader = new CsvFileReader(options);
  for await (const chunk of source) yield* reader.push(chunk);
  yield* reader.end();
}
