import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONTACT_ROLE_IDS,
  CONTACT_ROLES,
  contactRoleLabel,
  parseContactRole,
} from './contact-roles';

describe(parseContactRole.name, () => {
  it('maps each exact CSV label to its role', () => {
    expect(parseContactRole('Partner marketing')).toBe('partner-marketing');
    expect(parseContactRole('Partner sales')).toBe('partner-sales');
    expect(parseContactRole('Partner technical sales')).toBe('partner-technical-sales');
    expect(parseContactRole('Partner customer success manager')).toBe(
      'partner-customer-success-manager',
    );
  });

  it('ignores case and surrounding or repeated spaces', () => {
    expect(parseContactRole('  PARTNER SALES ')).toBe('partner-sales');
    expect(parseContactRole('partner   Technical\tsales')).toBe('partner-technical-sales');
  });

  it('returns undefined for anything that is not a role label', () => {
    expect(parseContactRole('')).toBeUndefined();
    expect(parseContactRole('Sales')).toBeUndefined();
    expect(parseContactRole('partner-sales')).toBeUndefined();
  });

  it('round-trips every label whatever its case and padding', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CONTACT_ROLE_IDS),
        fc.boolean(),
        fc.stringMatching(/^[ \t]{0,3}$/),
        fc.stringMatching(/^[ \t]{0,3}$/),
        (id, upper, before, after) => {
          const label = contactRoleLabel(id);
          const cased = upper ? label.toUpperCase() : label.toLowerCase();
          expect(parseContactRole(`${before}${cased}${after}`)).toBe(id);
        },
      ),
    );
  });

  it('keeps the exact English labels for export', () => {
    expect(Object.values(CONTACT_ROLES).map((role) => role.label)).toEqual([
      'Partner marketing',
      'Partner sales',
      'Partner technical sales',
      'Partner customer success manager',
    ]);
  });
});
