/**
 * The rules of the co-sell tab: what a draft may hold (checked on every save, all problems at
 * once) and how complete each section is (computed, never stored). Pure functions over the
 * offer, its draft, documents and contacts, the program taxonomy and the active policy.
 */
import { partnerSalesCoverage } from '../contacts/coverage';
import type { FieldIssue } from '../errors';
import type { Taxonomy } from '../program/taxonomy';
import type { ProgramPolicy } from '../program/policies';
import type { ContactInput } from '../contacts/contact';
import type { DocumentKindId } from '../reference/documents';
import { isCosellEligibleOfferType, type CosellDraft, type OfferFields } from './offer';

/** Checks a draft against the taxonomy and the policy's limits; empty when it may be saved. */
export function validateCosellDraft(
  draft: CosellDraft,
  taxonomy: Taxonomy,
  policy: ProgramPolicy,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { listing } = draft;
  const checkIds = (values: string[], known: Set<string>, field: string, code: string) => {
    const seen = new Set<string>();
    values.forEach((value, index) => {
      if (!known.has(value)) {
        issues.push({ path: ['listing', field, index], code, params: { value } });
      } else if (seen.has(value)) {
        issues.push({
          path: ['listing', field, index],
          code: 'listing.duplicate',
          params: { value },
        });
      }
      seen.add(value);
    });
  };
  checkIds(
    listing.platforms,
    new Set(taxonomy.platforms.map((p) => p.id)),
    'platforms',
    'listing.unknownPlatform',
  );
  checkIds(
    listing.segments,
    new Set(taxonomy.segments.map((s) => s.id)),
    'segments',
    'listing.unknownSegment',
  );

  const { maxSolutionAreas, maxSubAreasPerArea } = policy.listing;
  if (listing.solutionAreas.length > maxSolutionAreas) {
    issues.push({
      path: ['listing', 'solutionAreas'],
      code: 'listing.tooManyAreas',
      params: { maximum: maxSolutionAreas },
    });
  }
  const areas = new Map(taxonomy.solutionAreas.map((area) => [area.id, area]));
  const seenAreas = new Set<string>();
  listing.solutionAreas.forEach((chosen, a) => {
    const area = areas.get(chosen.areaId);
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
    const subs = new Set(area.subAreas.map((sub) => sub.id));
    const seenSubs = new Set<string>();
    chosen.subAreaIds.forEach((subId, s) => {
      if (!subs.has(subId)) {
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

export type SectionState = 'not-started' | 'incomplete' | 'complete';
export type CosellSection = 'offer' | 'listing' | 'documents' | 'landingPage' | 'contacts';

/** One requirement for co-sell ready, met or not, pointing at the field that fixes it. */
export interface ChecklistItem {
  id: string;
  section: CosellSection;
  /** The form field (element id in the web app) that fixes it. */
  field: string;
  met: boolean;
  /** Message catalogue key explaining the requirement (or what is missing). */
  code: string;
  params: Record<string, string | number>;
}

export interface CosellTabEvaluation {
  sections: Record<Exclude<CosellSection, 'offer'>, SectionState>;
  checklist: ChecklistItem[];
  /** Every checklist item is met: the offer may be submitted for co-sell ready. */
  readyToSubmit: boolean;
}

export interface CosellTabFacts {
  offer: Pick<OfferFields, 'offerType' | 'markets' | 'lifecycleState'>;
  draft: CosellDraft;
  documents: readonly { kind: DocumentKindId }[];
  contacts: readonly Pick<ContactInput, 'role' | 'countries'>[];
  policy: ProgramPolicy;
}

/** The checklist message of each document kind a policy may require. */
const DOCUMENT_CHECKLIST_CODES: Record<DocumentKindId, string> = {
  'one-pager': 'checklist.onePager',
  'pitch-deck': 'checklist.pitchDeck',
  'customer-case-study': 'checklist.customerCaseStudy',
  'verifiable-customer-wins': 'checklist.verifiableCustomerWins',
  'channel-pitch-deck': 'checklist.channelPitchDeck',
  'reference-architecture-diagram': 'checklist.referenceArchitectureDiagram',
  other: 'checklist.otherDocuments',
};

/** Section states and the co-sell-ready checklist, as the active policy sees the tab. */
export function evaluateCosellTab(facts: CosellTabFacts): CosellTabEvaluation {
  const { offer, draft, documents, contacts, policy } = facts;
  const { listing } = draft;
  const checklist: ChecklistItem[] = [];
  const item = (
    id: string,
    section: CosellSection,
    field: string,
    met: boolean,
    code: string,
    params: Record<string, string | number> = {},
  ) => checklist.push({ id, section, field, met, code, params });

  item(
    'offer/eligible',
    'offer',
    'offer-type',
    isCosellEligibleOfferType(offer.offerType),
    'checklist.offerTypeEligible',
  );
  if (!policy.cosellOnDraftOffers) {
    item(
      'offer/live',
      'offer',
      'offer-lifecycle',
      offer.lifecycleState === 'live',
      'checklist.offerLive',
    );
  }
  item('offer/markets', 'offer', 'offer-markets', offer.markets.length > 0, 'checklist.markets');

  const listingChecks = {
    platforms: listing.platforms.length > 0,
    segments: !policy.listing.segmentsField || listing.segments.length > 0,
    solutionType: listing.solutionType !== null,
    solutionAreas:
      listing.solutionAreas.length > 0 &&
      listing.solutionAreas.every((area) => area.subAreaIds.length > 0),
  };
  if (policy.listing.requiredForCosellReady) {
    item(
      'listing/platforms',
      'listing',
      'listing-platforms',
      listingChecks.platforms,
      'checklist.platforms',
    );
    if (policy.listing.segmentsField) {
      item(
        'listing/segments',
        'listing',
        'listing-segments',
        listingChecks.segments,
        'checklist.segments',
      );
    }
    item(
      'listing/solutionType',
      'listing',
      'listing-solution-type',
      listingChecks.solutionType,
      'checklist.solutionType',
    );
    item(
      'listing/solutionAreas',
      'listing',
      'listing-solution-areas',
      listingChecks.solutionAreas,
      'checklist.solutionAreas',
      { maximum: policy.listing.maxSolutionAreas, subMaximum: policy.listing.maxSubAreasPerArea },
    );
  }

  const kinds = new Set(documents.map((d) => d.kind));
  const requiredKinds = policy.documents.cosellReady
    .filter(
      (req) => !req.offerTypes || (req.offerTypes as readonly string[]).includes(offer.offerType),
    )
    .map((req) => req.kind);
  for (const kind of requiredKinds) {
    item(
      `documents/${kind}`,
      'documents',
      `document-${kind}`,
      kinds.has(kind),
      DOCUMENT_CHECKLIST_CODES[kind],
    );
  }

  const coverage = partnerSalesCoverage(offer.markets, contacts);
  if (policy.contacts.partnerSalesPerMarket) {
    item(
      'contacts/partnerSales',
      'contacts',
      'contacts',
      offer.markets.length > 0 && coverage.missing.length === 0,
      offer.markets.length === 0
        ? 'checklist.partnerSalesNoMarkets'
        : coverage.missing.length === 0
          ? 'checklist.partnerSalesMet'
          : 'checklist.partnerSales',
      { missing: coverage.missing.join(', '), count: coverage.missing.length },
    );
  }

  const listingTouched =
    listing.platforms.length > 0 ||
    listing.segments.length > 0 ||
    listing.solutionType !== null ||
    listing.solutionAreas.length > 0;
  const listingComplete = Object.values(listingChecks).every(Boolean);
  const documentsComplete = requiredKinds.every((kind) => kinds.has(kind));
  const contactsComplete = offer.markets.length > 0 && coverage.missing.length === 0;

  const sections: CosellTabEvaluation['sections'] = {
    listing: !listingTouched ? 'not-started' : listingComplete ? 'complete' : 'incomplete',
    documents:
      documents.length === 0 ? 'not-started' : documentsComplete ? 'complete' : 'incomplete',
    landingPage: draft.landingPageUrl ? 'complete' : 'not-started',
    contacts: contacts.length === 0 ? 'not-started' : contactsComplete ? 'complete' : 'incomplete',
  };
  return { sections, checklist, readyToSubmit: checklist.every((entry) => entry.met) };
}
