/**
 * "A contact is required for each geography where the offer is available", and a Partner sales
 * contact for every region in which the offer should be co-sell ready (SPEC §4).
 */
import type { ContactRoleId } from '../reference/contact-roles';
import { ALL_REGIONS_CODE, type CosellCountryCode, type CountryCode } from '../reference/countries';

/** Markets with and without a Partner sales contact, each in the order of `markets`. */
export interface PartnerSalesCoverage {
  covered: CountryCode[];
  missing: CountryCode[];
}

/**
 * Which of `markets` have a Partner sales contact: one whose countries list the market or are
 * `OOO` (all countries/regions). Contacts in other roles never cover a market; a market listed
 * twice is reported once.
 */
export function partnerSalesCoverage(
  markets: readonly CountryCode[],
  contacts: readonly { role: ContactRoleId; countries: readonly CosellCountryCode[] }[],
): PartnerSalesCoverage {
  const reached = new Set<string>();
  for (const contact of contacts) {
    if (contact.role !== 'partner-sales') continue;
    for (const country of contact.countries) reached.add(country);
  }
  const everywhere = reached.has(ALL_REGIONS_CODE);
  const covered: CountryCode[] = [];
  const missing: CountryCode[] = [];
  for (const market of new Set(markets)) {
    (everywhere || reached.has(market) ? covered : missing).push(market);
  }
  return { covered, missing };
}
