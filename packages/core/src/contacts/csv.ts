/**
 * The contacts CSV (SPEC §4): "Download contacts template" → fill one row per contact →
 * "Import contacts"; export writes the same shape so a file can be edited and re-imported.
 *
 * Import streams: bytes are decoded, split into records and validated one row at a time, so
 * memory stays flat whatever the file size (P5). Export neutralises formulas (R10).
 */
import type { FieldIssue } from '../errors';
import { contactRoleLabel } from '../reference/contact-roles';
import type { CosellCountryCode } from '../reference/countries';
import type { StateCode } from '../reference/states';
import {
  CONTACT_CSV_COLUMNS,
  validateContactCells,
  type ContactColumnKey,
  type ContactInput,
} from './contact';

export { CONTACT_CSV_COLUMNS, type ContactColumnKey };

// ---------------------------------------------------------------------------------------------
// Formula neutralisation (R10)

/**
 * First characters that make Excel, LibreOffice or Google Sheets evaluate a cell (OWASP CSV
 * injection), plus their full-width forms, which Apple Numbers normalises to ASCII.
 */
const FORMULA_STARTERS: ReadonlySet<string> = new Set([
  '=',
  '+',
  '-',
  '@',
  '\t',
  '\r',
  '\uff1d',
  '\uff0b',
  '\uff0d',
  '\uff20',
]);

/**
 * True when the text after any leading apostrophes starts a formula. Counting the apostrophes
 * makes the prefix reversible for every string: a value that itself starts with `'=` is
 * exported as `''=` and comes back unchanged.
 */
function startsFormula(cell: string): boolean {
  let i = 0;
  while (cell[i] === "'") i++;
  return i < cell.length && FORMULA_STARTERS.has(cell[i]!);
}

/**
 * A cell safe to open in a spreadsheet: a leading `=`, `+`, `-`, `@`, tab or CR (or the same
 * after apostrophes) gets a leading `'`, which spreadsheets show as "text, not a formula".
 */
export function neutraliseFormula(cell: string): string {
  return startsFormula(cell) ? `'${cell}` : cell;
}

/**
 * Undoes {@link neutraliseFormula} on import: `'` followed by what {@link neutraliseFormula}
 * would prefix loses the `'`. `restoreFormula(neutraliseFormula(s)) === s` for every `s`.
 */
export function restoreFormula(cell: string): string {
  return cell.startsWith("'") && startsFormula(cell.slice(1)) ? cell.slice(1) : cell;
}

// ---------------------------------------------------------------------------------------------
// Export

const BOM = '\ufeff';
const CRLF = '\r\n';

/** Countries as the CSV cell shows them: `US, CA` or `OOO`. */
export function formatContactCountries(contact: {
  countries: readonly CosellCountryCode[];
}): string {
  return contact.countries.join(', ');
}

/** States as the CSV cell shows them: `US-WA, AU-NSW`, or empty. */
export function formatContactStates(contact: { states: readonly StateCode[] }): string {
  return contact.states.join(', ');
}

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
function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(',') + CRLF;
}

function contactCells(contact: ContactInput): Record<ContactColumnKey, string> {
  return {
    name: contact.name,
    email: contact.email,
    jobTitle: contact.jobTitle,
    role: contactRoleLabel(contact.role),
    countries: formatContactCountries(contact),
    states: formatContactStates(contact),
  };
}

const HEADER_LINE = csvLine(CONTACT_CSV_COLUMNS.map((column) => column.header));

/**
 * The contacts as a CSV file, chunk by chunk: UTF-8 BOM and header first, then one chunk per
 * contact. Comma-separated, CRLF line ends, RFC 4180 quoting, formulas neutralised (R10). The
 * BOM makes Excel read UTF-8; importing the file unchanged gives the same contacts back.
 */
export function* contactsCsvChunks(contacts: Iterable<ContactInput>): Generator<string> {
  yield BOM + HEADER_LINE;
  for (const contact of contacts) {
    const cells = contactCells(contact);
    yield csvLine(CONTACT_CSV_COLUMNS.map(({ key }) => cells[key]));
  }
}

/** The "Download contacts template" file: UTF-8 BOM and the header row. */
export function contactsCsvTemplate(): string {
  return BOM + HEADER_LINE;
}

// ---------------------------------------------------------------------------------------------
// Decoding

/** How many bytes identify a BOM (UTF-8: 3, UTF-16: 2). */
const BOM_SNIFF_BYTES = 3;

