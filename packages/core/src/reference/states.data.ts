// Source: SPEC §4 Contacts, States/Provinces codes (PC-codes-2023, AZ-states-2020).
// Data only, no zod: the web app bundles it (`@cosell/core/reference-data`).
/**
 * Subdivisions a contact may list under "States/Provinces": United States (57, incl. DC and
 * territories), Canada (13) and Australia (8), in published order. Names follow the newest table
 * (2023: US-VI "U.S. Virgin Islands"; 2020 called it "Virgin Islands, U.S.").
 */
export const STATES = [
  { code: 'US-AL', name: 'Alabama', country: 'US' },
  { code: 'US-AK', name: 'Alaska', country: 'US' },
  { code: 'US-AZ', name: 'Arizona', country: 'US' },
  { code: 'US-AR', name: 'Arkansas', country: 'US' },
  { code: 'US-CA', name: 'California', country: 'US' },
  { code: 'US-CO', name: 'Colorado', country: 'US' },
  { code: 'US-CT', name: 'Connecticut', country: 'US' },
  { code: 'US-DE', name: 'Delaware', country: 'US' },
  { code: 'US-FL', name: 'Florida', country: 'US' },
  { code: 'US-GA', name: 'Georgia', country: 'US' },
  { code: 'US-HI', name: 'Hawaii', country: 'US' },
  { code: 'US-ID', name: 'Idaho', country: 'US' },
  { code: 'US-IL', name: 'Illinois', country: 'US' },
  { code: 'US-IN', name: 'Indiana', country: 'US' },
  { code: 'US-IA', name: 'Iowa', country: 'US' },
  { code: 'US-KS', name: 'Kansas', country: 'US' },
  { code: 'US-KY', name: 'Kentucky', country: 'US' },
  { code: 'US-LA', name: 'Louisiana', country: 'US' },
  { code: 'US-ME', name: 'Maine', country: 'US' },
  { code: 'US-MD', name: 'Maryland', country: 'US' },
  { code: 'US-MA', name: 'Massachusetts', country: 'US' },
  { code: 'US-MI', name: 'Michigan', country: 'US' },
  { code: 'US-MN', name: 'Minnesota', country: 'US' },
  { code: 'US-MS', name: 'Mississippi', country: 'US' },
  { code: 'US-MO', name: 'Missouri', country: 'US' },
  { code: 'US-MT', name: 'Montana', country: 'US' },
  { code: 'US-NE', name: 'Nebraska', country: 'US' },
  { code: 'US-NV', name: 'Nevada', country: 'US' },
  { code: 'US-NH', name: 'New Hampshire', country: 'US' },
  { code: 'US-NJ', name: 'New Jersey', country: 'US' },
  { code: 'US-NM', name: 'New Mexico', country: 'US' },
  { code: 'US-NY', name: 'New York', country: 'US' },
  { code: 'US-NC', name: 'North Carolina', country: 'US' },
  { code: 'US-ND', name: 'North Dakota', country: 'US' },
  { code: 'US-OH', name: 'Ohio', country: 'US' },
  { code: 'US-OK', name: 'Oklahoma', country: 'US' },
  { code: 'US-OR', name: 'Oregon', country: 'US' },
  { code: 'US-PA', name: 'Pennsylvania', country: 'US' },
  { code: 'US-RI', name: 'Rhode Island', country: 'US' },
  { code: 'US-SC', name: 'South Carolina', country: 'US' },
  { code: 'US-SD', name: 'South Dakota', country: 'US' },
  { code: 'US-TN', name: 'Tennessee', country: 'US' },
  { code: 'US-TX', name: 'Texas', country: 'US' },
  { code: 'US-UT', name: 'Utah', country: 'US' },
  { code: 'US-VT', name: 'Vermont', country: 'US' },
  { code: 'US-VA', name: 'Virginia', country: 'US' },
  { code: 'US-WA', name: 'Washington', country: 'US' },
  { code: 'US-WV', name: 'West Virginia', country: 'US' },
  { code: 'US-WI', name: 'Wisconsin', country: 'US' },
  { code: 'US-WY', name: 'Wyoming', country: 'US' },
  { code: 'US-DC', name: 'District of Columbia', country: 'US' },
  { code: 'US-AS', name: 'American Samoa', country: 'US' },
  { code: 'US-GU', name: 'Guam', country: 'US' },
  { code: 'US-MP', name: 'Northern Mariana Islands', country: 'US' },
  { code: 'US-PR', name: 'Puerto Rico', country: 'US' },
  { code: 'US-UM', name: 'United States Minor Outlying Islands', country: 'US' },
  { code: 'US-VI', name: 'U.S. Virgin Islands', country: 'US' },
  { code: 'CA-AB', name: 'Alberta', country: 'CA' },
  { code: 'CA-BC', name: 'British Columbia', country: 'CA' },
  { code: 'CA-MB', name: 'Manitoba', country: 'CA' },
  { code: 'CA-NB', name: 'New Brunswick', country: 'CA' },
  { code: 'CA-NL', name: 'Newfoundland and Labrador', country: 'CA' },
  { code: 'CA-NS', name: 'Nova Scotia', country: 'CA' },
  { code: 'CA-ON', name: 'Ontario', country: 'CA' },
  { code: 'CA-PE', name: 'Prince Edward Island', country: 'CA' },
  { code: 'CA-QC', name: 'Quebec', country: 'CA' },
  { code: 'CA-SK', name: 'Saskatchewan', country: 'CA' },
  { code: 'CA-NT', name: 'Northwest Territories', country: 'CA' },
  { code: 'CA-NU', name: 'Nunavut', country: 'CA' },
  { code: 'CA-YT', name: 'Yukon', country: 'CA' },
  { code: 'AU-NSW', name: 'New South Wales', country: 'AU' },
  { code: 'AU-QLD', name: 'Queensland', country: 'AU' },
  { code: 'AU-SA', name: 'South Australia', country: 'AU' },
  { code: 'AU-TAS', name: 'Tasmania', country: 'AU' },
  { code: 'AU-VIC', name: 'Victoria', country: 'AU' },
  { code: 'AU-WA', name: 'Western Australia', country: 'AU' },
  { code: 'AU-ACT', name: 'Australian Capital Territory', country: 'AU' },
  { code: 'AU-NT', name: 'Northern Territory', country: 'AU' },
] as const;

