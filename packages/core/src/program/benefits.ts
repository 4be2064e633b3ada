/**
 * Benefits of a co-sell status (SPEC §5 "Benefits"), computed from the status, the offer and
 * the policy's benefit rules. The Preferred Solution badge also needs time: it appears once the
 * qualifying status has been held for the policy's delay (a scheduled job grants it).
 */
import type { CosellStatusId } from '../reference/cosell-statuses';
import type { OfferTypeId } from '../reference/offer-types';
import type { ProgramPolicy, TierStatusId } from './policies';

const holds = (list: readonly TierStatusId[], status: CosellStatusId) =>
  (list as readonly string[]).includes(status);

export interface BenefitFacts {
  status: CosellStatusId;
  offerType: OfferTypeId;
  live: boolean;
  transactable: boolean;
  pricedAboveZero: boolean;
  /** When the offer started to hold a badge-qualifying status without a break, if it does. */
  qualifiedSince: Date | null;
  /** When the badge was granted, if it was. */
  badgeGrantedAt: Date | null;
}

export interface Benefits {
  /** The status is visible to the vendor's sellers for joint selling. */
  visibleToSellers: boolean;
  preferredSolutionBadge: {
    /** The status qualifies for the badge. */
    qualifies: boolean;
    granted: boolean;
    /** When the badge is due (qualifying since + delay), while it is not granted yet. */
    dueAt: Date | null;
  };
  /** Purchases count toward the customer's Azure consumption commitment (MACC). */
  azureBenefitEligible: boolean;
  /** CSP partners' resale incentive in percent, or null when none applies. */
  cspIncentivePercent: number | null;
  /** The marketplace fee the publisher pays, in percent. */
  marketplaceFeePercent: number;
}

/** True when the status earns the badge under the policy. */
export function qualifiesForBadge(status: CosellStatusId, policy: ProgramPolicy): boolean {
  return holds(policy.benefits.preferredSolutionBadge.statuses, status);
}

/** When a badge qualifying since `since` is due under the policy. */
export function badgeDueAt(since: Date, policy: ProgramPolicy): Date {
  return new Date(since.getTime() + policy.benefits.preferredSolutionBadge.delayDays * 86_400_000);
}

export function computeBenefits(facts: BenefitFacts, policy: ProgramPolicy): Benefits {
  const rules = policy.benefits;
  const qualifies = qualifiesForBadge(facts.status, policy);
  const granted = qualifies && facts.badgeGrantedAt !== null;
  const fee = rules.marketplaceFee;
  const reduced =
    fee.reduced &&
    holds(fee.reduced.statuses, facts.status) &&
    (fee.reduced.offerTypes as readonly string[]).includes(facts.offerType);
  return {
    visibleToSellers: facts.status !== 'not-cosell-ready' && facts.live,
    preferredSolutionBadge: {
      qualifies,
      granted,
      dueAt:
        qualifies && !granted && facts.qualifiedSince
          ? badgeDueAt(facts.qualifiedSince, policy)
          : null,
    },
    azureBenefitEligible:
      holds(rules.azureBenefitEligible.statuses, facts.status) &&
      facts.live &&
      facts.transactable &&
      facts.pricedAboveZero,
    cspIncentivePercent:
      rules.cspIncentive && holds(rules.cspIncentive.statuses, facts.status)
        ? rules.cspIncentive.percent
        : null,
    marketplaceFeePercent: reduced && fee.reduced ? fee.reduced.percent : fee.percent,
  };
}
