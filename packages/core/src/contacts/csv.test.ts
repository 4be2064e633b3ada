import { describe, expect, it } from 'vitest';
import type { ContactInput } from './contact';
import {
  CONTACT_CSV_COLUMNS,
  contactsCsvChunks,
  contactsCsvTemplate,
  detectContactSeparator,
  formatContactCountries,
  formatContactStates,
  parseContactsCsv,
  type ParsedContactRow,
} from './csv';

const HEADER = 'Name,Email,Job title,Role,Countries/Regions,States/Provinces';

async function* chunks(...parts: (string | Uint8Array)[]): AsyncGenerator<string | Uint8Array> {
  yield* parts;
}

async function parse(...parts: (string | Uint8Array)[]): Promise<ParsedContactRow[]> {
  const rows: ParsedContactRow[] = [];
  for await (const row of parseContactsCsv(chunks(...parts))) rows.push(row);
  return rows;
}

async function parseWith(text: string, maxIssues: number): Promise<ParsedContactRow[]> {
  const rows: ParsedContactRow[] = [];
  for await (const row of parseContactsCsv(chunks(text), { maxIssues })) rows.push(row);
  return rows;
}

/** `[row, code, column | 'row' | 'file', value?]` of every listed issue. */
const issueSummary = (rows: ParsedContactRow[]) =>
  rows.flatMap((row) =>
    row.issues.map((issue) => [
      row.row,
      issue.code,
      issue.path[0] === 'file' ? 'file' : (issue.path[2] ?? 'row'),
      issue.params?.value,
    ]),
  );

const anna: ContactInput = {
  name: 'Anna Kowalska',
  email: 'anna@example.pl',
  jobTitle: 'Dyrektor sprzedaży',
  role: 'partner-sales',
  countries: ['US', 'CA'],
  states: ['US-WA'],
};

