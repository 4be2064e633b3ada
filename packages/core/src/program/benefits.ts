/**
 * Benefits of a co-sell status (SPEC §5 "Benefits"), computed from the status, the offer and
 * the policy's benefit rules. The Preferred Solution badge also needs time: it appears once the
 * qualifying status has been held for the policy's delay (a scheduled job grants it).
 *
 * Each benefit is explained like a requirement: met or not, the reason as a message key with its
 * parameters ("not Azure benefit eligible: the offer is free"), and where to act. The values the
 * storefront and the API show are read off the same explanations, so they cannot disagree.
 */
import type { CosellStatusId } from '../reference/cosell-statuses';
import type { OfferTypeId } from '../reference/offer-types';
import type { ProgramPolicy, TierStatusId } from './policies';
import { TIER_ORDER, type FixArea, type StatusEvaluation } from './status-engine';

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

/** The benefits a status can bring, in the order the status page lists them. */
export const BENEFIT_IDS = [
  'visibleToSellers',
  'preferredSolutionBadge',
  'azureBenefitEligible',
  'cspIncentive',
  'marketplaceFee',
] as const;
export type BenefitId = (typeof BENEFIT_IDS)[number];

/** One benefit, met or not, and why. */
export interface BenefitResult {
  id: BenefitId;
  /** The policy offers the benefit to offers of this type at all. */
  applicable: boolean;
  /** The offer has it (for the fee: the reduced fee applies). */
  met: boolean;
  /** Message catalogue key of the explanation (see BENEFIT_MESSAGES). */
  code: string;
  /** `status`: a status id; `date`: an ISO date; `percent`, `standard`, `reduced`: percentages. */
  params: Record<string, string | number>;
  /** Where to act to get it; null when nothing the publisher does changes it. */
  fix: { area: FixArea; field: string } | null;
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
  /** Every benefit explained, in BENEFIT_IDS order. */
  explanations: BenefitResult[];
}

/** Message catalogue keys of the benefit explanations. */
export const BENEFIT_MESSAGES = {
  visibleToSellers: {
    met: 'benefit.visibleToSellers.met',
    needsStatus: 'benefit.visibleToSellers.needsStatus',
    notLive: 'benefit.visibleToSellers.notLive',
    notForType: 'benefit.visibleToSellers.notForType',
  },
  preferredSolutionBadge: {
    granted: 'benefit.preferredSolutionBadge.granted',
    due: 'benefit.preferredSolutionBadge.due',
    pending: 'benefit.preferredSolutionBadge.pending',
    needsStatus: 'benefit.preferredSolutionBadge.needsStatus',
    notForType: 'benefit.preferredSolutionBadge.notForType',
  },
  azureBenefitEligible: {
    met: 'benefit.azureBenefitEligible.met',
    needsStatus: 'benefit.azureBenefitEligible.needsStatus',
    notLive: 'benefit.azureBenefitEligible.notLive',
    notTransactable: 'benefit.azureBenefitEligible.notTransactable',
    free: 'benefit.azureBenefitEligible.free',
    notForType: 'benefit.azureBenefitEligible.notForType',
  },
  cspIncentive: {
    met: 'benefit.cspIncentive.met',
    needsStatus: 'benefit.cspIncentive.needsStatus',
    none: 'benefit.cspIncentive.none',
    notForType: 'benefit.cspIncentive.notForType',
  },
  marketplaceFee: {
    reduced: 'benefit.marketplaceFee.reduced',
    needsStatus: 'benefit.marketplaceFee.needsStatus',
    flat: 'benefit.marketplaceFee.flat',
    notForType: 'benefit.marketplaceFee.notForType',
  },
} as const satisfies Record<BenefitId, Record<string, string>>;

const PUBLISH_FIX = { area: 'publish', field: 'publish' } as const;
const TRANSACTABLE_FIX = { area: 'offer-setup', field: 'offer-transactable' } as const;
const PRICED_FIX = { area: 'offer-setup', field: 'offer-priced-above-zero' } as const;

/** True when the status earns the badge under the policy. */
export function qualifiesForBadge(status: CosellStatusId, policy: ProgramPolicy): boolean {
  return holds(policy.benefits.preferredSolutionBadge.statuses, status);
}

/** When a badge qualifying since `since` is due under the policy. */
export function badgeDueAt(since: Date, policy: ProgramPolicy): Date {
  return new Date(since.getTime() + policy.benefits.preferredSolutionBadge.delayDays * 86_400_000);
}

/**
 * The nearest of `statuses` the offer type can reach under the policy (in TIER_ORDER), and the
 * fix of the first requirement on the way to it that is not met (when the evaluation is known);
 * null when the type can reach none of them.
 */
function nearest(
  statuses: readonly TierStatusId[],
  offerType: OfferTypeId,
  policy: ProgramPolicy,
  evaluation: StatusEvaluation | undefined,
): { status: TierStatusId; fix: BenefitResult['fix'] } | null {
  const reachable = (status: TierStatusId): boolean => {
    const rule = policy.statuses[status];
    if (!rule || !(rule.offerTypes as readonly string[]).includes(offerType)) return false;
    return rule.requires === null || reachable(rule.requires);
  };
  const status = TIER_ORDER.find((s) => statuses.includes(s) && reachable(s));
  if (!status) return null;
  const chain: TierStatusId[] = [];
  for (let s: TierStatusId | null = status; s; s = policy.statuses[s]?.requires ?? null) {
    chain.unshift(s);
  }
  const unmet = chain
    .map((s) => evaluation?.tiers.find((tier) => tier.status === s))
    .flatMap((tier) => tier?.requirements.filter((r) => !r.met) ?? [])[0];
  return { status, fix: unmet?.fix ?? null };
}

