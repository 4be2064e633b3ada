/**
 * The co-sell tab as the rules engine sees it: what a draft may hold (checked on every save, all
 * problems at once) and how complete each section is, with the checklist of what co-sell ready
 * still needs (computed, never stored). Both are views of the program's one evaluation
 * (`program/evaluation.ts`): the tab checks nothing of its own.
 */
import type { FieldIssue } from '../errors';
import {
  checklistOf,
  offerStatusFacts,
  sectionStates,
  validateAgainstPolicy,
  type SectionState,
  type TabSection,
} from '../program/evaluation';
import type { ProgramPolicy } from '../program/policies';
import { evaluateStatus, type RequirementPart } from '../program/status-engine';
import type { Taxonomy } from '../program/taxonomy';
import type { ContactInput } from '../contacts/contact';
import type { DocumentKindId } from '../reference/documents';
import type { CosellDraft, OfferFields } from './offer';

/**
 * Checks a draft against the taxonomy and the policy's limits; empty when it may be saved (and
 * published). An incomplete draft is valid: what is missing shows in the checklist.
 */
export function validateCosellDraft(
  draft: CosellDraft,
  taxonomy: Taxonomy,
  policy: ProgramPolicy,
): FieldIssue[] {
  return validateAgainstPolicy(draft, taxonomy, policy);
}

/** One line of the checklist: a part of a co-sell-ready requirement, pointing at its field. */
export type ChecklistItem = RequirementPart;

export interface CosellTabEvaluation {
  sections: Record<TabSection, SectionState>;
  checklist: ChecklistItem[];
  /** Every checklist item is met: publishing the tab can make the offer co-sell ready. */
  readyToSubmit: boolean;
}

export interface CosellTabFacts {
  offer: Pick<
    OfferFields,
    'offerType' | 'markets' | 'lifecycleState' | 'transactable' | 'pricedAboveZero'
  > & { createdAt?: Date };
  draft: CosellDraft;
  documents: readonly { kind: DocumentKindId }[];
  contacts: readonly Pick<ContactInput, 'role' | 'countries'>[];
  policy: ProgramPolicy;
  taxonomy: Taxonomy;
}

/** Section states and the co-sell-ready checklist, as the active policy sees the tab. */
export function evaluateCosellTab(facts: CosellTabFacts): CosellTabEvaluation {
  const { offer, draft, documents, contacts, policy, taxonomy } = facts;
  const offerFacts = offerStatusFacts(
    { fields: offer, cosell: draft, documents, contacts },
    { live: offer.lifecycleState === 'live', createdAt: offer.createdAt ?? new Date(0) },
  );
  // The profile and the review are the status page's: the tab's checklist has no part of them.
  const checklist = checklistOf(
    evaluateStatus({ offer: offerFacts, profile: null, review: null }, policy),
  );
  const { listing } = draft;
  const sections = sectionStates(
    offerFacts,
    policy,
    validateAgainstPolicy(draft, taxonomy, policy),
    {
      listing:
        listing.platforms.length > 0 ||
        listing.segments.length > 0 ||
        listing.solutionType !== null ||
        listing.solutionAreas.length > 0,
      documents: documents.length > 0,
      landingPage: Boolean(draft.landingPageUrl),
      contacts: contacts.length > 0,
    },
  );
  return { sections, checklist, readyToSubmit: checklist.every((item) => item.met) };
}
