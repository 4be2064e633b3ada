/**
 * The OData query options of `GET /referrals` (SPEC §7.5): `$filter` (parsed by the generated
 * peggy parser, then checked against an allow-list of fields and their types), `$orderby`,
 * `$top`, `$skip`, `$count`, `$select` and the continuation token of `@odata.nextLink`. The
 * result is a DB-neutral query; `toSql` (sql.ts) turns its condition into parameterised SQL.
 * Every problem is a VALIDATION AppError naming the option, the position and the reason.
 */
import { AppError } from '../../errors';
import {
  REFERRAL_DIRECTIONS,
  REFERRAL_STATUSES,
  REFERRAL_SUBSTATUSES,
  REFERRAL_TYPES,
} from '../../reference/referral.data';
import { DEAL_KINDS } from '../opportunities.types';
import type { ComparisonOperator, FilterAst, FilterLiteral } from './filter.ast';
import { parse, SyntaxError as FilterSyntaxError } from './filter.parser';

// ---------------------------------------------------------------------------------------------
// The allow-list
// ---------------------------------------------------------------------------------------------

type FieldSpec =
  | { type: 'enum'; values: readonly string[]; nullable: false }
  | { type: 'string'; nullable: boolean }
  | { type: 'datetime'; nullable: boolean };

/** The fields `$filter` may use, by their resource path, with their type. */
export const FILTER_FIELDS = {
  status: { type: 'enum', values: REFERRAL_STATUSES, nullable: false },
  substatus: { type: 'enum', values: REFERRAL_SUBSTATUSES, nullable: false },
  type: { type: 'enum', values: REFERRAL_TYPES, nullable: false },
  direction: { type: 'enum', values: REFERRAL_DIRECTIONS, nullable: false },
  createdDateTime: { type: 'datetime', nullable: false },
  updatedDateTime: { type: 'datetime', nullable: false },
  'details/closingDateTime': { type: 'datetime', nullable: false },
  engagementId: { type: 'string', nullable: false },
  externalReferenceId: { type: 'string', nullable: true },
  'customerProfile/name': { type: 'string', nullable: false },
  // cosell's own fields, so that the workspace's filters and its export run in the database
  dealKind: { type: 'enum', values: DEAL_KINDS, nullable: false },
  salesStage: { type: 'string', nullable: true },
  'customerProfile/address/country': { type: 'string', nullable: false },
} as const satisfies Record<string, FieldSpec>;

export type FilterField = keyof typeof FILTER_FIELDS;

/** Short names accepted for nested fields. */
const FIELD_ALIASES: Readonly<Record<string, FilterField>> = {
  closingDateTime: 'details/closingDateTime',
  country: 'customerProfile/address/country',
};

/** The fields `$orderby` may sort on. */
export const ORDERBY_FIELDS = [
  'createdDateTime',
  'updatedDateTime',
  'details/closingDateTime',
  'status',
] as const satisfies readonly FilterField[];
export type OrderByField = (typeof ORDERBY_FIELDS)[number];

/** The top-level properties `$select` may name (`id` and `eTag` are always returned). */
export const SELECT_FIELDS = [
  'id',
  'engagementId',
  'organizationId',
  'organizationName',
  'name',
  'externalReferenceId',
  'createdDateTime',
  'updatedDateTime',
  'expirationDateTime',
  'acceptedDateTime',
  'status',
  'substatus',
  'statusReason',
  'target',
  'type',
  'qualification',
  'direction',
  'customerProfile',
  'consent',
  'details',
  'team',
  'inviteContext',
  'eTag',
  'dealKind',
  'visibility',
  'helpKind',
  'salesStage',
  'locationId',
] as const;
export type SelectField = (typeof SELECT_FIELDS)[number];

export const MAX_TOP = 100;
export const MAX_FILTER_LENGTH = 2000;
export const MAX_FILTER_COMPARISONS = 50;

// ---------------------------------------------------------------------------------------------
// The condition tree
// ---------------------------------------------------------------------------------------------

export type ConditionValue = string | number | boolean | Date | null;

/** A checked filter: fields from the allow-list, values of the field's type. */
export type Condition =
  | { kind: 'and' | 'or'; left: Condition; right: Condition }
  | { kind: 'not'; operand: Condition }
  | { kind: 'compare'; field: FilterField; op: ComparisonOperator; value: ConditionValue };

const invalid = (option: string, code: string, params: Record<string, string | number> = {}) =>
  new AppError('VALIDATION', {
    message: `${option}: ${code}`,
    issues: [{ path: [option], code, params: { option, ...params } }],
  });

