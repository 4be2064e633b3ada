import { describe, expect, it } from 'vitest';
import { neutraliseFormula, restoreFormula } from './formula';

describe('formula neutralisation', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+48 600', "'+48 600"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['＝1', "'＝1"],
    ["'=x", "''=x"],
    ["'x", "'x"],
    ['a=b', 'a=b'],
    ['', ''],
    ["'", "'"],
  ])('neutralises %j as %j and restores it', (cell, safe) => {
    expect(neutraliseFormula(cell)).toBe(safe);
    expect(restoreFormula(safe)).toBe(cell);
  });
});
