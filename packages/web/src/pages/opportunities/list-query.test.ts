import type { Referral } from '@cosell/core';
import { describe, expect, it } from 'vitest';
import {
  buildODataFilter,
  daysUntilExpiry,
  DEFAULT_QUERY,
  filterSetOf,
  matchesLocalFilters,
  parseWorkspaceQuery,
  skipTokenOf,
  toListParams,
  toSearchParams,
  type WorkspaceQuery,
} from './list-query';

const query = (change: Partial<WorkspaceQuery> = {}): WorkspaceQuery => ({
  ...DEFAULT_QUERY,
  ...change,
});

describe('workspace query in the address', () => {
  it('survives a round trip through the address with every filter set', () => {
    const full = query({
      tab: 'outbound',
      search: "O'Brien cloud",
      statuses: ['Received', 'Accepted'],
      stage: 'Qualified',
      dealKind: 'p2p',
      solution: 'offer-1',
      country: 'PL',
      closeFrom: '2026-01-01',
      closeTo: '2026-03-31',
      sort: 'closingDateTime',
      direction: 'asc',
      pages: ['abc_1', 'def-2'],
    });
    const address = toSearchParams(full).toString();
    expect(parseWorkspaceQuery(new URLSearchParams(address))).toEqual(full);
  });

  it('keeps the default query out of the address', () => {
    expect(toSearchParams(DEFAULT_QUERY).toString()).toBe('');
  });

  it('ignores unknown values instead of sending them to the server', () => {
    const parsed = parseWorkspaceQuery(
      new URLSearchParams(
        'tab=archive&status=Won,Bogus&country=Poland&from=2026-13-45&to=yesterday&sort=name&dir=up&page=bad%20token',
      ),
    );
    expect(parsed).toEqual(query({ statuses: ['Won'] }));
  });
});

describe('OData filter', () => {
  it('is empty without status or date filters', () => {
    expect(buildODataFilter(query({ search: 'x', solution: 'offer-1' }))).toBeUndefined();
  });

  it('asks the server for sales stage, deal kind and customer country', () => {
    expect(buildODataFilter(query({ stage: 'Qualified', dealKind: 'p2p', country: "C'I" }))).toBe(
      "salesStage eq 'Qualified' and dealKind eq 'p2p' and " +
        "customerProfile/address/country eq 'C''I'",
    );
  });

  it('ors the chosen statuses and bounds the close date inclusively, in UTC', () => {
    expect(
      buildODataFilter(
        query({
          statuses: ['Received', 'Pending'],
          closeFrom: '2026-02-01',
          closeTo: '2026-02-28',
        }),
      ),
    ).toBe(
      "(substatus eq 'Received' or substatus eq 'Pending') and " +
        'details/closingDateTime ge 2026-02-01T00:00:00.000Z and ' +
        'details/closingDateTime lt 2026-03-01T00:00:00.000Z',
    );
  });

  it('asks the server for the tab, order, page and search the query shows', () => {
    expect(
      toListParams(
        query({
          tab: 'favorites',
          search: 'Contoso',
          sort: 'closingDateTime',
          direction: 'asc',
          pages: ['t1', 't2'],
        }),
        20,
      ),
    ).toEqual({
      view: 'favorites',
      $filter: undefined,
      $orderby: 'details/closingDateTime asc',
      $top: 20,
      $count: true,
      $search: 'Contoso',
      $skiptoken: 't2',
    });
  });

  it('reads the continuation token of @odata.nextLink', () => {
    expect(
      skipTokenOf(
        '/api/organisations/o/engagements/referrals?view=inbound&$top=20&$skiptoken=eyJ2IjoxfQ',
      ),
    ).toBe('eyJ2IjoxfQ');
    expect(skipTokenOf(undefined)).toBeNull();
    expect(skipTokenOf('/referrals?$top=20')).toBeNull();
  });
});

const referral = (change: Partial<Referral> = {}): Referral =>
  ({
    id: 'r1',
    substatus: 'Received',
    expirationDateTime: '2026-01-15T00:00:00.000Z',
    dealKind: 'inbound',
    salesStage: 'Qualified',
    customerProfile: { name: 'Contoso', address: { country: 'SE' }, team: [] },
    details: {
      notes: '',
      dealValue: 1,
      currency: 'USD',
      closingDateTime: '2026-02-01T00:00:00.000Z',
      requirements: { solutions: [{ id: 'offer-1', name: 'Offer' }] },
    },
    ...change,
  }) as Referral;

describe('filters the server cannot apply', () => {
  it('match on a solution of the deal', () => {
    const filters = filterSetOf(query({ solution: 'offer-1' }));
    expect(matchesLocalFilters(referral(), filters)).toBe(true);
    expect(matchesLocalFilters(referral(), filterSetOf(query({ solution: 'offer-2' })))).toBe(
      false,
    );
  });
});

describe('days until expiry', () => {
  it('counts whole days left for a received referral, rounded up', () => {
    expect(daysUntilExpiry(referral(), new Date('2026-01-01T12:00:00Z'))).toBe(14);
    expect(daysUntilExpiry(referral(), new Date('2026-01-14T23:00:00Z'))).toBe(1);
    expect(daysUntilExpiry(referral(), new Date('2026-01-16T00:00:00Z'))).toBe(0);
  });

  it('is null once the referral was answered', () => {
    expect(daysUntilExpiry(referral({ substatus: 'Accepted' }), new Date('2026-01-01'))).toBeNull();
  });
});
