/**
 * Table tests of the co-sell status engine and the benefits it leads to, policy by policy,
 * written from the domain facts (SPEC §1 "Which status each type can reach", SPEC §3 and §5)
 * rather than from the policy data: a fact that a policy gets wrong fails here.
 *
 * `satisfying(type)` builds facts that meet every requirement any policy knows; each case then
 * takes one fact away (or changes it) and checks the status and the requirement that explains it.
 */
import { describe, expect, it } from 'vitest';
import type { CosellStatusId } from '../reference/cosell-statuses';
import type { DocumentKindId } from '../reference/documents';
import {
  COSELL_OFFER_TYPE_IDS,
  OFFER_TYPE_IDS,
  type CosellOfferTypeId,
  type OfferTypeId,
} from '../reference/offer-types';
import { badgeDueAt, computeBenefits, qualifiesForBadge, type BenefitFacts } from './benefits';
import {
  POLICIES,
  POLICY_IDS,
  REQUIREMENT_IDS,
  type PolicyId,
  type RequirementId,
  type TierStatusId,
} from './policies';
import { EMPTY_PROFILE } from '../profiles/profile';
import {
  TIER_ORDER,
  evaluateStatus,
  statusOf,
  statusRank,
  type FixArea,
  type RequirementResult,
  type StatusEvaluation,
  type StatusFacts,
} from './status-engine';

// ---------------------------------------------------------------------------------------------
// Facts

const ALL_DOCUMENT_KINDS: DocumentKindId[] = [
  'one-pager',
  'pitch-deck',
  'customer-case-study',
  'verifiable-customer-wins',
  'channel-pitch-deck',
  'reference-architecture-diagram',
  'other',
];

/** Facts meeting every requirement of every policy (for a type that can reach the status). */
function satisfying(offerType: OfferTypeId, change?: (facts: StatusFacts) => void): StatusFacts {
  const facts: StatusFacts = {
    offer: {
      offerType,
      live: true,
      transactable: true,
      pricedAboveZero: true,
      markets: ['US', 'SE', 'PL'],
      createdAt: new Date('2024-03-01T12:00:00Z'),
      listing: {
        platforms: 2,
        segments: 1,
        solutionType: 'ip',
        solutionAreas: 2,
        everyAreaHasSubArea: true,
      },
      landingPage: true,
      documentKinds: [...ALL_DOCUMENT_KINDS],
      contacts: [{ role: 'partner-sales', countries: ['OOO'] }],
    },
    profile: {
      partnerId: '1234567',
      marketplaceAccountActive: true,
      businessProfileComplete: true,
      azureConsumedRevenueUsd: 100_000,
      marketplaceBilledRevenueUsd: 100_000,
      goldCompetency: true,
      solutionsPartnerDesignations: ['Infrastructure (Azure)'],
      isvConnect: 'premium',
    },
    review: { approved: true, technicalValidation: 'passed', revenueVerified: true },
  };
  change?.(facts);
  return facts;
}

/** Facts meeting nothing at all: a draft offer of an organisation with no profile. */
function nothing(offerType: OfferTypeId): StatusFacts {
  return {
    offer: {
      offerType,
      live: false,
      transactable: false,
      pricedAboveZero: false,
      markets: [],
      createdAt: new Date('2024-03-01T12:00:00Z'),
      listing: {
        platforms: 0,
        segments: 0,
        solutionType: null,
        solutionAreas: 0,
        everyAreaHasSubArea: false,
      },
      landingPage: false,
      documentKinds: [],
      contacts: [],
    },
    profile: null,
    review: null,
  };
}

const withoutDocument = (facts: StatusFacts, kind: DocumentKindId) => {
  facts.offer.documentKinds = facts.offer.documentKinds.filter((k) => k !== kind);
};

const status = (policy: PolicyId, facts: StatusFacts) => statusOf(facts, POLICIES[policy]);
const evaluate = (policy: PolicyId, facts: StatusFacts) => evaluateStatus(facts, POLICIES[policy]);

/** The result of one requirement of one status (undefined when the status does not list it). */
function requirement(
  evaluation: StatusEvaluation,
  tier: TierStatusId,
  id: RequirementId,
): RequirementResult | undefined {
  return evaluation.tiers.find((t) => t.status === tier)?.requirements.find((r) => r.id === id);
}

/**
 * Every unmet requirement of the statuses the offer type can reach, by id. (Statuses it cannot
 * reach are evaluated too, for the checklist, but their requirements explain nothing.)
 */
const unmet = (evaluation: StatusEvaluation) => [
  ...new Set(
    evaluation.tiers
      .filter((tier) => tier.applicable)
      .flatMap((tier) => tier.requirements.filter((r) => !r.met).map((r) => r.id)),
  ),
];

