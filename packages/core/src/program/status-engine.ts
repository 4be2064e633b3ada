/**
 * The co-sell status engine (SPEC §5): which status an offer holds under a policy, and why.
 * Pure: the same facts and policy always give the same answer. Which requirements a status
 * needs is the policy's data; this module only knows how to check each kind of requirement.
 *
 * Monotone by construction: a status is held when every requirement of it and of the statuses
 * it builds on is met, and the answer is the highest status held, so meeting one more
 * requirement can never lower it.
 *
 * A requirement the publisher meets on the offer itself (the listing, the documents, the
 * contacts…) is made of parts, one per field; its parts are the co-sell tab's checklist lines,
 * so the tab and the status page cannot disagree (see `evaluation.ts` for the views).
 */
import { partnerSalesCoverage } from '../contacts/coverage';
import type { ContactRoleId } from '../reference/contact-roles';
import type { CosellStatusId } from '../reference/cosell-statuses';
import type { CosellCountryCode, CountryCode } from '../reference/countries';
import type { DocumentKindId } from '../reference/documents';
import { OFFER_TYPES, type OfferTypeId } from '../reference/offer-types';
import type { SolutionTypeId } from '../reference/solution-types';
import type {
  DocumentRequirement,
  ProgramPolicy,
  RequirementId,
  RequirementRule,
  TierStatusId,
} from './policies';
import type { ProgramProfileFacts } from '../profiles/profile';

/** The offer as the engine sees it: its live (published) version where there is one. */
export interface StatusOfferFacts {
  offerType: OfferTypeId;
  /** Live in the marketplace. */
  live: boolean;
  transactable: boolean;
  pricedAboveZero: boolean;
  markets: readonly CountryCode[];
  createdAt: Date;
  listing: {
    platforms: number;
    segments: number;
    solutionType: SolutionTypeId | null;
    /** Solution areas chosen, and whether each has at least one sub-area. */
    solutionAreas: number;
    everyAreaHasSubArea: boolean;
  };
  landingPage: boolean;
  documentKinds: readonly DocumentKindId[];
  /** Contacts that matter here: their role and countries. */
  contacts: readonly { role: ContactRoleId; countries: readonly CosellCountryCode[] }[];
}

/** What the vendor's reviewers recorded for the material that is live. */
export interface StatusReviewFacts {
  approved: boolean;
  technicalValidation: TechnicalValidation;
  revenueVerified: boolean;
}
export const TECHNICAL_VALIDATIONS = ['not-assessed', 'passed', 'failed'] as const;
export type TechnicalValidation = (typeof TECHNICAL_VALIDATIONS)[number];

export interface StatusFacts {
  offer: StatusOfferFacts;
  profile: ProgramProfileFacts | null;
  review: StatusReviewFacts | null;
}

/** Where a requirement is fixed: a page of the product and a field on it. */
export type FixArea = 'offer-setup' | 'cosell' | 'publish' | 'profile' | 'review';

/** The co-sell tab's sections, and 'offer': the offer setup fields the tab relies on. */
export type CosellSection = 'offer' | 'listing' | 'documents' | 'landingPage' | 'contacts';

/**
 * The part of a requirement one field of the offer fixes: a line of the co-sell tab's checklist
 * ("At least one Microsoft platform is chosen").
 */
export interface RequirementPart {
  /** Stable id, `section/what` (`listing/platforms`, `documents/one-pager`). */
  id: string;
  section: CosellSection;
  /** The form field (element id in the web app) that fixes it. */
  field: string;
  met: boolean;
  /** Message catalogue key explaining the part (or what is missing). */
  code: string;
  params: Record<string, string | number>;
}

export interface RequirementResult {
  id: RequirementId;
  /** Every part is met (a requirement without parts is met on its own facts). */
  met: boolean;
  /** Message catalogue key of the explanation (see REQUIREMENT_MESSAGES). */
  code: string;
  params: Record<string, string | number>;
  fix: { area: FixArea; field: string };
  /** Its parts on the offer's fields; empty for requirements met elsewhere (profile, review). */
  parts: RequirementPart[];
}

