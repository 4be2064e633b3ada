// Source: SPEC §4 Contacts, location codes (PC-codes-2023, AZ-countries-2019).
// Data only, no zod: the web app bundles it (`@cosell/core/reference-data`).
/**
 * The 246 two-letter country/region codes a co-sell contact can cover, in the order of the
 * published table (PC-codes-2023; AZ-countries-2019 has the same codes). Excludes `OOO`.
 */
export const COUNTRY_CODES = [
  'AF',
  'AX',
  'AL',
  'DZ',
  'AS',
  'AD',
  'AO',
  'AQ',
  'AG',
  'AR',
  'AM',
  'AW',
  'AU',
  'AT',
  'AZ',
  'BS',
  'BH',
  'BD',
  'BB',
  'BY',
  'BE',
  'BZ',
  'BJ',
  'BM',
  'BT',
  'BO',
  'BQ',
  'BA',
  'BW',
  'BV',
  'BR',
  'IO',
  'VG',
  'BN',
  'BG',
  'BF',
  'BI',
  'CV',
  'KH',
  'CM',
  'CA',
  'KY',
  'CF',
  'TD',
  'CZ',
  'CL',
  'CN',
  'CX',
  'CC',
  'CO',
  'KM',
  'CG',
  'CD',
  'CK',
  'CR',
  'CI',
  'HR',
  'CU',
  'CW',
  'CY',
  'DK',
  'DJ',
  'DM',
  'DO',
  'EC',
  'EG',
  'SV',
  'GQ',
  'ER',
  'EE',
  'SZ',
  'ET',
  'FO',
  'FJ',
  'FI',
  'FR',
  'GF',
  'PF',
  'TF',
  'GA',
  'GM',
  'GE',
  'DE',
  'GH',
  'GI',
  'GR',
  'GL',
  'GD',
  'GP',
  'GU',
  'GT',
  'GG',
  'GN',
  'GW',
  'GY',
  'HT',
  'HM',
  'HN',
  'HK',
  'HU',
  'IS',
  'IN',
  'ID',
  'IR',
  'IQ',
  'IE',
  'IM',
  'IL',
  'IT',
  'JM',
  'JP',
  'JE',
  'JO',
  'KZ',
  'KE',
  'KI',
  'KR',
  'KW',
  'KG',
  'LA',
  'LV',
  'LB',
  'LS',
  'LR',
  'LY',
  'LI',
  'LT',
  'LU',
  'MO',
  'MG',
  'MW',
  'MY',
  'MV',
  'ML',
  'MT',
  'MH',
  'MQ',
  'MR',
  'MU',
  'YT',
  'MX',
  'FM',
  'MD',
  'MC',
  'MN',
  'ME',
  'MS',
  'MA',
  'MZ',
  'MM',
  'NA',
  'NR',
  'NP',
  'NL',
  'NC',
  'NZ',
  'NI',
  'NE',
  'NG',
  'NU',
  'NF',
  'KP',
  'MP',
  'MK',
  'NO',
  'OM',
  'PK',
  'PW',
  'PS',
  'PA',
  'PG',
  'PY',
  'PE',
  'PH',
  'PN',
  'PL',
  'PT',
  'PR',
  'QA',
  'RE',
  'RO',
  'RU',
  'RW',
  'BL',
  'KN',
  'LC',
  'MF',
  'PM',
  'VC',
  'WS',
  'SM',
  'ST',
  'SA',
  'SN',
  'RS',
  'SC',
  'SL',
  'SG',
  'SX',
  'SK',
  'SI',
  'SB',
  'SO',
  'ZA',
  'GS',
  'SS',
  'ES',
  'LK',
  'SH',
  'SD',
  'SR',
  'SJ',
  'SE',
  'CH',
  'SY',
  'TW',
  'TJ',
  'TZ',
  'TH',
  'TL',
  'TG',
  'TK',
  'TO',
  'TT',
  'TN',
  'TR',
  'TM',
  'TC',
  'TV',
  'UG',
  'UA',
  'AE',
  'GB',
  'US',
  'UY',
  'UM',
  'VI',
  'UZ',
  'VU',
  'VA',
  'VE',
  'VN',
  'WF',
  'YE',
  'ZM',
  'ZW',
] as const;

/** A real co-sell country/region code (two letters, never `OOO`). */
export type CountryCode = (typeof COUNTRY_CODES)[number];