// ---------------------------------------------------------------------------------------------
// Offer types

const AZURE_IP_TYPES: CosellOfferTypeId[] = [
  'azure-application',
  'azure-container',
  'azure-virtual-machine',
  'iot-edge-module',
  'saas',
];
const BUSINESS_APPLICATIONS_TYPES: CosellOfferTypeId[] = [
  'dynamics-365-dataverse-power-apps',
  'dynamics-365-operations-apps',
];
const READY_ONLY_TYPES: CosellOfferTypeId[] = [
  'dynamics-365-business-central',
  'consulting-service',
  'managed-service',
  'power-bi-app',
];
const POLICIES_WITH_PREMIUM: PolicyId[] = ['2021-09', '2023'];
const POLICIES_WITHOUT_PREMIUM: PolicyId[] = ['2019', '2020'];

/** SPEC §1 table: the best status a type reaches when it meets everything, per policy. */
function bestStatus(type: OfferTypeId, policy: PolicyId): CosellStatusId {
  if (type === 'office-add-in') return 'not-cosell-ready';
  if (AZURE_IP_TYPES.includes(type)) return 'azure-ip-cosell-incentivized';
  if (BUSINESS_APPLICATIONS_TYPES.includes(type))
    return POLICIES_WITH_PREMIUM.includes(policy)
      ? 'business-applications-premium'
      : 'business-applications-standard';
  return 'cosell-ready';
}

// ---------------------------------------------------------------------------------------------

describe('status engine: which status each type can reach (SPEC §1)', () => {
  it('the offer types split into the SPEC §1 groups, plus the never-eligible Office add-ins', () => {
    expect([...AZURE_IP_TYPES, ...BUSINESS_APPLICATIONS_TYPES, ...READY_ONLY_TYPES].sort()).toEqual(
      [...COSELL_OFFER_TYPE_IDS].sort(),
    );
  });

  for (const policy of POLICY_IDS) {
    describe(`policy ${policy}`, () => {
      it.each(OFFER_TYPE_IDS)('%s, every requirement met: the best status of its type', (type) => {
        expect(status(policy, satisfying(type))).toBe(bestStatus(type, policy));
      });

      it('SaaS meeting everything is Azure IP co-sell incentivized / eligible', () => {
        expect(status(policy, satisfying('saas'))).toBe('azure-ip-cosell-incentivized');
      });

      it.each(['consulting-service', 'managed-service', 'power-bi-app'] as const)(
        '%s reaches co-sell ready at most',
        (type) => {
          const evaluation = evaluate(policy, satisfying(type));
          expect(evaluation.status).toBe('cosell-ready');
          for (const tier of evaluation.tiers) {
            if (tier.status !== 'cosell-ready')
              expect(tier).toMatchObject({ applicable: false, met: false });
          }
        },
      );

      it('Office add-ins are never co-sell ready: offer.eligibleType unmet', () => {
        const evaluation = evaluate(policy, satisfying('office-add-in'));
        expect(evaluation.status).toBe('not-cosell-ready');
        expect(requirement(evaluation, 'cosell-ready', 'offer.eligibleType')?.met).toBe(false);
        expect(evaluation.tiers.every((tier) => !tier.applicable && !tier.met)).toBe(true);
      });

      it('an offer that is not live is not co-sell ready: offer.live unmet', () => {
        for (const type of COSELL_OFFER_TYPE_IDS) {
          const evaluation = evaluate(
            policy,
            satisfying(type, (f) => (f.offer.live = false)),
          );
          expect(evaluation.status).toBe('not-cosell-ready');
          expect(unmet(evaluation)).toEqual(['offer.live']);
        }
      });

      it('co-sell ready needs the PartnerID, an active marketplace account and a complete business profile', () => {
        const cases: [(f: StatusFacts) => void, RequirementId][] = [
          [(f) => (f.profile!.partnerId = null), 'profile.partnerId'],
          [(f) => (f.profile!.marketplaceAccountActive = false), 'profile.marketplaceAccount'],
          [(f) => (f.profile!.businessProfileComplete = false), 'profile.businessProfile'],
        ];
        for (const [change, id] of cases) {
          const evaluation = evaluate(policy, satisfying('saas', change));
          expect(evaluation.status).toBe('not-cosell-ready');
          expect(unmet(evaluation)).toEqual([id]);
        }
        expect(
          status(
            policy,
            satisfying('saas', (f) => (f.profile = null)),
          ),
        ).toBe('not-cosell-ready');
      });

      it('co-sell ready needs a Partner sales contact for every market (SPEC §4)', () => {
        const covering = satisfying('saas', (f) => {
          f.offer.contacts = [
            { role: 'partner-sales', countries: ['US', 'SE'] },
            { role: 'partner-sales', countries: ['PL'] },
          ];
        });
        expect(status(policy, covering)).toBe('azure-ip-cosell-incentivized');

        const gap = satisfying('saas', (f) => {
          f.offer.contacts = [
            { role: 'partner-sales', countries: ['US', 'SE'] },
            { role: 'partner-marketing', countries: ['PL'] },
          ];
        });
        const evaluation = evaluate(policy, gap);
        expect(evaluation.status).toBe('not-cosell-ready');
        expect(unmet(evaluation)).toEqual(['tab.partnerSalesContacts']);
        expect(
          requirement(evaluation, 'cosell-ready', 'tab.partnerSalesContacts')?.params,
        ).toMatchObject({ missing: 'PL', count: 1 });
      });

      it('co-sell ready needs the vendor review to approve the material', () => {
        const evaluation = evaluate(
          policy,
          satisfying('power-bi-app', (f) => (f.review = null)),
        );
        expect(evaluation.status).toBe('not-cosell-ready');
        expect(unmet(evaluation)).toEqual(['review.approved']);
      });

      it('Business Central never needs ISV Connect', () => {
        const facts = satisfying('dynamics-365-business-central', (f) => {
          f.profile!.isvConnect = 'none';
        });
        expect(status(policy, facts)).toBe('cosell-ready');
        expect(unmet(evaluate(policy, facts))).toEqual([]);
      });

      it('Business Applications types never reach Azure IP; Azure IP types never reach Business Applications', () => {
        for (const type of BUSINESS_APPLICATIONS_TYPES) {
          const tier = evaluate(policy, satisfying(type)).tiers.find(
            (t) => t.status === 'azure-ip-cosell-incentivized',
          );
          expect(tier).toMatchObject({ applicable: false, met: false });
        }
        for (const type of AZURE_IP_TYPES) {
          const tiers = evaluate(policy, satisfying(type)).tiers.filter((t) =>
            t.status.startsWith('business-applications'),
          );
          for (const tier of tiers) expect(tier).toMatchObject({ applicable: false, met: false });
        }
      });
    });
  }
});

