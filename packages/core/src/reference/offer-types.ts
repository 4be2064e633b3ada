// Source: SPEC §1 Offer types and reachable statuses (AZ-configure-2021/2022, PC-configure-2023, PC-req-2023).
// The data lives in the zod-free module beside this one; this adds the schemas.
import { z } from 'zod';
import { COSELL_OFFER_TYPE_IDS, OFFER_TYPE_IDS } from './offer-types.data';

export * from './offer-types.data';

export const OfferTypeIdSchema = z.enum(OFFER_TYPE_IDS);

export const CosellOfferTypeIdSchema = z.enum(COSELL_OFFER_TYPE_IDS);