/** Parses a `$filter` into its syntax tree, or throws a VALIDATION error with the position. */
export function parseFilter(text: string): FilterAst {
  if (text.length > MAX_FILTER_LENGTH) {
    throw invalid('$filter', 'odata.tooComplex', { max: MAX_FILTER_COMPARISONS });
  }
  try {
    return parse(text);
  } catch (error) {
    if (!(error instanceof FilterSyntaxError)) throw error;
    const expected = [
      ...new Set((error.expected ?? []).map((e) => e.description ?? e.text ?? e.type)),
    ];
    throw invalid('$filter', 'odata.syntax', {
      position: error.location.start.offset,
      found: error.found === null ? 'end of input' : JSON.stringify(error.found),
      expected: expected.join(', ') || 'nothing more',
    });
  }
}

function checkValue(
  field: FilterField,
  op: ComparisonOperator,
  literal: FilterLiteral,
): ConditionValue | undefined {
  const spec: FieldSpec = FILTER_FIELDS[field];
  if (literal.type === 'null') {
    return op === 'eq' || op === 'ne' ? null : undefined;
  }
  switch (spec.type) {
    case 'enum':
      return literal.type === 'string' && spec.values.includes(literal.value)
        ? literal.value
        : undefined;
    case 'string':
      return literal.type === 'string' ? literal.value : undefined;
    case 'datetime': {
      if (literal.type !== 'datetimeoffset') return undefined;
      const date = new Date(literal.value);
      return Number.isNaN(date.getTime()) ? undefined : date;
    }
  }
}

/** Checks a syntax tree against the allow-list and the field types. */
export function compileFilter(ast: FilterAst): Condition {
  let comparisons = 0;
  const walk = (node: FilterAst): Condition => {
    switch (node.kind) {
      case 'and':
      case 'or':
        return { kind: node.kind, left: walk(node.left), right: walk(node.right) };
      case 'not':
        return { kind: 'not', operand: walk(node.operand) };
      case 'compare': {
        comparisons += 1;
        if (comparisons > MAX_FILTER_COMPARISONS) {
          throw invalid('$filter', 'odata.tooComplex', { max: MAX_FILTER_COMPARISONS });
        }
        const field = (
          Object.hasOwn(FILTER_FIELDS, node.field) ? node.field : FIELD_ALIASES[node.field]
        ) as FilterField | undefined;
        if (!field || !Object.hasOwn(FILTER_FIELDS, field)) {
          throw invalid('$filter', 'odata.unknownField', {
            field: node.field,
            position: node.position,
          });
        }
        const value = checkValue(field, node.op, node.value);
        if (value === undefined) {
          throw invalid('$filter', 'odata.typeMismatch', { field, position: node.position });
        }
        return { kind: 'compare', field, op: node.op, value };
      }
    }
  };
  return walk(ast);
}

// ---------------------------------------------------------------------------------------------
// Printing (for the continuation token and the round-trip property)
// ---------------------------------------------------------------------------------------------

const printLiteral = (literal: FilterLiteral): string => {
  switch (literal.type) {
    case 'string':
      return `'${literal.value.replaceAll("'", "''")}'`;
    case 'number':
      return String(literal.value);
    case 'boolean':
      return String(literal.value);
    case 'null':
      return 'null';
    case 'datetimeoffset':
      return literal.value;
  }
};

/** Prints a syntax tree as `$filter` text that parses back to the same tree (positions aside). */
export function printFilter(ast: FilterAst): string {
  switch (ast.kind) {
    case 'and':
    case 'or':
      return `(${printFilter(ast.left)} ${ast.kind} ${printFilter(ast.right)})`;
    case 'not':
      return `not ${printFilter(ast.operand)}`;
    case 'compare':
      return `${ast.field} ${ast.op} ${printLiteral(ast.value)}`;
  }
}

// ---------------------------------------------------------------------------------------------
// The other options
// ---------------------------------------------------------------------------------------------

export interface OrderBy {
  field: OrderByField;
  direction: 'asc' | 'desc';
}

/** Parses `$orderby`: `field [asc|desc]`, comma separated, each field once. */
export function parseOrderBy(text: string): OrderBy[] {
  const out: OrderBy[] = [];
  let offset = 0;
  for (const part of text.split(',')) {
    const position = offset + (part.length - part.trimStart().length);
    offset += part.length + 1;
    const match = /^\s*([A-Za-z_][A-Za-z0-9_/]*)(?:\s+(asc|desc))?\s*$/.exec(part);
    if (!match) {
      throw invalid('$orderby', 'odata.syntax', {
        position,
        found: JSON.stringify(part.trim().slice(0, 40)),
        expected: 'property [asc|desc]',
      });
    }
    const field = FIELD_ALIASES[match[1]!] ?? match[1]!;
    if (
      !(ORDERBY_FIELDS as readonly string[]).includes(field) ||
      out.some((o) => o.field === field)
    ) {
      throw invalid('$orderby', 'odata.unknownField', { field: match[1]!, position });
    }
    out.push({ field: field as OrderByField, direction: (match[2] ?? 'asc') as 'asc' | 'desc' });
  }
  return out;
}