describe('parseContactsCsv: rows and columns', () => {
  it('reads the standard file', async () => {
    const rows = await parse(
      `${HEADER}\r\nAnna Kowalska,anna@example.pl,Dyrektor sprzedaży,Partner sales,"US, CA",US-WA\r\n`,
    );
    expect(rows).toEqual([{ row: 2, contact: anna, issues: [], issueCount: 0 }]);
  });

  it('reports every bad row of a mixed file with its spreadsheet row number', async () => {
    const rows = await parse(
      [
        HEADER,
        'Good One,one@example.com,CTO,Partner sales,US,',
        'Bad Mail,two@,CTO,Partner sales,US,',
        '',
        'Good Two,three@example.com,CTO,Partner marketing,OOO,',
        'Bad Role,four@example.com,CTO,Seller,SE,',
        '"Multi',
        'line",five@example.com,CTO,Partner sales,XX,',
        'Good Three,six@example.com,"Head of ""Sales""",Partner sales,"PL, SE",',
        'Bad Code,seven@example.com,CTO,Partner sales,"US, OOO",',
        'Bad State,eight@example.com,CTO,Partner sales,US,AU-NSW',
      ].join('\n'),
    );
    expect(rows.map((row) => [row.row, row.contact?.email ?? null, row.issueCount])).toEqual([
      [2, 'one@example.com', 0],
      [3, null, 1],
      // row 4 is the blank line: skipped, but counted as a spreadsheet shows it
      [5, 'three@example.com', 0],
      [6, null, 1],
      [7, null, 1],
      [8, 'six@example.com', 0],
      [9, null, 1],
      [10, null, 1],
    ]);
    expect(issueSummary(rows)).toEqual([
      [3, 'contacts.csv.emailInvalid', 'email', 'two@'],
      [6, 'contacts.csv.roleUnknown', 'role', 'Seller'],
      [7, 'contacts.csv.countryUnknown', 'countries', 'XX'],
      [9, 'contacts.csv.allRegionsAlone', 'countries', undefined],
      [10, 'contacts.csv.stateCountryMissing', 'states', 'AU-NSW'],
    ]);
    expect(rows[5]!.contact!.jobTitle).toBe('Head of "Sales"');
  });

  it.each([
    ['empty name', ',x@example.com,CTO,Partner sales,US,', 'name', 'contacts.csv.required'],
    ['empty e-mail', 'Anna,,CTO,Partner sales,US,', 'email', 'contacts.csv.required'],
    [
      'bad e-mail',
      'Anna,anna@@example.com,CTO,Partner sales,US,',
      'email',
      'contacts.csv.emailInvalid',
    ],
    [
      'empty job title',
      'Anna,x@example.com, ,Partner sales,US,',
      'jobTitle',
      'contacts.csv.required',
    ],
    ['unknown role', 'Anna,x@example.com,CTO,Partner,US,', 'role', 'contacts.csv.roleUnknown'],
    [
      'empty countries',
      'Anna,x@example.com,CTO,Partner sales,,',
      'countries',
      'contacts.csv.required',
    ],
    [
      'unknown country',
      'Anna,x@example.com,CTO,Partner sales,"US, Utopia",',
      'countries',
      'contacts.csv.countryUnknown',
    ],
    [
      'OOO with others',
      'Anna,x@example.com,CTO,Partner sales,"OOO; US",',
      'countries',
      'contacts.csv.allRegionsAlone',
    ],
    [
      'unknown state',
      'Anna,x@example.com,CTO,Partner sales,US,US-XX',
      'states',
      'contacts.csv.stateUnknown',
    ],
    [
      'foreign state',
      'Anna,x@example.com,CTO,Partner sales,CA,US-WA',
      'states',
      'contacts.csv.stateCountryMissing',
    ],
    [
      'long name',
      `${'N'.repeat(121)},x@example.com,CTO,Partner sales,US,`,
      'name',
      'contacts.csv.tooLong',
    ],
    [
      'long job title',
      `Anna,x@example.com,${'T'.repeat(121)},Partner sales,US,`,
      'jobTitle',
      'contacts.csv.tooLong',
    ],
    [
      'a control character in job title',
      'Anna,x@example.com,"CTO\u0001CEO",Partner sales,US,',
      'jobTitle',
      'contacts.csv.controlCharacters',
    ],
  ])('reports %s on row 3, its column', async (_, line, column, code) => {
    const rows = await parse(
      `${HEADER}\nGood,good@example.com,CTO,Partner sales,US,\n${line}\nAfter,after@example.com,CTO,Partner sales,US,\n`,
    );
    expect(rows.map((row) => [row.row, row.issueCount])).toEqual([
      [2, 0],
      [3, 1],
      [4, 0],
    ]);
    expect(rows[1]!.issues[0]).toMatchObject({
      path: ['rows', 3, column],
      code,
      params: { row: 3, column: CONTACT_CSV_COLUMNS.find((c) => c.key === column)!.header },
    });
  });

  it('ignores a blank spacer column in the header', async () => {
    const rows = await parse(
      'Name,,Email,Job title,Role,Countries/Regions\nAnna Kowalska,,anna@example.pl,Dyrektor sprzedaży,Partner sales,"US, CA"\n',
    );
    expect(rows).toEqual([{ row: 2, contact: { ...anna, states: [] }, issues: [], issueCount: 0 }]);
  });

  it('reads a Swedish/Polish Excel file: semicolons, unquoted "US, CA"', async () => {
    const rows = await parse(
      'Name;Email;Job title;Role;Countries/Regions;States/Provinces\r\n' +
        'Åsa Öberg;asa@example.se;Försäljningschef;Partner sales;US, CA;US-WA, CA-QC\r\n' +
        'Łukasz Żółć;lukasz@example.pl;Kierownik, sprzedaż;partner marketing;PL; \r\n',
    );
    expect(rows.map((row) => row.contact)).toEqual([
      {
        name: 'Åsa Öberg',
        email: 'asa@example.se',
        jobTitle: 'Försäljningschef',
        role: 'partner-sales',
        countries: ['US', 'CA'],
        states: ['US-WA', 'CA-QC'],
      },
      {
        name: 'Łukasz Żółć',
        email: 'lukasz@example.pl',
        jobTitle: 'Kierownik, sprzedaż',
        role: 'partner-marketing',
        countries: ['PL'],
        states: [],
      },
    ]);
  });

  it('reads a tab-separated file (Excel "Unicode text")', async () => {
    const rows = await parse(
      'Name\tEmail\tJob title\tRole\tCountries/Regions\tStates/Provinces\n' +
        'Anna Kowalska\tanna@example.pl\tDyrektor sprzedaży\tPartner sales\tUS, CA\tUS-WA\n',
    );
    expect(rows.map((row) => row.contact)).toEqual([anna]);
  });

  it('accepts lower-case codes and Australian states', async () => {
    const rows = await parse(
      `${HEADER}\nBruce,bruce@example.com.au,CTO,Partner sales,au,au-nsw au-vic;au-act\n`,
    );
    expect(rows[0]!.contact).toMatchObject({
      countries: ['AU'],
      states: ['AU-NSW', 'AU-VIC', 'AU-ACT'],
    });
  });

  it('maps a header in another order, other spellings and case, without States', async () => {
    const rows = await parse(
      ' EMAIL ADDRESS ,role,Countries,job title,NAME\n' +
        'anna@example.pl,Partner sales,"US, CA",Dyrektor sprzedaży,Anna Kowalska\n',
    );
    expect(rows).toEqual([{ row: 2, contact: { ...anna, states: [] }, issues: [], issueCount: 0 }]);
  });

  it('reads a file without header in the standard order, from row 1', async () => {
    const rows = await parse(
      'Anna Kowalska;anna@example.pl;Dyrektor sprzedaży;Partner sales;US, CA;US-WA\n' +
        'Bad;bad@;x;Partner sales;US\n',
    );
    expect(rows.map((row) => [row.row, row.issueCount])).toEqual([
      [1, 0],
      [2, 1],
    ]);
    expect(rows[0]!.contact).toEqual(anna);
  });

  it('names each missing required column once, and stops', async () => {
    const rows = await parse('Name,Email,Role\nAnna,anna@example.pl,Partner sales\n');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.row).toBe(1);
    expect(rows[0]!.issues.map((issue) => [issue.path, issue.code, issue.params?.column])).toEqual([
      [['file'], 'contacts.csv.missingColumn', 'Job title'],
      [['file'], 'contacts.csv.missingColumn', 'Countries/Regions'],
    ]);
  });

  it('refuses a repeated column and reports an unknown one', async () => {
    const repeated = await parse('Name,Email,Email,Job title,Role,Countries\n');
    expect(issueSummary(repeated)).toEqual([
      [1, 'contacts.csv.duplicateColumn', 'file', undefined],
    ]);
    const unknown = await parse(
      `${HEADER},Phone\nAnna Kowalska,anna@example.pl,Dyrektor sprzedaży,Partner sales,"US,CA",US-WA,+48 1\n`,
    );
    expect(issueSummary(unknown)).toEqual([[1, 'contacts.csv.unknownColumn', 'file', 'Phone']]);
    expect(unknown[1]!.contact).toEqual(anna);
  });

  it('treats missing cells as empty and extra cells as an issue', async () => {
    const rows = await parse(
      `${HEADER}\n` +
        'Anna Kowalska,anna@example.pl,Dyrektor sprzedaży,Partner sales,"US, CA"\n' +
        'Anna Kowalska,anna@example.pl,Dyrektor sprzedaży\n' +
        'Anna Kowalska,anna@example.pl,Dyrektor sprzedaży,Partner sales,US,,oops\n' +
        'Anna Kowalska,anna@example.pl,Dyrektor sprzedaży,Partner sales,US,,,,\n',
    );
    expect(rows[0]!.contact).toEqual({ ...anna, states: [] });
    expect(issueSummary(rows)).toEqual([
      [3, 'contacts.csv.required', 'role', undefined],
      [3, 'contacts.csv.required', 'countries', undefined],
      [4, 'contacts.csv.tooManyCells', 'row', undefined],
    ]);
    expect(rows[2]!.issues[0]).toEqual({
      path: ['rows', 4],
      code: 'contacts.csv.tooManyCells',
      params: { row: 4, count: 7, maximum: 6 },
    });
    // Trailing empty cells (Excel pads rows to the widest one) are not extra cells.
    expect(rows[3]!.issueCount).toBe(0);
  });

  it('skips blank and separator-only lines but counts them as rows', async () => {
    const rows = await parse(
      `\n\n${HEADER}\n , ,,\n\nAnna Kowalska,anna@example.pl,Dyrektor sprzedaży,Partner sales,"US, CA",US-WA`,
    );
    expect(rows.map((row) => [row.row, row.issueCount])).toEqual([[6, 0]]);
  });

  it('reads CRLF, LF and lone CR line ends', async () => {
    const line = 'Anna Kowalska,anna@example.pl,Dyrektor sprzedaży,Partner sales,"US, CA",US-WA';
    for (const eol of ['\r\n', '\n', '\r']) {
      const rows = await parse([HEADER, line, line, ''].join(eol));
      expect(rows.map((row) => [row.row, row.contact])).toEqual([
        [2, anna],
        [3, anna],
      ]);
    }
  });

  it('allows spaces around quoted cells', async () => {
    const rows = await parse(
      `${HEADER}\n  Anna Kowalska , "anna@example.pl" ,Dyrektor sprzedaży, Partner sales , "US, CA" ,US-WA\n`,
    );
    expect(rows[0]!.contact).toEqual(anna);
  });

  it('reports malformed quoting on its row and goes on', async () => {
    const rows = await parse(
      `${HEADER}\n` +
        'Anna "AK" Kowalska,anna@example.pl,CTO,Partner sales,US,\n' +
        '"Bob"by,bob@example.com,CTO,Partner sales,US,\n' +
        'Carl,carl@example.com,CTO,Partner sales,US,\n' +
        '"Dora,dora@example.com,CTO,Partner sales,US,\n' +
        'Emil,emil@example.com,CTO,Partner sales,US,\n',
    );
    expect(rows.map((row) => [row.row, row.contact?.name ?? null, row.issues[0]?.code])).toEqual([
      // A quote inside an unquoted cell is a character, as Excel reads it.
      [2, 'Anna "AK" Kowalska', undefined],
      [3, null, 'contacts.csv.malformedQuotes'],
      [4, 'Carl', undefined],
      [5, null, 'contacts.csv.malformedQuotes'],
      [6, 'Emil', undefined],
    ]);
    expect(rows[1]!.issues[0]).toEqual({
      path: ['rows', 3],
      code: 'contacts.csv.malformedQuotes',
      params: { row: 3 },
    });
  });

  it('undoes formula neutralisation', async () => {
    const rows = await parse(
      `${HEADER}\n'=Anna,'-anna@example.pl,'@home,Partner sales,US,\n'Bob,bob@example.com,''+x,Partner sales,US,\n`,
    );
    expect(
      rows.map((row) => [row.contact?.name, row.contact?.email, row.contact?.jobTitle]),
    ).toEqual([
      ['=Anna', '-anna@example.pl', '@home'],
      ["'Bob", 'bob@example.com', "'+x"],
    ]);
  });

  it('yields nothing for an empty or header-only file', async () => {
    expect(await parse()).toEqual([]);
    expect(await parse('')).toEqual([]);
    expect(await parse('\ufeff')).toEqual([]);
    expect(await parse('\n\r\n')).toEqual([]);
    expect(await parse(contactsCsvTemplate())).toEqual([]);
    expect(await parse(HEADER)).toEqual([]);
  });
});