export interface TierResult {
  status: TierStatusId;
  /** The offer type can reach this status under the policy. */
  applicable: boolean;
  /** Every requirement of this status and the ones it builds on is met. */
  met: boolean;
  /** The status it builds on (its requirements are not repeated here). */
  requires: TierStatusId | null;
  requirements: RequirementResult[];
}

export interface StatusEvaluation {
  status: CosellStatusId;
  policyId: ProgramPolicy['id'];
  tiers: TierResult[];
}

/** The order statuses are listed and compared in. */
export const TIER_ORDER: readonly TierStatusId[] = [
  'cosell-ready',
  'azure-ip-cosell-incentivized',
  'business-applications-standard',
  'business-applications-premium',
];

/** Rank of a status: a higher number is a better status (for "gain or lose" comparisons). */
export function statusRank(status: CosellStatusId): number {
  switch (status) {
    case 'not-cosell-ready':
      return 0;
    case 'cosell-ready':
      return 1;
    case 'azure-ip-cosell-incentivized':
    case 'business-applications-standard':
      return 2;
    case 'business-applications-premium':
      return 3;
  }
}

const appliesTo = (offerTypes: readonly string[] | undefined, type: OfferTypeId) =>
  !offerTypes || offerTypes.includes(type);

function requiredDocuments(list: readonly DocumentRequirement[], type: OfferTypeId) {
  return list.filter((req) => appliesTo(req.offerTypes, type)).map((req) => req.kind);
}

const FIX: Record<RequirementId, RequirementResult['fix']> = {
  'offer.eligibleType': { area: 'offer-setup', field: 'offer-type' },
  'offer.live': { area: 'publish', field: 'publish' },
  'profile.partnerId': { area: 'profile', field: 'profile-partner-id' },
  'profile.marketplaceAccount': { area: 'profile', field: 'profile-marketplace-account' },
  'profile.businessProfile': { area: 'profile', field: 'profile-business-profile' },
  'tab.listingComplete': { area: 'cosell', field: 'listing-platforms' },
  'documents.cosellReady': { area: 'cosell', field: 'documents' },
  'tab.partnerSalesContacts': { area: 'cosell', field: 'contacts' },
  'review.approved': { area: 'publish', field: 'publish' },
  'partner.goldCompetency': { area: 'profile', field: 'profile-gold-competency' },
  'partner.solutionsPartner': { area: 'profile', field: 'profile-solutions-partner' },
  'partner.isvConnect': { area: 'profile', field: 'profile-isv-connect' },
  'partner.isvConnectPremium': { area: 'profile', field: 'profile-isv-connect' },
  'revenue.threshold': { area: 'profile', field: 'profile-revenue' },
  'technical.validation': { area: 'review', field: 'technical-validation' },
  'documents.azureIp': { area: 'cosell', field: 'documents' },
  'tab.solutionTypeIp': { area: 'cosell', field: 'listing-solution-type' },
  'offer.transactable': { area: 'offer-setup', field: 'offer-transactable' },
};

