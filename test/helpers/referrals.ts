/** Referral bodies for the integration tests (the same as the service tests use). */
export { referralCreateBody } from '../../packages/core/src/testing/referrals.fake';