describe('parseContactsCsv: encodings', () => {
  // Decoding is the csv module's (csv-reader.test.ts); here, what validation makes of it.
  it('reads a file in Windows-1252 for an English user', async () => {
    // "Åsa" in Windows-1252: 0xC5 is not UTF-8.
    const bytes = Uint8Array.of(
      ...new TextEncoder().encode(`${HEADER}\n`),
      0xc5,
      ...new TextEncoder().encode('sa,asa@example.se,CTO,Partner sales,SE,\n'),
    );
    const rows = await parse(bytes);
    expect(issueSummary(rows)).toEqual([]);
    expect(rows[0]!.contact?.name).toBe('Åsa');
  });

  it('reports bytes that are not UTF-8 after a UTF-8 start on the cells they spoil', async () => {
    const start = new TextEncoder().encode(
      `${HEADER}\n${'Anna,anna@example.com,CTO,Partner sales,US,\n'.repeat(1700)}`,
    );
    expect(start.length).toBeGreaterThan(64 * 1024);
    const bytes = Uint8Array.of(
      ...start,
      0xc5,
      ...new TextEncoder().encode('sa,asa@example.se,CTO,Partner sales,SE,\n'),
    );
    expect(issueSummary(await parse(bytes))).toContainEqual([
      1702,
      'contacts.csv.unreadable',
      'name',
      undefined,
    ]);
  });
});