describe('status engine: Business Applications (SPEC §5)', () => {
  it.each(POLICIES_WITH_PREMIUM)(
    '%s: ISV Connect premium reaches Business Applications premium',
    (policy) => {
      for (const type of BUSINESS_APPLICATIONS_TYPES) {
        expect(status(policy, satisfying(type))).toBe('business-applications-premium');
      }
    },
  );

  it.each(POLICIES_WITHOUT_PREMIUM)(
    '%s: no premium tier, ISV Connect premium is Business Applications (standard)',
    (policy) => {
      expect(POLICIES[policy].statuses['business-applications-premium']).toBeUndefined();
      for (const type of BUSINESS_APPLICATIONS_TYPES) {
        expect(status(policy, satisfying(type))).toBe('business-applications-standard');
      }
    },
  );

  it.each(POLICIES_WITH_PREMIUM)('%s: ISV Connect standard reaches standard', (policy) => {
    const facts = satisfying('dynamics-365-operations-apps', (f) => {
      f.profile!.isvConnect = 'standard';
    });
    const evaluation = evaluate(policy, facts);
    expect(evaluation.status).toBe('business-applications-standard');
    expect(
      requirement(evaluation, 'business-applications-premium', 'partner.isvConnectPremium'),
    ).toMatchObject({ met: false });
  });

  it.each(POLICIES_WITH_PREMIUM)(
    '%s: without ISV Connect, Dataverse / Operations apps are not even co-sell ready',
    (policy) => {
      for (const type of BUSINESS_APPLICATIONS_TYPES) {
        const evaluation = evaluate(
          policy,
          satisfying(type, (f) => (f.profile!.isvConnect = 'none')),
        );
        expect(evaluation.status).toBe('not-cosell-ready');
        expect(requirement(evaluation, 'cosell-ready', 'partner.isvConnect')?.met).toBe(false);
      }
    },
  );

  it.each(POLICIES_WITHOUT_PREMIUM)(
    '%s: without ISV Connect, no Business Applications status',
    (policy) => {
      for (const type of BUSINESS_APPLICATIONS_TYPES) {
        const facts = satisfying(type, (f) => (f.profile!.isvConnect = 'none'));
        expect(statusRank(status(policy, facts))).toBeLessThanOrEqual(statusRank('cosell-ready'));
      }
    },
  );

  it.each(POLICY_IDS)('%s: Business Applications needs co-sell ready first', (policy) => {
    const evaluation = evaluate(
      policy,
      satisfying('dynamics-365-dataverse-power-apps', (f) => (f.review = null)),
    );
    expect(evaluation.status).toBe('not-cosell-ready');
    const standard = evaluation.tiers.find((t) => t.status === 'business-applications-standard');
    expect(standard).toMatchObject({ requires: 'cosell-ready', met: false });
    expect(standard?.requirements.every((r) => r.met)).toBe(true);
  });
});

