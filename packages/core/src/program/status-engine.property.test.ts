/**
 * Property tests of the co-sell status engine (QUALITY R4): determinism, monotonicity under
 * every policy, the status as the highest tier held, and statuses only for the offer types that
 * can reach them; and of the views of the one evaluation: the checklist's parts agree with their
 * requirements, the benefits' values with their explanations, and the rules never throw.
 * 1,000 generated cases each.
 *
 * "Monotone" means: meeting one more requirement never lowers the status. The improvements
 * generated below each make one fact better and no fact worse. Changing the offer type, the
 * markets or a chosen solution type is not an improvement (adding a market can open a gap in
 * contact coverage; solution type is a choice, so only choosing 'ip' where none was chosen
 * counts), nor is a later creation date (the 2023 transactability rule starts on 2023-07-11).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTACT_ROLE_IDS } from '../reference/contact-roles';
import type { CosellStatusId } from '../reference/cosell-statuses';
import type { CosellCountryCode, CountryCode } from '../reference/countries';
import { DOCUMENT_KIND_IDS } from '../reference/documents';
import { OFFER_TYPE_IDS } from '../reference/offer-types';
import { SOLUTION_TYPE_IDS } from '../reference/solution-types';
import { BENEFIT_IDS } from './benefits';
import { evaluateOffer, validateAgainstPolicy } from './evaluation';
import { POLICIES, POLICY_IDS, type ProgramPolicy } from './policies';
import { sampleTaxonomy } from './taxonomy';
import { EMPTY_PROFILE, ISV_CONNECT_LEVELS, type ProgramProfileFacts } from '../profiles/profile';
import {
  TECHNICAL_VALIDATIONS,
  evaluateStatus,
  statusOf,
  statusRank,
  type StatusEvaluation,
  type StatusFacts,
  type StatusReviewFacts,
} from './status-engine';

const RUNS = { numRuns: 1000 };
const TIMEOUT = 60_000;
const ALL_POLICIES: ProgramPolicy[] = POLICY_IDS.map((id) => POLICIES[id]);

// ---------------------------------------------------------------------------------------------
// Generators: biased towards facts that meet requirements, so that every status is reached often.

const MARKETS = ['US', 'SE', 'PL', 'DE', 'CN'] as const satisfies readonly CountryCode[];
/** Contacts may name countries the offer is not sold in. */
const CONTACT_COUNTRIES = [...MARKETS, 'GB', 'TW'] as const satisfies readonly CosellCountryCode[];
const TRANSACTABLE_FROM = new Date('2023-07-11T00:00:00Z');

const likely = fc.oneof(
  { weight: 4, arbitrary: fc.constant(true) },
  { weight: 1, arbitrary: fc.constant(false) },
);
const usd = fc.oneof(
  fc.constantFrom(0, 99_999, 100_000, 100_001, 2_500_000),
  fc.integer({ min: 0, max: 300_000 }),
);

const contactArb = fc.record({
  role: fc.oneof(
    { weight: 3, arbitrary: fc.constant('partner-sales' as const) },
    { weight: 1, arbitrary: fc.constantFrom(...CONTACT_ROLE_IDS) },
  ),
  countries: fc.oneof(
    { weight: 1, arbitrary: fc.constant<CosellCountryCode[]>(['OOO']) },
    {
      weight: 3,
      arbitrary: fc.uniqueArray(fc.constantFrom<CosellCountryCode>(...CONTACT_COUNTRIES), {
        minLength: 1,
        maxLength: 4,
      }),
    },
  ),
});