describe('parseContactsCsv: maxIssues', () => {
  const file = [
    HEADER,
    ...Array.from({ length: 5 }, (_, i) => `Bad ${i},bad${i}@,x,Nobody,XX,`),
    'Good,good@example.com,CTO,Partner sales,US,',
  ].join('\n');

  it('lists the first maxIssues issues in file order and counts the rest', async () => {
    const rows = await parseWith(file, 4);
    expect(rows.map((row) => [row.row, row.issues.length, row.issueCount])).toEqual([
      [2, 3, 3],
      [3, 1, 3],
      [4, 0, 3],
      [5, 0, 3],
      [6, 0, 3],
      [7, 0, 0],
    ]);
    expect(rows[1]!.issues[0]!.code).toBe('contacts.csv.emailInvalid');
    expect(rows.filter((row) => row.issueCount > 0)).toHaveLength(5);
    expect(rows.every((row) => (row.contact !== undefined) === (row.issueCount === 0))).toBe(true);
  });

  it('defaults to 1000 issues', async () => {
    const many = [HEADER, ...Array.from({ length: 600 }, () => 'x,bad@,y,Partner sales,US,XX-YY')];
    const rows: ParsedContactRow[] = [];
    for await (const row of parseContactsCsv(chunks(many.join('\n')))) rows.push(row);
    expect(rows.reduce((sum, row) => sum + row.issues.length, 0)).toBe(1000);
    expect(rows.reduce((sum, row) => sum + row.issueCount, 0)).toBe(1200);
  });

  it('counts header issues in the budget', async () => {
    const rows = await parseWith(`${HEADER},Notes,Extra\nx,bad@,y,Partner sales,US,,,\n`, 1);
    expect(rows.map((row) => [row.row, row.issues.length, row.issueCount])).toEqual([
      [1, 1, 2],
      [2, 0, 1],
    ]);
  });
});

