import { describe, expect, it } from 'vitest';
import {
  CsvFileReader,
  CsvRecordReader,
  detectSeparator,
  readCsvRecords,
  type CsvReadOptions,
  type CsvRecord,
} from './csv-reader';

async function* chunks(...parts: (string | Uint8Array)[]): AsyncGenerator<string | Uint8Array> {
  yield* parts;
}

async function records(
  parts: (string | Uint8Array)[],
  options?: CsvReadOptions,
): Promise<CsvRecord[]> {
  const read: CsvRecord[] = [];
  for await (const record of readCsvRecords(chunks(...parts), options)) read.push(record);
  return read;
}

const cellsOf = (read: CsvRecord[]) => read.map((record) => record.cells);

describe('CsvRecordReader', () => {
  const read = (separator: string, ...parts: string[]) => {
    const reader = new CsvRecordReader(separator);
    return [...parts.flatMap((part) => [...reader.push(part)]), ...reader.end()];
  };

  it('waits for a quote that may be the first half of ""', () => {
    expect(read(',', 'a,"b', '"', '"c"', '\n')).toEqual([
      { row: 1, cells: ['a', 'b"c'], malformed: false },
    ]);
  });

  it('pairs a CR and a LF split across chunks', () => {
    expect(read(',', 'a\r', '\nb\r', '\nc')).toEqual([
      { row: 1, cells: ['a'], malformed: false },
      { row: 2, cells: ['b'], malformed: false },
      { row: 3, cells: ['c'], malformed: false },
    ]);
    // A CR then CRLF is a line end and a blank line.
    expect(read(',', 'a\r', '\r\nb').map((record) => [record.row, record.cells])).toEqual([
      [1, ['a']],
      [2, ['']],
      [3, ['b']],
    ]);
  });

  it('gives up on a quote left open for too long and resumes after its line', () => {
    const long = 'x'.repeat(70_000);
    expect(
      read(',', 'a,"b\n', `${long}\n`, 'c,d\n').map((r) => [r.row, r.cells.length, r.malformed]),
    ).toEqual([
      [1, 0, true],
      [2, 1, false],
      [3, 2, false],
    ]);
  });

  it('keeps a quote inside an unquoted cell, and spaces around a quoted one', () => {
    expect(read(',', 'Tom "TJ" Jones,  "a, b" ,c\n')).toEqual([
      { row: 1, cells: ['Tom "TJ" Jones', 'a, b', 'c'], malformed: false },
    ]);
  });

  it('reports text after a closing quote as malformed, on the record’s first row', () => {
    expect(read(';', 'a;"b"x;c\n', 'd;e\n')).toEqual([
      { row: 1, cells: [], malformed: true },
      { row: 2, cells: ['d', 'e'], malformed: false },
    ]);
  });
});

describe('detectSeparator', () => {
  it.each([
    ['a,b,c', ','],
    ['a;b;c', ';'],
    ['a\tb\tc', '\t'],
    ['a, b;c;d', ';'],
    ['"a;b;c",d', ','],
    ['single', ','],
    ['', ','],
  ])('%j → %j by default: the most cells, the earlier separator on a tie', (line, separator) => {
    expect(detectSeparator(line)).toBe(separator);
  });

  it('asks the rank it is given', () => {
    const twoCells = (cells: string[]) => (cells.length === 2 ? 1 : 0);
    expect(detectSeparator('a;b,c,d', twoCells)).toBe(';');
    expect(detectSeparator('a,b;c;d', twoCells)).toBe(',');
  });
});

describe('readCsvRecords', () => {
  const text = 'Name,Title\r\nŁucja 李,"Szefowa 销售 😀, CN"\r\n';
  const expected = [
    { row: 1, cells: ['Name', 'Title'], malformed: false },
    { row: 2, cells: ['Łucja 李', 'Szefowa 销售 😀, CN'], malformed: false },
  ];
  const utf16 = (value: string, littleEndian: boolean) => {
    const bytes = new Uint8Array(2 + value.length * 2);
    const view = new DataView(bytes.buffer);
    view.setUint16(0, 0xfeff, littleEndian);
    for (let i = 0; i < value.length; i++)
      view.setUint16(2 + i * 2, value.charCodeAt(i), littleEndian);
    return bytes;
  };
  /** Every single byte as its own chunk: splits BOMs and multi-byte characters. */
  const byteByByte = (bytes: Uint8Array) => [...bytes].map((byte) => Uint8Array.of(byte));

  it('reads UTF-8 with and without BOM, split anywhere', async () => {
    const plain = new TextEncoder().encode(text);
    const bom = new TextEncoder().encode(`\ufeff${text}`);
    expect(await records([plain])).toEqual(expected);
    expect(await records(byteByByte(plain))).toEqual(expected);
    expect(await records(byteByByte(bom))).toEqual(expected);
  });

  it('reads UTF-16LE and UTF-16BE with BOM, split anywhere', async () => {
    expect(await records(byteByByte(utf16(text, true)))).toEqual(expected);
    expect(await records(byteByByte(utf16(text, false)))).toEqual(expected);
    expect(await records([utf16(text, false)])).toEqual(expected);
  });

  it('reads strings, with or without BOM', async () => {
    expect(await records([`\ufeff${text}`])).toEqual(expected);
    expect(await records(text.split(''))).toEqual(expected);
  });

  it('turns bytes that are not UTF-8 into U+FFFD (a file in a legacy code page)', async () => {
    // "Åsa" in Windows-1252: 0xC5 is not UTF-8.
    const bytes = Uint8Array.of(0xc5, ...new TextEncoder().encode('sa,SE\n'));
    expect(cellsOf(await records([bytes]))).toEqual([['\ufffdsa', 'SE']]);
  });

  it('takes the separator from the first non-blank record, for the whole file', async () => {
    const read = await records(['\n \r\n', 'a;b;c\n', 'US, CA;x\n']);
    expect(read.map((record) => [record.row, record.cells])).toEqual([
      [1, ['']],
      [2, [' ']],
      [3, ['a', 'b', 'c']],
      [4, ['US, CA', 'x']],
    ]);
  });

  it('waits for the first record to end before choosing, even across chunks', async () => {
    expect(cellsOf(await records(['a', ';b', ',c;d', '\n1;2,3;4\n']))).toEqual([
      ['a', 'b,c', 'd'],
      ['1', '2,3', '4'],
    ]);
  });

  it('lets the importer rank the splits', async () => {
    const knowsHeaders = (cells: string[]) => (cells.includes('Name') ? 100 : cells.length);
    expect(
      cellsOf(await records(['Name;Title, role, team\n'], { rankSplit: knowsHeaders })),
    ).toEqual([['Name', 'Title, role, team']]);
    expect(cellsOf(await records(['Name;Title, role, team\n']))).toEqual([
      ['Name;Title', ' role', ' team'],
    ]);
  });

  it('yields nothing for an empty file and the blank rows of a blank one', async () => {
    expect(await records([])).toEqual([]);
    expect(await records([''])).toEqual([]);
    expect(await records(['\ufeff'])).toEqual([]);
    expect(cellsOf(await records(['\n\r\n']))).toEqual([[''], ['']]);
  });

  it('starts once a first record is longer than a record may be', () => {
    const reader = new CsvFileReader();
    const long = `"${'x'.repeat(70_000)}`;
    expect([...reader.push(long)]).toEqual([{ row: 1, cells: [], malformed: true }]);
    expect([...reader.push('\na,b\n'), ...reader.end()]).toEqual([
      { row: 2, cells: ['a', 'b'], malformed: false },
    ]);
  });
});
