export * from './errors';
export * from './ports';
export * from './tenant';
export * from './i18n';
export * from './program';
export * from './idempotency';
export * from './reference';