describe('status engine: listing and documents by policy (SPEC §2, §3)', () => {
  const emptyListing = (f: StatusFacts) => {
    f.offer.listing = {
      platforms: 0,
      segments: 0,
      solutionType: null,
      solutionAreas: 0,
      everyAreaHasSubArea: false,
    };
    f.offer.documentKinds = [];
  };

  it('2019: the listing and every document are optional', () => {
    // Not Azure IP: with no document the Azure IP status is out of the question anyway.
    for (const type of ['power-bi-app', 'consulting-service', 'saas'] as const) {
      expect(statusRank(status('2019', satisfying(type, emptyListing)))).toBeGreaterThanOrEqual(1);
    }
    expect(status('2019', satisfying('saas', emptyListing))).toBe('azure-ip-cosell-incentivized');
  });

  it('2020: the listing is required, documents are not', () => {
    const noListing = evaluate('2020', satisfying('power-bi-app', emptyListing));
    expect(noListing.status).toBe('not-cosell-ready');
    expect(unmet(noListing)).toEqual(['tab.listingComplete']);

    const noDocuments = satisfying('saas', (f) => (f.offer.documentKinds = []));
    expect(status('2020', noDocuments)).toBe('azure-ip-cosell-incentivized');
  });

  it.each(['2021-09', '2023'] as const)(
    '%s: one-pager and pitch deck are required for co-sell ready',
    (policy) => {
      for (const kind of ['one-pager', 'pitch-deck'] as const) {
        const evaluation = evaluate(
          policy,
          satisfying('power-bi-app', (f) => withoutDocument(f, kind)),
        );
        expect(evaluation.status).toBe('not-cosell-ready');
        expect(unmet(evaluation)).toEqual(['documents.cosellReady']);
        expect(requirement(evaluation, 'cosell-ready', 'documents.cosellReady')?.params).toEqual({
          missing: kind,
        });
      }
      const optional = satisfying('power-bi-app', (f) => {
        f.offer.documentKinds = ['one-pager', 'pitch-deck'];
      });
      expect(status(policy, optional)).toBe('cosell-ready');
    },
  );

  it.each(['2020', '2021-09', '2023'] as const)(
    '%s: every listing field is required (platforms, solution type, areas with sub-areas)',
    (policy) => {
      const changes: ((f: StatusFacts) => void)[] = [
        (f) => (f.offer.listing.platforms = 0),
        (f) => (f.offer.listing.solutionType = null),
        (f) => (f.offer.listing.solutionAreas = 0),
        (f) => (f.offer.listing.everyAreaHasSubArea = false),
      ];
      for (const change of changes) {
        const evaluation = evaluate(policy, satisfying('managed-service', change));
        expect(evaluation.status).toBe('not-cosell-ready');
        expect(unmet(evaluation)).toEqual(['tab.listingComplete']);
      }
    },
  );

  it('segments are required while the listing has the field (2020, 2021-09), not in 2023', () => {
    const noSegments = (f: StatusFacts) => (f.offer.listing.segments = 0);
    expect(status('2020', satisfying('power-bi-app', noSegments))).toBe('not-cosell-ready');
    expect(status('2021-09', satisfying('power-bi-app', noSegments))).toBe('not-cosell-ready');
    expect(status('2023', satisfying('power-bi-app', noSegments))).toBe('cosell-ready');
  });

  // SPEC §3: the product landing page is required for no status ("required for: —";
  // reference-data.json `productLandingPage.required: false`).
  it.each(POLICY_IDS)('%s: the landing page is not required (SPEC §3)', (policy) => {
    for (const type of COSELL_OFFER_TYPE_IDS) {
      const facts = satisfying(type, (f) => (f.offer.landingPage = false));
      expect(status(policy, facts)).toBe(bestStatus(type, policy));
    }
  });
});

