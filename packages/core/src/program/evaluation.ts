/**
 * One rules engine (DESIGN): an offer is evaluated once under a policy, and every screen that
 * talks about the program's rules is a view of that evaluation —
 *
 * - the status page: every status with its requirements met or not, and why (`evaluateStatus`);
 * - the co-sell tab's checklist: the parts of the co-sell-ready requirements that the publisher
 *   fixes on the offer (`checklistOf`), and its section states (`sectionStates`);
 * - the benefits, each met or not with its reason and fix (`computeBenefits`);
 * - what blocks publishing: only data the policy calls invalid, never a missing requirement —
 *   the co-sell tab is optional for publishing (SPEC §6 step 3), it is what co-sell ready needs
 *   (`validateAgainstPolicy`);
 * - what a policy switch changes for an offer: its status and why (`explainStatusChange`), and
 *   the data that becomes invalid (`newlyInvalid`).
 *
 * Pure: rules return values (status, reasons, problems), they never throw (STYLE §3).
 */
import type { FieldIssue } from '../errors';
import type { ContactInput } from '../contacts/contact';
import type { CosellDraft, OfferFields } from '../offers/offer';
import type { CosellStatusId } from '../reference/cosell-statuses';
import type { DocumentKindId } from '../reference/documents';
import { computeBenefits, type Benefits } from './benefits';
import type { ProgramPolicy, RequirementId, TierStatusId } from './policies';
import {
  coverageParts,
  documentParts,
  evaluateStatus,
  listingParts,
  statusRank,
  type CosellSection,
  type RequirementPart,
  type StatusEvaluation,
  type StatusFacts,
  type StatusOfferFacts,
  type TierResult,
} from './status-engine';
import type { Taxonomy } from './taxonomy';

type Params = Record<string, string | number>;

// ---------------------------------------------------------------------------------------------
// The evaluation and its checklist

/** What the engine reads of an offer's fields, co-sell draft, documents and contacts. */
export interface OfferMaterial {
  fields: Pick<OfferFields, 'offerType' | 'markets' | 'transactable' | 'pricedAboveZero'>;
  cosell: CosellDraft;
  documents: readonly { kind: DocumentKindId }[];
  contacts: readonly Pick<ContactInput, 'role' | 'countries'>[];
}

/** The engine's facts of an offer's material (a live version, a submission or the draft). */
export function offerStatusFacts(
  material: OfferMaterial,
  meta: { live: boolean; createdAt: Date },
): StatusOfferFacts {
  const { fields, cosell, documents, contacts } = material;
  const listing = cosell.listing;
  return {
    offerType: fields.offerType,
    live: meta.live,
    transactable: fields.transactable,
    pricedAboveZero: fields.pricedAboveZero,
    markets: fields.markets,
    createdAt: meta.createdAt,
    listing: {
      platforms: listing.platforms.length,
      segments: listing.segments.length,
      solutionType: listing.solutionType,
      solutionAreas: listing.solutionAreas.length,
      everyAreaHasSubArea: listing.solutionAreas.every((area) => area.subAreaIds.length > 0),
    },
    landingPage: Boolean(cosell.landingPageUrl),
    documentKinds: [...new Set(documents.map((d) => d.kind))],
    contacts: contacts.filter((c) => c.role === 'partner-sales'),
  };
}

export interface OfferFacts extends StatusFacts {
  /** The badge timing stored with the offer's status, when there is one. */
  badge?: { qualifiedSince: Date | null; grantedAt: Date | null } | null;
}

export interface OfferEvaluation extends StatusEvaluation {
  /** The co-sell tab's checklist (see {@link checklistOf}). */
  checklist: RequirementPart[];
  /** What the status brings, each benefit explained. */
  benefits: Benefits;
}

const SECTION_ORDER: readonly CosellSection[] = [
  'offer',
  'listing',
  'documents',
  'landingPage',
  'contacts',
];

/**
 * The co-sell tab's checklist, "what's missing for co-sell ready": the parts of the co-sell-ready
 * requirements the publisher fixes on the offer (offer type, markets, listing, documents,
 * Partner sales contacts; the live offer where the policy co-sells live offers only), in the
 * order of the tab's sections. The profile and the vendor's review are not the tab's: the status
 * page shows them.
 */
