/**
 * The co-sell opportunities CSV: export what a list shows, edit it in a spreadsheet or a CRM,
 * import it back (SPEC §7.6 bulk operations, done better: preview, all-or-nothing, undo).
 *
 * A row that names an `Id` or an `External reference ID` of an existing deal updates that deal
 * with the cells it fills (an empty cell leaves its field as it is); a row that names neither
 * creates a new outbound deal. Status, dates and other read-only columns are exported for
 * reading and ignored on import. An `ETag` cell makes the update conditional: a deal changed
 * since the export is reported for its row instead of being overwritten.
 *
 * Reading and writing CSV (encodings, separators, quoting, formula neutralisation R10) is the
 * csv module's; this file knows the columns and turns cells into typed values with a problem
 * per row and column. Matching rows to deals and applying them is the service's.
 */
import {
  CsvFileReader,
  csvChunks,
  csvHead,
  csvLine,
  restoreFormula,
  type CsvRecord,
  type RankSplit,
} from '../csv';
import type { FieldIssue } from '../errors';
import {
  SALES_STAGE_NAMES,
  SOLUTION_ASSESSMENT_SALES_STAGE_NAMES,
  type SalesStage,
  type SolutionAssessmentSalesStage,
} from '../reference/referral.data';
import { VISIBILITIES, type Referral, type Visibility } from './opportunities.types';

/** The columns, in file order. `import`: how an imported cell is used. */
export const REFERRAL_CSV_COLUMNS = [
  { key: 'id', header: 'Id', import: 'match' },
  { key: 'externalReferenceId', header: 'External reference ID', import: 'match' },
  { key: 'name', header: 'Name', import: 'write' },
  { key: 'status', header: 'Status', import: 'ignore' },
  { key: 'substatus', header: 'Substatus', import: 'ignore' },
  { key: 'dealKind', header: 'Deal kind', import: 'ignore' },
  { key: 'direction', header: 'Direction', import: 'ignore' },
  { key: 'visibility', header: 'Visibility', import: 'write' },
  { key: 'salesStage', header: 'Sales stage', import: 'write' },
  { key: 'customerName', header: 'Customer name', import: 'create' },
  { key: 'customerCountry', header: 'Customer country/region', import: 'create' },
  { key: 'customerCity', header: 'Customer city', import: 'create' },
  { key: 'dealValue', header: 'Deal value', import: 'write' },
  { key: 'currency', header: 'Currency', import: 'write' },
  { key: 'closingDate', header: 'Close date', import: 'write' },
  { key: 'solutions', header: 'Solutions', import: 'create' },
  { key: 'team', header: 'Team', import: 'write' },
  { key: 'notes', header: 'Notes', import: 'write' },
  { key: 'createdDateTime', header: 'Created', import: 'ignore' },
  { key: 'updatedDateTime', header: 'Updated', import: 'ignore' },
  { key: 'eTag', header: 'ETag', import: 'check' },
] as const;

export type ReferralColumnKey = (typeof REFERRAL_CSV_COLUMNS)[number]['key'];

/** Most rows one import file may have (the program's own bulk upload takes 1,000). */
export const MAX_REFERRAL_IMPORT_ROWS = 10_000;
/** Issues listed in full per file; later rows keep only their count. */
export const DEFAULT_MAX_REFERRAL_ISSUES = 1000;

/** Lists inside one cell (solutions, team e-mails) are separated by `;` or new lines. */
const LIST_SEPARATOR = /[;\n]/;

// ---------------------------------------------------------------------------------------------
// Export

const dateOnly = (iso: string): string => iso.slice(0, 10);

function referralCells(referral: Referral): Record<ReferralColumnKey, string> {
  return {
    id: referral.id,
    externalReferenceId: referral.externalReferenceId ?? '',
    name: referral.name,
    status: referral.status,
    substatus: referral.substatus,
    dealKind: referral.dealKind,
    direction: referral.direction,
    visibility: referral.visibility,
    salesStage: referral.salesStage ?? '',
    customerName: referral.customerProfile.name,
    customerCountry: referral.customerProfile.address.country,
    customerCity: referral.customerProfile.address.city ?? '',
    // Plain digits and a point: any spreadsheet reads it back, and so does the import.
    dealValue: String(referral.details.dealValue),
    currency: referral.details.currency,
    closingDate: dateOnly(referral.details.closingDateTime),
    solutions: referral.details.requirements.solutions.map((solution) => solution.id).join('; '),
    team: referral.team.map((member) => member.email).join('; '),
    notes: referral.details.notes,
    createdDateTime: referral.createdDateTime,
    updatedDateTime: referral.updatedDateTime,
    eTag: referral.eTag,
  };
}