describe('status engine: Azure IP co-sell (SPEC §5)', () => {
  describe('reference architecture diagram (SPEC §3 CONFLICT)', () => {
    const noRad = (f: StatusFacts) => withoutDocument(f, 'reference-architecture-diagram');

    it('2021-09: required for every Azure IP type', () => {
      for (const type of AZURE_IP_TYPES) {
        const evaluation = evaluate('2021-09', satisfying(type, noRad));
        expect(evaluation.status).toBe('cosell-ready');
        expect(unmet(evaluation)).toEqual(['documents.azureIp']);
      }
    });

    it('2023: required for SaaS only', () => {
      for (const type of AZURE_IP_TYPES) {
        const expected = type === 'saas' ? 'cosell-ready' : 'azure-ip-cosell-incentivized';
        expect(status('2023', satisfying(type, noRad))).toBe(expected);
      }
    });

    it.each(['2019', '2020'] as const)('%s: not required', (policy) => {
      for (const type of AZURE_IP_TYPES) {
        expect(status(policy, satisfying(type, noRad))).toBe('azure-ip-cosell-incentivized');
      }
    });
  });

  describe('2023: solution type IP and transactability from 2023-07-11', () => {
    it('needs solution type IP', () => {
      for (const solutionType of ['device', 'managed-service', 'service'] as const) {
        const evaluation = evaluate(
          '2023',
          satisfying('saas', (f) => (f.offer.listing.solutionType = solutionType)),
        );
        expect(evaluation.status).toBe('cosell-ready');
        expect(unmet(evaluation)).toEqual(['tab.solutionTypeIp']);
      }
    });

    it('earlier policies do not ask for solution type IP', () => {
      for (const policy of ['2019', '2020', '2021-09'] as const) {
        const facts = satisfying('saas', (f) => (f.offer.listing.solutionType = 'service'));
        expect(status(policy, facts)).toBe('azure-ip-cosell-incentivized');
      }
    });

    const notTransactable = (createdAt: string) =>
      satisfying('azure-container', (f) => {
        f.offer.transactable = false;
        f.offer.createdAt = new Date(createdAt);
      });

    it('an offer created on or after 2023-07-11 must be transactable', () => {
      for (const createdAt of ['2023-07-11T00:00:00Z', '2023-07-11T15:00:00Z', '2025-01-01']) {
        const evaluation = evaluate('2023', notTransactable(createdAt));
        expect(evaluation.status).toBe('cosell-ready');
        expect(unmet(evaluation)).toEqual(['offer.transactable']);
      }
    });

    it('an offer created on 2023-07-10 need not be', () => {
      expect(status('2023', notTransactable('2023-07-10T12:00:00Z'))).toBe(
        'azure-ip-cosell-incentivized',
      );
      expect(status('2023', notTransactable('2020-05-01'))).toBe('azure-ip-cosell-incentivized');
    });

    it('earlier policies never ask for transactability', () => {
      for (const policy of ['2019', '2020', '2021-09'] as const) {
        expect(status(policy, notTransactable('2024-01-01'))).toBe('azure-ip-cosell-incentivized');
      }
    });
  });

  describe('technical validation', () => {
    const notAssessed = (type: OfferTypeId, transactable: boolean) =>
      satisfying(type, (f) => {
        f.offer.transactable = transactable;
        f.review!.technicalValidation = 'not-assessed';
      });

    it('2021-09: transactable VMs and Azure Applications pass by default; SaaS does not', () => {
      for (const type of ['azure-virtual-machine', 'azure-application'] as const) {
        const evaluation = evaluate('2021-09', notAssessed(type, true));
        expect(evaluation.status).toBe('azure-ip-cosell-incentivized');
        expect(
          requirement(evaluation, 'azure-ip-cosell-incentivized', 'technical.validation'),
        ).toMatchObject({ met: true, params: { byDefault: 1 } });
      }
      for (const type of ['saas', 'azure-container', 'iot-edge-module'] as const) {
        const evaluation = evaluate('2021-09', notAssessed(type, true));
        expect(evaluation.status).toBe('cosell-ready');
        expect(unmet(evaluation)).toEqual(['technical.validation']);
      }
    });

    it('2021-09: a VM that is not transactable does not pass by default', () => {
      const evaluation = evaluate('2021-09', notAssessed('azure-virtual-machine', false));
      expect(evaluation.status).toBe('cosell-ready');
      expect(unmet(evaluation)).toEqual(['technical.validation']);
    });

    it('2023: no type passes by default', () => {
      for (const type of AZURE_IP_TYPES) {
        expect(status('2023', notAssessed(type, true))).toBe('cosell-ready');
      }
    });

    it.each(['2019', '2020'] as const)(
      '%s: the >50%% IP rule is stated for SaaS only',
      (policy) => {
        expect(status(policy, notAssessed('saas', true))).toBe('cosell-ready');
        for (const type of AZURE_IP_TYPES.filter((t) => t !== 'saas')) {
          expect(status(policy, notAssessed(type, false))).toBe('azure-ip-cosell-incentivized');
        }
      },
    );

    it.each(POLICY_IDS)('%s: a failed validation fails SaaS', (policy) => {
      const facts = satisfying('saas', (f) => (f.review!.technicalValidation = 'failed'));
      expect(status(policy, facts)).toBe('cosell-ready');
    });
  });

  describe.each(POLICY_IDS)('revenue, %s: USD 100,000 over 12 months, verified', (policy) => {
    const revenue = (
      acr: number,
      billed: number,
      transactable: boolean,
      verified = true,
    ): StatusFacts =>
      satisfying('azure-virtual-machine', (f) => {
        // Created before 2023-07-11, so that the 2023 policy does not ask for transactability.
        f.offer.createdAt = new Date('2022-01-01T00:00:00Z');
        f.profile!.azureConsumedRevenueUsd = acr;
        f.profile!.marketplaceBilledRevenueUsd = billed;
        f.offer.transactable = transactable;
        f.review!.revenueVerified = verified;
      });
    const azureIp = (facts: StatusFacts) => {
      const evaluation = evaluate(policy, facts);
      const result = requirement(evaluation, 'azure-ip-cosell-incentivized', 'revenue.threshold');
      return { status: evaluation.status, met: result?.met };
    };

    it('ACR 99,999 fails, 100,000 passes', () => {
      expect(azureIp(revenue(99_999, 0, false))).toEqual({ status: 'cosell-ready', met: false });
      expect(azureIp(revenue(100_000, 0, false))).toEqual({
        status: 'azure-ip-cosell-incentivized',
        met: true,
      });
    });

    it('a transactable offer may count billed marketplace revenue instead', () => {
      expect(azureIp(revenue(0, 100_000, true))).toEqual({
        status: 'azure-ip-cosell-incentivized',
        met: true,
      });
      expect(azureIp(revenue(0, 99_999, true)).met).toBe(false);
    });

    it('a non-transactable offer cannot count billed revenue', () => {
      expect(azureIp(revenue(0, 1_000_000, false))).toEqual({ status: 'cosell-ready', met: false });
    });

    it('figures the vendor has not verified do not count', () => {
      expect(azureIp(revenue(500_000, 500_000, true, false))).toEqual({
        status: 'cosell-ready',
        met: false,
      });
      const noReview = satisfying('saas', (f) => (f.review = null));
      expect(status(policy, noReview)).toBe('not-cosell-ready');
    });
  });

  it.each(POLICY_IDS)('%s: Azure IP needs co-sell ready first', (policy) => {
    const evaluation = evaluate(
      policy,
      satisfying('saas', (f) => (f.offer.live = false)),
    );
    const tier = evaluation.tiers.find((t) => t.status === 'azure-ip-cosell-incentivized');
    expect(tier).toMatchObject({ requires: 'cosell-ready', applicable: true, met: false });
    expect(tier?.requirements.every((r) => r.met)).toBe(true);
  });
});