describe('detectContactSeparator', () => {
  it.each([
    [HEADER, ','],
    ['Name;Email;Job title;Role;Countries/Regions;States/Provinces', ';'],
    ['Name\tEmail\tJob title\tRole\tCountries/Regions', '\t'],
    ['Anna;anna@example.pl;CTO;Partner sales;US, CA, FR, DE, GB;', ';'],
    ['Anna, Kowalska;anna@example.pl;CTO, CEO;Partner sales;US, CA;US-WA', ';'],
    ['Anna,anna@example.pl,CTO,Partner sales,"US; CA",US-WA', ','],
    ['"Kowalska; Anna",anna@example.pl,CTO,Partner sales,US', ','],
    ['a\tb@c.pl\tCTO; CEO\tPartner sales\tUS, CA\t', '\t'],
  ])('%j → %j', (line, separator) => {
    expect(detectContactSeparator(line)).toBe(separator);
  });
});

describe('export', () => {
  it('writes BOM, header, CRLF, quoted and neutralised cells', () => {
    const csv = [
      ...contactsCsvChunks([
        anna,
        {
          name: '=HYPERLINK("http://x")',
          email: '+1@example.com',
          jobTitle: 'Boss; "big", really',
          role: 'partner-customer-success-manager',
          countries: ['OOO'],
          states: [],
        },
      ]),
    ].join('');
    expect(csv).toBe(
      `\ufeff${HEADER}\r\n` +
        'Anna Kowalska,anna@example.pl,Dyrektor sprzedaży,Partner sales,"US, CA",US-WA\r\n' +
        `"'=HYPERLINK(""http://x"")",'+1@example.com,"Boss; ""big"", really",Partner customer success manager,OOO,\r\n`,
    );
  });

  it('has a template of BOM, header, example row and legend lines', () => {
    const template = contactsCsvTemplate();
    expect(template.startsWith(`\ufeff${HEADER}\r\nAlex Example,alex@example.com,`)).toBe(true);
    expect(
      template
        .split('\r\n')
        .slice(2, -1)
        .every((line) => /^"?# /.test(line)),
    ).toBe(true);
    expect(CONTACT_CSV_COLUMNS.map((column) => column.key)).toEqual([
      'name',
      'email',
      'jobTitle',
      'role',
      'countries',
      'states',
    ]);
  });

  it('formats codes as the cells show them', () => {
    expect(formatContactCountries(anna)).toBe('US, CA');
    expect(formatContactCountries({ countries: ['OOO'] })).toBe('OOO');
    expect(formatContactStates({ states: ['US-WA', 'AU-NSW'] })).toBe('US-WA, AU-NSW');
    expect(formatContactStates({ states: [] })).toBe('');
  });
});
