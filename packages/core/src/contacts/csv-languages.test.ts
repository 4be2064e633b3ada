/**
 * A contacts file as people in the five interface languages fill it: country/region names and
 * roles in their language, the template's example and legend lines, and files Excel saved in
 * the legacy code page of their language.
 */
import { describe, expect, it } from 'vitest';
import type { Locale } from '../accounts/accounts.types';
import { contactsCsvTemplate, parseContactsCsv, type ParsedContactRow } from './csv';

const HEADER = 'Name,Email,Job title,Role,Countries/Regions,States/Provinces';

async function* chunks(...parts: (string | Uint8Array)[]): AsyncGenerator<string | Uint8Array> {
  yield* parts;
}

async function parse(
  content: string | Uint8Array,
  locale: Locale = 'en',
): Promise<ParsedContactRow[]> {
  const rows: ParsedContactRow[] = [];
  for await (const row of parseContactsCsv(chunks(content), { locale })) rows.push(row);
  return rows;
}

/** The file of one contact row with these countries and role. */
const oneRow = (countries: string, role = 'Partner sales', states = '') =>
  `${HEADER}\r\nAnna Kowalska,anna@example.pl,Director,${role},"${countries}",${states}\r\n`;

const issues = (rows: ParsedContactRow[]) =>
  rows.flatMap((row) => row.issues.map((issue) => [issue.code, issue.params?.value]));

describe('country/region names', () => {
  it.each([
    ['United States', ['US']],
    ['Deutschland', ['DE']],
    ['美国', ['US']],
    ['美國', ['US']],
    ['Polska', ['PL']],
    ['Sverige', ['SE']],
    ['Stany Zjednoczone, Niemcy', ['US', 'DE']],
    ['Tyskland; USA', ['DE', 'US']],
    ['德国，日本', ['DE', 'JP']],
    ['中国、法国', ['CN', 'FR']],
    ['  united   STATES ', ['US']],
    ['Türkiye, turkiye', ['TR']],
    ['St Helena, Ascension, Tristan da Cunha, US', ['SH', 'US']],
    ['US CA', ['US', 'CA']],
    ['us, Canada', ['US', 'CA']],
  ])('reads “%s” as %j', async (cell, codes) => {
    const [row] = await parse(oneRow(cell));
    expect(issues([row!])).toEqual([]);
    expect(row!.contact?.countries).toEqual(codes);
  });

  it.each([
    'All countries/regions',
    'Wszystkie kraje/regiony',
    'Alla länder/regioner',
    '所有国家/地区',
    '所有國家/地區',
    '所有国家/地区 (OOO)',
    'OOO',
  ])('reads “%s” as OOO', async (cell) => {
    const [row] = await parse(oneRow(cell));
    expect(row!.contact?.countries).toEqual(['OOO']);
  });

  it('reports a name it does not know whole, never split at its spaces', async () => {
    const rows = await parse(oneRow('New Zeeland, Polska, Costa Rika'));
    expect(issues(rows)).toEqual([
      ['contacts.csv.countryUnknown', 'New Zeeland'],
      ['contacts.csv.countryUnknown', 'Costa Rika'],
    ]);
  });

  it('reports a state name whole too', async () => {
    const rows = await parse(oneRow('AU', 'Partner sales', 'New South Wales'));
    expect(issues(rows)).toEqual([['contacts.csv.stateUnknown', 'New South Wales']]);
  });
});

describe('contact roles', () => {
  it.each([
    ['Partner sales', 'partner-sales'],
    ['Sprzedaż partnera', 'partner-sales'],
    ['partnerförsäljning', 'partner-sales'],
    ['合作伙伴销售', 'partner-sales'],
    ['合作夥伴技術銷售', 'partner-technical-sales'],
    ['Marketing partnera', 'partner-marketing'],
    ['Partnerns kundframgångsansvarige', 'partner-customer-success-manager'],
    ['Menedżer ds. sukcesu klienta partnera', 'partner-customer-success-manager'],
  ])('reads the role “%s”', async (role, id) => {
    const [row] = await parse(oneRow('US', role));
    expect(row!.contact?.role).toBe(id);
  });
});

describe('the template', () => {
  const lines = (text: string) =>
    text
      .replace(/^\ufeff/, '')
      .split('\r\n')
      .slice(0, -1);

  it('holds the header, one example row and legend lines starting with #', () => {
    const [header, example, ...legend] = lines(contactsCsvTemplate('en'));
    expect(header).toBe(HEADER);
    expect(example).toBe(
      'Alex Example,alex@example.com,Partner sales manager,Partner sales,"United States, CA","US-WA, CA-ON"',
    );
    expect(legend.length).toBeGreaterThanOrEqual(3);
    for (const line of legend) expect(line).toMatch(/^"?# /);
    expect(legend.join('\n')).toContain('Partner customer success manager');
    expect(legend.join('\n')).toContain('OOO');
  });

  it('writes the legend in the user’s language, with the roles a file may use in it', () => {
    const legend = lines(contactsCsvTemplate('pl-PL')).slice(2).join('\n');
    expect(legend).toContain('Sprzedaż partnera');
    expect(legend).toContain('Partner sales');
    expect(legend).toContain('Wszystkie kraje/regiony');
    expect(lines(contactsCsvTemplate('zh-CN')).slice(2).join('\n')).toContain('合作伙伴销售');
  });

  it.each(['en', 'pl-PL', 'zh-TW'] as const)(
    'imports nothing from the %s template left as it is',
    async (locale) => {
      expect(await parse(contactsCsvTemplate(locale), locale)).toEqual([]);
    },
  );

  it('imports the rows added to the template, skipping its example and legend', async () => {
    const filled = `${contactsCsvTemplate('sv-SE')}Åsa Berg,asa@example.se,Säljchef,Partnerförsäljning,Sverige,\r\n`;
    const rows = await parse(filled, 'sv-SE');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.row).toBe(7);
    expect(rows[0]!.contact).toMatchObject({ email: 'asa@example.se', countries: ['SE'] });
  });

  it('reads a row whose name starts with # when it has other cells', async () => {
    const rows = await parse(`${HEADER}\r\n#1 Team,team@example.com,Sales,Partner sales,US,\r\n`);
    expect(rows[0]!.contact?.name).toBe('#1 Team');
  });
});

