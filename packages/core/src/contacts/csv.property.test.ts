/**
 * Property tests of the contacts CSV (QUALITY R4): round-trip, formula neutralisation, and
 * BOM/CRLF/separator handling, each over 1,000 generated cases. The files are written with
 * csv-stringify and, for neutralisation, read back with csv-parse: implementations independent
 * of our reader. Properties of the reader and writer alone are in ../csv/csv.property.test.ts.
 */
import fc from 'fast-check';
import { parse as parseWithCsvParse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { CONTACT_ROLE_IDS, contactRoleLabel } from '../reference/contact-roles';
import { COUNTRY_CODES, type CosellCountryCode } from '../reference/countries';
import { STATES, type StateCode } from '../reference/states';
import { EmailSchema } from '../accounts/accounts.types';
import { neutraliseFormula, restoreFormula } from '../csv';
import type { ContactInput } from './contact';
import {
  CONTACT_CSV_COLUMNS,
  contactsCsvChunks,
  formatContactCountries,
  formatContactStates,
  parseContactsCsv,
  type ParsedContactRow,
} from './csv';

const RUNS = { numRuns: 1000 };
/** 1,000 runs of a whole-file property take seconds, not the default 5 s budget. */
const TIMEOUT = 60_000;

// ---------------------------------------------------------------------------------------------
// Generators

/** Characters that stress CSV and encodings: separators, quotes, formula starters, non-Latin. */
const TEXT_CHARS = [
  ...'abcXYZ 019.()/&|_',
  ...',;"\'=+-@',
  ...'ąćęłńóśźżĄĆĘŁŃÓŚŹŻ',
  ...'åäöÅÄÖ',
  ...'中文漢字销售經理',
  '😀',
  '\u3000',
];
const FORMULA_PREFIXES = ['', '', '', '=', '+', '-', '@', "'", "'=", "''-", '＝', '＠'];

const textArb = fc
  .tuple(
    fc.constantFrom(...FORMULA_PREFIXES),
    fc.array(fc.constantFrom(...TEXT_CHARS), { minLength: 1, maxLength: 55 }),
  )
  .map(([prefix, chars]) => (prefix + chars.join('')).trim())
  .filter((text) => text.length > 0 && text.length <= 120);

const emailArb = fc
  .tuple(
    fc.constantFrom('', '', '-', '+', "'"),
    fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,12}$/),
    fc.stringMatching(/^[a-z0-9]{1,10}$/),
    fc.constantFrom('com', 'pl', 'se', 'cn', 'com.tw'),
  )
  .map(([prefix, local, domain, tld]) => `${prefix}${local}@${domain}.${tld}`)
  .filter((email) => EmailSchema.safeParse(email).data === email);

/** US, CA and AU often, since only they have states. */
const countryArb = fc.oneof(
  fc.constantFrom<CosellCountryCode>('US', 'CA', 'AU'),
  fc.constantFrom<CosellCountryCode>(...COUNTRY_CODES),
);

const countriesArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant<CosellCountryCode[]>(['OOO']) },
  { weight: 5, arbitrary: fc.uniqueArray(countryArb, { minLength: 1, maxLength: 6 }) },
);

function statesArb(countries: readonly CosellCountryCode[]): fc.Arbitrary<StateCode[]> {
  const allowed = STATES.filter(
    (state) => countries.includes('OOO') || countries.includes(state.country),
  ).map((state) => state.code);
  return allowed.length === 0
    ? fc.constant([])
    : fc.uniqueArray(fc.constantFrom(...allowed), { maxLength: 4 });
}

const contactArb: fc.Arbitrary<ContactInput> = fc
  .record({
    name: textArb,
    email: emailArb,
    jobTitle: textArb,
    role: fc.constantFrom(...CONTACT_ROLE_IDS),
    countries: countriesArb,
  })
  .chain((contact) => statesArb(contact.countries).map((states) => ({ ...contact, states })));

const contactsArb = fc.array(contactArb, { maxLength: 8 });

/** Where to cut a byte or text stream into chunks (positions taken modulo its length). */
const cutsArb = fc.array(fc.nat(), { maxLength: 24 });

// ---------------------------------------------------------------------------------------------
// Helpers

function cut<T extends Uint8Array | string>(whole: T, cuts: readonly number[]): T[] {
  const points = [...new Set(cuts.map((c) => c % (whole.length + 1)))].sort((a, b) => a - b);
  const parts: T[] = [];
  let from = 0;
  for (const point of [...points, whole.length]) {
    parts.push(whole.slice(from, point) as T);
    from = point;
  }
  return parts;
}

async function* stream<T>(parts: readonly T[]): AsyncGenerator<T> {
  yield* parts;
}

async function parseAll(parts: readonly (Uint8Array | string)[]): Promise<ParsedContactRow[]> {
  const rows: ParsedContactRow[] = [];
  for await (const row of parseContactsCsv(stream(parts))) rows.push(row);
  return rows;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

function utf16WithBom(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) {
    view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  }
  return bytes;
}

