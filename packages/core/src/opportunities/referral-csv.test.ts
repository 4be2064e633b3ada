import { describe, expect, it } from 'vitest';
import { newOutboundReferral } from './lifecycle';
import { ReferralCreateSchema } from './opportunities.schemas';
import {
  MAX_REFERRAL_IMPORT_ROWS,
  parseCloseDate,
  parseDealValue,
  parseReferralsCsv,
  referralsCsvChunks,
  type ParsedReferralRow,
} from './referral-csv';

/** A partner's outbound deal, as New deal creates it. */
const outbound = (overrides: Record<string, unknown> = {}) =>
  newOutboundReferral(
    ReferralCreateSchema.parse({
      name: 'Contoso data platform',
      type: 'Independent',
      customerProfile: { name: 'Contoso', address: { country: 'US', city: 'Redmond' } },
      consent: { consentToShareReferralWithMicrosoftSellers: true },
      details: {
        notes: 'Customer wants to move its warehouse.',
        dealValue: 50000,
        currency: 'USD',
        closingDateTime: '2025-09-30T00:00:00Z',
        requirements: { solutions: [{ id: 'sol-1', name: 'Fabrikam Lakehouse' }] },
      },
      team: [{ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@partner.example' }],
      ...overrides,
    }),
    {
      id: 'ref-1',
      engagementId: 'eng-1',
      organization: { id: 'org-partner', name: 'Fabrikam' },
      now: new Date('2025-03-01T09:00:00.000Z'),
    },
  );

async function parse(text: string | Uint8Array, maxIssues?: number) {
  async function* source() {
    yield text;
  }
  const rows: ParsedReferralRow[] = [];
  for await (const row of parseReferralsCsv(source(), { maxIssues })) rows.push(row);
  return rows;
}

const HEADER =
  'Name,Customer name,Customer country/region,Deal value,Currency,Close date,Solutions,Notes,Team';

describe('opportunities CSV', () => {
  it('reads back what it exports: each deal matched by id, with its values', async () => {
    const deal = outbound({ externalReferenceId: 'CRM-17', salesStage: 'Qualified' });
    const text = [...referralsCsvChunks([deal])].join('');
    expect(text.startsWith('\ufeffId,External reference ID,Name,')).toBe(true);
    const [row] = await parse(text);
    expect(row!.issues).toEqual([]);
    expect(row!.values).toEqual({
      id: deal.id,
      externalReferenceId: 'CRM-17',
      name: 'Contoso data platform',
      visibility: 'private',
      salesStage: 'Qualified',
      customerName: 'Contoso',
      customerCountry: 'US',
      customerCity: 'Redmond',
      dealValue: 50000,
      currency: 'USD',
      closingDateTime: '2025-09-30T00:00:00.000Z',
      solutions: ['sol-1'],
      team: ['ada@partner.example'],
      notes: 'Customer wants to move its warehouse.',
      eTag: deal.eTag,
    });
  });

  it('neutralises formulas on export and restores them on import', async () => {
    const deal = outbound({ name: '=HYPERLINK("http://evil.example")' });
    const text = [...referralsCsvChunks([deal])].join('');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    const [row] = await parse(text);
    expect(row!.values?.name).toBe('=HYPERLINK("http://evil.example")');
  });

  it('creates from a row without id: a semicolon file with grouped amounts, as Polish Excel saves it', async () => {
    const text =
      'Name;Customer name;Customer country/region;Deal value;Currency;Close date;Solutions;Notes\r\n' +
      'Migracja;Contoso Sp. z o.o.;pl;150 000,50;pln;2027-03-31;"sol-1; sol-2";Klient chce przenieść dane\r\n';
    const [row] = await parse(text);
    expect(row!.issues).toEqual([]);
    expect(row!.values).toMatchObject({
      name: 'Migracja',
      customerName: 'Contoso Sp. z o.o.',
      customerCountry: 'PL',
      dealValue: 150000.5,
      currency: 'PLN',
      closingDateTime: '2027-03-31T00:00:00.000Z',
    });
  });

  it('names the row and column of every missing value of a new deal, and of every bad cell', async () => {
    const text = `${HEADER}\nNew deal,,US,lots,USD,2027-02-30,sol-1,,ada@example.com; not-an-address\n`;
    const [row] = await parse(text);
    expect(row!.values).toBeUndefined();
    const found = row!.issues.map((issue) => [issue.path.join('.'), issue.code]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['rows.2.dealValue', 'referralCsv.dealValue'],
        ['rows.2.closingDate', 'referralCsv.closeDate'],
        ['rows.2.team', 'referralCsv.teamEmail'],
        ['rows.2.customerName', 'referralCsv.requiredForNew'],
        ['rows.2.notes', 'referralCsv.requiredForNew'],
      ]),
    );
    // A bad cell is reported once, not again as "missing".
    expect(found.filter(([path]) => path === 'rows.2.dealValue')).toHaveLength(1);
    expect(row!.issueCount).toBe(5);
  });

  it('updates by external reference id with only the cells a row fills', async () => {
    const text = 'External reference ID,Deal value,Sales stage\nCRM-1,"1,250,000",developed\n';
    const [row] = await parse(text);
    expect(row!.values).toEqual({
      externalReferenceId: 'CRM-1',
      dealValue: 1250000,
      salesStage: 'Developed',
    });
  });

  it('stops at an unknown or repeated column: its values would land in the wrong field', async () => {
    const rows = await parse('Id,Name,Colour,Name\nr1,A,red,B\n');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.issues.map((issue) => issue.code)).toEqual([
      'referralCsv.unknownColumn',
      'referralCsv.duplicateColumn',
    ]);
  });

  it(`refuses a file of more than ${MAX_REFERRAL_IMPORT_ROWS} deals, naming the limit`, async () => {
    const lines = ['Id,Notes'];
    for (let i = 0; i <= MAX_REFERRAL_IMPORT_ROWS; i++) lines.push(`r${i},n`);
    const rows = await parse(lines.join('\n'));
    expect(rows).toHaveLength(MAX_REFERRAL_IMPORT_ROWS + 1);
    expect(rows.at(-1)!.issues[0]).toMatchObject({
      path: ['file'],
      code: 'referralCsv.tooManyRows',
    });
  });

  it('lists at most the issue budget, keeping every row’s count', async () => {
    const lines = ['Id,Deal value'];
    for (let i = 0; i < 5; i++) lines.push(`r${i},x`);
    const rows = await parse(lines.join('\n'), 2);
    expect(rows.map((row) => row.issues.length)).toEqual([1, 1, 0, 0, 0]);
    expect(rows.every((row) => row.issueCount === 1)).toBe(true);
  });

  it('reads amounts and dates as people type them, and refuses ambiguous ones', () => {
    expect(parseDealValue('150000')).toBe(150000);
    expect(parseDealValue('150 000')).toBe(150000);
    expect(parseDealValue('150.000,25')).toBe(150000.25);
    expect(parseDealValue("1'500'000")).toBe(1500000);
    expect(parseDealValue('1.5.0')).toBeUndefined();
    expect(parseDealValue('-5')).toBeUndefined();
    expect(parseDealValue('12,3456')).toBeUndefined();
    expect(parseCloseDate('2027-12-31')).toBe('2027-12-31T00:00:00.000Z');
    expect(parseCloseDate('2027-12-31T10:00:00Z')).toBe('2027-12-31T10:00:00.000Z');
    expect(parseCloseDate('31/12/2027')).toBeUndefined();
    expect(parseCloseDate('2027-02-29')).toBeUndefined();
  });
});
