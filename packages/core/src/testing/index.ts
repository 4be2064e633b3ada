// In-memory fakes and builders for service tests (no database).
export * from './builders';
export * from './fakes';
export * from './referrals.fake';
export * from './opportunities';