/** Message catalogue keys explaining each requirement, met and not met. */
export const REQUIREMENT_MESSAGES: Record<RequirementId, { met: string; unmet: string }> = {
  'offer.eligibleType': {
    met: 'requirement.offer.eligibleType.met',
    unmet: 'requirement.offer.eligibleType.unmet',
  },
  'offer.live': { met: 'requirement.offer.live.met', unmet: 'requirement.offer.live.unmet' },
  'profile.partnerId': {
    met: 'requirement.profile.partnerId.met',
    unmet: 'requirement.profile.partnerId.unmet',
  },
  'profile.marketplaceAccount': {
    met: 'requirement.profile.marketplaceAccount.met',
    unmet: 'requirement.profile.marketplaceAccount.unmet',
  },
  'profile.businessProfile': {
    met: 'requirement.profile.businessProfile.met',
    unmet: 'requirement.profile.businessProfile.unmet',
  },
  'tab.listingComplete': {
    met: 'requirement.tab.listingComplete.met',
    unmet: 'requirement.tab.listingComplete.unmet',
  },
  'documents.cosellReady': {
    met: 'requirement.documents.cosellReady.met',
    unmet: 'requirement.documents.cosellReady.unmet',
  },
  'tab.partnerSalesContacts': {
    met: 'requirement.tab.partnerSalesContacts.met',
    unmet: 'requirement.tab.partnerSalesContacts.unmet',
  },
  'review.approved': {
    met: 'requirement.review.approved.met',
    unmet: 'requirement.review.approved.unmet',
  },
  'partner.goldCompetency': {
    met: 'requirement.partner.goldCompetency.met',
    unmet: 'requirement.partner.goldCompetency.unmet',
  },
  'partner.solutionsPartner': {
    met: 'requirement.partner.solutionsPartner.met',
    unmet: 'requirement.partner.solutionsPartner.unmet',
  },
  'partner.isvConnect': {
    met: 'requirement.partner.isvConnect.met',
    unmet: 'requirement.partner.isvConnect.unmet',
  },
  'partner.isvConnectPremium': {
    met: 'requirement.partner.isvConnectPremium.met',
    unmet: 'requirement.partner.isvConnectPremium.unmet',
  },
  'revenue.threshold': {
    met: 'requirement.revenue.threshold.met',
    unmet: 'requirement.revenue.threshold.unmet',
  },
  'technical.validation': {
    met: 'requirement.technical.validation.met',
    unmet: 'requirement.technical.validation.unmet',
  },
  'documents.azureIp': {
    met: 'requirement.documents.azureIp.met',
    unmet: 'requirement.documents.azureIp.unmet',
  },
  'tab.solutionTypeIp': {
    met: 'requirement.tab.solutionTypeIp.met',
    unmet: 'requirement.tab.solutionTypeIp.unmet',
  },
  'offer.transactable': {
    met: 'requirement.offer.transactable.met',
    unmet: 'requirement.offer.transactable.unmet',
  },
};

type Check = {
  met: boolean;
  params?: Record<string, string | number>;
  /** A more precise message or field than the requirement's usual ones. */
  code?: string;
  field?: string;
  parts?: RequirementPart[];
};

type Params = Record<string, string | number>;
const part = (
  id: string,
  section: CosellSection,
  field: string,
  met: boolean,
  code: string,
  params: Params = {},
): RequirementPart => ({ id, section, field, met, code, params });
const allMet = (parts: readonly RequirementPart[]) => parts.every((p) => p.met);

/** The checklist message of each document kind a policy may require. */
const DOCUMENT_PART_CODES: Record<DocumentKindId, string> = {
  'one-pager': 'checklist.onePager',
  'pitch-deck': 'checklist.pitchDeck',
  'customer-case-study': 'checklist.customerCaseStudy',
  'verifiable-customer-wins': 'checklist.verifiableCustomerWins',
  'channel-pitch-deck': 'checklist.channelPitchDeck',
  'reference-architecture-diagram': 'checklist.referenceArchitectureDiagram',
  other: 'checklist.otherDocuments',
};

/**
 * The listing's fields as the policy wants them for co-sell ready: at least one platform, one
 * segment (while the listing has the field), a solution type, and solution areas that each have
 * a sub-area. How many at most is a limit (see `validateAgainstPolicy`), not a part.
 */
export function listingParts(
  listing: StatusOfferFacts['listing'],
  policy: ProgramPolicy,
): RequirementPart[] {
  const parts = [
    part(
      'listing/platforms',
      'listing',
      'listing-platforms',
      listing.platforms > 0,
      'checklist.platforms',
    ),
  ];
  if (policy.listing.segmentsField) {
    parts.push(
      part(
        'listing/segments',
        'listing',
        'listing-segments',
        listing.segments > 0,
        'checklist.segments',
      ),
    );
  }
  parts.push(
    part(
      'listing/solutionType',
      'listing',
      'listing-solution-type',
      listing.solutionType !== null,
      'checklist.solutionType',
    ),
    part(
      'listing/solutionAreas',
      'listing',
      'listing-solution-areas',
      listing.solutionAreas > 0 && listing.everyAreaHasSubArea,
      'checklist.solutionAreas',
      { maximum: policy.listing.maxSolutionAreas, subMaximum: policy.listing.maxSubAreasPerArea },
    ),
  );
  return parts;
}

