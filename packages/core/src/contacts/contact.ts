/**
 * Co-sell contacts (SPEC §4): the people Microsoft sellers and CSP resellers reach about an
 * offer. One row per person and role; a contact covers countries/regions (or `OOO`, all of
 * them) and optionally US, Canadian or Australian states/provinces.
 */
import { z } from 'zod';
import { nameText, nameTextProblem } from '../reference/text';
import type { FieldIssue } from '../errors';
import {
  CONTACT_ROLE_IDS,
  CONTACT_ROLES,
  parseContactRole,
  type ContactRoleId,
} from '../reference/contact-roles';
import { parseCountryOrName } from '../reference/country-names';
import {
  ALL_REGIONS_CODE,
  COSELL_COUNTRY_CODES,
  isCosellCountryCode,
  type CosellCountryCode,
} from '../reference/countries';
import { STATE_CODES, isStateCode, stateCountry, type StateCode } from '../reference/states';
import { EmailSchema } from '../accounts/accounts.types';

/** One contact: a person in one role, covering some markets. */
export interface ContactInput {
  name: string;
  /** Lower case; with `role`, identifies the row (see {@link contactKey}). */
  email: string;
  jobTitle: string;
  role: ContactRoleId;
  /** Unique co-sell codes; `['OOO']` alone means every country/region. */
  countries: CosellCountryCode[];
  /** Unique subdivision codes, each in one of `countries` (any of them when `countries` is `['OOO']`). */
  states: StateCode[];
}

/** Keys of the six contacts CSV columns. */
export type ContactColumnKey = 'name' | 'email' | 'jobTitle' | 'role' | 'countries' | 'states';

/**
 * The contacts CSV columns in the order every Microsoft doc lists them. Microsoft never
 * published its template's header row (SPEC §4), so these English headers are ours; import
 * also accepts the older spellings (see csv.ts).
 */
export const CONTACT_CSV_COLUMNS: readonly { key: ContactColumnKey; header: string }[] = [
  { key: 'name', header: 'Name' },
  { key: 'email', header: 'Email' },
  { key: 'jobTitle', header: 'Job title' },
  { key: 'role', header: 'Role' },
  { key: 'countries', header: 'Countries/Regions' },
  { key: 'states', header: 'States/Provinces' },
];

/** Maximum length of a name or job title, in UTF-16 code units (as zod and the database count). */
export const CONTACT_TEXT_MAX_LENGTH = 120;

/*
 * "No special characters in Name and Job title" (SPEC §4, 2023) is not defined by Microsoft.
 * We refuse only what breaks the people and programs that read contacts back: control
 * characters (C0, DEL, C1). Line breaks and tabs are not refused but joined into one line (see
 * `joinLines`): a name is one line, and spreadsheets do write Alt+Enter breaks into cells. Letters of every script, punctuation, quotes, commas and semicolons
 * are fine: CSV quoting carries them. A leading `=`, `+`, `-` or `@` is NOT refused either — a
 * name such as "-ANNA-" or "@home team" is harmless data; export neutralises it (R10).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** U+FFFD: what a decoder writes for bytes that are not UTF-8 (a file saved in a legacy code page). */
const REPLACEMENT_CHARACTER = '\ufffd';

/**
 * A line break inside a cell (Alt+Enter in Excel, a pasted signature) or a tab, with the spaces
 * around it. Names and job titles are one line: such a break becomes a single space instead of
 * refusing the row, so what spreadsheets write is accepted.
 */
const LINE_BREAK = /[ \t]*(?:\r\n|[\r\n\t\u2028\u2029])+[ \t]*/g;

/** The text on one line: every line break or tab (with spaces around it) becomes one space. */
export function joinLines(text: string): string {
  return text.replace(LINE_BREAK, ' ');
}

/** True when `text` holds a character refused in names and job titles. */
export function hasControlCharacter(text: string): boolean {
  return CONTROL_CHARACTER.test(text);
}

