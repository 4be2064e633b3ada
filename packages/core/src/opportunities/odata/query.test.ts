import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import type { FilterAst, FilterLiteral } from './filter.ast';
import { COMPARISON_OPERATORS } from './filter.ast';
import {
  compileFilter,
  nextPageToken,
  parseFilter,
  parseReferralQuery,
  printFilter,
  type FilterField,
} from './query';
import { toSql, toSqlOrderBy } from './sql';

const issueOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION');
    return (error as AppError).issues[0]!;
  }
  throw new Error('expected a validation error');
};

const stripPositions = (ast: FilterAst): unknown =>
  ast.kind === 'compare'
    ? { ...ast, position: 0 }
    : ast.kind === 'not'
      ? { kind: 'not', operand: stripPositions(ast.operand) }
      : { kind: ast.kind, left: stripPositions(ast.left), right: stripPositions(ast.right) };

// Literal cases adapted from the OASIS OData ABNF test cases (odata-abnf-testcases.yaml): the
// literal sits after `x eq ` (5 characters), so a case failing at N fails here at 5 + N.
const VALID_LITERALS: [string, FilterLiteral][] = [
  ["'O''Neil'", { type: 'string', value: "O'Neil" }],
  [
    "'ABCDEFGHIHJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&('')*+,;=:@'",
    {
      type: 'string',
      value: "ABCDEFGHIHJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&(')*+,;=:@",
    },
  ],
  ['true', { type: 'boolean', value: true }],
  ['tRUe', { type: 'boolean', value: true }],
  ['false', { type: 'boolean', value: false }],
  ['null', { type: 'null' }],
  ['3.14', { type: 'number', value: 3.14 }],
  ['-2', { type: 'number', value: -2 }],
  ['-0.314e1', { type: 'number', value: -3.14 }],
  ['1e-101', { type: 'number', value: 1e-101 }],
  ['2012-09-03T13:52Z', { type: 'datetimeoffset', value: '2012-09-03T13:52Z' }],
  ['2012-09-03T22:09:02Z', { type: 'datetimeoffset', value: '2012-09-03T22:09:02Z' }],
  ['2012-08-31T18:19:22.1Z', { type: 'datetimeoffset', value: '2012-08-31T18:19:22.1Z' }],
  ['0000-01-01T00:00Z', { type: 'datetimeoffset', value: '0000-01-01T00:00Z' }],
  ['2012-09-03T14:53+02:00', { type: 'datetimeoffset', value: '2012-09-03T14:53+02:00' }],
];

const INVALID_LITERALS: [name: string, literal: string, failAt: number][] = [
  ['string: a lone quote ends it', "'O'Neil'", 3],
  ['decimal: trailing dot', '42.', 3],
  ['decimal: no digit before the point', '.1', 0],
  ['double: at most one exponent', '-0.314e1e2', 8],
  ['datetimeoffset: midnight as 24:00', '2011-12-31T24:00Z', 12],
  ['datetimeoffset: 24:00 with an offset', '2012-09-03T24:00-03:00', 12],
  ['datetimeoffset: no percent-encoding', '2012-09-03T23%3A59Z', 13],
  ['infinity is not a literal here', 'INF', 0],
];

const INVALID_FILTERS: [name: string, filter: string, position: number][] = [
  ['identifier: no starting digit', '0time eq 1', 0],
  ['identifier: no dots within', 'No.Dot eq 1', 2],
  ['operator missing its value', 'status eq', 9],
  ['dangling and', "status eq 'Active' and", 22],
  ['unclosed parenthesis', "(status eq 'Active'", 19],
  ['operators are lower case', "status EQ 'Active'", 7],
  ['unknown operator', "status eq 'Active' xor type eq 'Shared'", 19],
  ['empty parentheses', '()', 1],
];