/**
 * English names exactly as in the newest published table (08/24/2023). TR was "Turkey" in the
 * 08/27/2019 table and is "Türkiye" since 2023; the newest name is used.
 */
export const COUNTRY_ENGLISH_NAMES: Readonly<Record<CountryCode, string>> = {
  AF: 'Afghanistan',
  AX: 'Åland Islands',
  AL: 'Albania',
  DZ: 'Algeria',
  AS: 'American Samoa',
  AD: 'Andorra',
  AO: 'Angola',
  AQ: 'Antarctica',
  AG: 'Antigua and Barbuda',
  AR: 'Argentina',
  AM: 'Armenia',
  AW: 'Aruba',
  AU: 'Australia',
  AT: 'Austria',
  AZ: 'Azerbaijan',
  BS: 'Bahamas',
  BH: 'Bahrain',
  BD: 'Bangladesh',
  BB: 'Barbados',
  BY: 'Belarus',
  BE: 'Belgium',
  BZ: 'Belize',
  BJ: 'Benin',
  BM: 'Bermuda',
  BT: 'Bhutan',
  BO: 'Bolivia',
  BQ: 'Bonaire',
  BA: 'Bosnia and Herzegovina',
  BW: 'Botswana',
  BV: 'Bouvet Island',
  BR: 'Brazil',
  IO: 'British Indian Ocean Territory',
  VG: 'British Virgin Islands',
  BN: 'Brunei',
  BG: 'Bulgaria',
  BF: 'Burkina Faso',
  BI: 'Burundi',
  CV: 'Cabo Verde',
  KH: 'Cambodia',
  CM: 'Cameroon',
  CA: 'Canada',
  KY: 'Cayman Islands',
  CF: 'Central African Republic',
  TD: 'Chad',
  CZ: 'Czechia',
  CL: 'Chile',
  CN: 'China',
  CX: 'Christmas Island',
  CC: 'Cocos (Keeling) Islands',
  CO: 'Colombia',
  KM: 'Comoros',
  CG: 'Congo',
  CD: 'Congo (DRC)',
  CK: 'Cook Islands',
  CR: 'Costa Rica',
  CI: "Côte d'Ivoire",
  HR: 'Croatia',
  CU: 'Cuba',
  CW: 'Curaçao',
  CY: 'Cyprus',
  DK: 'Denmark',
  DJ: 'Djibouti',
  DM: 'Dominica',
  DO: 'Dominican Republic',
  EC: 'Ecuador',
  EG: 'Egypt',
  SV: 'El Salvador',
  GQ: 'Equatorial Guinea',
  ER: 'Eritrea',
  EE: 'Estonia',
  SZ: 'eSwatini',
  ET: 'Ethiopia',
  FO: 'Faroe Islands',
  FJ: 'Fiji',
  FI: 'Finland',
  FR: 'France',
  GF: 'French Guiana',
  PF: 'French Polynesia',
  TF: 'French Southern Territories',
  GA: 'Gabon',
  GM: 'Gambia',
  GE: 'Georgia',
  DE: 'Germany',
  GH: 'Ghana',
  GI: 'Gibraltar',
  GR: 'Greece',
  GL: 'Greenland',
  GD: 'Grenada',
  GP: 'Guadeloupe',
  GU: 'Guam',
  GT: 'Guatemala',
  GG: 'Guernsey',
  GN: 'Guinea',
  GW: 'Guinea-Bissau',
  GY: 'Guyana',
  HT: 'Haiti',
  HM: 'Heard Island and McDonald Islands',
  HN: 'Honduras',
  HK: 'Hong Kong SAR',
  HU: 'Hungary',
  IS: 'Iceland',
  IN: 'India',
  ID: 'Indonesia',
  IR: 'Iran',
  IQ: 'Iraq',
  IE: 'Ireland',
  IM: 'Isle of Man',
  IL: 'Israel',
  IT: 'Italy',
  JM: 'Jamaica',
  JP: 'Japan',
  JE: 'Jersey',
  JO: 'Jordan',
  KZ: 'Kazakhstan',
  KE: 'Kenya',
  KI: 'Kiribati',
  KR: 'Korea (South)',
  KW: 'Kuwait',
  KG: 'Kyrgyzstan',
  LA: 'Laos',
  LV: 'Latvia',
  LB: 'Lebanon',
  LS: 'Lesotho',
  LR: 'Liberia',
  LY: 'Libya',
  LI: 'Liechtenstein',
  LT: 'Lithuania',
  LU: 'Luxembourg',
  MO: 'Macao SAR',
  MG: 'Madagascar',
  MW: 'Malawi',
  MY: 'Malaysia',
  MV: 'Maldives',
  ML: 'Mali',
  MT: 'Malta',
  MH: 'Marshall Islands',
  MQ: 'Martinique',
  MR: 'Mauritania',
  MU: 'Mauritius',
  YT: 'Mayotte',
  MX: 'Mexico',
  FM: 'Micronesia',
  MD: 'Moldova',
  MC: 'Monaco',
  MN: 'Mongolia',
  ME: 'Montenegro',
  MS: 'Montserrat',
  MA: 'Morocco',
  MZ: 'Mozambique',
  MM: 'Myanmar',
  NA: 'Namibia',
  NR: 'Nauru',
  NP: 'Nepal',
  NL: 'Netherlands',
  NC: 'New Caledonia',
  NZ: 'New Zealand',
  NI: 'Nicaragua',
  NE: 'Niger',
  NG: 'Nigeria',
  NU: 'Niue',
  NF: 'Norfolk Island',
  KP: 'North Korea',
  MP: 'Northern Mariana Islands',
  MK: 'North Macedonia',
  NO: 'Norway',
  OM: 'Oman',
  PK: 'Pakistan',
  PW: 'Palau',
  PS: 'Palestinian Authority',
  PA: 'Panama',
  PG: 'Papua New Guinea',
  PY: 'Paraguay',
  PE: 'Peru',
  PH: 'Philippines',
  PN: 'Pitcairn Islands',
  PL: 'Poland',
  PT: 'Portugal',
  PR: 'Puerto Rico',
  QA: 'Qatar',
  RE: 'Réunion',
  RO: 'Romania',
  RU: 'Russia',
  RW: 'Rwanda',
  BL: 'Saint Barthélemy',
  KN: 'Saint Kitts and Nevis',
  LC: 'Saint Lucia',
  MF: 'Saint Martin',
  PM: 'Saint Pierre and Miquelon',
  VC: 'Saint Vincent and the Grenadines',
  WS: 'Samoa',
  SM: 'San Marino',
  ST: 'São Tomé and Príncipe',
  SA: 'Saudi Arabia',
  SN: 'Senegal',
  RS: 'Serbia',
  SC: 'Seychelles',
  SL: 'Sierra Leone',
  SG: 'Singapore',
  SX: 'Sint Maarten',
  SK: 'Slovakia',
  SI: 'Slovenia',
  SB: 'Solomon Islands',
  SO: 'Somalia',
  ZA: 'South Africa',
  GS: 'South Georgia and South Sandwich Islands',
  SS: 'South Sudan',
  ES: 'Spain',
  LK: 'Sri Lanka',
  SH: 'St Helena, Ascension, Tristan da Cunha',
  SD: 'Sudan',
  SR: 'Suriname',
  SJ: 'Svalbard',
  SE: 'Sweden',
  CH: 'Switzerland',
  SY: 'Syria',
  TW: 'Taiwan',
  TJ: 'Tajikistan',
  TZ: 'Tanzania',
  TH: 'Thailand',
  TL: 'Timor-Leste',
  TG: 'Togo',
  TK: 'Tokelau',
  TO: 'Tonga',
  TT: 'Trinidad and Tobago',
  TN: 'Tunisia',
  TR: 'Türkiye',
  TM: 'Turkmenistan',
  TC: 'Turks and Caicos Islands',
  TV: 'Tuvalu',
  UG: 'Uganda',
  UA: 'Ukraine',
  AE: 'United Arab Emirates',
  GB: 'United Kingdom',
  US: 'United States',
  UY: 'Uruguay',
  UM: 'U.S. Outlying Islands',
  VI: 'U.S. Virgin Islands',
  UZ: 'Uzbekistan',
  VU: 'Vanuatu',
  VA: 'Vatican City',
  VE: 'Venezuela',
  VN: 'Vietnam',
  WF: 'Wallis and Futuna',
  YE: 'Yemen',
  ZM: 'Zambia',
  ZW: 'Zimbabwe',
};

