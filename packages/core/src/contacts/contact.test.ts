import { describe, expect, it } from 'vitest';
import {
  ContactInputSchema,
  contactKey,
  sameContact,
  validateContactCells,
  type ContactColumnKey,
  type ContactInput,
} from './contact';

const good: Record<ContactColumnKey, string> = {
  name: 'Anna Kowalska',
  email: 'anna@example.com',
  jobTitle: 'Head of Sales',
  role: 'Partner sales',
  countries: 'PL, SE',
  states: '',
};

const cells = (overrides: Partial<Record<ContactColumnKey, string>>) => ({ ...good, ...overrides });

describe('validateContactCells', () => {
  it('accepts a clean row', () => {
    expect(validateContactCells(good, 2)).toEqual({
      contact: {
        name: 'Anna Kowalska',
        email: 'anna@example.com',
        jobTitle: 'Head of Sales',
        role: 'partner-sales',
        countries: ['PL', 'SE'],
        states: [],
      },
      issues: [],
    });
  });

  it('forgives spaces, case, separators and repeated codes', () => {
    const result = validateContactCells(
      {
        name: '  Åsa Öberg ',
        email: ' ASA@Example.SE ',
        jobTitle: ' CTO ',
        role: '  partner   TECHNICAL sales ',
        countries: ' us;ca  au,us ',
        states: 'us-wa, au-nsw;AU-NSW ca-on',
      },
      3,
    );
    expect(result.issues).toEqual([]);
    expect(result.contact).toEqual({
      name: 'Åsa Öberg',
      email: 'asa@example.se',
      jobTitle: 'CTO',
      role: 'partner-technical-sales',
      countries: ['US', 'CA', 'AU'],
      states: ['US-WA', 'AU-NSW', 'CA-ON'],
    });
  });

  it('accepts a role id as well as its label', () => {
    expect(
      validateContactCells(cells({ role: 'partner-customer-success-manager' }), 2).contact?.role,
    ).toBe('partner-customer-success-manager');
  });

  it('accepts any state with OOO', () => {
    const result = validateContactCells(cells({ countries: 'ooo', states: 'US-TX, AU-TAS' }), 2);
    expect(result.contact).toMatchObject({ countries: ['OOO'], states: ['US-TX', 'AU-TAS'] });
  });

  it('keeps leading formula characters: export neutralises them', () => {
    const result = validateContactCells(cells({ name: '=Anna', jobTitle: '@home - lead' }), 2);
    expect(result.contact).toMatchObject({ name: '=Anna', jobTitle: '@home - lead' });
  });

  it.each<[string, Partial<Record<ContactColumnKey, string>>, ContactColumnKey, string, object]>([
    ['empty name', { name: '   ' }, 'name', 'contacts.csv.required', {}],
    ['empty e-mail', { email: '' }, 'email', 'contacts.csv.required', {}],
    ['empty job title', { jobTitle: '' }, 'jobTitle', 'contacts.csv.required', {}],
    ['empty role', { role: ' ' }, 'role', 'contacts.csv.required', {}],
    ['empty countries', { countries: ' , ; ' }, 'countries', 'contacts.csv.required', {}],
    ['bad e-mail', { email: 'anna@' }, 'email', 'contacts.csv.emailInvalid', { value: 'anna@' }],
    [
      'unknown role',
      { role: 'Sales' },
      'role',
      'contacts.csv.roleUnknown',
      {
        value: 'Sales',
        roles:
          'Partner marketing, Partner sales, Partner technical sales, Partner customer success manager',
      },
    ],
    [
      'unknown country',
      { countries: 'US, XX' },
      'countries',
      'contacts.csv.countryUnknown',
      { value: 'XX' },
    ],
    ['OOO with others', { countries: 'OOO, US' }, 'countries', 'contacts.csv.allRegionsAlone', {}],
    [
      'unknown state',
      { states: 'PL-MZ' },
      'states',
      'contacts.csv.stateUnknown',
      { value: 'PL-MZ' },
    ],
    [
      'state outside the countries',
      { countries: 'US', states: 'au-nsw' },
      'states',
      'contacts.csv.stateCountryMissing',
      { value: 'AU-NSW', country: 'AU' },
    ],
    ['long name', { name: 'x'.repeat(121) }, 'name', 'contacts.csv.tooLong', { maximum: 120 }],
    [
      'long job title',
      { jobTitle: 'ą'.repeat(121) },
      'jobTitle',
      'contacts.csv.tooLong',
      { maximum: 120 },
    ],
    [
      'a bell character in name',
      { name: 'Anna\u0007Kowalska' },
      'name',
      'contacts.csv.controlCharacters',
      {},
    ],
    [
      'a NUL in job title',
      { jobTitle: 'Head\u0000of' },
      'jobTitle',
      'contacts.csv.controlCharacters',
      {},
    ],
    ['undecodable bytes', { name: 'Kowalsk\ufffd' }, 'name', 'contacts.csv.unreadable', {}],
  ])('refuses %s', (_, overrides, column, code, params) => {
    const header = {
      name: 'Name',
      email: 'Email',
      jobTitle: 'Job title',
      role: 'Role',
      countries: 'Countries/Regions',
      states: 'States/Provinces',
    }[column];
    expect(validateContactCells(cells(overrides), 7)).toEqual({
      issues: [{ path: ['rows', 7, column], code, params: { row: 7, column: header, ...params } }],
    });
  });

  it('accepts exactly 120 characters', () => {
    expect(validateContactCells(cells({ name: 'x'.repeat(120) }), 2).issues).toEqual([]);
  });

  it('reports every problem of a row, in column order', () => {
    const { contact, issues } = validateContactCells(
      {
        name: '',
        email: 'not-an-address',
        jobTitle: 'x'.repeat(130),
        role: 'Boss',
        countries: 'US, ZZ, OOO',
        states: 'US-WA, XX-YY, CA-QC',
      },
      12,
    );
    expect(contact).toBeUndefined();
    expect(issues.map((issue) => [issue.path[2], issue.code, issue.params?.value])).toEqual([
      ['name', 'contacts.csv.required', undefined],
      ['email', 'contacts.csv.emailInvalid', 'not-an-address'],
      ['jobTitle', 'contacts.csv.tooLong', undefined],
      ['role', 'contacts.csv.roleUnknown', 'Boss'],
      ['countries', 'contacts.csv.countryUnknown', 'ZZ'],
      ['countries', 'contacts.csv.allRegionsAlone', undefined],
      ['states', 'contacts.csv.stateUnknown', 'XX-YY'],
    ]);
    expect(issues.every((issue) => issue.path[1] === 12 && issue.params?.row === 12)).toBe(true);
  });

  it('does not blame states when no country could be read', () => {
    const { issues } = validateContactCells(cells({ countries: 'XX', states: 'US-WA' }), 2);
    expect(issues.map((issue) => issue.code)).toEqual(['contacts.csv.countryUnknown']);
  });

  it('shortens a long offending value in the message', () => {
    const { issues } = validateContactCells(cells({ email: `${'a'.repeat(200)}@` }), 2);
    expect(issues[0]!.params!.value).toBe(`${'a'.repeat(60)}…`);
  });
});