const HEADERS = REFERRAL_CSV_COLUMNS.map((column) => column.header);

function* referralRecords(referrals: Iterable<Referral>): Generator<string[]> {
  for (const referral of referrals) {
    const cells = referralCells(referral);
    yield REFERRAL_CSV_COLUMNS.map(({ key }) => cells[key]);
  }
}

/**
 * Deals as a CSV file, chunk by chunk: UTF-8 BOM and the header, then a chunk per deal;
 * comma-separated, CRLF, RFC 4180 quoting, formulas neutralised. Importing the file unchanged
 * changes nothing.
 */
export function referralsCsvChunks(referrals: Iterable<Referral>): Generator<string> {
  return csvChunks(HEADERS, referralRecords(referrals));
}

/** One deal as a CSV line (after {@link referralsCsvTemplate}'s header). */
export function referralCsvLine(referral: Referral): string {
  const cells = referralCells(referral);
  return csvLine(REFERRAL_CSV_COLUMNS.map(({ key }) => cells[key]));
}

/** The import template: the header row alone. */
export function referralsCsvTemplate(): string {
  return csvHead(HEADERS);
}

// ---------------------------------------------------------------------------------------------
// Header

/** Case, spacing, spaces around `/` and a trailing `*` do not matter. */
function normaliseHeader(cell: string): string {
  return cell
    .trim()
    .toLowerCase()
    .replace(/\s*\*$/, '')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ');
}

/** Header spellings: the export's, the JSON property names, and the program's bulk file's. */
const HEADER_ALIASES: Readonly<Record<ReferralColumnKey, readonly string[]>> = {
  id: ['id', 'referral id', 'deal id'],
  externalReferenceId: ['external reference id', 'externalreferenceid', 'crm id'],
  name: ['name', 'deal name'],
  status: ['status'],
  substatus: ['substatus'],
  dealKind: ['deal kind', 'dealkind'],
  direction: ['direction'],
  visibility: ['visibility'],
  salesStage: ['sales stage', 'salesstage', 'stage'],
  customerName: ['customer name', 'customer', 'company name'],
  customerCountry: ['customer country/region', 'customer country', 'country/region', 'country'],
  customerCity: ['customer city', 'city'],
  dealValue: ['deal value', 'dealvalue', 'value', 'estimated deal value'],
  currency: ['currency'],
  closingDate: ['close date', 'closing date', 'closingdatetime', 'estimated close date'],
  solutions: ['solutions', 'solution ids', 'solution id'],
  team: ['team', 'team e-mails', 'team emails'],
  notes: ['notes', 'deal notes'],
  createdDateTime: ['created', 'createddatetime'],
  updatedDateTime: ['updated', 'updateddatetime'],
  eTag: ['etag'],
};

const KEY_BY_HEADER: ReadonlyMap<string, ReferralColumnKey> = new Map(
  (Object.entries(HEADER_ALIASES) as [ReferralColumnKey, readonly string[]][]).flatMap(
    ([key, aliases]) => aliases.map((alias) => [alias, key] as const),
  ),
);

const headerKey = (cell: string): ReferralColumnKey | undefined =>
  KEY_BY_HEADER.get(normaliseHeader(cell));

/** The separator that splits the header into the most known column names. */
const rankReferralSplit: RankSplit = (cells) =>
  cells.filter((cell) => headerKey(cell) !== undefined).length * 100 + Math.min(cells.length, 99);

// ---------------------------------------------------------------------------------------------
// Rows