/**
 * The code that stands for every country/region at once. The location-code table lists it as
 * "Global contacts"; a contact row that uses it must list no other code (SPEC §4, derived).
 */
export const ALL_REGIONS_CODE = 'OOO';

/** Name of the `OOO` row in the published location-code table. */
export const ALL_REGIONS_DOC_NAME = 'Global contacts';

/**
 * English UI label for `OOO`. Intl has no region name for it, so other languages must pass their
 * own label to {@link countryName}.
 */
export const ALL_REGIONS_ENGLISH_LABEL = 'All countries/regions';

/** Every code accepted in the "Countries/Regions" column of the contacts CSV: 246 countries + `OOO`. */
export const COSELL_COUNTRY_CODES = [...COUNTRY_CODES, ALL_REGIONS_CODE] as const;

/** A code accepted in the contacts CSV "Countries/Regions" column, `OOO` included. */
export type CosellCountryCode = (typeof COSELL_COUNTRY_CODES)[number];

/** One row of the published location-code table, `OOO` last. */
export interface CosellCountry {
  code: CosellCountryCode;
  /** English name as published; `OOO` is "Global contacts". */
  name: string;
}

/** The location-code table in published order, followed by the `OOO` row. */
export const COSELL_COUNTRIES: readonly CosellCountry[] = [
  ...COUNTRY_CODES.map((code) => ({ code, name: COUNTRY_ENGLISH_NAMES[code] })),
  { code: ALL_REGIONS_CODE, name: ALL_REGIONS_DOC_NAME },
];

