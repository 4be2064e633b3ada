import { ReferralCreateSchema } from '@cosell/core';
import { describe, expect, it } from 'vitest';
import {
  emptyDraft,
  firstIncompleteStep,
  stepErrors,
  toCreateBody,
  type NewDealDraft,
} from './new-deal-draft';

const me = { firstName: 'Pat', lastName: 'Partner', email: 'pat@contoso.example', phoneNumber: '' };
const solutions = [
  {
    id: 'o1',
    name: 'Contoso Insights',
    organizationId: 'org-contoso',
    organizationName: 'Contoso',
  },
  {
    id: 'o2',
    name: 'Fabrikam Shield',
    organizationId: 'org-fabrikam',
    organizationName: 'Fabrikam',
  },
];

const complete = (change: Partial<NewDealDraft> = {}): NewDealDraft => ({
  ...emptyDraft([me]),
  customerName: 'Adventure Works',
  country: 'PL',
  name: 'Adventure Works analytics',
  dealValue: '250000',
  currency: 'EUR',
  closeDate: '2026-06-30',
  notes: 'Needs a data platform.',
  solutions: ['o1'],
  visibility: 'co-sell',
  helpKind: 'architecture',
  ...change,
});

describe('new deal steps', () => {
  it('name the fields each step still needs', () => {
    const draft = emptyDraft([me]);
    expect(stepErrors(draft, 'customer')).toEqual({ customerName: 'required', country: 'country' });
    expect(stepErrors(draft, 'details')).toEqual({
      name: 'required',
      dealValue: 'value',
      closeDate: 'date',
      notes: 'required',
    });
    expect(stepErrors(draft, 'solutions')).toEqual({ solutions: 'solutions' });
    expect(stepErrors({ ...draft, visibility: 'co-sell' }, 'help')).toEqual({ helpKind: 'choose' });
    expect(stepErrors({ ...draft, team: [] }, 'team')).toEqual({ team: 'team' });
  });

  it('ask for the customer consent once contacts are given', () => {
    const draft = complete({
      contacts: [
        { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@aw.example', phoneNumber: '' },
      ],
    });
    expect(stepErrors(draft, 'customer')).toEqual({ consent: 'consent' });
    expect(stepErrors({ ...draft, consent: true }, 'customer')).toEqual({});
  });

  it('send back to the first incomplete step', () => {
    expect(firstIncompleteStep(complete(), 'deal')).toBeNull();
    expect(firstIncompleteStep(complete({ notes: '' }), 'deal')).toBe('details');
  });
});

describe('the POST body', () => {
  it('is a valid create body for a co-sell deal asking for help', () => {
    const body = toCreateBody(complete({ intent: 'Yes' }), 'deal', solutions);
    expect(ReferralCreateSchema.safeParse(body).success).toBe(true);
    expect(body).toMatchObject({
      type: 'Shared',
      visibility: 'co-sell',
      helpKind: 'architecture',
      consent: { consentToShareReferralWithMicrosoftSellers: true },
      target: [],
      details: {
        dealValue: 250000,
        currency: 'EUR',
        closingDateTime: '2026-06-30T00:00:00.000Z',
        requirements: { solutions: [{ id: 'o1', name: 'Contoso Insights' }] },
      },
    });
    expect(body.details.notes).toContain('Marketplace purchase intent: Yes');
  });

  it('keeps a private deal from the vendor and asks no help', () => {
    const body = toCreateBody(
      complete({ visibility: 'private', helpKind: 'architecture' }),
      'deal',
      solutions,
    );
    expect(body.type).toBe('Independent');
    expect(body.helpKind).toBeUndefined();
    expect(body.consent.consentToShareReferralWithMicrosoftSellers).toBe(false);
  });

  it('targets the publisher of the chosen solution when a seller sends an opportunity', () => {
    const body = toCreateBody(complete({ solutions: ['o2'], visibility: '' }), 'send', solutions);
    expect(body.target).toEqual([{ type: 'Organization', id: 'org-fabrikam' }]);
    expect(body.visibility).toBe('co-sell');
  });
});
