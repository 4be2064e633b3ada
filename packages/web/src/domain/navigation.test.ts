import { describe, expect, it } from 'vitest';
import { homePath } from './navigation';

describe('homePath', () => {
  it('sends each vendor role to its own work', () => {
    expect(homePath('vendor', ['program-admin'])).toBe('/start');
    expect(homePath('vendor', ['reviewer', 'program-admin'])).toBe('/start');
    expect(homePath('vendor', ['reviewer'])).toBe('/review-queue');
    expect(homePath('vendor', ['seller'])).toBe('/storefront');
  });

  it('sends partners to their offers and resellers to the published offers', () => {
    expect(homePath('partner', ['viewer'])).toBe('/offers');
    expect(homePath('reseller', ['member'])).toBe('/storefront');
  });
});
