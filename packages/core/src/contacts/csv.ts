/**
 * The contacts CSV (SPEC §4): "Download contacts template" → fill one row per contact →
 * "Import contacts"; export writes the same shape so a file can be edited and re-imported.
 *
 * Import streams: bytes are decoded, split into records and validated one row at a time, so
 * memory stays flat whatever the file size (P5). Export neutralises formulas (R10). Reading and
 * writing CSV is the csv module's; this file knows the contact columns.
 */
import {
  CsvFileReader,
  csvChunks,
  csvHead,
  csvLine,
  detectSeparator,
  LEGACY_ENCODING_LABELS,
  LegacyEncodingRefused,
  legacyEncodingFor,
  restoreFormula,
  type CsvRecord,
  type RankSplit,
} from '../csv';
import type { FieldIssue } from '../errors';
import type { Locale } from '../accounts/accounts.types';
import { translate } from '../i18n/messages';
import {
  CONTACT_ROLE_IDS,
  CONTACT_ROLE_TRANSLATED_LABELS,
  contactRoleLabel,
} from '../reference/contact-roles';
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
// Export

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

const HEADERS = CONTACT_CSV_COLUMNS.map((column) => column.header);

function* contactRecords(contacts: Iterable<ContactInput>): Generator<string[]> {
  for (const contact of contacts) {
    const cells = contactCells(contact);
    yield CONTACT_CSV_COLUMNS.map(({ key }) => cells[key]);
  }
}

/**
 * The contacts as a CSV file, chunk by chunk: UTF-8 BOM and header first, then one chunk per
 * contact. Comma-separated, CRLF line ends, RFC 4180 quoting, formulas neutralised (R10). The
 * BOM makes Excel read UTF-8; importing the file unchanged gives the same contacts back.
 */
export function contactsCsvChunks(contacts: Iterable<ContactInput>): Generator<string> {
  return csvChunks(HEADERS, contactRecords(contacts));
}

/** The start of an export: UTF-8 BOM and the header row (no example, no legend). */
export function contactsCsvHead(): string {
  return csvHead(HEADERS);
}

/**
 * The example row of the template: a name and a code in "Countries/Regions", to show both are
 * understood. Import skips it when it is left in unchanged (see {@link isTemplateLine}).
 */
export const CONTACT_TEMPLATE_EXAMPLE: Readonly<Record<ContactColumnKey, string>> = {
  name: 'Alex Example',
  email: 'alex@example.com',
  jobTitle: 'Partner sales manager',
  role: 'Partner sales',
  countries: 'United States, CA',
  states: 'US-WA, CA-ON',
};

const EXAMPLE_CELLS = CONTACT_CSV_COLUMNS.map(({ key }) => CONTACT_TEMPLATE_EXAMPLE[key]);

/** The first cell of a legend line starts with this; import ignores such lines. */
export const CONTACT_CSV_COMMENT = '#';

/** The role names a file may use in `locale`: the English labels, then the translated ones. */
function roleList(locale: Locale): string {
  const english = CONTACT_ROLE_IDS.map(contactRoleLabel);
  const translated =
    locale === 'en' ? [] : CONTACT_ROLE_IDS.map((id) => CONTACT_ROLE_TRANSLATED_LABELS[locale][id]);
  return [...english, ...translated].join(' | ');
}

/**
 * The "Download contacts template" file: UTF-8 BOM, the header row, one example row, and legend
 * lines (in `locale`) that explain the roles and codes. The legend lines start with `#` in their
 * first cell and leave the others empty, so import ignores them, as it ignores the example row
 * left unchanged: a template imported as it is holds no contacts.
 */
export function contactsCsvTemplate(locale: Locale = 'en'): string {
  const legend = [
    translate(locale, 'contacts.template.roles', { roles: roleList(locale) }),
    translate(locale, 'contacts.template.countries'),
    translate(locale, 'contacts.template.states'),
    translate(locale, 'contacts.template.ignored'),
  ];
  return (
    csvHead(HEADERS) +
    csvLine(EXAMPLE_CELLS) +
    legend.map((text) => csvLine([`${CONTACT_CSV_COMMENT} ${text}`])).join('')
  );
}