describe('ContactInputSchema (REST API)', () => {
  const body = {
    name: ' Li Wei ',
    email: 'Li.Wei@Example.CN',
    jobTitle: '销售总监',
    role: 'partner-sales',
    countries: ['cn', 'TW', 'CN'],
  };

  it('trims, lower-cases the e-mail, upper-cases and merges codes, defaults states', () => {
    expect(ContactInputSchema.parse(body)).toEqual({
      name: 'Li Wei',
      email: 'li.wei@example.cn',
      jobTitle: '销售总监',
      role: 'partner-sales',
      countries: ['CN', 'TW'],
      states: [],
    } satisfies ContactInput);
  });

  const issuesOf = (input: unknown) => {
    const result = ContactInputSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message]);
  };

  it('joins a line break in a name or job title into one line', () => {
    const parsed = ContactInputSchema.parse({
      ...body,
      name: 'Anna\r\n Kowalska',
      jobTitle: 'Head\tof sales',
    });
    expect([parsed.name, parsed.jobTitle]).toEqual(['Anna Kowalska', 'Head of sales']);
  });

  it('answers with message keys', () => {
    expect(issuesOf({ ...body, name: ' ', jobTitle: 'a\u0007b', role: 'Partner sales' })).toEqual([
      ['name', 'contacts.name.required'],
      ['jobTitle', 'contacts.text.controlCharacters'],
      ['role', 'contacts.role.unknown'],
    ]);
    expect(issuesOf({ ...body, jobTitle: '' })).toEqual([
      ['jobTitle', 'contacts.jobTitle.required'],
    ]);
    expect(issuesOf({ ...body, name: 'x'.repeat(121) })).toEqual([
      ['name', 'contacts.text.tooLong'],
    ]);
    expect(issuesOf({ ...body, countries: [] })).toEqual([
      ['countries', 'contacts.countries.required'],
    ]);
    expect(issuesOf({ ...body, countries: ['US', 'XX'] })).toEqual([
      ['countries.1', 'contacts.country.unknown'],
    ]);
    expect(issuesOf({ ...body, states: ['US-ZZ'] })).toEqual([
      ['states.0', 'contacts.state.unknown'],
    ]);
  });

  it('checks OOO alone and each state against the countries', () => {
    expect(issuesOf({ ...body, countries: ['OOO', 'US'] })).toEqual([
      ['countries', 'contacts.countries.allRegionsAlone'],
    ]);
    expect(issuesOf({ ...body, countries: ['US'], states: ['us-wa', 'AU-NSW'] })).toEqual([
      ['states.1', 'contacts.state.countryMissing'],
    ]);
    expect(issuesOf({ ...body, countries: ['OOO'], states: ['AU-NSW', 'CA-QC', 'US-DC'] })).toEqual(
      [],
    );
  });

  it('refuses unknown fields and bad e-mails', () => {
    expect(issuesOf({ ...body, phone: '1' }).map(([path]) => path)).toEqual(['']);
    expect(issuesOf({ ...body, email: 'x@' })).toEqual([['email', 'email.invalid']]);
  });
});

