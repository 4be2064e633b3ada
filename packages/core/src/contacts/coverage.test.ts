import { describe, expect, it } from 'vitest';
import { partnerSalesCoverage } from './coverage';

describe('partnerSalesCoverage', () => {
  it('counts only Partner sales contacts, per listed country', () => {
    expect(
      partnerSalesCoverage(
        ['US', 'SE', 'PL', 'CN'],
        [
          { role: 'partner-sales', countries: ['US', 'CA'] },
          { role: 'partner-sales', countries: ['PL'] },
          { role: 'partner-marketing', countries: ['SE'] },
          { role: 'partner-technical-sales', countries: ['OOO'] },
        ],
      ),
    ).toEqual({ covered: ['US', 'PL'], missing: ['SE', 'CN'] });
  });

  it('lets OOO cover every market', () => {
    expect(
      partnerSalesCoverage(['TW', 'BR'], [{ role: 'partner-sales', countries: ['OOO'] }]),
    ).toEqual({ covered: ['TW', 'BR'], missing: [] });
  });

  it('reports every market missing without contacts, each once', () => {
    expect(partnerSalesCoverage(['DE', 'FR', 'DE'], [])).toEqual({
      covered: [],
      missing: ['DE', 'FR'],
    });
    expect(partnerSalesCoverage([], [{ role: 'partner-sales', countries: ['US'] }])).toEqual({
      covered: [],
      missing: [],
    });
  });
});
