/**
 * The workspace's query lives in the address (`?tab=inbound&status=New&from=2026-01-01&q=…`), so
 * "Back" from a deal returns to the same tab, filters, order and page. This module turns the
 * address into a query and back, and the query into the API's OData options.
 *
 * The referrals `$filter` allow-list covers status, substatus, direction and dates; sales
 * stage, deal kind, solution and customer country are not in it, so those four are applied to
 * the rows of each page here (`matchesLocalFilters`).
 */
import type { Referral } from '@cosell/core';
import type { ListParams } from './api';

export const TABS = ['inbound', 'outbound', 'favorites'] as const;
export type Tab = (typeof TABS)[number];

/** Statuses the filter offers (substatus values; each belongs to one status). */
export const STATUS_FILTERS = [
  'Received',
  'Pending',
  'Accepted',
  'Won',
  'Lost',
  'Declined',
  'Expired',
  'Error',
] as const satisfies readonly Referral['substatus'][];
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export const SORT_FIELDS = [
  'createdDateTime',
  'updatedDateTime',
  'closingDateTime',
  'status',
] as const;
export type SortField = (typeof SORT_FIELDS)[number];

export interface WorkspaceQuery {
  tab: Tab;
  search: string;
  statuses: StatusFilter[];
  stage: string;
  dealKind: string;
  solution: string;
  country: string;
  /** Close date range, `YYYY-MM-DD`, inclusive. */
  closeFrom: string;
  closeTo: string;
  sort: SortField;
  direction: 'asc' | 'desc';
  /** `$skiptoken`s of the pages before the one shown (empty: first page). */
  pages: string[];
}

export const DEFAULT_QUERY: WorkspaceQuery = {
  tab: 'inbound',
  search: '',
  statuses: [],
  stage: '',
  dealKind: '',
  solution: '',
  country: '',
  closeFrom: '',
  closeTo: '',
  sort: 'createdDateTime',
  direction: 'desc',
  pages: [],
};

/** The fields a saved view keeps (everything but the tab and the page). */
export type FilterSet = Omit<WorkspaceQuery, 'tab' | 'pages'>;

const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  values.includes(value as T) ? (value as T) : fallback;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (value: string) =>
  DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
const dateOr = (value: string | null) => (value && isDate(value) ? value : '');
const textOf = (value: string | null, max = 200) => (value ?? '').trim().slice(0, max);
const TOKEN = /^[A-Za-z0-9_-]{1,400}$/;

/** Reads the query from the address; anything unknown or malformed falls back to the default. */
export function parseWorkspaceQuery(params: URLSearchParams): WorkspaceQuery {
  const statuses = (params.get('status') ?? '')
    .split(',')
    .filter((value): value is StatusFilter => STATUS_FILTERS.includes(value as StatusFilter));
  const country = textOf(params.get('country')).toUpperCase();
  return {
    tab: oneOf(TABS, params.get('tab'), DEFAULT_QUERY.tab),
    search: textOf(params.get('q')),
    statuses: [...new Set(statuses)],
    stage: textOf(params.get('stage'), 100),
    dealKind: textOf(params.get('kind'), 40),
    solution: textOf(params.get('solution'), 100),
    country: /^[A-Z]{2}$/.test(country) ? country : '',
    closeFrom: dateOr(params.get('from')),
    closeTo: dateOr(params.get('to')),
    sort: oneOf(SORT_FIELDS, params.get('sort'), DEFAULT_QUERY.sort),
    direction: oneOf(['asc', 'desc'], params.get('dir'), DEFAULT_QUERY.direction),
    pages: params.getAll('page').filter((token) => TOKEN.test(token)),
  };
}

/** Writes only what differs from the default, to keep addresses short. */
export function toSearchParams(query: WorkspaceQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.tab !== DEFAULT_QUERY.tab) params.set('tab', query.tab);
  if (query.search) params.set('q', query.search);
  if (query.statuses.length > 0) params.set('status', query.statuses.join(','));
  if (query.stage) params.set('stage', query.stage);
  if (query.dealKind) params.set('kind', query.dealKind);
  if (query.solution) params.set('solution', query.solution);
  if (query.country) params.set('country', query.country);
  if (query.closeFrom) params.set('from', query.closeFrom);
  if (query.closeTo) params.set('to', query.closeTo);
  if (query.sort !== DEFAULT_QUERY.sort) params.set('sort', query.sort);
  if (query.direction !== DEFAULT_QUERY.direction) params.set('dir', query.direction);
  for (const token of query.pages) params.append('page', token);
  return params;
}

