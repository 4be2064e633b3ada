/**
 * The syntax tree of an OData `$filter` in cosell's subset (OData 4.01 URL conventions §5.1.1):
 * comparisons of a property path with a literal, combined by `and`, `or`, `not` and
 * parentheses. Produced by the generated parser (filter.peggy); `position` is the offset of the
 * comparison's property in the input, for error messages.
 */
export type FilterLiteral =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'null' }
  /** `2024-01-01T00:00:00Z` or with an offset; `value` is the text as written. */
  | { type: 'datetimeoffset'; value: string };

export const COMPARISON_OPERATORS = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

export type FilterAst =
  | { kind: 'and' | 'or'; left: FilterAst; right: FilterAst }
  | { kind: 'not'; operand: FilterAst }
  | {
      kind: 'compare';
      field: string;
      op: ComparisonOperator;
      value: FilterLiteral;
      position: number;
    };
