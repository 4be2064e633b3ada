// Source: SPEC §4 Contacts, location codes (PC-codes-2023, AZ-countries-2019).
// The data lives in the zod-free module beside this one; this adds the schemas.
import { z } from 'zod';
import { COSELL_COUNTRY_CODES, COUNTRY_CODES } from './countries.data';

export * from './countries.data';

export const CountryCodeSchema = z.enum(COUNTRY_CODES);

export const CosellCountryCodeSchema = z.enum(COSELL_COUNTRY_CODES);