/**
 * `text` in a legacy code page, found by decoding every one- and two-byte sequence: the test
 * needs no encoder table of its own.
 */
function encode(text: string, encoding: string): Uint8Array {
  const decoder = new TextDecoder(encoding, { fatal: true });
  const bytes: number[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) {
      bytes.push(char.charCodeAt(0));
      continue;
    }
    let found: number[] | undefined;
    for (let a = 0x80; a <= 0xfe && !found; a++) {
      try {
        if (decoder.decode(Uint8Array.of(a)) === char) found = [a];
      } catch {
        // not a single byte
      }
      for (let b = 0x40; b <= 0xfe && !found; b++) {
        try {
          if (decoder.decode(Uint8Array.of(a, b)) === char) found = [a, b];
        } catch {
          // not this pair
        }
      }
    }
    if (!found) throw new Error(`${char} is not in ${encoding}`);
    bytes.push(...found);
  }
  return Uint8Array.from(bytes);
}

describe('files saved in a legacy code page', () => {
  const polish = `${HEADER}\r\nPaweł Dąbrowski,pawel@example.pl,Dyrektor sprzedaży,Sprzedaż partnera,Polska,\r\nŁucja Źródło,lucja@example.pl,Kierownik,Marketing partnera,Niemcy,\r\n`;
  const swedish = `${HEADER}\r\nÅsa Öberg,asa@example.se,Säljchef,Partnerförsäljning,Sverige,\r\n`;
  const simplified = `${HEADER}\r\n张伟,zhang@example.cn,销售经理,合作伙伴销售,美国,\r\n`;
  const traditional = `${HEADER}\r\n王小明,wang@example.tw,業務經理,合作夥伴銷售,美國,\r\n`;

  it.each([
    ['Polish in Windows-1250', polish, 'windows-1250', 'pl-PL' as const, 'Paweł Dąbrowski'],
    ['Swedish in Windows-1252', swedish, 'windows-1252', 'sv-SE' as const, 'Åsa Öberg'],
    ['Swedish in Windows-1252', swedish, 'windows-1252', 'en' as const, 'Åsa Öberg'],
    ['Simplified Chinese in GBK', simplified, 'gbk', 'zh-CN' as const, '张伟'],
    ['Traditional Chinese in Big5', traditional, 'big5', 'zh-TW' as const, '王小明'],
  ])('reads %s for a %s user', async (_, text, encoding, locale, name) => {
    const rows = await parse(encode(text, encoding), locale);
    expect(issues(rows)).toEqual([]);
    expect(rows[0]!.contact?.name).toBe(name);
  });

  it.each([
    ['Polish in Windows-1250', polish, 'windows-1250', 'en' as const, 'Windows-1250'],
    ['Polish in Windows-1250', polish, 'windows-1250', 'sv-SE' as const, 'Windows-1250'],
    ['Swedish in Windows-1252', swedish, 'windows-1252', 'pl-PL' as const, 'Windows-1252'],
    ['Simplified Chinese in GBK', simplified, 'gbk', 'zh-TW' as const, 'GBK/GB18030'],
    ['Simplified Chinese in GBK', simplified, 'gbk', 'en' as const, 'GBK/GB18030'],
    ['Traditional Chinese in Big5', traditional, 'big5', 'zh-CN' as const, 'Big5'],
    ['Traditional Chinese in Big5', traditional, 'big5', 'pl-PL' as const, 'Big5'],
  ])('refuses %s for a %s user, naming the code page', async (_, text, encoding, locale, named) => {
    const rows = await parse(encode(text, encoding), locale);
    expect(rows).toEqual([
      {
        row: 1,
        issues: [{ path: ['file'], code: 'contacts.csv.encoding', params: { encoding: named } }],
        issueCount: 1,
      },
    ]);
  });

  it('keeps reading UTF-8 whatever the user’s language', async () => {
    const rows = await parse(new TextEncoder().encode(polish), 'zh-TW');
    expect(rows.map((row) => row.contact?.name)).toEqual(['Paweł Dąbrowski', 'Łucja Źródło']);
  });

  it('reads a file split into chunks across the sample the same', async () => {
    const bytes = encode(polish, 'windows-1250');
    const rows: ParsedContactRow[] = [];
    const parts = [bytes.slice(0, 1), bytes.slice(1, 2), bytes.slice(2, 50), bytes.slice(50)];
    for await (const row of parseContactsCsv(chunks(...parts), { locale: 'pl-PL' })) {
      rows.push(row);
    }
    expect(rows.map((row) => row.contact?.name)).toEqual(['Paweł Dąbrowski', 'Łucja Źródło']);
  });
});