/** One subdivision row. */
export type State = (typeof STATES)[number];

/** A subdivision code such as `US-WA` or `AU-NSW`. */
export type StateCode = State['code'];

/** The only countries with subdivision tables. */
export const STATE_COUNTRY_CODES = ['US', 'CA', 'AU'] as const;
export type StateCountryCode = (typeof STATE_COUNTRY_CODES)[number];

/** The 78 subdivision codes, in published order. */
export const STATE_CODES: readonly StateCode[] = STATES.map((state) => state.code);

/**
 * Shape of a subdivision code. The docs say "XX-XX", but Australian codes have three letters
 * after the dash (AU-NSW), so `CC-` is followed by 2–3 letters (SPEC §4 CONFLICT).
 */
export const STATE_CODE_PATTERN = /^[A-Z]{2}-[A-Z]{2,3}$/;

const statesByCode: ReadonlyMap<string, State> = new Map(
  STATES.map((state) => [state.code, state]),
);

/** True when `code` is one of the 78 published subdivision codes (exact, upper case). */
export function isStateCode(code: string): code is StateCode {
  return statesByCode.has(code);
}

/** Country a subdivision belongs to, or undefined when `code` is not a published subdivision. */
export function stateCountry(code: StateCode): StateCountryCode;
export function stateCountry(code: string): StateCountryCode | undefined;
export function stateCountry(code: string): StateCountryCode | undefined {
  return statesByCode.get(code)?.country;
}

/** English name of a subdivision, or undefined when `code` is not a published subdivision. */
export function findStateName(code: string): string | undefined {
  return statesByCode.get(code)?.name;
}

/** The subdivisions of one country, in published order (empty for countries without a table). */
export function findStatesOfCountry(country: string): readonly State[] {
  return STATES.filter((state) => state.country === country);
}