describe('status engine: services (SPEC §5 CONFLICT)', () => {
  const consulting = (change: (f: StatusFacts) => void) => satisfying('consulting-service', change);
  const noGold = (f: StatusFacts) => (f.profile!.goldCompetency = false);
  const noDesignation = (f: StatusFacts) => (f.profile!.solutionsPartnerDesignations = []);

  it('2021-09: consulting services need an active gold competency, no designation', () => {
    const evaluation = evaluate('2021-09', consulting(noGold));
    expect(evaluation.status).toBe('not-cosell-ready');
    expect(unmet(evaluation)).toEqual(['partner.goldCompetency']);
    expect(status('2021-09', consulting(noDesignation))).toBe('cosell-ready');
  });

  it('2023: consulting services need a Solutions Partner designation, no gold competency', () => {
    const evaluation = evaluate('2023', consulting(noDesignation));
    expect(evaluation.status).toBe('not-cosell-ready');
    expect(unmet(evaluation)).toEqual(['partner.solutionsPartner']);
    expect(status('2023', consulting(noGold))).toBe('cosell-ready');
  });

  it('software offers need neither', () => {
    for (const policy of POLICY_IDS) {
      const facts = satisfying('saas', (f) => {
        noGold(f);
        noDesignation(f);
      });
      expect(status(policy, facts)).toBe('azure-ip-cosell-incentivized');
    }
  });
});