/** UTF-16LE or UTF-16BE when the bytes start with that BOM; UTF-8 (with or without BOM) otherwise. */
function sniffEncoding(head: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

function concatBytes(a: Uint8Array | undefined, b: Uint8Array): Uint8Array {
  if (!a) return b;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/**
 * Text of a byte or string stream, chunk by chunk. The encoding is chosen from the first bytes,
 * which may arrive split across chunks; the decoder runs in streaming mode, so a character split
 * by a chunk boundary is decoded whole, and it drops the BOM itself. Bytes that are not valid in
 * the encoding become U+FFFD, which row validation reports (a file saved in a legacy code page).
 * A source yields either bytes or strings; strings lose a leading BOM.
 */
class TextDecoding {
  private decoder: TextDecoder | undefined;
  private head: Uint8Array | undefined;
  private atStart = true;

  /** The text of `chunk`, possibly empty while a BOM or character is incomplete. */
  decode(chunk: Uint8Array | string): string {
    if (typeof chunk === 'string') {
      const text = this.atStart && chunk.startsWith(BOM) ? chunk.slice(1) : chunk;
      this.atStart &&= chunk === '';
      return text;
    }
    if (this.decoder) return this.decoder.decode(chunk, { stream: true });
    const head = concatBytes(this.head, chunk);
    if (head.length < BOM_SNIFF_BYTES) {
      this.head = head;
      return '';
    }
    this.head = undefined;
    this.atStart = false;
    this.decoder = new TextDecoder(sniffEncoding(head));
    return this.decoder.decode(head, { stream: true });
  }

  /** The text still held at the end of input. */
  end(): string {
    const head = this.head;
    this.head = undefined;
    if (head) return new TextDecoder(sniffEncoding(head)).decode(head);
    return this.decoder?.decode() ?? '';
  }
}

// ---------------------------------------------------------------------------------------------
// Records

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
 * stray quote. Bounds memory on a file whose quote never closes (a valid contact row is
 * under 2,000 characters: 247 country codes take 1,000).
 */
const MAX_RECORD_CHARS = 65_536;

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
// Header and separator

const SEPARATORS = [',', ';', '\t'] as const;

/** Header spellings, normalised by {@link normaliseHeader}. */
const HEADER_ALIASES: Readonly<Record<ContactColumnKey, readonly string[]>> = {
  name: ['name', 'contact name'],
  email: ['email', 'email address', 'e-mail', 'e-mail address'],
  jobTitle: ['job title', 'jobtitle', 'title'],
  role: ['role', 'contact role'],
  countries: ['countries/regions', 'country/region', 'countries', 'regions', 'country'],
  states: ['states/provinces', 'state/province', 'states', 'provinces', 'state'],
};

const KEY_BY_HEADER: ReadonlyMap<string, ContactColumnKey> = new Map(
  (Object.entries(HEADER_ALIASES) as [ContactColumnKey, readonly string[]][]).flatMap(
    ([key, aliases]) => aliases.map((alias) => [alias, key] as const),
  ),
);

/** Case, spacing, spaces around `/`, and required/optional marks do not matter. */
function normaliseHeader(cell: string): string {
  return cell
    .trim()
    .toLowerCase()
    .replace(/\s*\((required|optional)\)$|\s*\*$/, '')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ');
}

const headerKey = (cell: string): ContactColumnKey | undefined =>
  KEY_BY_HEADER.get(normaliseHeader(cell));

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

const COLUMN_COUNTS = new Set([CONTACT_CSV_COLUMNS.length, CONTACT_CSV_COLUMNS.length - 1]);

/**
 * The separator of a file, from its first record: the one that splits it into known column
 * headers; for a file without header, the one that splits it into 6 (or 5: states are optional)
 * cells, preferring a split whose second cell is an e-mail. Only one separator counts for the
 * whole file, so the `US, CA` that Swedish and Polish Excel leaves unquoted in a
 * semicolon-separated file stays one cell.
 */
export function detectSeparator(firstRecord: string): string {
  const splits = SEPARATORS.map((separator) => ({
    separator,
    cells: splitWith(firstRecord, separator),
  }));
  const rank = ({ cells }: { cells: string[] }): number => {
    const headers = cells.filter((cell) => headerKey(cell) !== undefined).length;
    if (headers > 0) return 1000 + headers;
    // Neither header nor contact row: the most cells is the best guess.
    if (!COLUMN_COUNTS.has(cells.length)) return Math.min(cells.length, 99) - 1;
    // An address never holds a separator: a split that leaves one in it is the wrong split.
    const email = /^[^\s@,;"]+@[^\s@,;"]+$/.test(cells[1]?.trim() ?? '') ? 20 : 0;
    return 100 + email + cells.length;
  };
  const ranks = splits.map(rank);
  return splits[ranks.indexOf(Math.max(...ranks))]!.separator;
}

/** Where each cell of a row goes, and how many cells a row may have. */
interface Layout {
  columns: (ContactColumnKey | undefined)[];
}

const STANDARD_LAYOUT: Layout = { columns: CONTACT_CSV_COLUMNS.map(({ key }) => key) };

/** A header row names columns, and no header names an e-mail address. */
function looksLikeHeader(cells: readonly string[]): boolean {
  const filled = cells.filter((cell) => cell.trim() !== '');
  const known = filled.filter((cell) => headerKey(cell) !== undefined).length;
  return known > 0 && known * 2 >= filled.length && !filled.some((cell) => cell.includes('@'));
}

/** The layout a header row describes, and its problems (missing, repeated, unknown columns). */
function readHeader(cells: readonly string[]): {
  layout: Layout;
  issues: FieldIssue[];
  fatal: boolean;
} {
  const trimmed = dropTrailingBlanks(cells.map((cell) => cell.trim()));
  const columns = trimmed.map(headerKey);
  const issues: FieldIssue[] = [];
  const allHeaders = CONTACT_CSV_COLUMNS.map((column) => column.header).join(', ');
  trimmed.forEach((cell, index) => {
    // A blank header cell is a spacer column that spreadsheets leave behind: ignored.
    if (columns[index] === undefined && cell !== '') {
      issues.push(fileIssue('contacts.csv.unknownColumn', { value: cell, columns: allHeaders }));
    }
  });
  let fatal = false;
  for (const { key, header } of CONTACT_CSV_COLUMNS) {
    const count = columns.filter((column) => column === key).length;
    if (count > 1) issues.push(fileIssue('contacts.csv.duplicateColumn', { column: header }));
    // States/Provinces is optional, so a file may leave its column out.
    if (count === 0 && key !== 'states') {
      issues.push(fileIssue('contacts.csv.missingColumn', { column: header, columns: allHeaders }));
    }
    fatal ||= count > 1 || (count === 0 && key !== 'states');
  }
  return { layout: { columns }, issues, fatal };
}

function fileIssue(code: string, params: Record<string, string>): FieldIssue {
  return { path: ['file'], code, params };
}

function dropTrailingBlanks(cells: string[]): string[] {
  let length = cells.length;
  while (length > 0 && cells[length - 1]!.trim() === '') length--;
  return cells.slice(0, length);
}

// ---------------------------------------------------------------------------------------------
// Import

/**
 * One data row of an imported file.
 *
 * `contact` is set exactly when the row is valid (`issueCount === 0`). `issueCount` is the
 * number of problems the row has; `issues` lists them while the file's issue budget lasts (see
 * {@link parseContactsCsv}), so `issues.length <= issueCount`.
 */
export interface ParsedContactRow {
  /** Spreadsheet row number (header = 1). */
  row: number;
  contact?: ContactInput;
  issues: FieldIssue[];
  issueCount: number;
}

/** Options of {@link parseContactsCsv}. */
export interface ParseContactsCsvOptions {
  /** How many issues to list in full, over the whole file; default 1000. */
  maxIssues?: number;
}

/** Default of {@link ParseContactsCsvOptions.maxIssues}. */
export const DEFAULT_MAX_CONTACT_ISSUES = 1000;

/** Hands out the first `max` issues of a file; later rows keep only their count. */
class IssueBudget {
  private left: number;

  constructor(max: number) {
    this.left = Math.max(0, max);
  }

  row(row: number, issues: FieldIssue[], contact?: ContactInput): ParsedContactRow {
    const listed = issues.length <= this.left ? issues : issues.slice(0, this.left);
    this.left -= listed.length;
    return { row, ...(contact ? { contact } : {}), issues: listed, issueCount: issues.length };
  }
}

/** Validates records one by one once the first non-blank one has set the layout. */
class ContactRows {
  private layout: Layout | undefined;
  /** A required column is missing or repeated: no row can be read. */
  stopped = false;

  constructor(private readonly budget: IssueBudget) {}

  /** The rows of `records`, until a fatal header problem stops the file. */
  *acceptAll(records: Iterable<CsvRecord>): Generator<ParsedContactRow> {
    for (const record of records) {
      if (this.stopped) return;
      const row = this.accept(record);
      if (row) yield row;
    }
  }

  private accept(record: CsvRecord): ParsedContactRow | undefined {
    if (record.malformed) {
      return this.budget.row(record.row, [rowIssue(record.row, 'contacts.csv.malformedQuotes')]);
    }
    if (record.cells.every((cell) => cell.trim() === '')) return undefined;
    if (!this.layout) {
      if (looksLikeHeader(record.cells)) return this.acceptHeader(record);
      this.layout = STANDARD_LAYOUT;
    }
    return this.acceptData(record, this.layout);
  }

  private acceptHeader(record: CsvRecord): ParsedContactRow | undefined {
    const { layout, issues, fatal } = readHeader(record.cells);
    this.layout = layout;
    this.stopped = fatal;
    return issues.length > 0 ? this.budget.row(record.row, issues) : undefined;
  }

  private acceptData(record: CsvRecord, layout: Layout): ParsedContactRow {
    const cells: Record<ContactColumnKey, string> = {
      name: '',
      email: '',
      jobTitle: '',
      role: '',
      countries: '',
      states: '',
    };
    layout.columns.forEach((key, index) => {
      if (key) cells[key] = restoreFormula(record.cells[index]?.trim() ?? '');
    });
    const { contact, issues } = validateContactCells(cells, record.row);
    const used = dropTrailingBlanks(record.cells).length;
    if (used > layout.columns.length) {
      issues.unshift(
        rowIssue(record.row, 'contacts.csv.tooManyCells', {
          count: used,
          maximum: layout.columns.length,
        }),
      );
    }
    return this.budget.row(record.row, issues, issues.length === 0 ? contact : undefined);
  }
}

function rowIssue(row: number, code: string, params: Record<string, number> = {}): FieldIssue {
  return { path: ['rows', row], code, params: { row, ...params } };
}

/**
 * A {@link CsvRecordReader} whose separator comes from the file: text is held until the first
 * non-blank record is complete (at most {@link MAX_RECORD_CHARS}), never the file.
 */
class SniffingRecordReader {
  private head = '';
  private reader: CsvRecordReader | undefined;

  /** Records completed by `text`. */
  push(text: string): Iterable<CsvRecord> {
    if (this.reader) return this.reader.push(text);
    this.head += text;
    const line = firstNonBlankLine(this.head);
    if (line?.end === undefined && this.head.length <= MAX_RECORD_CHARS) return [];
    return this.start().push(this.takeHead());
  }

  /** The records left at the end of input. */
  *end(): Generator<CsvRecord> {
    if (!this.reader) yield* this.start().push(this.takeHead());
    yield* this.reader!.end();
  }

  private start(): CsvRecordReader {
    const line = firstNonBlankLine(this.head);
    const separator = line ? detectSeparator(this.head.slice(line.start, line.end)) : ',';
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
 * Parses and validates a contacts CSV, streaming: yields one {@link ParsedContactRow} per
 * non-blank data row as soon as it is read, and holds only the current record.
 *
 * - Encoding: UTF-8 with or without BOM, UTF-16LE or UTF-16BE with BOM; chunks may split
 *   characters and the BOM.
 * - Separator: comma, semicolon or tab, whichever splits the first record into the columns
 *   (see {@link detectSeparator}); one separator for the whole file.
 * - Header: recognised by its column names in any case and order (older spellings such as
 *   "Email address" too); without one, rows are read in the standard column order. Header
 *   problems come as one row for the header row, with `path: ['file']`; when a required column
 *   is missing or a column repeats, that is the only row yielded (every data row would repeat
 *   the problem).
 * - Rows: numbered as a spreadsheet shows them (header = 1, see {@link CsvRecordReader});
 *   blank rows are skipped; too few cells count as empty; non-empty cells beyond the header
 *   are an issue on `['rows', row]`, as is malformed quoting. Cells are trimmed and lose the
 *   `'` that export added before a formula character.
 * - Issues: every row is validated and yielded with its `issueCount`, but only the first
 *   `maxIssues` issues of the file (in file order, header issues included) are listed in
 *   `issues`; later rows come with `issues: []` (or a partial list for the row that exhausts
 *   the budget). Bad rows = rows with `issueCount > 0`; total issues = sum of `issueCount`.
 * - An empty or header-only file yields nothing: whether that is an error is the caller's call.
 */
export async function* parseContactsCsv(
  source: AsyncIterable<Uint8Array | string>,
  options: ParseContactsCsvOptions = {},
): AsyncGenerator<ParsedContactRow> {
  const rows = new ContactRows(new IssueBudget(options.maxIssues ?? DEFAULT_MAX_CONTACT_ISSUES));
  const decoding = new TextDecoding();
  const records = new SniffingRecordReader();
  for await (const chunk of source) {
    yield* rows.acceptAll(records.push(decoding.decode(chunk)));
    if (rows.stopped) return;
  }
  yield* rows.acceptAll(records.push(decoding.end()));
  if (rows.stopped) return;
  yield* rows.acceptAll(records.end());
}

/**
 * Every record of a CSV file, decoded and split as the contacts import does (encodings,
 * separator sniffing, quoting): for other imports of spreadsheet data.
 */
export async function* readCsvRecords(
  source: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<CsvRecord> {
  const decoding = new TextDecoding();
  const records = new SniffingRecordReader();
  for await (const chunk of source) yield* records.push(decoding.decode(chunk));
  yield* records.push(decoding.end());
  yield* records.end();
}
