/**
 * Formula neutralisation (R10): a cell exported to CSV must not run as a formula when a
 * spreadsheet opens the file, and an import must give the original text back.
 */

/**
 * First characters that make Excel, LibreOffice or Google Sheets evaluate a cell (OWASP CSV
 * injection), plus their full-width forms, which Apple Numbers normalises to ASCII.
 */
const FORMULA_STARTERS: ReadonlySet<string> = new Set([
  '=',
  '+',
  '-',
  '@',
  '\t',
  '\r',
  '\uff1d',
  '\uff0b',
  '\uff0d',
  '\uff20',
]);

/**
 * True when the text after any leading apostrophes starts a formula. Counting the apostrophes
 * makes the prefix reversible for every string: a value that itself starts with `'=` is
 * exported as `''=` and comes back unchanged.
 */
function startsFormula(cell: string): boolean {
  let i = 0;
  while (cell[i] === "'") i++;
  return i < cell.length && FORMULA_STARTERS.has(cell[i]!);
}

/**
 * A cell safe to open in a spreadsheet: a leading `=`, `+`, `-`, `@`, tab or CR (or the same
 * after apostrophes) gets a leading `'`, which spreadsheets show as "text, not a formula".
 */
export function neutraliseFormula(cell: string): string {
  return startsFormula(cell) ? `'${cell}` : cell;
}

/**
 * Undoes {@link neutraliseFormula} on import: `'` followed by what {@link neutraliseFormula}
 * would prefix loses the `'`. `restoreFormula(neutraliseFormula(s)) === s` for every `s`.
 */
export function restoreFormula(cell: string): string {
  return cell.startsWith("'") && startsFormula(cell.slice(1)) ? cell.slice(1) : cell;
}