/** Parses `$select`: top-level properties, comma separated. */
export function parseSelect(text: string): SelectField[] {
  const out = new Set<SelectField>(['id', 'eTag']);
  let offset = 0;
  for (const part of text.split(',')) {
    const name = part.trim();
    const position = offset + (part.length - part.trimStart().length);
    offset += part.length + 1;
    if (!(SELECT_FIELDS as readonly string[]).includes(name)) {
      throw invalid('$select', 'odata.unknownField', { field: name.slice(0, 60), position });
    }
    out.add(name as SelectField);
  }
  return [...out];
}

const wholeNumber = (text: string) => (/^[0-9]{1,9}$/.test(text) ? Number(text) : null);

export function parseTop(text: string): number {
  const value = wholeNumber(text);
  if (value === null || value < 1 || value > MAX_TOP) throw invalid('$top', 'odata.top.range');
  return value;
}

export function parseSkip(text: string): number {
  const value = wholeNumber(text);
  if (value === null) throw invalid('$skip', 'odata.skip.invalid');
  return value;
}

export function parseCount(text: string): boolean {
  if (text === 'true') return true;
  if (text === 'false') return false;
  throw invalid('$count', 'odata.count.invalid');
}

// ---------------------------------------------------------------------------------------------
// Continuation token
// ---------------------------------------------------------------------------------------------

/**
 * FNV-1a (32 bit) over `text`: a checksum, not a signature. The token only carries an offset
 * into rows the caller may read anyway (row-level security decides what it sees), so a forged
 * token cannot reach more data; the checksum makes a damaged or foreign token fail clearly.
 */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

const toBase64Url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');

const fromBase64Url = (text: string) => {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
};

/** The normalised query a token belongs to (filter, order, selection): a page of another one fails. */
export const queryFingerprint = (query: Pick<ReferralQuery, 'filterText' | 'orderBy' | 'select'>) =>
  fnv1a(JSON.stringify([query.filterText ?? '', query.orderBy, query.select ?? []]));

/** The opaque `$skiptoken` of the next page. */
export function encodeContinuation(query: ReferralQuery, nextSkip: number): string {
  const body = JSON.stringify({ v: 1, s: nextSkip, q: queryFingerprint(query) });
  return toBase64Url(`${body}.${fnv1a(body)}`);
}

/** Reads a `$skiptoken`, checking its checksum and that it belongs to this query. */
export function decodeContinuation(token: string, query: ReferralQuery): number {
  const fail = () => invalid('$skiptoken', 'odata.token.invalid');
  if (token.length > 400 || !/^[A-Za-z0-9_-]+$/.test(token)) throw fail();
  let text: string;
  try {
    text = fromBase64Url(token);
  } catch {
    throw fail();
  }
  const dot = text.lastIndexOf('.');
  const body = text.slice(0, dot);
  if (dot < 0 || fnv1a(body) !== text.slice(dot + 1)) throw fail();
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw fail();
  }
  const { v, s, q } = (parsed ?? {}) as { v?: unknown; s?: unknown; q?: unknown };
  if (v !== 1 || typeof s !== 'number' || !Number.isInteger(s) || s < 0) throw fail();
  if (q !== queryFingerprint(query)) throw fail();
  return s;
}

// ---------------------------------------------------------------------------------------------
// All options at once
// ---------------------------------------------------------------------------------------------

/** A checked list query, ready for the repository. */
export interface ReferralQuery {
  filterText: string | undefined;
  filter: Condition | undefined;
  /** Always ends with `id` as the tie-breaker, so pages never overlap. */
  orderBy: OrderBy[];
  top: number;
  skip: number;
  count: boolean;
  select: SelectField[] | undefined;
}

/** Raw query string values (`$filter`, `$orderby`, …), as the route receives them. */
export type ReferralQueryOptions = Partial<
  Record<'$filter' | '$orderby' | '$top' | '$skip' | '$count' | '$select' | '$skiptoken', string>
>;

/** Parses and checks every option; `$skiptoken` (from `@odata.nextLink`) replaces `$skip`. */
export function parseReferralQuery(options: ReferralQueryOptions): ReferralQuery {
  const filterText = options.$filter?.trim() || undefined;
  const query: ReferralQuery = {
    filterText,
    filter: filterText ? compileFilter(parseFilter(filterText)) : undefined,
    orderBy: options.$orderby
      ? parseOrderBy(options.$orderby)
      : [{ field: 'createdDateTime', direction: 'desc' }],
    top: options.$top !== undefined ? parseTop(options.$top) : MAX_TOP,
    skip: options.$skip !== undefined ? parseSkip(options.$skip) : 0,
    count: options.$count !== undefined ? parseCount(options.$count) : false,
    select: options.$select !== undefined ? parseSelect(options.$select) : undefined,
  };
  if (options.$skiptoken !== undefined) {
    query.skip = decodeContinuation(options.$skiptoken, query);
  }
  return query;
}

/** The `$skiptoken` of the page after this one, or null when this page is the last. */
export function nextPageToken(query: ReferralQuery, returned: number): string | null {
  return returned < query.top ? null : encodeContinuation(query, query.skip + returned);
}
