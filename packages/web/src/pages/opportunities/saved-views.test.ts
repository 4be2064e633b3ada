import { describe, expect, it } from 'vitest';
import { DEFAULT_QUERY, filterSetOf } from './list-query';
import { parseSavedViews, withView } from './saved-views';

const filters = { ...filterSetOf(DEFAULT_QUERY), statuses: ['Received' as const], country: 'PL' };

describe('saved views', () => {
  it('read back what was stored', () => {
    const views = [{ name: 'Poland, to answer', filters }];
    expect(parseSavedViews(JSON.stringify(views))).toEqual(views);
  });

  it('drop malformed entries and unknown values instead of failing', () => {
    const text = JSON.stringify([
      null,
      { name: '', filters },
      { name: 'Old', filters: { ...filters, statuses: ['Received', 'Archived'], sort: 'name' } },
    ]);
    expect(parseSavedViews(text)).toEqual([
      { name: 'Old', filters: { ...filters, statuses: ['Received'], sort: 'createdDateTime' } },
    ]);
    expect(parseSavedViews('not json')).toEqual([]);
  });

  it('replace a view of the same name, newest first', () => {
    const a = { name: 'Mine', filters };
    const b = { name: 'Other', filters };
    const a2 = { name: 'mine', filters: { ...filters, country: 'SE' } };
    expect(withView([a, b], a2)).toEqual([a2, b]);
  });
});
