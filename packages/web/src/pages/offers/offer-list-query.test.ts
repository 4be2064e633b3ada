import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIST_QUERY,
  nextSort,
  parseListQuery,
  toApiQuery,
  toSearchParams,
} from './offer-list-query';

describe('offers list query', () => {
  it('round-trips through the address and omits defaults', () => {
    const query = {
      search: 'contoso',
      sort: 'name',
      direction: 'asc',
      archived: 'all',
      offset: 40,
    } as const;
    const params = toSearchParams(query);
    expect(params.toString()).toBe('q=contoso&sort=name&dir=asc&show=all&from=40');
    expect(parseListQuery(params)).toEqual(query);
    expect(toSearchParams(DEFAULT_LIST_QUERY).toString()).toBe('');
  });

  it('ignores unknown or hostile values', () => {
    expect(parseListQuery(new URLSearchParams('sort=password&dir=up&show=x&from=-5'))).toEqual(
      DEFAULT_LIST_QUERY,
    );
    expect(parseListQuery(new URLSearchParams('from=1e3')).offset).toBe(1000);
    expect(parseListQuery(new URLSearchParams('from=abc')).offset).toBe(0);
  });

  it('flips the direction of the sorted column, and starts others in their natural order', () => {
    expect(nextSort(DEFAULT_LIST_QUERY, 'updatedAt')).toEqual({
      sort: 'updatedAt',
      direction: 'asc',
    });
    expect(nextSort(DEFAULT_LIST_QUERY, 'name')).toEqual({ sort: 'name', direction: 'asc' });
    expect(nextSort({ ...DEFAULT_LIST_QUERY, sort: 'name', direction: 'asc' }, 'name')).toEqual({
      sort: 'name',
      direction: 'desc',
    });
  });

  it('sends the search only when there is one', () => {
    expect(toApiQuery(DEFAULT_LIST_QUERY, 20)).toEqual({
      sort: 'updatedAt',
      direction: 'desc',
      archived: 'active',
      limit: 20,
      offset: 0,
    });
    expect(toApiQuery({ ...DEFAULT_LIST_QUERY, search: 'x' }, 20)).toMatchObject({ search: 'x' });
  });
});