describe('status engine: explanations', () => {
  const FIX_AREAS: FixArea[] = ['offer-setup', 'cosell', 'publish', 'profile', 'review'];

  it('every requirement result carries its code and where to fix it', () => {
    const seen = new Set<RequirementId>();
    for (const policy of POLICY_IDS) {
      for (const type of OFFER_TYPE_IDS) {
        for (const facts of [nothing(type), satisfying(type)]) {
          for (const tier of evaluate(policy, facts).tiers) {
            for (const result of tier.requirements) {
              if (!result.met) seen.add(result.id);
              // A message catalogue key: the requirement's own, or (a partner-sales requirement
              // on an offer without markets) the co-sell checklist's "choose markets first".
              expect(result.code).toMatch(/^[a-z][\w.-]*$/);
              if (result.code !== 'checklist.partnerSalesNoMarkets') {
                expect(result.code).toContain(result.id);
              }
              expect(FIX_AREAS).toContain(result.fix.area);
              expect(result.fix.field).toMatch(/^[a-z][a-z0-9-]*$/);
            }
          }
        }
      }
    }
    // Every requirement the policies use shows up unmet somewhere (offer.transactable needs a
    // recent offer; nothing() is created after 2023-07-11).
    const used = new Set(
      POLICY_IDS.flatMap((policy) =>
        Object.values(POLICIES[policy].statuses).flatMap((rule) =>
          rule.requirements.map((r) => r.id),
        ),
      ),
    );
    expect([...seen].sort()).toEqual([...used].sort());
    expect(REQUIREMENT_IDS.filter((id) => !used.has(id))).toEqual([]);
  });

  it('a requirement met on the offer is made of parts, one per field; the others have none', () => {
    const ON_THE_OFFER: RequirementId[] = [
      'offer.eligibleType',
      'tab.listingComplete',
      'documents.cosellReady',
      'documents.azureIp',
      'tab.partnerSalesContacts',
    ];
    for (const policy of POLICY_IDS) {
      for (const facts of [nothing('saas'), satisfying('saas')]) {
        for (const tier of evaluate(policy, facts).tiers) {
          for (const result of tier.requirements) {
            for (const part of result.parts) {
              expect(part.id).toMatch(/^(offer|listing|documents|contacts)\/[\w-]+$/);
              expect(part.id.startsWith(part.section)).toBe(true);
              expect(part.field).toMatch(/^[a-z][a-z0-9-]*$/);
              expect(part.code).toMatch(/^checklist\./);
            }
            if (result.id === 'offer.live') {
              // The tab shows it only where co-sell needs a live offer (2023).
              expect(result.parts.length).toBe(POLICIES[policy].cosellOnDraftOffers ? 0 : 1);
            } else if (ON_THE_OFFER.includes(result.id)) {
              const listsDocuments = result.id.startsWith('documents.');
              if (!listsDocuments) expect(result.parts.length, result.id).toBeGreaterThan(0);
              expect(result.met).toBe(result.parts.every((p) => p.met));
            } else {
              expect(result.parts, result.id).toEqual([]);
            }
          }
        }
      }
    }
  });

  it('lists every status the policy knows, in TIER_ORDER, and names the policy', () => {
    for (const policy of POLICY_IDS) {
      const evaluation = evaluate(policy, satisfying('saas'));
      expect(evaluation.policyId).toBe(policy);
      expect(evaluation.tiers.map((t) => t.status)).toEqual(
        TIER_ORDER.filter((tier) => POLICIES[policy].statuses[tier]),
      );
    }
  });

  it('an empty profile meets no profile requirement', () => {
    for (const policy of POLICY_IDS) {
      const evaluation = evaluate(
        policy,
        satisfying('consulting-service', (f) => (f.profile = { ...EMPTY_PROFILE })),
      );
      expect(evaluation.status).toBe('not-cosell-ready');
      expect(unmet(evaluation)).toEqual(
        expect.arrayContaining([
          'profile.partnerId',
          'profile.marketplaceAccount',
          'profile.businessProfile',
        ]),
      );
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Benefits (SPEC §5 "Benefits" and "Timing")

describe('benefits', () => {
  const benefitFacts = (overrides: Partial<BenefitFacts> = {}): BenefitFacts => ({
    status: 'azure-ip-cosell-incentivized',
    offerType: 'saas',
    live: true,
    transactable: true,
    pricedAboveZero: true,
    qualifiedSince: null,
    badgeGrantedAt: null,
    ...overrides,
  });
  const benefits = (policy: PolicyId, overrides: Partial<BenefitFacts> = {}) =>
    computeBenefits(benefitFacts(overrides), POLICIES[policy]);

  it.each(POLICY_IDS)(
    '%s: MACC only for Azure IP offers that are live, transactable and priced above zero',
    (policy) => {
      expect(benefits(policy).azureBenefitEligible).toBe(true);
      for (const overrides of [
        { live: false },
        { transactable: false },
        { pricedAboveZero: false },
        { status: 'cosell-ready' as const },
        { status: 'business-applications-standard' as const },
        { status: 'not-cosell-ready' as const },
      ]) {
        expect(benefits(policy, overrides).azureBenefitEligible).toBe(false);
      }
    },
  );

  it('CSP partners get 10% for Azure IP offers in 2020 and 2021-09 only', () => {
    expect(benefits('2019').cspIncentivePercent).toBeNull();
    expect(benefits('2020').cspIncentivePercent).toBe(10);
    expect(benefits('2021-09').cspIncentivePercent).toBe(10);
    expect(benefits('2023').cspIncentivePercent).toBeNull();
    for (const policy of POLICY_IDS) {
      expect(benefits(policy, { status: 'cosell-ready' }).cspIncentivePercent).toBeNull();
    }
  });

  it('marketplace fee: 20% → 10% for IaaS/SaaS Azure IP in 2020 and 2021-09', () => {
    for (const policy of ['2020', '2021-09'] as const) {
      for (const offerType of ['saas', 'azure-virtual-machine', 'azure-application'] as const) {
        expect(benefits(policy, { offerType }).marketplaceFeePercent).toBe(10);
      }
      expect(benefits(policy, { status: 'cosell-ready' }).marketplaceFeePercent).toBe(20);
      expect(
        benefits(policy, {
          status: 'business-applications-standard',
          offerType: 'dynamics-365-operations-apps',
        }).marketplaceFeePercent,
      ).toBe(20);
    }
  });

  it('marketplace fee: 20% in 2019, a flat 3% in 2023', () => {
    for (const status of ['cosell-ready', 'azure-ip-cosell-incentivized'] as const) {
      expect(benefits('2019', { status }).marketplaceFeePercent).toBe(20);
      expect(benefits('2023', { status }).marketplaceFeePercent).toBe(3);
    }
  });

  it('visible to sellers from co-sell ready, while live', () => {
    for (const policy of POLICY_IDS) {
      expect(benefits(policy, { status: 'cosell-ready' }).visibleToSellers).toBe(true);
      expect(benefits(policy, { status: 'not-cosell-ready' }).visibleToSellers).toBe(false);
      expect(benefits(policy, { live: false }).visibleToSellers).toBe(false);
    }
  });

  it('badge: since 2021-09 Azure IP or ISV Connect + co-sell ready, not plain co-sell ready', () => {
    for (const policy of ['2021-09', '2023'] as const) {
      const p = POLICIES[policy];
      expect(qualifiesForBadge('cosell-ready', p)).toBe(false);
      expect(qualifiesForBadge('not-cosell-ready', p)).toBe(false);
      expect(qualifiesForBadge('azure-ip-cosell-incentivized', p)).toBe(true);
      expect(qualifiesForBadge('business-applications-standard', p)).toBe(true);
      expect(qualifiesForBadge('business-applications-premium', p)).toBe(true);
    }
  });

  it('badge: before August 2021 co-sell ready earned it (2019, 2020)', () => {
    for (const policy of ['2019', '2020'] as const) {
      const p = POLICIES[policy];
      expect(qualifiesForBadge('cosell-ready', p)).toBe(true);
      expect(qualifiesForBadge('azure-ip-cosell-incentivized', p)).toBe(true);
      expect(qualifiesForBadge('business-applications-standard', p)).toBe(true);
      expect(qualifiesForBadge('not-cosell-ready', p)).toBe(false);
    }
  });

  it('badge is due 30 days after the status is reached', () => {
    const since = new Date('2024-02-20T08:30:00Z');
    for (const policy of POLICY_IDS) {
      expect(badgeDueAt(since, POLICIES[policy]).toISOString()).toBe('2024-03-21T08:30:00.000Z');
      expect(benefits(policy, { qualifiedSince: since }).preferredSolutionBadge).toEqual({
        qualifies: true,
        granted: false,
        dueAt: new Date('2024-03-21T08:30:00Z'),
      });
      const granted = benefits(policy, { qualifiedSince: since, badgeGrantedAt: new Date() });
      expect(granted.preferredSolutionBadge).toEqual({
        qualifies: true,
        granted: true,
        dueAt: null,
      });
    }
    const notQualifying = benefits('2023', { status: 'cosell-ready', qualifiedSince: since });
    expect(notQualifying.preferredSolutionBadge).toEqual({
      qualifies: false,
      granted: false,
      dueAt: null,
    });
  });

  it('benefits follow the status the engine computes', () => {
    for (const policy of POLICY_IDS) {
      const facts = satisfying('saas');
      const result = computeBenefits(
        benefitFacts({ status: statusOf(facts, POLICIES[policy]) }),
        POLICIES[policy],
      );
      expect(result.azureBenefitEligible).toBe(true);
      expect(result.preferredSolutionBadge.qualifies).toBe(true);
    }
  });
});
