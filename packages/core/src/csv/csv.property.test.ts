/**
 * Property tests of the CSV reader and writer (QUALITY R4), each over 1,000 generated cases.
 * Files are written with csv-stringify and ours are read back with csv-parse: implementations
 * independent of our reader and writer.
 */
import fc from 'fast-check';
import { parse as parseWithCsvParse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { CsvRecordReader } from './csv-reader';
import { csvChunks } from './csv-writer';
import { neutraliseFormula, restoreFormula } from './formula';

const RUNS = { numRuns: 1000 };
const TIMEOUT = 60_000;

/** Where to cut a text into chunks (positions taken modulo its length). */
const cutsArb = fc.array(fc.nat(), { maxLength: 24 });

function cut(whole: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (whole.length + 1)))].sort((a, b) => a - b);
  const parts: string[] = [];
  let from = 0;
  for (const point of [...points, whole.length]) {
    parts.push(whole.slice(from, point));
    from = point;
  }
  return parts;
}

function readAll(separator: string, parts: readonly string[]) {
  const reader = new CsvRecordReader(separator);
  return [...parts.flatMap((part) => [...reader.push(part)]), ...reader.end()];
}

/** Cells that stress quoting, separators, line ends and formula starters. */
const cellArb = fc.string({
  unit: fc.constantFrom(
    'a',
    'ł',
    '中',
    '😀',
    ' ',
    ',',
    ';',
    '\t',
    '"',
    "'",
    '=',
    '+',
    '-',
    '@',
    '\r',
    '\n',
  ),
  maxLength: 8,
});
const recordsArb = fc.array(fc.array(cellArb, { minLength: 1, maxLength: 6 }), {
  minLength: 1,
  maxLength: 10,
});

const DANGEROUS_FIRST = new Set(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']);

describe('CSV properties (R4)', () => {
  it(
    'splits records as an RFC 4180 writer wrote them, whatever the chunks',
    () => {
      fc.assert(
        fc.property(
          recordsArb,
          fc.constantFrom(',', ';', '\t'),
          fc.constantFrom<'unix' | 'windows' | 'mac'>('unix', 'windows', 'mac'),
          cutsArb,
          (records, separator, eol, cuts) => {
            const text = stringify(records, {
              delimiter: separator,
              record_delimiter: eol,
              quote_record_delimiter: true,
            });
            expect(readAll(separator, cut(text, cuts))).toEqual(
              records.map((cells, i) => ({ row: i + 1, cells, malformed: false })),
            );
          },
        ),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'writes files that csv-parse and our reader read back as the same cells, formulas undone',
    () => {
      fc.assert(
        fc.property(recordsArb, cutsArb, ([header, ...rows], cuts) => {
          const text = [...csvChunks(header!, rows)].join('');
          expect(text.startsWith('\ufeff')).toBe(true);
          const written = [header!, ...rows];
          const parsed = parseWithCsvParse(text, {
            bom: true,
            relax_column_count: true,
          }) as string[][];
          expect(parsed.map((cells) => cells.map(restoreFormula))).toEqual(written);
          for (const cell of parsed.flat()) expect(DANGEROUS_FIRST.has(cell[0] ?? '')).toBe(false);
          const read = readAll(',', cut(text.slice(1), cuts));
          expect(read.map((record) => record.cells.map(restoreFormula))).toEqual(written);
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'neutralises any text reversibly, adding at most one apostrophe',
    () => {
      const anyText = fc
        .tuple(
          fc.constantFrom(
            '',
            '',
            '=',
            '+',
            '-',
            '@',
            "'",
            "'=",
            "''-",
            '＝',
            '＠',
            '\t',
            '\r',
            '\n',
          ),
          fc.string({ unit: 'binary', maxLength: 20 }),
        )
        .map(([prefix, text]) => prefix + text);
      fc.assert(
        fc.property(anyText, (text) => {
          const safe = neutraliseFormula(text);
          expect(DANGEROUS_FIRST.has(safe[0] ?? '')).toBe(false);
          expect(restoreFormula(safe)).toBe(text);
          expect([text, `'${text}`]).toContain(safe);
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );
});