describe('$filter syntax (OData ABNF cases)', () => {
  it.each(VALID_LITERALS)('accepts the literal %s', (literal, expected) => {
    expect(parseFilter(`x eq ${literal}`)).toEqual({
      kind: 'compare',
      field: 'x',
      op: 'eq',
      value: expected,
      position: 0,
    });
  });

  it.each(INVALID_LITERALS)('refuses %s at its position', (_name, literal, failAt) => {
    const issue = issueOf(() => parseFilter(`x eq ${literal}`));
    expect(issue).toMatchObject({
      path: ['$filter'],
      code: 'odata.syntax',
      params: { option: '$filter', position: 5 + failAt },
    });
  });

  it.each(INVALID_FILTERS)('refuses %s at its position', (_name, filter, position) => {
    expect(issueOf(() => parseFilter(filter)).params).toMatchObject({ position });
  });

  it('binds not tighter than and, and and tighter than or', () => {
    const ast = parseFilter("not status eq 'New' or type eq 'Shared' and direction eq 'Incoming'");
    expect(ast.kind).toBe('or');
    expect(ast.kind === 'or' && ast.left.kind).toBe('not');
    expect(ast.kind === 'or' && ast.right.kind).toBe('and');
    expect(parseFilter("notes eq 'x'")).toMatchObject({ kind: 'compare', field: 'notes' });
  });
});

describe('$filter checks and SQL', () => {
  const columns = {
    status: 'r.status',
    substatus: 'r.substatus',
    type: 'r.type',
    direction: 'r.direction',
    createdDateTime: 'r.created_at',
    updatedDateTime: 'r.updated_at',
    'details/closingDateTime': 'r.closing_at',
    engagementId: 'r.engagement_id',
    externalReferenceId: 'r.external_reference_id',
    'customerProfile/name': 'r.customer_name',
    dealKind: 'r.deal_kind',
    salesStage: 'r.sales_stage',
    'customerProfile/address/country': 'r.customer_country',
  } satisfies Record<FilterField, string>;

  it('compiles allowed fields into parameterised SQL, values never in the text', () => {
    const condition = compileFilter(
      parseFilter(
        "status eq 'Active' and (closingDateTime lt 2025-01-01T00:00:00Z or not customerProfile/name eq 'x''; drop table referrals; --')",
      ),
    );
    expect(toSql(condition, columns)).toEqual({
      text: '((r.status = $1) AND ((r.closing_at < $2) OR (NOT (r.customer_name = $3))))',
      params: ['Active', new Date('2025-01-01T00:00:00Z'), "x'; drop table referrals; --"],
    });
    expect(toSql(compileFilter(parseFilter('externalReferenceId ne null')), columns).text).toBe(
      '(r.external_reference_id IS NOT NULL)',
    );
    expect(toSql(compileFilter(parseFilter("engagementId ne 'e'")), columns, 4).text).toBe(
      '(r.engagement_id IS DISTINCT FROM $4)',
    );
  });

  it("filters on cosell's own fields: deal kind, sales stage and the customer's country", () => {
    expect(
      toSql(
        compileFilter(
          parseFilter("dealKind eq 'p2p' and salesStage eq 'Qualified' and country eq 'PL'"),
        ),
        columns,
      ),
    ).toEqual({
      text: '(((r.deal_kind = $1) AND (r.sales_stage = $2)) AND (r.customer_country = $3))',
      params: ['p2p', 'Qualified', 'PL'],
    });
    expect(() => compileFilter(parseFilter("dealKind eq 'barter'"))).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ code: 'odata.typeMismatch' })],
      }),
    );
  });

  it.each([
    ["name eq 'x'", 'odata.unknownField'],
    ["__proto__ eq 'x'", 'odata.unknownField'],
    ["status eq 'Bogus'", 'odata.typeMismatch'],
    ["createdDateTime gt 'yesterday'", 'odata.typeMismatch'],
    ['createdDateTime gt null', 'odata.typeMismatch'],
    ['engagementId eq 3', 'odata.typeMismatch'],
  ])('refuses %s with %s', (filter, code) => {
    expect(issueOf(() => compileFilter(parseFilter(filter)))).toMatchObject({
      code,
      params: { option: '$filter', position: 0 },
    });
  });
});

