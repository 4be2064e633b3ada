import { describe, expect, it } from 'vitest';
import {
  chooseCountries,
  contactBody,
  contactIncomplete,
  emptyContact,
  importIssues,
  keepStatesOf,
  uncoveredMarkets,
} from './contact-form-state';

describe('contact form rules', () => {
  it('keeps "All countries/regions" alone', () => {
    expect(chooseCountries(['US', 'SE'], ['US', 'SE', 'OOO'])).toEqual(['OOO']);
    expect(chooseCountries(['OOO'], ['OOO', 'US'])).toEqual(['US']);
    expect(chooseCountries(['US'], ['US', 'SE'])).toEqual(['US', 'SE']);
    expect(chooseCountries(['OOO'], [])).toEqual([]);
  });

  it('drops states whose country is no longer chosen', () => {
    expect(keepStatesOf(['US-WA', 'CA-ON', 'AU-NSW'], ['US', 'AU'])).toEqual(['US-WA', 'AU-NSW']);
    expect(keepStatesOf(['US-WA', 'CA-ON'], ['OOO'])).toEqual(['US-WA', 'CA-ON']);
  });

  it('finds markets without a Partner sales contact', () => {
    const contacts = [
      { role: 'partner-sales' as const, countries: ['US' as const] },
      { role: 'partner-marketing' as const, countries: ['SE' as const] },
    ];
    expect(uncoveredMarkets(['US', 'SE', 'PL'], contacts)).toEqual(['SE', 'PL']);
    expect(uncoveredMarkets(['US', 'SE'], [{ role: 'partner-sales', countries: ['OOO'] }])).toEqual(
      [],
    );
  });

  it('trims what it sends and says when a required field is empty', () => {
    const fields = {
      ...emptyContact(),
      name: ' Ada ',
      email: ' ada@contoso.example ',
      jobTitle: 'CTO',
    };
    expect(contactIncomplete(fields)).toBe(true);
    expect(contactIncomplete({ ...fields, countries: ['US'] })).toBe(false);
    expect(contactBody(fields)).toMatchObject({ name: 'Ada', email: 'ada@contoso.example' });
  });

  it('lists a refused file’s problems by row and column', () => {
    expect(
      importIssues({
        'rows.7.email': 'Row 7: not an e-mail address.',
        file: 'The column “Role” is missing.',
        'rows.3': 'Row 3 has 9 cells.',
      }),
    ).toEqual([
      { row: null, column: null, message: 'The column “Role” is missing.' },
      { row: 3, column: null, message: 'Row 3 has 9 cells.' },
      { row: 7, column: 'email', message: 'Row 7: not an e-mail address.' },
    ]);
  });
});