/** An OData string literal (`'O''Brien'`). */
export const odataString = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** The day after `YYYY-MM-DD`, as an ISO instant (the exclusive end of an inclusive range). */
function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

/**
 * The `$filter` for the query's status, sales stage, deal kind, customer country and close-date
 * filters; undefined when there is none. (The solution filter is applied to the page.)
 */
export function buildODataFilter(query: WorkspaceQuery): string | undefined {
  const clauses: string[] = [];
  if (query.stage) clauses.push(`salesStage eq ${odataString(query.stage)}`);
  if (query.dealKind) clauses.push(`dealKind eq ${odataString(query.dealKind)}`);
  if (query.country)
    clauses.push(`customerProfile/address/country eq ${odataString(query.country)}`);
  if (query.statuses.length === 1) {
    clauses.push(`substatus eq ${odataString(query.statuses[0]!)}`);
  } else if (query.statuses.length > 1) {
    clauses.push(
      `(${query.statuses.map((status) => `substatus eq ${odataString(status)}`).join(' or ')})`,
    );
  }
  if (query.closeFrom) {
    clauses.push(
      `details/closingDateTime ge ${new Date(`${query.closeFrom}T00:00:00Z`).toISOString()}`,
    );
  }
  if (query.closeTo) clauses.push(`details/closingDateTime lt ${dayAfter(query.closeTo)}`);
  return clauses.length > 0 ? clauses.join(' and ') : undefined;
}

const ORDERBY_PATH: Record<SortField, string> = {
  createdDateTime: 'createdDateTime',
  updatedDateTime: 'updatedDateTime',
  closingDateTime: 'details/closingDateTime',
  status: 'status',
};

/** The API's options for the page the query shows. */
export function toListParams(query: WorkspaceQuery, top: number): ListParams {
  const skiptoken = query.pages.at(-1);
  return {
    view: query.tab,
    $filter: buildODataFilter(query),
    $orderby: `${ORDERBY_PATH[query.sort]} ${query.direction}`,
    $top: top,
    $count: true,
    ...(query.search ? { $search: query.search } : {}),
    ...(skiptoken ? { $skiptoken: skiptoken } : {}),
  };
}

/** True when a filter the server cannot apply is set (its rows are then filtered here). */
export const hasLocalFilters = (query: FilterSet) => Boolean(query.solution);

/** The filter `$filter` cannot express: a solution among the deal's solutions. */
export function matchesLocalFilters(referral: Referral, query: FilterSet): boolean {
  if (
    query.solution &&
    !referral.details.requirements.solutions.some((solution) => solution.id === query.solution)
  ) {
    return false;
  }
  return true;
}

/** The `$skiptoken` of an `@odata.nextLink`, or null. */
export function skipTokenOf(nextLink: string | undefined): string | null {
  if (!nextLink) return null;
  try {
    const token = new URL(nextLink, 'http://localhost').searchParams.get('$skiptoken');
    return token && TOKEN.test(token) ? token : null;
  } catch {
    return null;
  }
}

/** The next order after a click on a column header: flip the same column, else its natural order. */
export function nextSort(
  query: WorkspaceQuery,
  field: SortField,
): Pick<WorkspaceQuery, 'sort' | 'direction'> {
  if (query.sort === field)
    return { sort: field, direction: query.direction === 'asc' ? 'desc' : 'asc' };
  return {
    sort: field,
    direction: field === 'closingDateTime' || field === 'status' ? 'asc' : 'desc',
  };
}

/** The filter set of a query (what a saved view stores). */
export function filterSetOf(query: WorkspaceQuery): FilterSet {
  const { tab: _tab, pages: _pages, ...filters } = query;
  return filters;
}

/** True when any filter or search differs from the default. */
export function isFiltered(query: WorkspaceQuery): boolean {
  const filters = filterSetOf(query);
  const defaults = filterSetOf(DEFAULT_QUERY);
  return (
    filters.search !== '' ||
    filters.statuses.length > 0 ||
    (Object.keys(defaults) as (keyof FilterSet)[]).some(
      (key) =>
        key !== 'statuses' &&
        key !== 'sort' &&
        key !== 'direction' &&
        filters[key] !== defaults[key],
    )
  );
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whole days left before an unanswered referral expires (rounded up; 0 once the moment is past), or
 * null when it does not expire.
 */
export function daysUntilExpiry(
  referral: Pick<Referral, 'substatus' | 'expirationDateTime'>,
  now: Date,
): number | null {
  if (referral.substatus !== 'Received' || !referral.expirationDateTime) return null;
  const left = Date.parse(referral.expirationDateTime) - now.getTime();
  if (Number.isNaN(left)) return null;
  return Math.max(0, Math.ceil(left / DAY_MS));
}