const uniqueInOrder = <T>(items: readonly T[]): T[] => [...new Set(items)];

function contactText(requiredKey: string) {
  return z
    .string()
    .transform(joinLines)
    .pipe(z.string().trim())
    .pipe(
      nameText({
        max: CONTACT_TEXT_MAX_LENGTH,
        tooShort: requiredKey,
        tooLong: 'contacts.text.tooLong',
        controlCharacter: 'contacts.text.controlCharacters',
      }),
    );
}

const CountryCodeInputSchema = z
  .string()
  .trim()
  .toUpperCase()
  .pipe(z.enum(COSELL_COUNTRY_CODES, { error: 'contacts.country.unknown' }));

const StateCodeInputSchema = z
  .string()
  .trim()
  .toUpperCase()
  .pipe(z.enum(STATE_CODES, { error: 'contacts.state.unknown' }));

/** Issues of the rules that span countries and states (OOO alone, each state in a listed country). */
function refineMarkets(
  contact: { countries: readonly CosellCountryCode[]; states: readonly StateCode[] },
  ctx: z.RefinementCtx,
): void {
  const { countries, states } = contact;
  if (countries.includes(ALL_REGIONS_CODE) && new Set(countries).size > 1) {
    ctx.addIssue({
      code: 'custom',
      path: ['countries'],
      message: 'contacts.countries.allRegionsAlone',
    });
  }
  states.forEach((state, index) => {
    if (!stateAllowed(state, countries)) {
      ctx.addIssue({
        code: 'custom',
        path: ['states', index],
        message: 'contacts.state.countryMissing',
      });
    }
  });
}

/** A state is allowed when its country is listed, or when the contact covers all regions. */
function stateAllowed(state: StateCode, countries: readonly CosellCountryCode[]): boolean {
  return countries.includes(ALL_REGIONS_CODE) || countries.includes(stateCountry(state));
}

/**
 * A contact as the REST API receives it (JSON body of add/edit contact). Trims every string,
 * lower-cases the e-mail, upper-cases codes, and merges repeated codes (as CSV import does)
 * instead of refusing them. Errors are message keys of contacts.messages.ts.
 */
export const ContactInputSchema = z
  .strictObject({
    name: contactText('contacts.name.required'),
    email: EmailSchema,
    jobTitle: contactText('contacts.jobTitle.required'),
    role: z.enum(CONTACT_ROLE_IDS, { error: 'contacts.role.unknown' }),
    countries: z
      .array(CountryCodeInputSchema)
      .min(1, { error: 'contacts.countries.required' })
      .max(COSELL_COUNTRY_CODES.length * 2),
    states: z
      .array(StateCodeInputSchema)
      .max(STATE_CODES.length * 2)
      .default([]),
  })
  .superRefine(refineMarkets)
  .transform((contact): ContactInput => ({
    ...contact,
    countries: uniqueInOrder(contact.countries),
    states: uniqueInOrder(contact.states),
  }));

// ---------------------------------------------------------------------------------------------
// CSV cells

const HEADER_BY_KEY: Readonly<Record<ContactColumnKey, string>> = Object.fromEntries(
  CONTACT_CSV_COLUMNS.map(({ key, header }) => [key, header]),
) as Record<ContactColumnKey, string>;

/** The four role labels, as the "Role" column expects them. */
const ROLE_LABELS = CONTACT_ROLE_IDS.map((id) => CONTACT_ROLES[id].label).join(', ');

/** Offending values are echoed in messages; a pasted paragraph must not flood the screen. */
const VALUE_EXCERPT_LENGTH = 60;

function excerpt(value: string): string {
  return value.length <= VALUE_EXCERPT_LENGTH ? value : `${value.slice(0, VALUE_EXCERPT_LENGTH)}…`;
}

/** Builds the issues of one CSV row; every issue names its row and its column's English header. */
class RowIssues {
  readonly list: FieldIssue[] = [];

  constructor(private readonly row: number) {}