const offerArb = fc.record({
  offerType: fc.constantFrom(...OFFER_TYPE_IDS),
  live: likely,
  transactable: fc.boolean(),
  pricedAboveZero: fc.boolean(),
  markets: fc.uniqueArray(fc.constantFrom<CountryCode>(...MARKETS), { maxLength: 4 }),
  createdAt: fc.oneof(
    fc.constantFrom(
      new Date('2023-07-10T23:59:59.999Z'),
      TRANSACTABLE_FROM,
      new Date('2023-07-11T00:00:00.001Z'),
    ),
    fc.date({
      min: new Date('2018-01-01T00:00:00Z'),
      max: new Date('2026-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
  ),
  listing: fc.record({
    platforms: fc.nat(3),
    segments: fc.nat(3),
    solutionType: fc.oneof(
      { weight: 3, arbitrary: fc.constant('ip' as const) },
      { weight: 1, arbitrary: fc.constantFrom(null, ...SOLUTION_TYPE_IDS) },
    ),
    solutionAreas: fc.nat(5),
    everyAreaHasSubArea: likely,
  }),
  landingPage: likely,
  documentKinds: fc.oneof(
    { weight: 2, arbitrary: fc.constant([...DOCUMENT_KIND_IDS]) },
    { weight: 3, arbitrary: fc.uniqueArray(fc.constantFrom(...DOCUMENT_KIND_IDS)) },
  ),
  contacts: fc.array(contactArb, { maxLength: 4 }),
});

const profileArb: fc.Arbitrary<ProgramProfileFacts> = fc.record({
  partnerId: fc.option(fc.stringMatching(/^\d{5,10}$/), { nil: null, freq: 5 }),
  marketplaceAccountActive: likely,
  businessProfileComplete: likely,
  azureConsumedRevenueUsd: usd,
  marketplaceBilledRevenueUsd: usd,
  goldCompetency: fc.boolean(),
  solutionsPartnerDesignations: fc.uniqueArray(
    fc.constantFrom('Infrastructure (Azure)', 'Data & AI (Azure)', 'Business Applications'),
    { maxLength: 2 },
  ),
  isvConnect: fc.constantFrom(...ISV_CONNECT_LEVELS),
});

const reviewArb: fc.Arbitrary<StatusReviewFacts> = fc.record({
  approved: likely,
  technicalValidation: fc.constantFrom(...TECHNICAL_VALIDATIONS),
  revenueVerified: likely,
});

const factsArb: fc.Arbitrary<StatusFacts> = fc.record({
  offer: offerArb,
  profile: fc.option(profileArb, { nil: null, freq: 8 }),
  review: fc.option(reviewArb, { nil: null, freq: 8 }),
});

// ---------------------------------------------------------------------------------------------
// Improvements: each makes one fact better, none makes any fact worse.

interface Improvement {
  name: string;
  apply: (facts: StatusFacts) => void;
}
const improvement = (name: string, apply: (facts: StatusFacts) => void): Improvement => ({
  name,
  apply,
});

/** The profile to improve; an organisation with none gets the empty one (which meets nothing). */
const profileOf = (facts: StatusFacts) => (facts.profile ??= { ...EMPTY_PROFILE });
const reviewOf = (facts: StatusFacts) =>
  (facts.review ??= {
    approved: false,
    technicalValidation: 'not-assessed',
    revenueVerified: false,
  });
const NEXT_ISV_CONNECT = { none: 'standard', standard: 'premium', premium: 'premium' } as const;

const improvementArb: fc.Arbitrary<Improvement> = fc.oneof(
  fc.constantFrom(
    improvement('go live', (f) => (f.offer.live = true)),
    improvement('make transactable', (f) => (f.offer.transactable = true)),
    improvement('price above zero', (f) => (f.offer.pricedAboveZero = true)),
    improvement('add the landing page', (f) => (f.offer.landingPage = true)),
    improvement('add a platform', (f) => (f.offer.listing.platforms += 1)),
    improvement('add a segment', (f) => (f.offer.listing.segments += 1)),
    improvement('add a solution area', (f) => (f.offer.listing.solutionAreas += 1)),
    improvement('give every area a sub-area', (f) => (f.offer.listing.everyAreaHasSubArea = true)),
    improvement('choose solution type IP where none was chosen', (f) => {
      if (f.offer.listing.solutionType === null) f.offer.listing.solutionType = 'ip';
    }),
    improvement('create the profile', (f) => void profileOf(f)),
    improvement('set the PartnerID', (f) => (profileOf(f).partnerId = '1234567')),
    improvement('activate the account', (f) => (profileOf(f).marketplaceAccountActive = true)),
    improvement('complete the business profile', (f) => {
      profileOf(f).businessProfileComplete = true;
    }),
    improvement('gain a gold competency', (f) => (profileOf(f).goldCompetency = true)),
    improvement('add a Solutions Partner designation', (f) => {
      const profile = profileOf(f);
      profile.solutionsPartnerDesignations = [
        ...profile.solutionsPartnerDesignations,
        'Modern Work',
      ];
    }),
    improvement('raise the ISV Connect level', (f) => {
      const profile = profileOf(f);
      profile.isvConnect = NEXT_ISV_CONNECT[profile.isvConnect];
    }),
    improvement('create the review', (f) => void reviewOf(f)),
    improvement('approve', (f) => (reviewOf(f).approved = true)),
    improvement('pass technical validation', (f) => {
      reviewOf(f).technicalValidation = 'passed';
    }),
    improvement('verify revenue', (f) => (reviewOf(f).revenueVerified = true)),
  ),
  fc.constantFrom(...DOCUMENT_KIND_IDS).map((kind) =>
    improvement(`add a ${kind}`, (f) => {
      if (!f.offer.documentKinds.includes(kind))
        f.offer.documentKinds = [...f.offer.documentKinds, kind];
    }),
  ),
  fc.constantFrom<CosellCountryCode>('OOO', ...CONTACT_COUNTRIES).map((country) =>
    improvement(`add a Partner sales contact for ${country}`, (f) => {
      f.offer.contacts = [...f.offer.contacts, { role: 'partner-sales', countries: [country] }];
    }),
  ),
  fc
    .tuple(
      fc.constantFrom('azureConsumedRevenueUsd', 'marketplaceBilledRevenueUsd') as fc.Arbitrary<
        'azureConsumedRevenueUsd' | 'marketplaceBilledRevenueUsd'
      >,
      fc.oneof(fc.constantFrom(1, 100_000), fc.integer({ min: 1, max: 200_000 })),
    )
    .map(([field, amount]) =>
      improvement(`raise ${field} by ${amount}`, (f) => (profileOf(f)[field] += amount)),
    ),
);

// ---------------------------------------------------------------------------------------------

const met = (evaluation: StatusEvaluation) =>
  new Set(evaluation.tiers.filter((tier) => tier.met).map((tier) => tier.status));
const metRequirements = (evaluation: StatusEvaluation) =>
  new Set(
    evaluation.tiers.flatMap((tier) =>
      tier.requirements.filter((r) => r.met).map((r) => `${tier.status} ${r.id}`),
    ),
  );
const metParts = (evaluation: StatusEvaluation) =>
  new Set(
    evaluation.tiers.flatMap((tier) =>
      tier.requirements.flatMap((r) => r.parts.filter((p) => p.met).map((p) => p.id)),
    ),
  );

describe('status engine properties (R4)', () => {
  it(
    'is deterministic: the same facts and policy give the same evaluation, also from a copy',
    () => {
      fc.assert(
        fc.property(factsArb, fc.constantFrom(...ALL_POLICIES), (facts, policy) => {
          const before = structuredClone(facts);
          const first = evaluateStatus(facts, policy);
          // Evaluating under the other policies in between leaves no trace.
          for (const other of ALL_POLICIES) evaluateStatus(facts, other);
          expect(evaluateStatus(facts, policy)).toEqual(first);
          expect(evaluateStatus(structuredClone(facts), policy)).toEqual(first);
          expect(statusOf(facts, policy)).toBe(first.status);
          expect(facts).toEqual(before);
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'is monotone under every policy: meeting one more requirement never lowers the status',
    () => {
      fc.assert(
        fc.property(
          factsArb,
          fc.array(improvementArb, { minLength: 1, maxLength: 6 }),
          (facts, improvements) => {
            let current = facts;
            for (const step of improvements) {
              const next = structuredClone(current);
              step.apply(next);
              for (const policy of ALL_POLICIES) {
                const before = evaluateStatus(current, policy);
                const after = evaluateStatus(next, policy);
                const context = `${policy.id}, ${step.name}: ${before.status} → ${after.status}`;
                expect(statusRank(after.status), context).toBeGreaterThanOrEqual(
                  statusRank(before.status),
                );
                const metAfter = met(after);
                for (const tier of met(before)) expect(metAfter.has(tier), context).toBe(true);
                const requirementsAfter = metRequirements(after);
                for (const requirement of metRequirements(before)) {
                  expect(requirementsAfter.has(requirement), `${context}, ${requirement}`).toBe(
                    true,
                  );
                }
                // The co-sell tab's checklist never loses a met item either.
                const partsAfter = metParts(after);
                for (const part of metParts(before)) {
                  expect(partsAfter.has(part), `${context}, ${part}`).toBe(true);
                }
              }
              current = next;
            }
          },
        ),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'the status is the highest tier met; a tier is met exactly when it applies, its requirements are met and the tier it builds on is met',
    () => {
      fc.assert(
        fc.property(factsArb, fc.constantFrom(...ALL_POLICIES), (facts, policy) => {
          const evaluation = evaluateStatus(facts, policy);
          const byStatus = new Map(evaluation.tiers.map((tier) => [tier.status, tier]));
          for (const tier of evaluation.tiers) {
            const builtOn = tier.requires === null ? null : byStatus.get(tier.requires);
            if (tier.requires !== null) expect(builtOn).toBeDefined();
            const expected =
              tier.applicable &&
              tier.requirements.every((r) => r.met) &&
              (builtOn === null || builtOn?.met === true);
            expect(tier.met).toBe(expected);
          }
          const held = evaluation.tiers.filter((tier) => tier.met);
          const highest = held.reduce<CosellStatusId>(
            (best, tier) => (statusRank(tier.status) > statusRank(best) ? tier.status : best),
            'not-cosell-ready',
          );
          expect(evaluation.status).toBe(highest);
          // No two held statuses share a rank (Azure IP and Business Applications exclude each other).
          const ranks = held.map((tier) => statusRank(tier.status));
          expect(new Set(ranks).size).toBe(ranks.length);
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'never gives a status the offer type cannot reach under the policy',
    () => {
      fc.assert(
        fc.property(factsArb, fc.constantFrom(...ALL_POLICIES), (facts, policy) => {
          const status = statusOf(facts, policy);
          if (status === 'not-cosell-ready') return;
          const rule = policy.statuses[status];
          expect(rule).toBeDefined();
          expect(rule!.offerTypes as readonly string[]).toContain(facts.offer.offerType);
          expect(facts.offer.offerType).not.toBe('office-add-in');
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'a requirement made of parts is met exactly when every part is; the checklist is the co-sell-ready parts',
    () => {
      fc.assert(
        fc.property(factsArb, fc.constantFrom(...ALL_POLICIES), (facts, policy) => {
          const evaluation = evaluateOffer(facts, policy);
          for (const tier of evaluation.tiers) {
            for (const requirement of tier.requirements) {
              if (requirement.parts.length === 0) continue;
              expect(requirement.met, requirement.id).toBe(requirement.parts.every((p) => p.met));
            }
          }
          const ready = evaluation.tiers.find((tier) => tier.status === 'cosell-ready')!;
          expect(evaluation.checklist.length).toBe(
            ready.requirements.reduce((n, r) => n + r.parts.length, 0),
          );
          // Everything else co-sell ready needs met, the checklist decides it.
          const rest = ready.requirements.filter((r) => r.parts.length === 0);
          if (ready.applicable && rest.every((r) => r.met)) {
            expect(ready.met).toBe(evaluation.checklist.every((item) => item.met));
          }
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'benefits: every one explained, the values read off the explanations',
    () => {
      fc.assert(
        fc.property(factsArb, fc.constantFrom(...ALL_POLICIES), (facts, policy) => {
          const { benefits, status } = evaluateOffer(facts, policy);
          expect(benefits.explanations.map((b) => b.id)).toEqual([...BENEFIT_IDS]);
          const by = Object.fromEntries(benefits.explanations.map((b) => [b.id, b]));
          expect(benefits.visibleToSellers).toBe(by.visibleToSellers!.met);
          expect(benefits.azureBenefitEligible).toBe(by.azureBenefitEligible!.met);
          expect(benefits.cspIncentivePercent !== null).toBe(by.cspIncentive!.met);
          for (const benefit of benefits.explanations) {
            expect(benefit.code.startsWith(`benefit.${benefit.id}.`)).toBe(true);
            // Nothing to fix for a benefit the offer has, or one it can never have.
            if (benefit.met || !benefit.applicable) expect(benefit.fix).toBeNull();
          }
          if (status === 'not-cosell-ready') {
            expect(benefits.explanations.filter((b) => b.met).map((b) => b.id)).toEqual([]);
          }
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'validating any draft returns its problems and never throws; limits only ever add problems',
    () => {
      const taxonomy = sampleTaxonomy();
      const known = [
        ...taxonomy.platforms.map((p) => p.id),
        ...taxonomy.segments.map((s) => s.id),
        ...taxonomy.solutionAreas.flatMap((a) => [a.id, ...a.subAreas.map((s) => s.id)]),
      ];
      const id = fc.oneof(fc.constantFrom(...known), fc.string({ maxLength: 12 }));
      const draftArb = fc.record({
        listing: fc.record({
          platforms: fc.array(id, { maxLength: 4 }),
          segments: fc.array(id, { maxLength: 3 }),
          solutionType: fc.constantFrom(null, ...SOLUTION_TYPE_IDS),
          solutionAreas: fc.array(
            fc.record({ areaId: id, subAreaIds: fc.array(id, { maxLength: 6 }) }),
            { maxLength: 7 },
          ),
        }),
        landingPageUrl: fc.option(
          fc.oneof(fc.webUrl(), fc.string({ maxLength: 30 }), fc.constant('http://intranet')),
          { nil: null },
        ),
      });
      const strictest = POLICIES['2019'];
      const loosest = POLICIES['2023'];
      fc.assert(
        fc.property(draftArb, (draft) => {
          const loose = validateAgainstPolicy(draft, taxonomy, loosest);
          const strict = validateAgainstPolicy(draft, taxonomy, strictest);
          expect(strict.length).toBeGreaterThanOrEqual(loose.length);
          for (const issue of strict) expect(issue.code).toMatch(/^listing\./);
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it('the generators reach every status of every policy', () => {
    const facts = fc.sample(factsArb, { numRuns: 2000, seed: 42 });
    for (const policy of ALL_POLICIES) {
      const reached = new Set(facts.map((f) => statusOf(f, policy)));
      const known = ['not-cosell-ready', ...Object.keys(policy.statuses)];
      expect([...reached].sort(), policy.id).toEqual(known.sort());
    }
  });
});