/** One part per document the list requires of this offer type: uploaded or not. */
export function documentParts(
  documentKinds: readonly DocumentKindId[],
  list: readonly DocumentRequirement[],
  offerType: OfferTypeId,
): RequirementPart[] {
  return requiredDocuments(list, offerType).map((kind) =>
    part(
      `documents/${kind}`,
      'documents',
      `document-${kind}`,
      documentKinds.includes(kind),
      DOCUMENT_PART_CODES[kind],
    ),
  );
}

/**
 * The offer names its markets, and a Partner sales contact covers each of them (SPEC §4); the
 * markets not covered, in the offer's order.
 */
export function coverageParts(offer: Pick<StatusOfferFacts, 'markets' | 'contacts'>): {
  parts: RequirementPart[];
  missing: CountryCode[];
} {
  const hasMarkets = offer.markets.length > 0;
  const { missing } = partnerSalesCoverage(offer.markets, offer.contacts);
  const parts = [
    part('offer/markets', 'offer', 'offer-markets', hasMarkets, 'checklist.markets'),
    part(
      'contacts/partnerSales',
      'contacts',
      'contacts',
      hasMarkets && missing.length === 0,
      !hasMarkets
        ? 'checklist.partnerSalesNoMarkets'
        : missing.length === 0
          ? 'checklist.partnerSalesMet'
          : 'checklist.partnerSales',
      { missing: missing.join(', '), count: missing.length },
    ),
  ];
  return { parts, missing };
}

/** Checks one requirement against the facts. */
function check(rule: RequirementRule, facts: StatusFacts, policy: ProgramPolicy): Check {
  const { offer, profile, review } = facts;
  switch (rule.id) {
    case 'offer.eligibleType': {
      const met = OFFER_TYPES[offer.offerType].cosellEligible;
      return {
        met,
        parts: [part('offer/eligible', 'offer', 'offer-type', met, 'checklist.offerTypeEligible')],
      };
    }
    case 'offer.live':
      // Where the policy configures co-sell on live offers only (2023), the tab says so too.
      return {
        met: offer.live,
        parts: policy.cosellOnDraftOffers
          ? []
          : [part('offer/live', 'offer', 'offer-lifecycle', offer.live, 'checklist.offerLive')],
      };
    case 'profile.partnerId':
      return { met: Boolean(profile?.partnerId) };
    case 'profile.marketplaceAccount':
      return { met: profile?.marketplaceAccountActive === true };
    case 'profile.businessProfile':
      return { met: profile?.businessProfileComplete === true };
    case 'tab.listingComplete': {
      const parts = listingParts(offer.listing, policy);
      return { met: allMet(parts), parts };
    }
    case 'documents.cosellReady':
    case 'documents.azureIp': {
      const list =
        rule.id === 'documents.cosellReady'
          ? policy.documents.cosellReady
          : policy.documents.azureIp;
      const parts = documentParts(offer.documentKinds, list, offer.offerType);
      const missing = parts.filter((p) => !p.met).map((p) => p.id.slice('documents/'.length));
      return {
        met: missing.length === 0,
        params: { missing: missing.join(', ') },
        ...(missing[0] && { field: `document-${missing[0]}` }),
        parts,
      };
    }
    case 'tab.partnerSalesContacts': {
      if (!policy.contacts.partnerSalesPerMarket) return { met: true };
      const { parts, missing } = coverageParts(offer);
      if (offer.markets.length === 0) {
        // No market chosen yet: that is what to fix first (in the offer setup).
        return {
          met: false,
          code: 'checklist.partnerSalesNoMarkets',
          field: 'offer-markets',
          params: {},
          parts,
        };
      }
      return {
        met: allMet(parts),
        params: { missing: missing.join(', '), count: missing.length },
        parts,
      };
    }
    case 'review.approved':
      return { met: review?.approved === true };
    case 'partner.goldCompetency':
      return { met: profile?.goldCompetency === true };
    case 'partner.solutionsPartner':
      return { met: (profile?.solutionsPartnerDesignations.length ?? 0) > 0 };
    case 'partner.isvConnect':
      return { met: profile?.isvConnect === 'standard' || profile?.isvConnect === 'premium' };
    case 'partner.isvConnectPremium':
      return { met: profile?.isvConnect === 'premium' };
    case 'revenue.threshold': {
      const threshold = rule.thresholdUsd ?? 0;
      const acr = profile?.azureConsumedRevenueUsd ?? 0;
      const billed = profile?.marketplaceBilledRevenueUsd ?? 0;
      const figures = acr >= threshold || (offer.transactable && billed >= threshold);
      return {
        met: figures && review?.revenueVerified === true,
        params: { threshold, acr, billed, verified: review?.revenueVerified ? 1 : 0 },
      };
    }
    case 'technical.validation': {
      const byDefault =
        offer.transactable &&
        (rule.passByDefaultWhenTransactable ?? ([] as readonly string[])).includes(offer.offerType);
      return {
        met: byDefault || review?.technicalValidation === 'passed',
        params: { byDefault: byDefault ? 1 : 0 },
      };
    }
    case 'tab.solutionTypeIp':
      return { met: offer.listing.solutionType === 'ip' };
    case 'offer.transactable': {
      const from = rule.fromDate ? Date.parse(rule.fromDate) : Number.NEGATIVE_INFINITY;
      const needed = offer.createdAt.getTime() >= from;
      return { met: !needed || offer.transactable, params: { from: rule.fromDate ?? '' } };
    }
  }
}

