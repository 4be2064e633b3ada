/**
 * The offers list's query lives in the address (`?q=…&sort=name&dir=asc&show=archived&from=20`),
 * so "Back" from an offer returns to the same search, order and page.
 */
/** Offers on one page of the list. */
export const OFFERS_PAGE_SIZE = 20;

export const SORT_FIELDS = ['name', 'alias', 'offerType', 'updatedAt', 'createdAt'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
const SHOW = ['active', 'archived', 'all'] as const;

export interface ListQuery {
  search: string;
  sort: SortField;
  direction: 'asc' | 'desc';
  archived: (typeof SHOW)[number];
  offset: number;
}

export const DEFAULT_LIST_QUERY: ListQuery = {
  search: '',
  sort: 'updatedAt',
  direction: 'desc',
  archived: 'active',
  offset: 0,
};

const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  values.includes(value as T) ? (value as T) : fallback;

/** Reads the query from the address; anything unknown falls back to the default. */
export function parseListQuery(params: URLSearchParams): ListQuery {
  const offset = Number(params.get('from') ?? 0);
  return {
    search: (params.get('q') ?? '').trim(),
    sort: oneOf(SORT_FIELDS, params.get('sort'), DEFAULT_LIST_QUERY.sort),
    direction: oneOf(['asc', 'desc'], params.get('dir'), DEFAULT_LIST_QUERY.direction),
    archived: oneOf(SHOW, params.get('show'), DEFAULT_LIST_QUERY.archived),
    offset: Number.isSafeInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** Writes only what differs from the default, to keep addresses short. */
export function toSearchParams(query: ListQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.search) params.set('q', query.search);
  if (query.sort !== DEFAULT_LIST_QUERY.sort) params.set('sort', query.sort);
  if (query.direction !== DEFAULT_LIST_QUERY.direction) params.set('dir', query.direction);
  if (query.archived !== DEFAULT_LIST_QUERY.archived) params.set('show', query.archived);
  if (query.offset > 0) params.set('from', String(query.offset));
  return params;
}

/** The API's query parameters for one page. */
export function toApiQuery(query: ListQuery, limit: number) {
  return {
    sort: query.sort,
    direction: query.direction,
    archived: query.archived,
    limit,
    offset: query.offset,
    ...(query.search ? { search: query.search } : {}),
  };
}

/** The next order after a click on a column header: flip the same column, else its natural order. */
export function nextSort(
  query: ListQuery,
  field: SortField,
): Pick<ListQuery, 'sort' | 'direction'> {
  if (query.sort === field)
    return { sort: field, direction: query.direction === 'asc' ? 'desc' : 'asc' };
  return {
    sort: field,
    direction: field === 'updatedAt' || field === 'createdAt' ? 'desc' : 'asc',
  };
}
