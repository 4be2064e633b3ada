/**
 * Rules of the contact dialog and table that the server also enforces: `OOO` (all
 * countries/regions) stands alone, states belong to a chosen country, and the Partner sales
 * coverage of the offer's markets.
 */
import type { Contact, ContactFields } from '../../api/client';
import { ALL_REGIONS, stateCountry } from './vocabulary';

export const emptyContact = (): ContactFields => ({
  name: '',
  email: '',
  jobTitle: '',
  role: 'partner-sales',
  countries: [],
  states: [],
});

/**
 * The countries after a change in the picker: choosing "All countries/regions" replaces the
 * others; choosing a country while "All" is chosen replaces "All".
 */
export function chooseCountries(previous: readonly string[], next: readonly string[]): string[] {
  const hadAll = previous.includes(ALL_REGIONS);
  if (next.includes(ALL_REGIONS) && !hadAll) return [ALL_REGIONS];
  if (hadAll && next.length > 1) return next.filter((code) => code !== ALL_REGIONS);
  return [...next];
}

/** The states that still belong to one of `countries` (all of them under `OOO`). */
export function keepStatesOf(states: readonly string[], countries: readonly string[]): string[] {
  if (countries.includes(ALL_REGIONS)) return [...states];
  return states.filter((state) => countries.includes(stateCountry(state)));
}

/** The offer's markets no Partner sales contact covers (a contact with `OOO` covers all). */
export function uncoveredMarkets(
  markets: readonly string[],
  contacts: readonly Pick<Contact, 'role' | 'countries'>[],
): string[] {
  const sales = contacts.filter((contact) => contact.role === 'partner-sales');
  if (sales.some((contact) => contact.countries.includes(ALL_REGIONS))) return [];
  const covered = new Set<string>(sales.flatMap((contact) => contact.countries));
  return markets.filter((market) => !covered.has(market));
}

/** The fields to send (texts trimmed). */
export const contactBody = (fields: ContactFields): ContactFields => ({
  ...fields,
  name: fields.name.trim(),
  email: fields.email.trim(),
  jobTitle: fields.jobTitle.trim(),
});

export const contactIncomplete = (fields: ContactFields) =>
  !fields.name.trim() ||
  !fields.email.trim() ||
  !fields.jobTitle.trim() ||
  fields.countries.length === 0;

export { importIssues, type ImportIssue } from '../../components/import-errors-dialog';
