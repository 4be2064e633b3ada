/**
 * Table tests of the views of the one evaluation (DESIGN "One rules engine"): the co-sell tab's
 * checklist is the co-sell-ready requirements, publishing is blocked only by invalid data (an
 * empty co-sell tab is publishable), sections are never complete while invalid, every benefit is
 * explained per policy, and a policy switch says why a status changes and what becomes invalid.
 */
import { describe, expect, it } from 'vitest';
import { evaluateCosellTab } from '../offers/cosell-tab';
import { EMPTY_COSELL_DRAFT, type CosellDraft } from '../offers/offer';
import type { DocumentKindId } from '../reference/documents';
import { COSELL_OFFER_TYPE_IDS, OFFER_TYPE_IDS, type OfferTypeId } from '../reference/offer-types';
import { BENEFIT_IDS, computeBenefits, type BenefitId, type BenefitResult } from './benefits';
import {
  checklistOf,
  evaluateOffer,
  explainStatusChange,
  newlyInvalid,
  sectionStates,
  validateAgainstPolicy,
  type OfferFacts,
} from './evaluation';
import { POLICIES, POLICY_IDS, type PolicyId } from './policies';
import { evaluateStatus, type StatusFacts } from './status-engine';
import { sampleTaxonomy } from './taxonomy';

const taxonomy = sampleTaxonomy();
const [areaA, areaB, areaC, areaD, areaE] = taxonomy.solutionAreas as [
  (typeof taxonomy.solutionAreas)[number],
  (typeof taxonomy.solutionAreas)[number],
  (typeof taxonomy.solutionAreas)[number],
  (typeof taxonomy.solutionAreas)[number],
  (typeof taxonomy.solutionAreas)[number],
];

/** A draft with `areas` solution areas (one sub-area each unless `subs` says more). */
function draftWith(areas: number, subs = 1): CosellDraft {
  return {
    listing: {
      platforms: [taxonomy.platforms[0]!.id],
      segments: [taxonomy.segments[0]!.id],
      solutionType: 'ip',
      solutionAreas: [areaA, areaB, areaC, areaD, areaE].slice(0, areas).map((area) => ({
        areaId: area.id,
        subAreaIds: area.subAreas.slice(0, subs).map((s) => s.id),
      })),
    },
    landingPageUrl: 'https://contoso.example/insights',
  };
}

const ALL_DOCUMENTS: DocumentKindId[] = [
  'one-pager',
  'pitch-deck',
  'reference-architecture-diagram',
];