const countryCodeSet: ReadonlySet<string> = new Set(COUNTRY_CODES);

/**
 * True for one of the 246 two-letter co-sell codes or `OOO`. Exact match: callers normalise
 * case and whitespace first (CSV cells such as " us").
 */
export function isCosellCountryCode(code: string): code is CosellCountryCode {
  return code === ALL_REGIONS_CODE || countryCodeSet.has(code);
}

/** True for one of the 246 two-letter co-sell codes; false for `OOO`. */
export function isCountryCode(code: string): code is CountryCode {
  return countryCodeSet.has(code);
}

/** Options of {@link countryName}. */
export interface CountryNameOptions {
  /**
   * Labels for `OOO` keyed by locale tag (e.g. `{ 'pl-PL': 'Wszystkie kraje/regiony' }`); an exact
   * tag wins over its language (`'pl'`). Without a match the English label is returned.
   */
  allRegionsLabels?: Readonly<Record<string, string>>;
}

// One DisplayNames per locale: constructing them is comparatively expensive and country pickers
// ask for ~250 names per render. `null` remembers locales Intl rejected.
const displayNamesCache = new Map<string, Intl.DisplayNames | null>();

function findDisplayNames(locale: string): Intl.DisplayNames | null {
  const cached = displayNamesCache.get(locale);
  if (cached !== undefined) return cached;
  let displayNames: Intl.DisplayNames | null = null;
  try {
    if (typeof Intl !== 'undefined' && typeof Intl.DisplayNames === 'function') {
      displayNames = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    }
  } catch {
    // Invalid locale tag (RangeError): fall back to the English names below.
    displayNames = null;
  }
  displayNamesCache.set(locale, displayNames);
  return displayNames;
}

function findAllRegionsLabel(locale: string, options: CountryNameOptions | undefined): string {
  const labels = options?.allRegionsLabels;
  if (labels) {
    const exact = labels[locale];
    if (exact !== undefined) return exact;
    const language = locale.split('-')[0];
    const byLanguage = language === undefined ? undefined : labels[language];
    if (byLanguage !== undefined) return byLanguage;
  }
  return ALL_REGIONS_ENGLISH_LABEL;
}

/**
 * Display name of a co-sell country code in `locale`, from `Intl.DisplayNames`; falls back to the
 * published English name when Intl has none (or rejects the locale). `OOO` gets the UI label
 * (see {@link CountryNameOptions.allRegionsLabels}). A code outside the co-sell list is returned
 * unchanged, so unknown CSV values stay visible in error messages.
 */
export function countryName(code: string, locale: string, options?: CountryNameOptions): string {
  if (code === ALL_REGIONS_CODE) return findAllRegionsLabel(locale, options);
  if (!isCountryCode(code)) return code;
  const english = COUNTRY_ENGLISH_NAMES[code];
  const displayNames = findDisplayNames(locale);
  if (!displayNames) return english;
  let localized: string | undefined;
  try {
    localized = displayNames.of(code);
  } catch {
    localized = undefined;
  }
  // Some engines echo the code back instead of honouring `fallback: 'none'`.
  return localized === undefined || localized === code ? english : localized;
}