describe('the other query options', () => {
  it('parses order, paging, count and selection, with defaults', () => {
    expect(parseReferralQuery({})).toMatchObject({
      orderBy: [{ field: 'createdDateTime', direction: 'desc' }],
      top: 100,
      skip: 0,
      count: false,
    });
    const query = parseReferralQuery({
      $orderby: 'updatedDateTime desc, closingDateTime',
      $top: '10',
      $skip: '20',
      $count: 'true',
      $select: 'name,status',
    });
    expect(query).toMatchObject({
      orderBy: [
        { field: 'updatedDateTime', direction: 'desc' },
        { field: 'details/closingDateTime', direction: 'asc' },
      ],
      top: 10,
      skip: 20,
      count: true,
      select: ['id', 'eTag', 'name', 'status'],
    });
    expect(
      toSqlOrderBy(
        query.orderBy,
        {
          createdDateTime: 'c',
          updatedDateTime: 'u',
          'details/closingDateTime': 'cl',
          status: 's',
        },
        'id',
      ),
    ).toBe('u DESC NULLS LAST, cl ASC NULLS LAST, id ASC');
  });

  it.each([
    [{ $top: '0' }, '$top', 'odata.top.range'],
    [{ $top: '101' }, '$top', 'odata.top.range'],
    [{ $top: '1e2' }, '$top', 'odata.top.range'],
    [{ $skip: '-1' }, '$skip', 'odata.skip.invalid'],
    [{ $count: 'yes' }, '$count', 'odata.count.invalid'],
    [{ $orderby: 'name asc' }, '$orderby', 'odata.unknownField'],
    [{ $orderby: 'createdDateTime up' }, '$orderby', 'odata.syntax'],
    [{ $orderby: 'createdDateTime,createdDateTime desc' }, '$orderby', 'odata.unknownField'],
    [{ $select: 'name,password' }, '$select', 'odata.unknownField'],
    [{ $skiptoken: 'not-a-token' }, '$skiptoken', 'odata.token.invalid'],
  ])('refuses %j naming %s', (options, option, code) => {
    expect(issueOf(() => parseReferralQuery(options))).toMatchObject({ path: [option], code });
  });

  it('continues with an opaque token valid only for the same query', () => {
    const options = { $filter: "status eq 'Active'", $top: '2' };
    const first = parseReferralQuery(options);
    expect(nextPageToken(first, 1)).toBeNull();
    const token = nextPageToken(first, 2)!;
    expect(parseReferralQuery({ ...options, $skiptoken: token }).skip).toBe(2);
    expect(
      issueOf(() => parseReferralQuery({ $filter: "status eq 'New'", $skiptoken: token })).code,
    ).toBe('odata.token.invalid');
    const tampered = token.slice(0, -2) + (token.endsWith('A') ? 'BB' : 'AA');
    expect(issueOf(() => parseReferralQuery({ ...options, $skiptoken: tampered })).code).toBe(
      'odata.token.invalid',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/);
const literalArb: fc.Arbitrary<FilterLiteral> = fc.oneof(
  fc.string({ maxLength: 12 }).map((value) => ({ type: 'string' as const, value })),
  fc
    .double({ noNaN: true, noDefaultInfinity: true })
    .filter((n) => !Object.is(n, -0))
    .map((value) => ({ type: 'number' as const, value })),
  fc.boolean().map((value) => ({ type: 'boolean' as const, value })),
  fc.constant({ type: 'null' as const }),
  fc
    .date({
      min: new Date('0000-01-01T00:00:00Z'),
      max: new Date('9999-12-31T23:59:59Z'),
      noInvalidDate: true,
    })
    .map((d) => ({ type: 'datetimeoffset' as const, value: d.toISOString() })),
);
const { ast: astArb } = fc.letrec<{ ast: FilterAst }>((tie) => ({
  ast: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({
      kind: fc.constant('compare' as const),
      field: fc.array(identifier, { minLength: 1, maxLength: 2 }).map((parts) => parts.join('/')),
      op: fc.constantFrom(...COMPARISON_OPERATORS),
      value: literalArb,
      position: fc.constant(0),
    }),
    fc.record({ kind: fc.constant('not' as const), operand: tie('ast') }),
    fc.record({
      kind: fc.constantFrom('and' as const, 'or' as const),
      left: tie('ast'),
      right: tie('ast'),
    }),
  ),
}));

describe('$filter properties', () => {
  it('parses a printed tree back to the same tree', () => {
    fc.assert(
      fc.property(astArb, (ast) => {
        expect(stripPositions(parseFilter(printFilter(ast)))).toEqual(stripPositions(ast));
      }),
      { numRuns: 500 },
    );
  });

  it('answers any input with a result or a validation error, nothing else', () => {
    const filterish = fc.stringMatching(/^[ a-zA-Z0-9_'()\-:.+/]{0,60}$/);
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 80 }), filterish),
        fc.string({ maxLength: 20 }),
        (filter, other) => {
          for (const options of [
            { $filter: filter },
            { $orderby: other },
            { $select: other },
            { $top: other },
            { $skiptoken: other },
          ]) {
            try {
              parseReferralQuery(options);
            } catch (error) {
              expect(error).toBeInstanceOf(AppError);
              expect((error as AppError).code).toBe('VALIDATION');
            }
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
