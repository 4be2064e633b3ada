import { describe, expect, it } from 'vitest';
import { importIssues } from './profile-import';

describe('profile import problems', () => {
  it('splits row and column (headers may hold spaces and brackets) and sorts by row', () => {
    expect(
      importIssues({
        'rows.7': 'Row 7: the same partner is already in row 2.',
        'rows.3.Azure consumed revenue (USD)': 'Enter an amount in USD of 0 or more.',
        header: 'The header must have an “Organisation ID” or a “PartnerID” column.',
      }),
    ).toEqual([
      {
        row: null,
        column: null,
        message: 'The header must have an “Organisation ID” or a “PartnerID” column.',
      },
      {
        row: 3,
        column: 'Azure consumed revenue (USD)',
        message: 'Enter an amount in USD of 0 or more.',
      },
      { row: 7, column: null, message: 'Row 7: the same partner is already in row 2.' },
    ]);
  });
});
