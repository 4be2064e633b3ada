/**
 * The new-deal form as data: the draft, the checks of each step (field → message key), and the
 * POST body built from it. A partner creates its own deal (`deal`); a vendor's seller sends a
 * co-sell opportunity to the partner whose solution they chose (`send`).
 */
import type { ReferralCreate, ReferralMember, Visibility } from '@cosell/core';
import type { OptionSolution } from './api';
import { isoOfDateInput } from './format';
import { filledMembers } from './form-parts';
import type { HelpKind, MarketplaceIntent } from './labels';

export type NewDealMode = 'deal' | 'send';

/**
 * The target type naming the partner organisation a seller's opportunity goes to (cosell's
 * `Organization`, beside the program's `BusinessProfileLocation` and `SolutionProfile`).
 */
export const PARTNER_TARGET_TYPE =
  'Organization' as string as ReferralCreate['target'][number]['type'];

export interface NewDealDraft {
  customerName: string;
  country: string;
  addressLine1: string;
  city: string;
  postalCode: string;
  size: string;
  contacts: ReferralMember[];
  consent: boolean;
  name: string;
  dealValue: string;
  currency: string;
  closeDate: string;
  crmId: string;
  notes: string;
  intent: MarketplaceIntent | '';
  team: ReferralMember[];
  solutions: string[];
  visibility: Visibility | '';
  helpKind: HelpKind | '';
}

export const emptyDraft = (team: ReferralMember[]): NewDealDraft => ({
  customerName: '',
  country: '',
  addressLine1: '',
  city: '',
  postalCode: '',
  size: '',
  contacts: [],
  consent: false,
  name: '',
  dealValue: '',
  currency: 'USD',
  closeDate: '',
  crmId: '',
  notes: '',
  intent: '',
  team,
  solutions: [],
  visibility: '',
  helpKind: '',
});

export type StepId = 'solution' | 'customer' | 'details' | 'team' | 'solutions' | 'help' | 'review';

/** The steps in order: a seller picks the partner's solution first; a partner ends with help. */
export const stepsFor = (mode: NewDealMode): StepId[] =>
  mode === 'send'
    ? ['solution', 'customer', 'details', 'team', 'review']
    : ['customer', 'details', 'team', 'solutions', 'help', 'review'];

/** Why a field is not right yet (the page words each one). */
export type DraftError =
  | 'required'
  | 'country'
  | 'email'
  | 'consent'
  | 'value'
  | 'currency'
  | 'date'
  | 'team'
  | 'solutions'
  | 'choose';

/** Problems of one step, as field → reason. */
export function stepErrors(draft: NewDealDraft, step: StepId): Record<string, DraftError> {
  const errors: Record<string, DraftError> = {};
  switch (step) {
    case 'solution':
    case 'solutions':
      if (draft.solutions.length === 0) errors.solutions = 'solutions';
      break;
    case 'customer': {
      if (!draft.customerName.trim()) errors.customerName = 'required';
      if (!/^[A-Z]{2}$/.test(draft.country)) errors.country = 'country';
      const contacts = filledMembers(draft.contacts);
      contacts.forEach((member, index) => {
        if (!member.firstName) errors[`contacts.${index}.firstName`] = 'required';
        if (!member.lastName) errors[`contacts.${index}.lastName`] = 'required';
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(member.email))
          errors[`contacts.${index}.email`] = 'email';
      });
      if (contacts.length > 0 && !draft.consent) errors.consent = 'consent';
      break;
    }
    case 'details': {
      if (!draft.name.trim()) errors.name = 'required';
      const value = Number(draft.dealValue);
      if (!draft.dealValue.trim() || !Number.isFinite(value) || value < 0)
        errors.dealValue = 'value';
      if (!/^[A-Z]{3}$/.test(draft.currency)) errors.currency = 'currency';
      if (!isoOfDateInput(draft.closeDate)) errors.closeDate = 'date';
      if (!draft.notes.trim()) errors.notes = 'required';
      break;
    }
    case 'team': {
      const team = filledMembers(draft.team);
      if (team.length === 0) errors.team = 'team';
      team.forEach((member, index) => {
        if (!member.firstName) errors[`team.${index}.firstName`] = 'required';
        if (!member.lastName) errors[`team.${index}.lastName`] = 'required';
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(member.email))
          errors[`team.${index}.email`] = 'email';
      });
      break;
    }
    case 'help':
      if (!draft.visibility) errors.visibility = 'choose';
      if (draft.visibility === 'co-sell' && !draft.helpKind) errors.helpKind = 'choose';
      break;
    case 'review':
      break;
  }
  return errors;
}

/** The first step with a problem (to go back to), or null when every step is complete. */
export function firstIncompleteStep(draft: NewDealDraft, mode: NewDealMode): StepId | null {
  return stepsFor(mode).find((step) => Object.keys(stepErrors(draft, step)).length > 0) ?? null;
}

/** The line that records the customer's marketplace purchase intent in the notes. */
export const intentLine = (intent: MarketplaceIntent) => `Marketplace purchase intent: ${intent}`;

/** The POST body of a complete draft. */
export function toCreateBody(
  draft: NewDealDraft,
  mode: NewDealMode,
  solutions: readonly OptionSolution[],
): ReferralCreate {
  const chosen = solutions.filter((s) => draft.solutions.includes(s.id));
  const contacts = filledMembers(draft.contacts);
  const visibility: Visibility = mode === 'send' ? 'co-sell' : draft.visibility || 'private';
  const notes = draft.intent
    ? `${draft.notes.trim()}\n\n${intentLine(draft.intent)}`
    : draft.notes.trim();
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  const address = {
    country: draft.country,
    ...(optional(draft.addressLine1) ? { addressLine1: draft.addressLine1.trim() } : {}),
    ...(optional(draft.city) ? { city: draft.city.trim() } : {}),
    ...(optional(draft.postalCode) ? { postalCode: draft.postalCode.trim() } : {}),
  };
  // A seller's opportunity goes to the partner that publishes the chosen solution.
  const partnerId = mode === 'send' ? chosen[0]?.organizationId : undefined;
  return {
    name: draft.name.trim(),
    ...(optional(draft.crmId) ? { externalReferenceId: draft.crmId.trim() } : {}),
    type: visibility === 'co-sell' ? 'Shared' : 'Independent',
    qualification: 'None',
    customerProfile: {
      name: draft.customerName.trim(),
      address,
      ...(draft.size ? { size: draft.size } : {}),
      team: contacts,
    },
    consent: {
      consentToShareReferralWithMicrosoftSellers: visibility !== 'private',
      ...(contacts.length > 0 ? { consentToContact: draft.consent } : {}),
    },
    details: {
      notes,
      dealValue: Number(draft.dealValue),
      currency: draft.currency,
      closingDateTime: isoOfDateInput(draft.closeDate) ?? '',
      requirements: {
        solutions: chosen.map((s) => ({ id: s.id, name: s.name })),
      },
    },
    team: filledMembers(draft.team),
    target: partnerId ? [{ type: PARTNER_TARGET_TYPE, id: partnerId }] : [],
    visibility,
    ...(visibility === 'co-sell' && draft.helpKind ? { helpKind: draft.helpKind } : {}),
    dealKind: 'outbound',
  };
}
