import { describe, expect, it } from 'vitest';
import { csvChunks, csvHead, csvLine } from './csv-writer';

describe('csvLine', () => {
  it('joins cells with commas and ends the line with CRLF', () => {
    expect(csvLine(['a', 'b c', ''])).toBe('a,b c,\r\n');
  });

  it('quotes a cell holding a comma, a quote, a CR or a LF, doubling inner quotes', () => {
    expect(csvLine(['a,b', 'say "hi"', 'x\ny', 'x\ry', 'a;b'])).toBe(
      '"a,b","say ""hi""","x\ny","x\ry",a;b\r\n',
    );
  });

  it('neutralises formulas, then quotes what needs it', () => {
    expect(csvLine(['=HYPERLINK("http://x")', '+1', '-', '@a', 'a=b'])).toBe(
      `"'=HYPERLINK(""http://x"")",'+1,'-,'@a,a=b\r\n`,
    );
  });
});

describe('csvHead and csvChunks', () => {
  it('start the file with the BOM and the header line', () => {
    expect(csvHead(['Name', 'E-mail'])).toBe('\ufeffName,E-mail\r\n');
  });

  it('yield the head, then one line per row', () => {
    expect([...csvChunks(['A', 'B'], [['1', '2'], ['3, 4']])]).toEqual([
      '\ufeffA,B\r\n',
      '1,2\r\n',
      '"3, 4"\r\n',
    ]);
    expect([...csvChunks(['A'], [])]).toEqual(['\ufeffA\r\n']);
  });
});
