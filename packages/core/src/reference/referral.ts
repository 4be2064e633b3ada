// Source: SPEC §7 Referrals (PC-api-2019/2020, PC-opps-2023, PC-sa-2023, PC-dealreg-2023, PC-perm-2022).
// The data lives in the zod-free module beside this one; this adds the schemas and the checks.
import { z } from 'zod';
import {
  DEAL_REGISTRATION_BULK_CSV_STATUSES,
  DEAL_REGISTRATION_STATES,
  DEAL_SOLUTION_CATEGORIES,
  DEAL_TYPES,
  MARKETPLACE_INTENTS,
  REFERRAL_CUSTOMER_SIZES,
  REFERRAL_DECLINE_REASONS,
  REFERRAL_DIRECTIONS,
  REFERRAL_ERROR_REASONS,
  REFERRAL_LIFECYCLE_STATUSES,
  REFERRAL_QUALIFICATIONS,
  REFERRAL_SOLUTION_TAG_TYPES,
  REFERRAL_STATUSES,
  REFERRAL_SUBSTATUSES,
  REFERRAL_TARGET_TYPES,
  REFERRAL_TIMER_IDS,
  REFERRAL_TYPES,
  REFERRAL_USER_ROLE_IDS,
  REFERRAL_WEBHOOK_EVENTS,
  SALES_STAGE_NAMES,
  SERVICES_PARTNER_ROLES,
  SOLUTION_ASSESSMENT_SALES_STAGE_NAMES,
  REFERRAL_STATUS_TRANSITIONS,
  type ReferralLifecycleStatus,
  type ReferralSubstatus,
} from './referral.data';

export * from './referral.data';

export const ReferralStatusSchema = z.enum(REFERRAL_STATUSES);
export const ReferralLifecycleStatusSchema = z.enum(REFERRAL_LIFECYCLE_STATUSES);
export const ReferralSubstatusSchema = z.enum(REFERRAL_SUBSTATUSES);
export const ReferralTypeSchema = z.enum(REFERRAL_TYPES);
export const ReferralQualificationSchema = z.enum(REFERRAL_QUALIFICATIONS);
export const ReferralDirectionSchema = z.enum(REFERRAL_DIRECTIONS);
export const ReferralTargetTypeSchema = z.enum(REFERRAL_TARGET_TYPES);
export const ReferralSolutionTagTypeSchema = z.enum(REFERRAL_SOLUTION_TAG_TYPES);
export const DealTypeSchema = z.enum(DEAL_TYPES);
export const SalesStageSchema = z.enum(SALES_STAGE_NAMES);
export const SolutionAssessmentSalesStageSchema = z.enum(SOLUTION_ASSESSMENT_SALES_STAGE_NAMES);
export const DealSolutionCategorySchema = z.enum(DEAL_SOLUTION_CATEGORIES);
export const ServicesPartnerRoleSchema = z.enum(SERVICES_PARTNER_ROLES);
export const MarketplaceIntentSchema = z.enum(MARKETPLACE_INTENTS);
export const DealRegistrationStateSchema = z.enum(DEAL_REGISTRATION_STATES);
export const DealRegistrationBulkCsvStatusSchema = z.enum(DEAL_REGISTRATION_BULK_CSV_STATUSES);
export const ReferralTimerIdSchema = z.enum(REFERRAL_TIMER_IDS);
export const ReferralUserRoleIdSchema = z.enum(REFERRAL_USER_ROLE_IDS);
export const ReferralWebhookEventSchema = z.enum(REFERRAL_WEBHOOK_EVENTS);
export const ReferralDeclineReasonSchema = z.enum(REFERRAL_DECLINE_REASONS);
export const ReferralErrorReasonSchema = z.enum(REFERRAL_ERROR_REASONS);
export const ReferralCustomerSizeSchema = z.enum(REFERRAL_CUSTOMER_SIZES);

/** True when the transition table allows moving a referral from `from` to `to`. */
export function isReferralStatusTransitionAllowed(
  from: ReferralLifecycleStatus,
  to: ReferralLifecycleStatus,
): boolean {
  return REFERRAL_STATUS_TRANSITIONS[from].allowedStatuses.includes(to);
}

/** True when `substatus` may be set while the referral is in `status`. */
export function isReferralSubstatusAllowed(
  status: ReferralLifecycleStatus,
  substatus: ReferralSubstatus,
): boolean {
  return REFERRAL_STATUS_TRANSITIONS[status].allowedSubstatuses.includes(substatus);
}
