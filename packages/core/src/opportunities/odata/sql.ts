/**
 * Turns a checked filter condition into parameterised SQL: text with `$1`, `$2`… and the
 * parameters in order. Pure and database-free: the caller (packages/db) passes the column of
 * each field, already quoted; no value ever reaches the text. OData's `ne` keeps rows whose
 * field is null (null ne 'x' is true), hence `IS DISTINCT FROM`.
 */
import type { ComparisonOperator } from './filter.ast';
import type { Condition, ConditionValue, FilterField, OrderBy, OrderByField } from './query';

export interface SqlFragment {
  text: string;
  params: ConditionValue[];
}

const SQL_OPERATORS: Readonly<Record<ComparisonOperator, string>> = {
  eq: '=',
  ne: 'IS DISTINCT FROM',
  gt: '>',
  ge: '>=',
  lt: '<',
  le: '<=',
};

/** SQL for `condition`; parameters are numbered from `firstParam` (default 1). */
export function toSql(
  condition: Condition,
  columns: Readonly<Record<FilterField, string>>,
  firstParam = 1,
): SqlFragment {
  const params: ConditionValue[] = [];
  const walk = (node: Condition): string => {
    switch (node.kind) {
      case 'and':
      case 'or':
        return `(${walk(node.left)} ${node.kind.toUpperCase()} ${walk(node.right)})`;
      case 'not':
        return `(NOT ${walk(node.operand)})`;
      case 'compare': {
        const column = columns[node.field];
        if (node.value === null) return `(${column} IS ${node.op === 'eq' ? '' : 'NOT '}NULL)`;
        params.push(node.value);
        return `(${column} ${SQL_OPERATORS[node.op]} $${firstParam + params.length - 1})`;
      }
    }
  };
  return { text: walk(condition), params };
}

/**
 * `ORDER BY` items for `orderBy`, with the id column last as the tie-breaker. Empty values sort
 * last in either direction (a deal without a closing date is never the "soonest"), which is also
 * the order of the `(organisation, created DESC NULLS LAST, id)` index behind the default list.
 */
export function toSqlOrderBy(
  orderBy: readonly OrderBy[],
  columns: Readonly<Record<OrderByField, string>>,
  idColumn: string,
): string {
  return [
    ...orderBy.map(
      (o) => `${columns[o.field]} ${o.direction === 'desc' ? 'DESC' : 'ASC'} NULLS LAST`,
    ),
    `${idColumn} ASC`,
  ].join(', ');
}