  add(key: ContactColumnKey, code: string, params: Record<string, string | number> = {}): void {
    const value = params.value;
    this.list.push({
      path: ['rows', this.row, key],
      code,
      params: {
        row: this.row,
        column: HEADER_BY_KEY[key],
        ...params,
        ...(typeof value === 'string' ? { value: excerpt(value) } : {}),
      },
    });
  }
}

/** Commas and semicolons, also the full-width and ideographic ones of Chinese text. */
const LIST_SEPARATOR = /[,;\uff0c\uff1b\u3001]/;

const LIST_SEPARATOR_ALL = new RegExp(LIST_SEPARATOR.source, 'g');

/** The longest run of list items a name may span ("St Helena, Ascension, Tristan da Cunha"). */
const MAX_NAME_ITEMS = 3;

/**
 * The items of a countries or states cell, each read by `parse` (a code or a name). Items are
 * separated by commas or semicolons; an item that is not a name may be codes separated by
 * spaces (`US CA`). An item that is neither is reported whole, as written: "New Zeeland" is
 * one unknown value, never "New" and "Zeeland".
 */
function readItems<T>(
  cell: string,
  parse: (text: string) => T | undefined,
  parseCode: (text: string) => T | undefined,
  unknown: (item: string) => void,
): T[] {
  const items = cell
    .split(LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const found: T[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const whole = parse(item);
    if (whole !== undefined) {
      found.push(whole);
      continue;
    }
    // A name holding a comma spans items ("St Helena, Ascension, Tristan da Cunha"); no
    // such name starts with another name, so it is tried only when the item alone is none.
    let joined: T | undefined;
    let span = 1;
    for (let length = Math.min(MAX_NAME_ITEMS, items.length - i); length > 1; length--) {
      joined = parse(items.slice(i, i + length).join(', '));
      if (joined !== undefined) {
        span = length;
        break;
      }
    }
    if (joined !== undefined) {
      found.push(joined);
      i += span - 1;
      continue;
    }
    const words = item.split(/\s+/);
    const codes = words.map(parseCode);
    if (words.length > 1 && codes.every((code) => code !== undefined)) {
      found.push(...(codes as T[]));
    } else {
      unknown(item);
    }
  }
  return found;
}

const parseStateCode = (text: string): StateCode | undefined => {
  const upper = text.trim().toUpperCase();
  return isStateCode(upper) ? upper : undefined;
};

/** A co-sell country code alone, without names: what a space may separate. */
const parseCountryCode = (text: string): CosellCountryCode | undefined => {
  const upper = text.trim().toUpperCase();
  return isCosellCountryCode(upper) ? upper : undefined;
};

function validateText(cell: string, key: 'name' | 'jobTitle', issues: RowIssues): string {
  const text = joinLines(cell).trim();
  if (text === '') {
    issues.add(key, 'contacts.csv.required');
    return text;
  }
  if (text.length > CONTACT_TEXT_MAX_LENGTH) {
    issues.add(key, 'contacts.csv.tooLong', { maximum: CONTACT_TEXT_MAX_LENGTH });
  }
  if (hasControlCharacter(text)) issues.add(key, 'contacts.csv.controlCharacters');
  else {
    const problem = nameTextProblem(text);
    if (problem) issues.add(key, problem);
  }
  if (text.includes(REPLACEMENT_CHARACTER)) issues.add(key, 'contacts.csv.unreadable');
  return text;
}

function validateEmail(cell: string, issues: RowIssues): string | undefined {
  const text = cell.trim();
  if (text === '') {
    issues.add('email', 'contacts.csv.required');
    return undefined;
  }
  const parsed = EmailSchema.safeParse(text);
  if (!parsed.success) issues.add('email', 'contacts.csv.emailInvalid', { value: text });
  return parsed.data;
}

function validateRole(cell: string, issues: RowIssues): ContactRoleId | undefined {
  const text = cell.trim();
  if (text === '') {
    issues.add('role', 'contacts.csv.required');
    return undefined;
  }
  // The English label is what the template asks for; the id is what our API and export of
  // other tools use, so both are accepted.
  const role = parseContactRole(text) ?? CONTACT_ROLE_IDS.find((id) => id === text.toLowerCase());
  if (!role) issues.add('role', 'contacts.csv.roleUnknown', { value: text, roles: ROLE_LABELS });
  return role;
}

function validateCountries(cell: string, issues: RowIssues): CosellCountryCode[] {
  if (cell.replace(LIST_SEPARATOR_ALL, '').trim() === '') {
    issues.add('countries', 'contacts.csv.required');
    return [];
  }
  const codes = readItems(cell, parseCountryOrName, parseCountryCode, (item) =>
    issues.add('countries', 'contacts.csv.countryUnknown', { value: item }),
  );
  const unique = uniqueInOrder(codes);
  if (unique.includes(ALL_REGIONS_CODE) && unique.length > 1) {
    issues.add('countries', 'contacts.csv.allRegionsAlone');
  }
  return unique;
}

function validateStates(
  cell: string,
  countries: readonly CosellCountryCode[],
  issues: RowIssues,
): StateCode[] {
  const states: StateCode[] = [];
  const written = readItems(cell, parseStateCode, parseStateCode, (item) =>
    issues.add('states', 'contacts.csv.stateUnknown', { value: item }),
  );
  for (const upper of written) {
    // With no readable country the row already has an issue there; a second one per state
    // would only repeat it.
    if (countries.length > 0 && !stateAllowed(upper, countries)) {
      issues.add('states', 'contacts.csv.stateCountryMissing', {
        value: upper,
        country: stateCountry(upper),
      });
    }
    states.push(upper);
  }
  return uniqueInOrder(states);
}

/**
 * Validates the cells of one contacts CSV row and reports every problem of the row at once,
 * each as `{ path: ['rows', row, column], code, params: { row, column, value? } }` where
 * `column` is the English header and `value` the offending code or text.
 *
 * Lenient where spreadsheets differ: surrounding spaces, lower-case codes, codes separated by
 * commas, semicolons or spaces, repeated codes (merged), roles by English label in any case
 * and spacing or by id. `cells` are the texts the CSV reader produced, formula prefixes
 * already removed (parseContactsCsv does that).
 *
 * @param row the spreadsheet row number the user sees (header = 1)
 * @returns the contact when the row has no issue
 */
export function validateContactCells(
  cells: Record<ContactColumnKey, string>,
  row: number,
): { contact?: ContactInput; issues: FieldIssue[] } {
  const issues = new RowIssues(row);
  const name = validateText(cells.name, 'name', issues);
  const email = validateEmail(cells.email, issues);
  const jobTitle = validateText(cells.jobTitle, 'jobTitle', issues);
  const role = validateRole(cells.role, issues);
  const countries = validateCountries(cells.countries, issues);
  const states = validateStates(cells.states, countries, issues);
  if (issues.list.length > 0 || email === undefined || role === undefined) {
    return { issues: issues.list };
  }
  return { contact: { name, email, jobTitle, role, countries, states }, issues: [] };
}

/**
 * Identity of a contact row: one person may hold several roles, one row per role, so the
 * lower-case e-mail and the role together identify it.
 */
export function contactKey(contact: Pick<ContactInput, 'email' | 'role'>): string {
  return `${contact.email.toLowerCase()}|${contact.role}`;
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((item) => right.has(item));
};

/** True when both contacts hold the same data; the order of countries and states is ignored. */
export function sameContact(a: ContactInput, b: ContactInput): boolean {
  return (
    a.name === b.name &&
    a.email.toLowerCase() === b.email.toLowerCase() &&
    a.jobTitle === b.jobTitle &&
    a.role === b.role &&
    sameSet(a.countries, b.countries) &&
    sameSet(a.states, b.states)
  );
}
