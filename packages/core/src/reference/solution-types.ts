// Source: SPEC §2 Listing, solution types (AZ-cosell-2019 … PC-configure-2023).
// The data lives in the zod-free module beside this one; this adds the schemas.
import { z } from 'zod';
import { SOLUTION_TYPE_IDS } from './solution-types.data';

export * from './solution-types.data';

export const SolutionTypeIdSchema = z.enum(SOLUTION_TYPE_IDS);
