// Source: SPEC §4 Contacts, States/Provinces codes (PC-codes-2023, AZ-states-2020).
// The data lives in the zod-free module beside this one; this adds the schemas.
import { z } from 'zod';
import { STATE_CODES } from './states.data';

export * from './states.data';

export const StateCodeSchema = z.enum(STATE_CODES);