/** The typed values of one row; a key is present only when its cell was filled. */
export interface ReferralCsvValues {
  id?: string;
  externalReferenceId?: string;
  name?: string;
  visibility?: Visibility;
  salesStage?: SalesStage | SolutionAssessmentSalesStage;
  customerName?: string;
  customerCountry?: string;
  customerCity?: string;
  dealValue?: number;
  currency?: string;
  /** ISO 8601 UTC, midnight of the date given. */
  closingDateTime?: string;
  /** Solution ids, as the export writes them. */
  solutions?: string[];
  /** Team e-mail addresses, lower case. */
  team?: string[];
  notes?: string;
  eTag?: string;
}

/**
 * One data row: `values` exactly when the row is valid (`issueCount === 0`); `issues` lists its
 * problems while the file's budget lasts.
 */
export interface ParsedReferralRow {
  /** Spreadsheet row number (header = 1). */
  row: number;
  values?: ReferralCsvValues;
  issues: FieldIssue[];
  issueCount: number;
}

const issue = (
  row: number,
  column: string,
  code: string,
  params: Record<string, string | number> = {},
): FieldIssue => ({ path: ['rows', row, column], code, params: { row, column, ...params } });

const fileIssue = (code: string, params: Record<string, string>): FieldIssue => ({
  path: ['file'],
  code,
  params,
});

const STAGES: readonly string[] = [
  ...new Set<string>([...SALES_STAGE_NAMES, ...SOLUTION_ASSESSMENT_SALES_STAGE_NAMES]),
];

/** 150000, 150 000, 150,000.50, 150.000,50, 150'000: grouping and one decimal separator. */
export function parseDealValue(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0\u202f'_]/g, '');
  if (!/^\d[\d.,]*$/.test(compact)) return undefined;
  // The last separator followed by one or two digits is the decimal one; others group.
  const decimal = /[.,](\d{1,2})$/.exec(compact);
  const whole = (decimal ? compact.slice(0, decimal.index) : compact).replace(/[.,]/g, '');
  // A group separator before exactly three digits only: "1.5.0" is not a number.
  const grouped = decimal ? compact.slice(0, decimal.index) : compact;
  if (/[.,]/.test(grouped) && !/^\d{1,3}([.,]\d{3})*$/.test(grouped)) return undefined;
  const value = Number(`${whole}.${decimal?.[1] ?? '0'}`);
  return Number.isFinite(value) ? value : undefined;
}

/** `2025-03-31`, or a full ISO 8601 UTC instant. */
export function parseCloseDate(text: string): string | undefined {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (date) {
    const at = new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])));
    // 2025-02-30 rolls over to March: refused rather than moved.
    return at.getUTCDate() === Number(date[3]) ? at.toISOString() : undefined;
  }
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(text) && !Number.isNaN(Date.parse(text))) {
    return new Date(text).toISOString();
  }
  return undefined;
}

