/**
 * The reference vocabulary as plain data, without zod: what `@cosell/core/reference-data` gives
 * the web app (offer types, solution types, document kinds and file types, contact roles,
 * countries, states, co-sell statuses, listing limits). The schemas built on it stay in the
 * modules of the same stem (`countries.ts` beside `countries.data.ts`), which the server uses.
 */
export * from './contact-roles.data';
export * from './cosell-statuses.data';
export * from './countries.data';
export * from './documents.data';
export * from './listing-limits';
export * from './notification-kinds';
export * from './offer-types.data';
export * from './referral.data';
export * from './solution-types.data';
export * from './states.data';
export * from './token-areas.data';
