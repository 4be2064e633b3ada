// Source: SPEC §5 Co-sell statuses, names by version (AZ-mcosell-2020, AZ-req/status/overview-2021, PC-*-2023).
// The data lives in the zod-free module beside this one; this adds the schemas.
import { z } from 'zod';
import { COSELL_POLICY_ERAS, COSELL_STATUS_IDS } from './cosell-statuses.data';

export * from './cosell-statuses.data';

export const CosellStatusIdSchema = z.enum(COSELL_STATUS_IDS);

export const CosellPolicyEraSchema = z.enum(COSELL_POLICY_ERAS);