export function checklistOf(evaluation: StatusEvaluation): RequirementPart[] {
  const ready = evaluation.tiers.find((tier) => tier.status === 'cosell-ready');
  const parts = ready?.requirements.flatMap((requirement) => requirement.parts) ?? [];
  const rank = (p: RequirementPart) => SECTION_ORDER.indexOf(p.section);
  return parts
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
    .map(({ p }) => p);
}

/** The whole evaluation of an offer: statuses and requirements, the checklist, the benefits. */
export function evaluateOffer(facts: OfferFacts, policy: ProgramPolicy): OfferEvaluation {
  const evaluation = evaluateStatus(facts, policy);
  const { offer } = facts;
  return {
    ...evaluation,
    checklist: checklistOf(evaluation),
    benefits: computeBenefits(
      {
        status: evaluation.status,
        offerType: offer.offerType,
        live: offer.live,
        transactable: offer.transactable,
        pricedAboveZero: offer.pricedAboveZero,
        qualifiedSince: facts.badge?.qualifiedSince ?? null,
        badgeGrantedAt: facts.badge?.grantedAt ?? null,
      },
      policy,
      evaluation,
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Invalid data: the policy's hard limits and the program's taxonomy

/** The taxonomy's ids as sets, built once per taxonomy object (a preview checks many offers). */
interface TaxonomyIndex {
  platforms: ReadonlySet<string>;
  segments: ReadonlySet<string>;
  areas: ReadonlyMap<string, { name: string; subAreas: ReadonlySet<string> }>;
}
const indexes = new WeakMap<Taxonomy, TaxonomyIndex>();
function indexOf(taxonomy: Taxonomy): TaxonomyIndex {
  let index = indexes.get(taxonomy);
  if (!index) {
    index = {
      platforms: new Set(taxonomy.platforms.map((p) => p.id)),
      segments: new Set(taxonomy.segments.map((s) => s.id)),
      areas: new Map(
        taxonomy.solutionAreas.map((area) => [
          area.id,
          { name: area.name, subAreas: new Set(area.subAreas.map((sub) => sub.id)) },
        ]),
      ),
    };
    indexes.set(taxonomy, index);
  }
  return index;
}

/**
 * What in a co-sell draft the policy and the taxonomy do not allow: more solution areas or
 * sub-areas than the policy's limits, ids the taxonomy does not know, duplicates, a landing page
 * that is not a public web address. Empty when the data is valid — complete or not: what is
 * missing is the checklist's business, and never invalid. Every problem at once.
 */
export function validateAgainstPolicy(
  draft: CosellDraft,
  taxonomy: Taxonomy,
  policy: ProgramPolicy,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const index = indexOf(taxonomy);
  const { listing } = draft;
  const checkIds = (
    values: readonly string[],
    known: ReadonlySet<string>,
    field: string,
    code: string,
  ) => {
    const seen = new Set<string>();
    values.forEach((value, i) => {
      if (!known.has(value)) {
        issues.push({ path: ['listing', field, i], code, params: { value } });
      } else if (seen.has(value)) {
        issues.push({ path: ['listing', field, i], code: 'listing.duplicate', params: { value } });
      }
      seen.add(value);
    });
  };
  checkIds(listing.platforms, index.platforms, 'platforms', 'listing.unknownPlatform');
  checkIds(listing.segments, index.segments, 'segments', 'listing.unknownSegment');

  const { maxSolutionAreas, maxSubAreasPerArea } = policy.listing;
  if (listing.solutionAreas.length > maxSolutionAreas) {
    issues.push({
      path: ['listing', 'solutionAreas'],
      code: 'listing.tooManyAreas',
      params: { maximum: maxSolutionAreas },
    });
  }
  const seenAreas = new Set<string>();
  listing.solutionAreas.forEach((chosen, a) => {
    const area = index.areas.get(chosen.areaId);
    if (!area) {
      issues.push({
        path: ['listing', 'solutionAreas', a, 'areaId'],
        code: 'listing.unknownArea',
        params: { value: chosen.areaId },
      });
      return;
    }
    if (seenAreas.has(chosen.areaId)) {
      issues.push({
        path: ['listing', 'solutionAreas', a, 'areaId'],
        code: 'listing.duplicate',
        params: { value: area.name },
      });
    }
    seenAreas.add(chosen.areaId);
    if (chosen.subAreaIds.length > maxSubAreasPerArea) {
      issues.push({
        path: ['listing', 'solutionAreas', a, 'subAreaIds'],
        code: 'listing.tooManySubAreas',
        params: { maximum: maxSubAreasPerArea, area: area.name },
      });
    }
    const seenSubs = new Set<string>();
    chosen.subAreaIds.forEach((subId, s) => {
      if (!area.subAreas.has(subId)) {
        issues.push({
          path: ['listing', 'solutionAreas', a, 'subAreaIds', s],
          code: 'listing.unknownSubArea',
          params: { value: subId, area: area.name },
        });
      } else if (seenSubs.has(subId)) {
        issues.push({
          path: ['listing', 'solutionAreas', a, 'subAreaIds', s],
          code: 'listing.duplicate',
          params: { value: subId },
        });
      }
      seenSubs.add(subId);
    });
  });

  if (draft.landingPageUrl !== null && !isLandingPageUrl(draft.landingPageUrl)) {
    issues.push({ path: ['landingPageUrl'], code: 'listing.landingPageInvalid' });
  }
  return issues;
}

/**
 * An absolute http(s) URL with a host name, without embedded credentials (they would be shown
 * to every seller), at most 2,048 characters.
 */
export function isLandingPageUrl(value: string): boolean {
  if (value.length > 2048 || /\s/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.username || url.password) return false;
  // A host with a dot (example.com) or an IPv6 literal; "http://intranet" is not a public page.
  return url.hostname.includes('.') || url.hostname.startsWith('[');
}

/** A problem as publishing reports it: a dotted field path and its message key. */
export interface PolicyProblem {
  id: string;
  code: string;
  params: Params;
}

/** Field issues as problems with a dotted id. */
export const problemsOf = (issues: readonly FieldIssue[]): PolicyProblem[] =>
  issues.map((issue) => ({
    id: issue.path.join('.'),
    code: issue.code,
    params: issue.params ?? {},
  }));

// ---------------------------------------------------------------------------------------------
// The co-sell tab's sections

export type SectionState = 'not-started' | 'incomplete' | 'complete';
export type TabSection = Exclude<CosellSection, 'offer'>;

/** Which sections of the tab hold anything at all. */
export type TabSectionsStarted = Record<TabSection, boolean>;

/**
 * Not started, Incomplete or Complete per section of the co-sell tab (SPEC §6 step 3). Complete
 * means what co-sell ready needs of the section is there (the listing's fields even where the
 * policy makes the listing optional) and nothing in it is invalid: a section is never called
 * complete while publishing it would be refused.
 */
export function sectionStates(
  offer: StatusOfferFacts,
  policy: ProgramPolicy,
  violations: readonly FieldIssue[],
  started: TabSectionsStarted,
): Record<TabSection, SectionState> {
  const invalid = (section: TabSection) =>
    violations.some((issue) =>
      section === 'landingPage' ? issue.path[0] === 'landingPageUrl' : issue.path[0] === section,
    );
  const state = (section: TabSection, complete: boolean): SectionState =>
    !started[section] && !invalid(section)
      ? 'not-started'
      : complete && !invalid(section)
        ? 'complete'
        : 'incomplete';
  const everyMet = (parts: readonly RequirementPart[]) => parts.every((p) => p.met);
  const coverage = coverageParts(offer).parts.filter((p) => p.section === 'contacts');
  return {
    listing: state('listing', everyMet(listingParts(offer.listing, policy))),
    documents: state(
      'documents',
      everyMet(documentParts(offer.documentKinds, policy.documents.cosellReady, offer.offerType)),
    ),
    landingPage: state('landingPage', true),
    contacts: state('contacts', !policy.contacts.partnerSalesPerMarket || everyMet(coverage)),
  };
}

// ---------------------------------------------------------------------------------------------
// A policy switch, offer by offer

/**
 * Why an offer's status changes with a policy switch, one reason per requirement:
 * - `unmet`: the candidate policy requires it and the offer does not meet it (a loss);
 * - `dropped`: the active policy required it and the offer did not meet it, the candidate does
 *   not ask for it (or asks for less) (a gain);
 * - `unavailable`: the status does not exist for the offer's type under the candidate policy (a
 *   loss), or did not under the active one (a gain).
 */
export interface StatusChangeReason {
  kind: 'unmet' | 'dropped' | 'unavailable';
  requirement: RequirementId | null;
  code: string;
  params: Params;
}

/** The tiers a status builds on, root first, ending with it; null where the policy lacks one. */
function chainOf(evaluation: StatusEvaluation, status: CosellStatusId): TierResult[] | null {
  const chain: TierResult[] = [];
  let current: TierStatusId | null = status === 'not-cosell-ready' ? null : status;
  while (current) {
    const tier = evaluation.tiers.find((t) => t.status === current);
    if (!tier) return null;
    chain.unshift(tier);
    current = tier.requires;
  }
  return chain;
}

/** Why a status is not held under an evaluation: its unmet requirements, or that it is unavailable. */
function notHeld(
  evaluation: StatusEvaluation,
  status: CosellStatusId,
  kind: 'unmet' | 'dropped',
  policy: 'active' | 'candidate',
): StatusChangeReason[] {
  const chain = chainOf(evaluation, status);
  if (!chain || chain.some((tier) => !tier.applicable)) {
    return [
      {
        kind: 'unavailable',
        requirement: null,
        code:
          policy === 'candidate' ? 'policyPreview.statusUnavailable' : 'policyPreview.statusNew',
        params: { status },
      },
    ];
  }
  return chain.flatMap((tier) =>
    tier.requirements
      .filter((r) => !r.met)
      .map((r) => ({ kind, requirement: r.id, code: r.code, params: r.params })),
  );
}

/**
 * The status an offer holds under the active and the candidate policy, and why it changes: for
 * a loss, what the status it held needs under the candidate; for a gain, what the status it gains
 * needed under the active policy.
 */
export function explainStatusChange(
  facts: StatusFacts,
  active: ProgramPolicy,
  candidate: ProgramPolicy,
): { from: CosellStatusId; to: CosellStatusId; reasons: StatusChangeReason[] } {
  const before = evaluateStatus(facts, active);
  const after = evaluateStatus(facts, candidate);
  const from = before.status;
  const to = after.status;
  if (from === to) return { from, to, reasons: [] };
  const reasons =
    statusRank(to) > statusRank(from)
      ? notHeld(before, to, 'dropped', 'active')
      : notHeld(after, from, 'unmet', 'candidate');
  return { from, to, reasons };
}

/** A problem of the candidate policy, and where it is: the live version, the draft, or both. */
export interface InvalidUnderPolicy extends PolicyProblem {
  versions: ('live' | 'draft')[];
}

/**
 * What in an offer's live version or draft breaks the candidate policy and did not break the
 * active one (same taxonomy): data that could not be republished unchanged after the switch.
 */
export function newlyInvalid(
  data: { live: CosellDraft | null; draft: CosellDraft | null },
  taxonomy: Taxonomy,
  active: ProgramPolicy,
  candidate: ProgramPolicy,
): InvalidUnderPolicy[] {
  const found = new Map<string, InvalidUnderPolicy>();
  for (const version of ['live', 'draft'] as const) {
    const cosell = data[version];
    if (!cosell) continue;
    const after = validateAgainstPolicy(cosell, taxonomy, candidate);
    if (after.length === 0) continue;
    const key = (p: PolicyProblem) => `${p.id} ${p.code} ${JSON.stringify(p.params)}`;
    const before = new Set(problemsOf(validateAgainstPolicy(cosell, taxonomy, active)).map(key));
    for (const problem of problemsOf(after)) {
      const k = key(problem);
      if (before.has(k)) continue;
      const entry = found.get(k);
      if (entry) entry.versions.push(version);
      else found.set(k, { ...problem, versions: [version] });
    }
  }
  return [...found.values()];
}