/**
 * True for a line of the template that is not a contact: a legend line (first cell starting
 * with `#`, the others empty) or the example row left as the template wrote it.
 */
function isTemplateLine(cells: readonly string[]): boolean {
  const trimmed = dropTrailingBlanks(cells.map((cell) => cell.trim()));
  if (trimmed[0]?.startsWith(CONTACT_CSV_COMMENT) && trimmed.length === 1) return true;
  return (
    trimmed.length === EXAMPLE_CELLS.length &&
    trimmed.every((cell, index) => cell === EXAMPLE_CELLS[index])
  );
}

// ---------------------------------------------------------------------------------------------
// Header and separator

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

const COLUMN_COUNTS = new Set([CONTACT_CSV_COLUMNS.length, CONTACT_CSV_COLUMNS.length - 1]);

/**
 * How well a separator splits the first record of a contacts file: best into known column
 * headers; for a file without header, into 6 (or 5: states are optional) cells, preferring a
 * split whose second cell is an e-mail.
 */
const rankContactSplit: RankSplit = (cells) => {
  const headers = cells.filter((cell) => headerKey(cell) !== undefined).length;
  if (headers > 0) return 1000 + headers;
  // Neither header nor contact row: the most cells is the best guess.
  if (!COLUMN_COUNTS.has(cells.length)) return Math.min(cells.length, 99) - 1;
  // An address never holds a separator: a split that leaves one in it is the wrong split.
  const email = /^[^\s@,;"]+@[^\s@,;"]+$/.test(cells[1]?.trim() ?? '') ? 20 : 0;
  return 100 + email + cells.length;
};

/**
 * The separator of a contacts file, from its first record: the one that splits it into known
 * column headers, or into the contact columns (see {@link rankContactSplit}). Only one
 * separator counts for the whole file, so the `US, CA` that Swedish and Polish Excel leaves
 * unquoted in a semicolon-separated file stays one cell.
 */
export function detectContactSeparator(firstRecord: string): string {
  return detectSeparator(firstRecord, rankContactSplit);
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
  /**
   * The importing user's language: a file that is not UTF-8 is read in the code page Excel
   * uses for it when its bytes leave no doubt, and refused otherwise. Default English.
   */
  locale?: Locale;
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
    if (isTemplateLine(record.cells)) return undefined;
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
 * Parses and validates a contacts CSV, streaming: yields one {@link ParsedContactRow} per
 * non-blank data row as soon as it is read, and holds only the current record.
 *
 * - Encoding: UTF-8 with or without BOM, UTF-16LE or UTF-16BE with BOM; chunks may split
 *   characters and the BOM. A file whose first 64 KiB are not UTF-8 is read in the code page of
 *   `options.locale` (Windows-1252, -1250, GBK or Big5) when they leave no doubt; otherwise it
 *   is refused with one file issue (`contacts.csv.encoding`) naming the code page it looks like.
 * - Template lines: legend lines (first cell `# …`, the rest empty) and the template's example
 *   row left unchanged are skipped, wherever they are.
 * - Separator: comma, semicolon or tab, whichever splits the first record into the columns
 *   (see {@link detectContactSeparator}); one separator for the whole file.
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
  const budget = new IssueBudget(options.maxIssues ?? DEFAULT_MAX_CONTACT_ISSUES);
  const rows = new ContactRows(budget);
  const records = new CsvFileReader({
    rankSplit: rankContactSplit,
    legacyEncoding: legacyEncodingFor(options.locale ?? 'en'),
  });
  try {
    for await (const chunk of source) {
      yield* rows.acceptAll(records.push(chunk));
      if (rows.stopped) return;
    }
    yield* rows.acceptAll(records.end());
  } catch (error) {
    if (!(error instanceof LegacyEncodingRefused)) throw error;
    // The whole file is unreadable: one problem for the file, no row read.
    yield budget.row(1, [encodingIssue(error)]);
  }
}

function encodingIssue(error: LegacyEncodingRefused): FieldIssue {
  return error.found
    ? fileIssue('contacts.csv.encoding', { encoding: LEGACY_ENCODING_LABELS[error.found] })
    : fileIssue('contacts.csv.encodingUnknown', {});
}