/** Facts meeting every requirement of every policy. */
function satisfying(offerType: OfferTypeId, change?: (facts: OfferFacts) => void): OfferFacts {
  const facts: OfferFacts = {
    offer: {
      offerType,
      live: true,
      transactable: true,
      pricedAboveZero: true,
      markets: ['US', 'SE'],
      createdAt: new Date('2024-03-01T12:00:00Z'),
      listing: {
        platforms: 1,
        segments: 1,
        solutionType: 'ip',
        solutionAreas: 2,
        everyAreaHasSubArea: true,
      },
      landingPage: true,
      documentKinds: [...ALL_DOCUMENTS],
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

/** A live, reviewed offer whose co-sell tab is empty (published without it). */
const emptyTab = (offerType: OfferTypeId = 'saas') =>
  satisfying(offerType, (f) => {
    f.offer.listing = {
      platforms: 0,
      segments: 0,
      solutionType: null,
      solutionAreas: 0,
      everyAreaHasSubArea: false,
    };
    f.offer.documentKinds = [];
    f.offer.contacts = [];
    f.offer.landingPage = false;
  });

// ---------------------------------------------------------------------------------------------

describe('checklist: the co-sell-ready requirements the publisher fixes on the offer', () => {
  const EMPTY: Record<PolicyId, string[]> = {
    '2019': ['offer/eligible', 'offer/markets', 'contacts/partnerSales'],
    '2020': [
      'offer/eligible',
      'offer/markets',
      'listing/platforms',
      'listing/segments',
      'listing/solutionType',
      'listing/solutionAreas',
      'contacts/partnerSales',
    ],
    '2021-09': [
      'offer/eligible',
      'offer/markets',
      'listing/platforms',
      'listing/segments',
      'listing/solutionType',
      'listing/solutionAreas',
      'documents/one-pager',
      'documents/pitch-deck',
      'contacts/partnerSales',
    ],
    // 2023: co-sell on live offers only; no segments field.
    '2023': [
      'offer/eligible',
      'offer/live',
      'offer/markets',
      'listing/platforms',
      'listing/solutionType',
      'listing/solutionAreas',
      'documents/one-pager',
      'documents/pitch-deck',
      'contacts/partnerSales',
    ],
  };

  it.each(POLICY_IDS)('%s: lists exactly its requirements, in the order of the tab', (policy) => {
    const evaluation = evaluateOffer(emptyTab(), POLICIES[policy]);
    expect(evaluation.checklist.map((item) => item.id)).toEqual(EMPTY[policy]);
  });

  it.each(POLICY_IDS)(
    '%s: each item is a part of a co-sell-ready requirement, met exactly when it is',
    (policy) => {
      for (const type of OFFER_TYPE_IDS) {
        for (const facts of [emptyTab(type), satisfying(type)]) {
          const evaluation = evaluateStatus(facts, POLICIES[policy]);
          const ready = evaluation.tiers.find((t) => t.status === 'cosell-ready')!;
          const parts = ready.requirements.flatMap((r) => r.parts);
          expect(new Set(checklistOf(evaluation))).toEqual(new Set(parts));
          for (const requirement of ready.requirements) {
            if (requirement.parts.length === 0) continue;
            expect(requirement.met, requirement.id).toBe(requirement.parts.every((p) => p.met));
          }
        }
      }
    },
  );

  it.each(POLICY_IDS)(
    '%s: every item met and the profile and review in place is co-sell ready',
    (policy) => {
      for (const type of COSELL_OFFER_TYPE_IDS) {
        const evaluation = evaluateOffer(satisfying(type), POLICIES[policy]);
        expect(evaluation.checklist.every((item) => item.met)).toBe(true);
        expect(evaluation.status).not.toBe('not-cosell-ready');
      }
    },
  );

  it('an item names the field that fixes it and explains what is missing', () => {
    const facts = satisfying('saas', (f) => {
      f.offer.contacts = [{ role: 'partner-sales', countries: ['US'] }];
      f.offer.documentKinds = ['one-pager'];
    });
    const checklist = evaluateOffer(facts, POLICIES['2021-09']).checklist;
    expect(checklist.find((i) => i.id === 'contacts/partnerSales')).toMatchObject({
      met: false,
      field: 'contacts',
      code: 'checklist.partnerSales',
      params: { missing: 'SE', count: 1 },
    });
    expect(checklist.find((i) => i.id === 'documents/pitch-deck')).toMatchObject({
      met: false,
      field: 'document-pitch-deck',
      code: 'checklist.pitchDeck',
    });
  });
});

describe('blockers: only data the policy calls invalid', () => {
  it.each(POLICY_IDS)('%s: an empty co-sell tab is valid, so publishable', (policy) => {
    expect(validateAgainstPolicy(EMPTY_COSELL_DRAFT, taxonomy, POLICIES[policy])).toEqual([]);
  });

  it.each(POLICY_IDS)('%s: an incomplete one too (one platform, nothing else)', (policy) => {
    const draft: CosellDraft = {
      listing: { ...EMPTY_COSELL_DRAFT.listing, platforms: [taxonomy.platforms[0]!.id] },
      landingPageUrl: null,
    };
    expect(validateAgainstPolicy(draft, taxonomy, POLICIES[policy])).toEqual([]);
  });

  it('over a limit of the policy: 4 solution areas and 3 sub-areas under 2019 (3 × 2)', () => {
    const codes = (policy: PolicyId, draft: CosellDraft) =>
      validateAgainstPolicy(draft, taxonomy, POLICIES[policy]).map((i) => i.code);
    expect(codes('2019', draftWith(4))).toEqual(['listing.tooManyAreas']);
    expect(codes('2019', draftWith(1, 3))).toEqual(['listing.tooManySubAreas']);
    expect(codes('2021-09', draftWith(5, 3))).toEqual([]);
    expect(codes('2023', draftWith(5, 5))).toEqual([]);
  });

  it('unknown codes, duplicates and a landing page that is not a public address', () => {
    const draft: CosellDraft = {
      listing: {
        platforms: ['no-such-platform'],
        segments: [taxonomy.segments[0]!.id, taxonomy.segments[0]!.id],
        solutionType: null,
        solutionAreas: [{ areaId: 'no-such-area', subAreaIds: [] }],
      },
      landingPageUrl: 'http://intranet',
    };
    expect(
      validateAgainstPolicy(draft, taxonomy, POLICIES['2021-09']).map(
        (i) => `${i.path.join('.')} ${i.code}`,
      ),
    ).toEqual([
      'listing.platforms.0 listing.unknownPlatform',
      'listing.segments.1 listing.duplicate',
      'listing.solutionAreas.0.areaId listing.unknownArea',
      'landingPageUrl listing.landingPageInvalid',
    ]);
  });
});

describe('the co-sell tab: sections and checklist as views of the evaluation', () => {
  const tab = (draft: CosellDraft, policy: PolicyId, documents: DocumentKindId[] = []) =>
    evaluateCosellTab({
      offer: {
        offerType: 'saas',
        markets: ['US'],
        lifecycleState: 'draft',
        transactable: true,
        pricedAboveZero: true,
      },
      draft,
      documents: documents.map((kind) => ({ kind })),
      contacts: [{ role: 'partner-sales', countries: ['US'] }],
      policy: POLICIES[policy],
      taxonomy,
    });

  it('an empty tab: not started, not ready, and nothing invalid', () => {
    const empty = tab(EMPTY_COSELL_DRAFT, '2021-09');
    expect(empty.sections).toMatchObject({
      listing: 'not-started',
      documents: 'not-started',
      landingPage: 'not-started',
    });
    expect(empty.readyToSubmit).toBe(false);
  });

  it('a complete tab is ready, every section complete', () => {
    const complete = tab(draftWith(2), '2021-09', ['one-pager', 'pitch-deck']);
    expect(complete.sections).toEqual({
      listing: 'complete',
      documents: 'complete',
      landingPage: 'complete',
      contacts: 'complete',
    });
    expect(complete.readyToSubmit).toBe(true);
  });

  it('never calls a section complete while publishing it would be refused', () => {
    // 5 areas were fine under 2021-09; under 2019 the listing breaks its limit.
    const overLimit = tab(draftWith(5), '2019', ['one-pager', 'pitch-deck']);
    expect(overLimit.sections.listing).toBe('incomplete');
    const badUrl = tab({ ...draftWith(2), landingPageUrl: 'ftp://contoso.example' }, '2021-09');
    expect(badUrl.sections.landingPage).toBe('incomplete');
    for (const policy of POLICY_IDS) {
      for (const draft of [EMPTY_COSELL_DRAFT, draftWith(1), draftWith(4), draftWith(5, 3)]) {
        const issues = validateAgainstPolicy(draft, taxonomy, POLICIES[policy]);
        const sections = tab(draft, policy).sections;
        if (issues.some((i) => i.path[0] === 'listing'))
          expect(sections.listing).not.toBe('complete');
        if (issues.length === 0 && draft !== EMPTY_COSELL_DRAFT)
          expect(sections.listing).toBe('complete');
      }
    }
  });

  it('sections follow the same parts as the checklist', () => {
    const facts = satisfying('saas').offer;
    const started = { listing: true, documents: true, landingPage: true, contacts: true };
    expect(sectionStates(facts, POLICIES['2023'], [], started)).toEqual({
      listing: 'complete',
      documents: 'complete',
      landingPage: 'complete',
      contacts: 'complete',
    });
    const noSubArea = { ...facts, listing: { ...facts.listing, everyAreaHasSubArea: false } };
    expect(sectionStates(noSubArea, POLICIES['2023'], [], started).listing).toBe('incomplete');
  });
});

describe('an empty co-sell tab, published and live: Not co-sell ready, and why', () => {
  it.each(POLICY_IDS)('%s', (policy) => {
    const evaluation = evaluateOffer(emptyTab(), POLICIES[policy]);
    expect(evaluation.status).toBe('not-cosell-ready');
    const ready = evaluation.tiers.find((t) => t.status === 'cosell-ready')!;
    const unmet = ready.requirements.filter((r) => !r.met).map((r) => r.id);
    expect(unmet).toContain('tab.partnerSalesContacts');
    if (policy !== '2019') expect(unmet).toContain('tab.listingComplete');
    expect(unmet).not.toContain('offer.live');
    expect(unmet).not.toContain('review.approved');
  });
});

// ---------------------------------------------------------------------------------------------
// Benefits explained

describe('benefits: each met or not, why, and where to act', () => {
  const explain = (policy: PolicyId, facts: OfferFacts) =>
    Object.fromEntries(
      evaluateOffer(facts, POLICIES[policy]).benefits.explanations.map((b) => [b.id, b]),
    ) as Record<BenefitId, BenefitResult>;
  const codes = (policy: PolicyId, facts: OfferFacts) =>
    Object.fromEntries(Object.entries(explain(policy, facts)).map(([id, b]) => [id, b.code]));

  it('lists every benefit, in order', () => {
    const list = evaluateOffer(satisfying('saas'), POLICIES['2021-09']).benefits.explanations;
    expect(list.map((b) => b.id)).toEqual([...BENEFIT_IDS]);
  });

  it('2021-09, Azure IP SaaS meeting everything: every benefit met', () => {
    const facts = satisfying('saas', (f) => {
      f.badge = { qualifiedSince: new Date('2024-01-01T00:00:00Z'), grantedAt: null };
    });
    const result = explain('2021-09', facts);
    expect(Object.values(result).every((b) => b.met || b.id === 'preferredSolutionBadge')).toBe(
      true,
    );
    expect(result.preferredSolutionBadge).toMatchObject({
      code: 'benefit.preferredSolutionBadge.due',
      params: { date: '2024-01-31T00:00:00.000Z' },
      fix: null,
    });
    expect(result.cspIncentive).toMatchObject({ met: true, params: { percent: 10 } });
    expect(result.marketplaceFee).toMatchObject({
      met: true,
      code: 'benefit.marketplaceFee.reduced',
      params: { percent: 10, standard: 20 },
    });
  });

  it('not Azure benefit eligible: the offer is free, or not transactable, with the fix', () => {
    const free = explain(
      '2021-09',
      satisfying('saas', (f) => (f.offer.pricedAboveZero = false)),
    );
    expect(free.azureBenefitEligible).toMatchObject({
      met: false,
      code: 'benefit.azureBenefitEligible.free',
      fix: { area: 'offer-setup', field: 'offer-priced-above-zero' },
    });
    // A transactable VM passes the technical validation by default; a non-transactable one has it passed by a reviewer.
    const notTransactable = explain(
      '2021-09',
      satisfying('azure-virtual-machine', (f) => (f.offer.transactable = false)),
    );
    expect(notTransactable.azureBenefitEligible).toMatchObject({
      met: false,
      code: 'benefit.azureBenefitEligible.notTransactable',
      fix: { area: 'offer-setup', field: 'offer-transactable' },
    });
  });

  it('a benefit that needs a better status names it and points at the first unmet requirement', () => {
    const noRevenue = satisfying('saas', (f) => (f.profile!.azureConsumedRevenueUsd = 0));
    noRevenue.profile!.marketplaceBilledRevenueUsd = 0;
    const result = explain('2021-09', noRevenue);
    for (const id of ['preferredSolutionBadge', 'azureBenefitEligible', 'cspIncentive'] as const) {
      expect(result[id], id).toMatchObject({
        met: false,
        applicable: true,
        params: { status: 'azure-ip-cosell-incentivized' },
        fix: { area: 'profile', field: 'profile-revenue' },
      });
    }
    expect(result.marketplaceFee).toMatchObject({
      code: 'benefit.marketplaceFee.needsStatus',
      params: { percent: 20, reduced: 10, status: 'azure-ip-cosell-incentivized' },
    });
    expect(result.visibleToSellers.met).toBe(true);
  });

  it('an empty co-sell tab: not visible to sellers until co-sell ready, fixed on the tab', () => {
    const result = explain('2021-09', emptyTab());
    expect(result.visibleToSellers).toMatchObject({
      met: false,
      code: 'benefit.visibleToSellers.needsStatus',
      params: { status: 'cosell-ready' },
      fix: { area: 'cosell' },
    });
  });

  const TABLE: [PolicyId, OfferTypeId, Partial<Record<BenefitId, string>>][] = [
    [
      '2019',
      'power-bi-app',
      {
        visibleToSellers: 'benefit.visibleToSellers.met',
        // Before August 2021 co-sell ready earned the badge.
        preferredSolutionBadge: 'benefit.preferredSolutionBadge.pending',
        azureBenefitEligible: 'benefit.azureBenefitEligible.notForType',
        cspIncentive: 'benefit.cspIncentive.none',
        marketplaceFee: 'benefit.marketplaceFee.flat',
      },
    ],
    [
      '2020',
      'saas',
      {
        preferredSolutionBadge: 'benefit.preferredSolutionBadge.pending',
        azureBenefitEligible: 'benefit.azureBenefitEligible.met',
        cspIncentive: 'benefit.cspIncentive.met',
        marketplaceFee: 'benefit.marketplaceFee.reduced',
      },
    ],
    [
      '2021-09',
      'power-bi-app',
      {
        preferredSolutionBadge: 'benefit.preferredSolutionBadge.notForType',
        azureBenefitEligible: 'benefit.azureBenefitEligible.notForType',
        cspIncentive: 'benefit.cspIncentive.notForType',
        marketplaceFee: 'benefit.marketplaceFee.notForType',
      },
    ],
    [
      '2021-09',
      'dynamics-365-operations-apps',
      {
        preferredSolutionBadge: 'benefit.preferredSolutionBadge.pending',
        azureBenefitEligible: 'benefit.azureBenefitEligible.notForType',
        marketplaceFee: 'benefit.marketplaceFee.notForType',
      },
    ],
    [
      '2023',
      'saas',
      {
        azureBenefitEligible: 'benefit.azureBenefitEligible.met',
        // The 2022+ docs: a flat 3% store fee and no CSP incentive.
        cspIncentive: 'benefit.cspIncentive.none',
        marketplaceFee: 'benefit.marketplaceFee.flat',
      },
    ],
    [
      '2023',
      'office-add-in',
      {
        visibleToSellers: 'benefit.visibleToSellers.notForType',
        preferredSolutionBadge: 'benefit.preferredSolutionBadge.notForType',
      },
    ],
  ];
  it.each(TABLE)('%s, %s meeting everything', (policy, type, expected) => {
    expect(codes(policy, satisfying(type))).toMatchObject(expected);
  });

  it('the values read off the explanations', () => {
    for (const policy of POLICY_IDS) {
      for (const type of OFFER_TYPE_IDS) {
        for (const facts of [
          satisfying(type),
          emptyTab(type),
          satisfying(type, (f) => (f.offer.pricedAboveZero = false)),
        ]) {
          const { benefits, status } = evaluateOffer(facts, POLICIES[policy]);
          const by = Object.fromEntries(benefits.explanations.map((b) => [b.id, b]));
          expect(benefits.visibleToSellers).toBe(by.visibleToSellers!.met);
          expect(benefits.azureBenefitEligible).toBe(by.azureBenefitEligible!.met);
          expect(benefits.cspIncentivePercent !== null).toBe(by.cspIncentive!.met);
          expect(benefits.preferredSolutionBadge.granted).toBe(by.preferredSolutionBadge!.met);
          // Without the evaluation, the same values (only the fixes are unknown).
          const alone = computeBenefits(
            {
              status,
              offerType: type,
              live: facts.offer.live,
              transactable: facts.offer.transactable,
              pricedAboveZero: facts.offer.pricedAboveZero,
              qualifiedSince: null,
              badgeGrantedAt: null,
            },
            POLICIES[policy],
          );
          expect(alone.explanations.map((b) => [b.id, b.met, b.code])).toEqual(
            benefits.explanations.map((b) => [b.id, b.met, b.code]),
          );
        }
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// A policy switch

describe('policy switch: why a status changes', () => {
  const serviceListing = (f: StatusFacts) => (f.offer.listing.solutionType = 'service');

  it('a loss names what the new policy requires and the offer does not meet', () => {
    const change = explainStatusChange(
      satisfying('saas', serviceListing),
      POLICIES['2021-09'],
      POLICIES['2023'],
    );
    expect(change).toMatchObject({ from: 'azure-ip-cosell-incentivized', to: 'cosell-ready' });
    expect(change.reasons).toEqual([
      {
        kind: 'unmet',
        requirement: 'tab.solutionTypeIp',
        code: 'requirement.tab.solutionTypeIp.unmet',
        params: {},
      },
    ]);
  });

  it('a gain names what the active policy required and the new one does not', () => {
    const change = explainStatusChange(
      satisfying('saas', serviceListing),
      POLICIES['2023'],
      POLICIES['2021-09'],
    );
    expect(change).toMatchObject({ from: 'cosell-ready', to: 'azure-ip-cosell-incentivized' });
    expect(change.reasons.map((r) => `${r.kind} ${r.requirement}`)).toEqual([
      'dropped tab.solutionTypeIp',
    ]);
    // 2021-09 asks one-pager and pitch deck for co-sell ready, 2019 none.
    const noDocuments = explainStatusChange(
      satisfying('power-bi-app', (f) => (f.offer.documentKinds = [])),
      POLICIES['2021-09'],
      POLICIES['2019'],
    );
    expect(noDocuments.reasons).toEqual([
      expect.objectContaining({
        kind: 'dropped',
        requirement: 'documents.cosellReady',
        params: { missing: 'one-pager, pitch-deck' },
      }),
    ]);
  });

  it('a status the other policy does not have for the type is unavailable', () => {
    const premium = satisfying('dynamics-365-operations-apps');
    const lost = explainStatusChange(premium, POLICIES['2021-09'], POLICIES['2020']);
    expect(lost).toMatchObject({
      from: 'business-applications-premium',
      to: 'business-applications-standard',
      reasons: [
        {
          kind: 'unavailable',
          code: 'policyPreview.statusUnavailable',
          params: { status: 'business-applications-premium' },
        },
      ],
    });
    const gained = explainStatusChange(premium, POLICIES['2020'], POLICIES['2021-09']);
    expect(gained.reasons).toEqual([
      expect.objectContaining({ kind: 'unavailable', code: 'policyPreview.statusNew' }),
    ]);
  });

  it('no change, no reasons', () => {
    expect(
      explainStatusChange(satisfying('saas'), POLICIES['2021-09'], POLICIES['2020']).reasons,
    ).toEqual([]);
  });
});

describe('policy switch: what becomes invalid', () => {
  const switchTo = (live: CosellDraft | null, draft: CosellDraft | null, to: PolicyId) =>
    newlyInvalid({ live, draft }, taxonomy, POLICIES['2021-09'], POLICIES[to]);

  it('5 solution areas, live and in the draft, under a 3-area policy', () => {
    expect(switchTo(draftWith(5), draftWith(5), '2019')).toEqual([
      {
        id: 'listing.solutionAreas',
        code: 'listing.tooManyAreas',
        params: { maximum: 3 },
        versions: ['live', 'draft'],
      },
    ]);
  });

  it('only where it breaks the limit: the draft was cut down, the live version was not', () => {
    expect(switchTo(draftWith(4), draftWith(3), '2020')).toEqual([
      expect.objectContaining({ code: 'listing.tooManyAreas', versions: ['live'] }),
    ]);
    expect(switchTo(null, draftWith(2, 3), '2019')).toEqual([
      expect.objectContaining({
        id: 'listing.solutionAreas.0.subAreaIds',
        code: 'listing.tooManySubAreas',
        versions: ['draft'],
      }),
      expect.objectContaining({
        id: 'listing.solutionAreas.1.subAreaIds',
        code: 'listing.tooManySubAreas',
        versions: ['draft'],
      }),
    ]);
  });

  it('nothing for data the new policy allows, or that was invalid already', () => {
    expect(switchTo(draftWith(5, 5), draftWith(5, 5), '2023')).toEqual([]);
    expect(switchTo(draftWith(3, 2), EMPTY_COSELL_DRAFT, '2019')).toEqual([]);
    const unknownArea: CosellDraft = {
      ...draftWith(1),
      listing: {
        ...draftWith(1).listing,
        solutionAreas: [{ areaId: 'retired-area', subAreaIds: [] }],
      },
    };
    expect(switchTo(unknownArea, unknownArea, '2019')).toEqual([]);
  });
});