/**
 * What the status brings under the policy, each benefit with its reason. With the evaluation the
 * status came from, a benefit that needs a better status points at the first requirement on the
 * way to it.
 */
export function computeBenefits(
  facts: BenefitFacts,
  policy: ProgramPolicy,
  evaluation?: StatusEvaluation,
): Benefits {
  const rules = policy.benefits;
  const result = (
    id: BenefitId,
    met: boolean,
    code: string,
    params: BenefitResult['params'] = {},
    fix: BenefitResult['fix'] = null,
    applicable = true,
  ): BenefitResult => ({ id, applicable, met, code, params, fix });
  /** A benefit out of reach of the current status: which status it needs, or not for this type. */
  const needsStatus = (
    id: BenefitId,
    statuses: readonly TierStatusId[],
    codes: { needsStatus: string; notForType: string },
    params: BenefitResult['params'] = {},
  ) => {
    const target = nearest(statuses, facts.offerType, policy, evaluation);
    return target
      ? result(id, false, codes.needsStatus, { ...params, status: target.status }, target.fix)
      : result(id, false, codes.notForType, params, null, false);
  };

  const everyTier = TIER_ORDER;
  const visible = BENEFIT_MESSAGES.visibleToSellers;
  const visibleToSellers =
    facts.status === 'not-cosell-ready'
      ? needsStatus('visibleToSellers', everyTier, visible)
      : !facts.live
        ? result('visibleToSellers', false, visible.notLive, {}, PUBLISH_FIX)
        : result('visibleToSellers', true, visible.met);

  const badgeRules = rules.preferredSolutionBadge;
  const badge = BENEFIT_MESSAGES.preferredSolutionBadge;
  const qualifies = qualifiesForBadge(facts.status, policy);
  const granted = qualifies && facts.badgeGrantedAt !== null;
  const dueAt =
    qualifies && !granted && facts.qualifiedSince ? badgeDueAt(facts.qualifiedSince, policy) : null;
  const preferredSolutionBadge = !qualifies
    ? needsStatus('preferredSolutionBadge', badgeRules.statuses, badge)
    : granted
      ? result('preferredSolutionBadge', true, badge.granted)
      : dueAt
        ? result('preferredSolutionBadge', false, badge.due, { date: dueAt.toISOString() })
        : result('preferredSolutionBadge', false, badge.pending, { days: badgeRules.delayDays });

  const azure = BENEFIT_MESSAGES.azureBenefitEligible;
  const azureBenefitEligible = !holds(rules.azureBenefitEligible.statuses, facts.status)
    ? needsStatus('azureBenefitEligible', rules.azureBenefitEligible.statuses, azure)
    : !facts.live
      ? result('azureBenefitEligible', false, azure.notLive, {}, PUBLISH_FIX)
      : !facts.transactable
        ? result('azureBenefitEligible', false, azure.notTransactable, {}, TRANSACTABLE_FIX)
        : !facts.pricedAboveZero
          ? result('azureBenefitEligible', false, azure.free, {}, PRICED_FIX)
          : result('azureBenefitEligible', true, azure.met);

  const csp = BENEFIT_MESSAGES.cspIncentive;
  const cspRules = rules.cspIncentive;
  const cspIncentive = !cspRules
    ? result('cspIncentive', false, csp.none, {}, null, false)
    : holds(cspRules.statuses, facts.status)
      ? result('cspIncentive', true, csp.met, { percent: cspRules.percent })
      : needsStatus('cspIncentive', cspRules.statuses, csp, { percent: cspRules.percent });

  const fee = BENEFIT_MESSAGES.marketplaceFee;
  const feeRules = rules.marketplaceFee;
  const reduced = feeRules.reduced;
  const marketplaceFee = !reduced
    ? result('marketplaceFee', false, fee.flat, { percent: feeRules.percent }, null, false)
    : !(reduced.offerTypes as readonly string[]).includes(facts.offerType)
      ? result(
          'marketplaceFee',
          false,
          fee.notForType,
          { percent: feeRules.percent, reduced: reduced.percent },
          null,
          false,
        )
      : holds(reduced.statuses, facts.status)
        ? result('marketplaceFee', true, fee.reduced, {
            percent: reduced.percent,
            standard: feeRules.percent,
          })
        : needsStatus('marketplaceFee', reduced.statuses, fee, {
            percent: feeRules.percent,
            reduced: reduced.percent,
          });

  return {
    visibleToSellers: visibleToSellers.met,
    preferredSolutionBadge: { qualifies, granted, dueAt },
    azureBenefitEligible: azureBenefitEligible.met,
    cspIncentivePercent: cspIncentive.met && cspRules ? cspRules.percent : null,
    marketplaceFeePercent: marketplaceFee.met && reduced ? reduced.percent : feeRules.percent,
    explanations: [
      visibleToSellers,
      preferredSolutionBadge,
      azureBenefitEligible,
      cspIncentive,
      marketplaceFee,
    ],
  };
}
