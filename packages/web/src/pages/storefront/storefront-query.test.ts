import { describe, expect, it } from 'vitest';
import { readQuery, writeQuery } from './storefront-query';

describe('storefront filters in the address', () => {
  it('reads what the API accepts and drops the rest', () => {
    const query = readQuery(
      new URLSearchParams(
        'q=insights&type=saas&market=se&badge=preferred-solution&badge=gold&offset=-4',
      ),
    );
    expect(query).toEqual({
      search: 'insights',
      offerType: 'saas',
      market: '',
      badges: ['preferred-solution'],
      offset: 0,
    });
    expect(readQuery(new URLSearchParams('type=tractor&offset=12.7')).offerType).toBe('');
    expect(readQuery(new URLSearchParams('offset=12.7')).offset).toBe(12);
  });

  it('keeps the badges in a stable order and writes only what differs from the defaults', () => {
    const query = readQuery(
      new URLSearchParams('badge=azure-benefit-eligible&badge=preferred-solution&market=PL'),
    );
    expect(query.badges).toEqual(['preferred-solution', 'azure-benefit-eligible']);
    expect(writeQuery(query).toString()).toBe(
      'market=PL&badge=preferred-solution&badge=azure-benefit-eligible',
    );
    expect(writeQuery(readQuery(new URLSearchParams())).toString()).toBe('');
  });
});