describe('contactKey and sameContact', () => {
  const contact: ContactInput = {
    name: 'Anna',
    email: 'anna@example.com',
    jobTitle: 'CTO',
    role: 'partner-sales',
    countries: ['US', 'CA'],
    states: ['US-WA', 'CA-ON'],
  };

  it('identifies a row by e-mail and role', () => {
    expect(contactKey(contact)).toBe('anna@example.com|partner-sales');
    expect(contactKey({ ...contact, email: 'ANNA@example.com' })).toBe(contactKey(contact));
    expect(contactKey({ ...contact, role: 'partner-marketing' })).not.toBe(contactKey(contact));
  });

  it('ignores the order of codes but nothing else', () => {
    expect(
      sameContact(contact, { ...contact, countries: ['CA', 'US'], states: ['CA-ON', 'US-WA'] }),
    ).toBe(true);
    expect(sameContact(contact, { ...contact, countries: ['US'] })).toBe(false);
    expect(sameContact(contact, { ...contact, states: ['US-WA'] })).toBe(false);
    expect(sameContact(contact, { ...contact, name: 'Anne' })).toBe(false);
    expect(sameContact(contact, { ...contact, jobTitle: 'CEO' })).toBe(false);
    expect(sameContact(contact, { ...contact, role: 'partner-marketing' })).toBe(false);
    expect(sameContact(contact, { ...contact, email: 'other@example.com' })).toBe(false);
  });
});