/**
 * Every status of the policy, each requirement met or not with its reason, and the status the
 * offer holds: the highest one whose requirements (and those it builds on) are all met.
 */
export function evaluateStatus(facts: StatusFacts, policy: ProgramPolicy): StatusEvaluation {
  const tiers: TierResult[] = [];
  const held = new Set<TierStatusId>();
  for (const status of TIER_ORDER) {
    const rule = policy.statuses[status];
    if (!rule) continue;
    const applicable = appliesTo(rule.offerTypes, facts.offer.offerType);
    const requirements: RequirementResult[] = [];
    for (const requirement of rule.requirements) {
      if (!appliesTo(requirement.offerTypes, facts.offer.offerType)) continue;
      const result = check(requirement, facts, policy);
      requirements.push({
        id: requirement.id,
        met: result.met,
        code: result.code ?? REQUIREMENT_MESSAGES[requirement.id][result.met ? 'met' : 'unmet'],
        params: result.params ?? {},
        fix: result.field ? { ...FIX[requirement.id], field: result.field } : FIX[requirement.id],
        parts: result.parts ?? [],
      });
    }
    const met =
      applicable &&
      (rule.requires === null || held.has(rule.requires)) &&
      requirements.every((r) => r.met);
    if (met) held.add(status);
    tiers.push({ status, applicable, met, requires: rule.requires, requirements });
  }
  let status: CosellStatusId = 'not-cosell-ready';
  for (const tier of tiers) {
    if (tier.met && statusRank(tier.status) > statusRank(status)) status = tier.status;
  }
  return { status, policyId: policy.id, tiers };
}

/**
 * Only the status (no reasons): what a bulk re-evaluation or a policy-switch preview needs. The
 * same checks as {@link evaluateStatus}, but a tier that cannot be held is skipped and a tier
 * stops at its first unmet requirement, with no result objects (a property test holds the two
 * to the same answer).
 */
export function statusOf(facts: StatusFacts, policy: ProgramPolicy): CosellStatusId {
  const type = facts.offer.offerType;
  const held = new Set<TierStatusId>();
  let status: CosellStatusId = 'not-cosell-ready';
  for (const tier of TIER_ORDER) {
    const rule = policy.statuses[tier];
    if (!rule || !appliesTo(rule.offerTypes, type)) continue;
    if (rule.requires !== null && !held.has(rule.requires)) continue;
    const met = rule.requirements.every(
      (requirement) =>
        !appliesTo(requirement.offerTypes, type) || check(requirement, facts, policy).met,
    );
    if (!met) continue;
    held.add(tier);
    if (statusRank(tier) > statusRank(status)) status = tier;
  }
  return status;
}