const splitList = (cell: string): string[] =>
  cell
    .split(LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter((item) => item !== '');

const EMAIL = /^[^\s@;,<>"]+@[^\s@;,<>"]+\.[^\s@;,<>"]+$/;

/** Validates the filled cells of a row into typed values, one problem per bad cell. */
export function validateReferralCells(
  cells: Partial<Record<ReferralColumnKey, string>>,
  row: number,
): { values: ReferralCsvValues; issues: FieldIssue[] } {
  const values: ReferralCsvValues = {};
  const issues: FieldIssue[] = [];
  const text = (key: ReferralColumnKey, max: number): string | undefined => {
    const cell = cells[key];
    if (!cell) return undefined;
    if (cell.length > max) {
      issues.push(issue(row, key, 'referralCsv.tooLong', { max }));
      return undefined;
    }
    return cell;
  };
  const id = text('id', 100);
  if (id) values.id = id;
  const externalReferenceId = text('externalReferenceId', 100);
  if (externalReferenceId) values.externalReferenceId = externalReferenceId;
  const name = text('name', 200);
  if (name) values.name = name;
  const visibility = cells.visibility?.toLowerCase();
  if (visibility) {
    if ((VISIBILITIES as readonly string[]).includes(visibility)) {
      values.visibility = visibility as Visibility;
    } else {
      issues.push(
        issue(row, 'visibility', 'referralCsv.visibility', { allowed: VISIBILITIES.join(', ') }),
      );
    }
  }
  const stage = cells.salesStage;
  if (stage) {
    const known = STAGES.find((name) => name.toLowerCase() === stage.toLowerCase());
    if (known) values.salesStage = known as SalesStage | SolutionAssessmentSalesStage;
    else
      issues.push(
        issue(row, 'salesStage', 'referralCsv.salesStage', { allowed: STAGES.join(', ') }),
      );
  }
  const customerName = text('customerName', 200);
  if (customerName) values.customerName = customerName;
  const country = cells.customerCountry?.toUpperCase();
  if (country) {
    if (/^[A-Z]{2}$/.test(country)) values.customerCountry = country;
    else issues.push(issue(row, 'customerCountry', 'referral.country.invalid'));
  }
  const city = text('customerCity', 120);
  if (city) values.customerCity = city;
  if (cells.dealValue) {
    const value = parseDealValue(cells.dealValue);
    if (value !== undefined && value <= 1e13) values.dealValue = value;
    else issues.push(issue(row, 'dealValue', 'referralCsv.dealValue', { value: cells.dealValue }));
  }
  const currency = cells.currency?.toUpperCase();
  if (currency) {
    if (/^[A-Z]{3}$/.test(currency)) values.currency = currency;
    else issues.push(issue(row, 'currency', 'referral.currency.invalid'));
  }
  if (cells.closingDate) {
    const at = parseCloseDate(cells.closingDate);
    if (at) values.closingDateTime = at;
    else
      issues.push(issue(row, 'closingDate', 'referralCsv.closeDate', { value: cells.closingDate }));
  }
  if (cells.solutions) {
    const solutions = splitList(cells.solutions);
    if (solutions.length > 50 || solutions.some((solution) => solution.length > 100)) {
      issues.push(issue(row, 'solutions', 'referralCsv.tooMany', { max: 50 }));
    } else values.solutions = solutions;
  }
  if (cells.team) {
    const team = splitList(cells.team).map((email) => email.toLowerCase());
    const bad = team.find((email) => !EMAIL.test(email));
    if (bad !== undefined) issues.push(issue(row, 'team', 'referralCsv.teamEmail', { value: bad }));
    else if (team.length > 50) issues.push(issue(row, 'team', 'referralCsv.tooMany', { max: 50 }));
    else values.team = [...new Set(team)];
  }
  const notes = text('notes', 4000);
  if (notes) values.notes = notes;
  const eTag = text('eTag', 100);
  if (eTag) values.eTag = eTag;
  return { values, issues };
}

/** The columns a new deal (a row without Id, or with an unknown External reference ID) lacks. */
export function missingForNew(values: ReferralCsvValues): ReferralColumnKey[] {
  const required: [ReferralColumnKey, unknown][] = [
    ['name', values.name],
    ['customerName', values.customerName],
    ['customerCountry', values.customerCountry],
    ['dealValue', values.dealValue],
    ['currency', values.currency],
    ['closingDate', values.closingDateTime],
    ['solutions', values.solutions],
    ['notes', values.notes],
  ];
  return required.filter(([, value]) => value === undefined).map(([key]) => key);
}

/** Hands out the first `max` issues of a file; later rows keep only their count. */
class IssueBudget {
  private left: number;

  constructor(max: number) {
    this.left = Math.max(0, max);
  }

  row(row: number, issues: FieldIssue[], values?: ReferralCsvValues): ParsedReferralRow {
    const listed = issues.length <= this.left ? issues : issues.slice(0, this.left);
    this.left -= listed.length;
    return { row, ...(values ? { values } : {}), issues: listed, issueCount: issues.length };
  }
}

class ReferralRows {
  private columns: (ReferralColumnKey | undefined)[] | undefined;
  private dataRows = 0;
  /** The header is unusable, or the file has too many rows: no further row is read. */
  stopped = false;

  constructor(private readonly budget: IssueBudget) {}

  *acceptAll(records: Iterable<CsvRecord>): Generator<ParsedReferralRow> {
    for (const record of records) {
      if (this.stopped) return;
      const row = this.accept(record);
      if (row) yield row;
    }
  }

  private accept(record: CsvRecord): ParsedReferralRow | undefined {
    if (record.malformed) {
      return this.budget.row(record.row, [
        {
          path: ['rows', record.row],
          code: 'referralCsv.malformedQuotes',
          params: { row: record.row },
        },
      ]);
    }
    if (record.cells.every((cell) => cell.trim() === '')) return undefined;
    if (!this.columns) return this.acceptHeader(record);
    this.dataRows += 1;
    if (this.dataRows > MAX_REFERRAL_IMPORT_ROWS) {
      this.stopped = true;
      return this.budget.row(record.row, [
        fileIssue('referralCsv.tooManyRows', { max: String(MAX_REFERRAL_IMPORT_ROWS) }),
      ]);
    }
    return this.acceptData(record, this.columns);
  }

  /** The first non-blank record must be the header: columns are found by name, in any order. */
  private acceptHeader(record: CsvRecord): ParsedReferralRow | undefined {
    const columns = record.cells.map((cell) => headerKey(cell));
    this.columns = columns;
    const issues: FieldIssue[] = [];
    const known = REFERRAL_CSV_COLUMNS.map((column) => column.header).join(', ');
    record.cells.forEach((cell, index) => {
      if (columns[index] === undefined && cell.trim() !== '') {
        issues.push(fileIssue('referralCsv.unknownColumn', { value: cell.trim(), columns: known }));
      }
    });
    for (const { key, header } of REFERRAL_CSV_COLUMNS) {
      if (columns.filter((column) => column === key).length > 1) {
        issues.push(fileIssue('referralCsv.duplicateColumn', { column: header }));
      }
    }
    if (
      !columns.includes('id') &&
      !columns.includes('externalReferenceId') &&
      !columns.includes('name')
    ) {
      issues.push(fileIssue('referralCsv.noHeader', { columns: known }));
    }
    // A column the file names twice or does not recognise would put values in the wrong field.
    this.stopped = issues.length > 0;
    return issues.length > 0 ? this.budget.row(record.row, issues) : undefined;
  }

  private acceptData(
    record: CsvRecord,
    columns: readonly (ReferralColumnKey | undefined)[],
  ): ParsedReferralRow {
    const cells: Partial<Record<ReferralColumnKey, string>> = {};
    columns.forEach((key, index) => {
      const cell = restoreFormula(record.cells[index]?.trim() ?? '');
      if (key && cell !== '') cells[key] = cell;
    });
    const { values, issues } = validateReferralCells(cells, record.row);
    if (!values.id && !values.externalReferenceId) {
      // A new deal: everything New deal asks for must be there.
      for (const key of missingForNew(values)) {
        if (!issues.some((found) => found.path[2] === key)) {
          issues.push(issue(record.row, key, 'referralCsv.requiredForNew'));
        }
      }
    }
    const used = record.cells.filter((cell) => cell.trim() !== '').length;
    const beyond = record.cells.slice(columns.length).some((cell) => cell.trim() !== '');
    if (beyond && used > 0) {
      issues.unshift({
        path: ['rows', record.row],
        code: 'referralCsv.tooManyCells',
        params: { row: record.row, maximum: columns.length },
      });
    }
    return this.budget.row(record.row, issues, issues.length === 0 ? values : undefined);
  }
}

/**
 * Parses and validates an opportunities CSV, streaming one {@link ParsedReferralRow} per
 * non-blank data row. Encodings, BOMs and separators as the csv module reads them; the first
 * non-blank row is the header (columns by name, any order, unknown or repeated columns stop
 * the file); at most {@link MAX_REFERRAL_IMPORT_ROWS} data rows.
 */
export async function* parseReferralsCsv(
  source: AsyncIterable<Uint8Array | string>,
  options: { maxIssues?: number } = {},
): AsyncGenerator<ParsedReferralRow> {
  const rows = new ReferralRows(new IssueBudget(options.maxIssues ?? DEFAULT_MAX_REFERRAL_ISSUES));
  const records = new CsvFileReader({ rankSplit: rankReferralSplit });
  for await (const chunk of source) {
    yield* rows.acceptAll(records.push(chunk));
    if (rows.stopped) return;
  }
  yield* rows.acceptAll(records.end());
}
