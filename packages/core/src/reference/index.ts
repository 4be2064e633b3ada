// Source: SPEC §1–§7 reference data, as typed TypeScript (never read from ../shared at run time).
export * from './contact-roles';
export * from './cosell-statuses';
export * from './countries';
export * from './country-names';
export * from './documents';
export * from './listing-limits';
export * from './offer-types';
export * from './referral';
export * from './solution-types';
export * from './states';
export * from './taxonomy-sample';
export * from './notification-kinds';
export * from './text';
export * from './token-areas.data';