const ENCODINGS: Record<string, (text: string) => Uint8Array> = {
  'UTF-8': utf8,
  'UTF-8+BOM': (text) => utf8(`\ufeff${text}`),
  'UTF-16LE+BOM': (text) => utf16WithBom(text, true),
  'UTF-16BE+BOM': (text) => utf16WithBom(text, false),
};

const validRows = (contacts: readonly ContactInput[], firstRow: number): ParsedContactRow[] =>
  contacts.map((contact, i) => ({ row: firstRow + i, contact, issues: [], issueCount: 0 }));

const DANGEROUS_FIRST = new Set(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']);

// ---------------------------------------------------------------------------------------------

describe('contacts CSV properties (R4)', () => {
  it(
    'round-trips: export, cut at random bytes, import gives the same contacts',
    async () => {
      await fc.assert(
        fc.asyncProperty(contactsArb, cutsArb, async (contacts, cuts) => {
          const bytes = utf8([...contactsCsvChunks(contacts)].join(''));
          expect(await parseAll(cut(bytes, cuts))).toEqual(validRows(contacts, 2));
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'joins line breaks inside name and job title cells into one line; rows keep their numbers',
    async () => {
      const breakArb = fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\t', ' \r\n ');
      const brokenArb = fc
        .tuple(contactArb, breakArb, fc.constantFrom<'name' | 'jobTitle'>('name', 'jobTitle'))
        .map(([contact, lineBreak, field]) => {
          const start = contact[field].slice(0, 100);
          return {
            written: { ...contact, [field]: `${start}${lineBreak}x` },
            // What a reader of the list expects back: the same text on one line.
            expected: { ...contact, [field]: `${start.replace(/[ \t]+$/, '')} x` },
          };
        });
      const rowsArb = fc.array(
        fc.oneof(
          contactArb.map((contact) => ({ written: contact, expected: contact })),
          brokenArb,
        ),
        { maxLength: 8 },
      );
      await fc.assert(
        fc.asyncProperty(rowsArb, cutsArb, async (rows, cuts) => {
          const bytes = utf8([...contactsCsvChunks(rows.map((r) => r.written))].join(''));
          const parsed = await parseAll(cut(bytes, cuts));
          expect(parsed).toEqual(
            rows.map(({ expected }, i) => ({
              row: i + 2,
              contact: expected,
              issues: [],
              issueCount: 0,
            })),
          );
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'neutralises formulas in every exported cell, reversibly',
    async () => {
      // Any text at all in the free-text cells, with formula starters made frequent.
      const anyText = fc
        .tuple(
          fc.constantFrom(...FORMULA_PREFIXES, '\t', '\r', '\n'),
          fc.string({ unit: 'binary', maxLength: 20 }),
        )
        .map(([prefix, text]) => prefix + text);
      const rawContactArb = fc
        .tuple(contactArb, anyText, anyText, anyText)
        .map(([contact, name, email, jobTitle]) => ({ ...contact, name, email, jobTitle }));
      await fc.assert(
        fc.asyncProperty(fc.array(rawContactArb, { maxLength: 6 }), async (contacts) => {
          const csv = [...contactsCsvChunks(contacts)].join('');
          const records = parseWithCsvParse(csv, {
            bom: true,
            relax_column_count: false,
          }) as string[][];
          expect(records).toHaveLength(contacts.length + 1);
          for (const cell of records.flat()) {
            expect(DANGEROUS_FIRST.has(cell[0] ?? '')).toBe(false);
          }
          records.slice(1).forEach((cells, i) => {
            const { name, email, jobTitle } = contacts[i]!;
            expect(cells.slice(0, 3).map(restoreFormula)).toEqual([name, email, jobTitle]);
          });
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'reads the same file in every encoding, line end and separator',
    async () => {
      await fc.assert(
        fc.asyncProperty(contactsArb, fc.boolean(), cutsArb, async (contacts, header, cuts) => {
          const records = [
            ...(header ? [CONTACT_CSV_COLUMNS.map((column) => column.header)] : []),
            ...contacts.map((c) =>
              [
                c.name,
                c.email,
                c.jobTitle,
                contactRoleLabel(c.role),
                formatContactCountries(c),
                formatContactStates(c),
              ].map(neutraliseFormula),
            ),
          ];
          const expected = validRows(contacts, header ? 2 : 1);
          for (const eol of ['\n', '\r\n']) {
            for (const separator of [',', ';', '\t']) {
              // Quoted only where that separator, a quote or a line break needs it, as a
              // spreadsheet writes it: with semicolons, "US, CA" stays unquoted.
              const text = stringify(records, {
                delimiter: separator,
                record_delimiter: eol === '\n' ? 'unix' : 'windows',
                quote_record_delimiter: true,
              });
              for (const [encoding, encode] of Object.entries(ENCODINGS)) {
                const parsed = await parseAll(cut(encode(text), cuts));
                const variant = `${encoding} ${JSON.stringify(eol)} ${JSON.stringify(separator)}`;
                expect(parsed, variant).toEqual(expected);
              }
            }
          }
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );
});
