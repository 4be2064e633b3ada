import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { SOLUTION_ASSESSMENT_SALES_STAGE_NAMES } from '../reference/referral.data';
import {
  applyAction,
  canCreateOutbound,
  canSendCosellOpportunity,
  decide,
  expirationFor,
  isClosed,
  isExpiryWarningDue,
  newCosellOpportunity,
  newOutboundReferral,
  visibilityRank,
} from './lifecycle';
import { ReferralCreateSchema, ReferralSchema } from './opportunities.schemas';
import type { Referral, ReferralAction, ReferralActor } from './opportunities.types';
import { VISIBILITIES } from './opportunities.types';

const T0 = new Date('2025-03-01T09:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;

export const partner: ReferralActor = {
  userId: 'u-partner',
  organisationId: 'org-partner',
  organisationKind: 'partner',
  roles: ['referrals-admin'],
};
const otherPartner: ReferralActor = { ...partner, userId: 'u-other', organisationId: 'org-other' };
const seller: ReferralActor = {
  userId: 'u-seller',
  organisationId: 'org-vendor',
  organisationKind: 'vendor',
  roles: ['seller'],
};

export const createBody = (overrides: Record<string, unknown> = {}) =>
  ReferralCreateSchema.parse({
    name: 'Contoso data platform',
    type: 'Independent',
    customerProfile: { name: 'Contoso', address: { country: 'US', city: 'Redmond' } },
    consent: { consentToShareReferralWithMicrosoftSellers: true },
    details: {
      notes: 'Customer wants to move its warehouse.',
      dealValue: 50000,
      currency: 'USD',
      closingDateTime: '2025-09-30T00:00:00Z',
      requirements: { solutions: [{ id: 'sol-1', name: 'Fabrikam Lakehouse' }] },
    },
    team: [{ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@partner.example' }],
    ...overrides,
  });

const ctx = {
  id: 'ref-1',
  engagementId: 'eng-1',
  organization: { id: 'org-partner', name: 'Fabrikam' },
  now: T0,
};

export const outbound = (overrides: Record<string, unknown> = {}) =>
  newOutboundReferral(createBody(overrides), ctx);

/** An inbound co-sell opportunity as the partner receives it from a vendor seller. */
export const inbound = (): Referral =>
  newCosellOpportunity(
    createBody(),
    {
      id: 'ref-v',
      engagementId: 'eng-1',
      organization: { id: 'org-vendor', name: 'Vendor' },
      now: T0,
    },
    { referralId: 'ref-p', organizationId: 'org-partner', organizationName: 'Fabrikam' },
  ).partner;

const accept: ReferralAction = {
  kind: 'accept',
  name: 'Contoso data platform',
  dealValue: 60000,
  currency: 'USD',
  closingDateTime: '2025-10-31T00:00:00Z',
  notes: 'We take it.',
};

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as AppError).code;
  }
  return 'none';
};

describe('creating referrals', () => {
  it('starts a partner’s own deal Accepted, outgoing, accepted at creation, never expiring', () => {
    const referral = outbound();
    expect(referral).toMatchObject({
      status: 'Active',
      substatus: 'Accepted',
      direction: 'Outgoing',
      acceptedDateTime: T0.toISOString(),
      expirationDateTime: null,
      eTag: '"v1"',
    });
    expect(ReferralSchema.parse(referral)).toEqual(referral);
  });

  it('delivers a vendor seller’s opportunity to the partner Received, expiring 14 days later', () => {
    const received = inbound();
    expect(received).toMatchObject({
      organizationId: 'org-partner',
      engagementId: 'eng-1',
      status: 'New',
      substatus: 'Received',
      direction: 'Incoming',
      dealKind: 'inbound',
      visibility: 'co-sell',
      expirationDateTime: new Date(T0.getTime() + 14 * DAY).toISOString(),
      inviteContext: { invitedBy: { organizationId: 'org-vendor' } },
    });
    expect(ReferralSchema.parse(received)).toEqual(received);
  });

  it('lets only partner referral roles with a co-sell ready solution create deals', () => {
    const ready = { hasCosellReadySolution: true, locationAssigned: false };
    expect(canCreateOutbound(partner, ready)).toEqual({ allowed: true });
    expect(canCreateOutbound(partner, { ...ready, hasCosellReadySolution: false })).toMatchObject({
      reason: 'notCosellReady',
    });
    const user = { ...partner, roles: ['referrals-user'] as const };
    expect(canCreateOutbound(user, ready)).toMatchObject({ reason: 'locationNotAssigned' });
    expect(canCreateOutbound(user, { ...ready, locationAssigned: true }).allowed).toBe(true);
    expect(canCreateOutbound({ ...partner, roles: ['viewer'] }, ready).allowed).toBe(false);
    expect(canCreateOutbound(seller, ready).allowed).toBe(false);
    expect(canSendCosellOpportunity(seller).allowed).toBe(true);
    expect(canSendCosellOpportunity(partner).allowed).toBe(false);
  });
});

describe('answering an inbound referral', () => {
  it('accepts with name, value, close date and notes, and tells the sender', () => {
    const { referral, events } = applyAction(
      inbound(),
      accept,
      partner,
      new Date(T0.getTime() + DAY),
    );
    expect(referral).toMatchObject({
      status: 'Active',
      substatus: 'Accepted',
      expirationDateTime: null,
      details: { dealValue: 60000, notes: 'We take it.' },
      eTag: '"v2"',
    });
    expect(events).toEqual([
      expect.objectContaining({
        type: 'referral.accepted',
        organisationId: 'org-partner',
        data: expect.objectContaining({ senderOrganizationId: 'org-vendor' }),
      }),
    ]);
  });

  it('declines with a reason and notes into Closed/Declined', () => {
    const { referral, events } = applyAction(
      inbound(),
      { kind: 'decline', reason: 'Other', notes: 'Not our region.' },
      partner,
      T0,
    );
    expect(referral).toMatchObject({ status: 'Closed', substatus: 'Declined' });
    expect(events[0]).toMatchObject({ type: 'referral.declined', data: { reason: 'Other' } });
  });

  it('expires only after 14 days unanswered, only by the system, warning 3 days before', () => {
    const received = inbound();
    const due = expirationFor(T0);
    expect(decide(received, { kind: 'expire' }, null, new Date(due.getTime() - 1))).toMatchObject({
      reason: 'notDueYet',
    });
    expect(decide(received, { kind: 'expire' }, partner, due)).toMatchObject({
      reason: 'systemOnly',
    });
    const { referral, events } = applyAction(received, { kind: 'expire' }, null, due);
    expect(referral.substatus).toBe('Expired');
    expect(events[0]!.type).toBe('referral.expired');
    expect(isExpiryWarningDue(received, new Date(due.getTime() - 3 * DAY))).toBe(true);
    expect(isExpiryWarningDue(received, new Date(due.getTime() - 3 * DAY - 1))).toBe(false);
  });

  it('answers another organisation’s referral as not found', () => {
    expect(codeOf(() => applyAction(inbound(), accept, otherPartner, T0))).toBe('NOT_FOUND');
  });
});

describe('closed referrals', () => {
  it('refuses every later action with REFERRAL_CLOSED', () => {
    const won = applyAction(outbound(), { kind: 'win' }, partner, T0).referral;
    expect(won).toMatchObject({ status: 'Closed', substatus: 'Won' });
    for (const action of [
      accept,
      { kind: 'lose', reason: 'x' } as const,
      { kind: 'upgrade-visibility', to: 'co-sell' } as const,
      { kind: 'move-stage', stage: 'Qualified' } as const,
      { kind: 'update', next: won } as const,
    ]) {
      expect(codeOf(() => applyAction(won, action, partner, T0))).toBe('REFERRAL_CLOSED');
    }
  });

  it('closes as Error from any open state', () => {
    const { referral } = applyAction(
      inbound(),
      { kind: 'close-as-error', reason: 'Duplicate' },
      partner,
      T0,
    );
    expect(referral).toMatchObject({
      status: 'Closed',
      substatus: 'Error',
      statusReason: 'Duplicate',
    });
  });
});

describe('sales stages', () => {
  it('moves a solution assessment through every stage in order before Won', () => {
    let referral = outbound({ dealKind: 'solution-assessment' });
    expect(referral.salesStage).toBe('Created');
    expect(codeOf(() => applyAction(referral, { kind: 'win' }, partner, T0))).toBe('VALIDATION');
    expect(
      codeOf(() =>
        applyAction(referral, { kind: 'move-stage', stage: 'Collect data' }, partner, T0),
      ),
    ).toBe('VALIDATION');
    for (const stage of SOLUTION_ASSESSMENT_SALES_STAGE_NAMES.slice(1, -1)) {
      referral = applyAction(referral, { kind: 'move-stage', stage }, partner, T0).referral;
    }
    expect(applyAction(referral, { kind: 'win' }, partner, T0).referral.salesStage).toBe('Won');
  });

  it('lets other deals pick any stage except Won', () => {
    const referral = outbound();
    expect(
      applyAction(referral, { kind: 'move-stage', stage: 'Proposed' }, partner, T0).referral
        .salesStage,
    ).toBe('Proposed');
    expect(decide(referral, { kind: 'move-stage', stage: 'Won' }, partner, T0)).toMatchObject({
      reason: 'wonNeedsWin',
    });
    expect(
      decide(referral, { kind: 'move-stage', stage: 'Collect data' }, partner, T0),
    ).toMatchObject({
      reason: 'stageNotForDeal',
    });
  });
});

describe('edits and invitations', () => {
  it('keeps the customer and location read-only and never lowers visibility', () => {
    const referral = outbound({ visibility: 'partner-led', locationId: 'loc-1' });
    const renamed = structuredClone(referral);
    renamed.customerProfile.name = 'Other customer';
    expect(decide(referral, { kind: 'update', next: renamed }, partner, T0)).toMatchObject({
      reason: 'readOnly',
      field: 'customerProfile',
    });
    expect(
      decide(referral, { kind: 'update', next: { ...referral, locationId: 'loc-2' } }, partner, T0),
    ).toMatchObject({ reason: 'readOnly', field: 'locationId' });
    expect(
      decide(
        referral,
        { kind: 'update', next: { ...referral, visibility: 'private' } },
        partner,
        T0,
      ),
    ).toMatchObject({ reason: 'visibilityNotHigher' });
    const edited = applyAction(
      referral,
      { kind: 'update', next: { ...referral, name: 'Renamed' } },
      partner,
      T0,
    );
    expect(edited.events[0]).toMatchObject({
      type: 'referral.updated',
      data: { fields: ['name'] },
    });
  });

  it('gives a P2P invitee its own Received referral with its own terms', () => {
    const { referral, invitee, events } = applyAction(
      outbound(),
      {
        kind: 'invite',
        inviteeReferralId: 'ref-2',
        invitee: {
          organizationId: 'org-other',
          organizationName: 'Northwind',
          closingDateTime: '2025-12-01T00:00:00Z',
          dealValue: 10000,
          currency: 'EUR',
          team: [{ firstName: 'Bo', lastName: 'Ek', email: 'bo@northwind.example' }],
          solutions: [{ id: 'nw-1', name: 'Northwind Deploy' }],
        },
      },
      partner,
      T0,
    );
    expect(referral.substatus).toBe('Accepted');
    expect(invitee).toMatchObject({
      engagementId: 'eng-1',
      organizationId: 'org-other',
      substatus: 'Received',
      dealKind: 'p2p',
      details: { dealValue: 10000, currency: 'EUR' },
      inviteContext: { invitedBy: { organizationId: 'org-partner' } },
    });
    expect(ReferralSchema.parse(invitee)).toEqual(invitee);
    expect(events.map((e) => e.type)).toEqual(['referral.invited', 'referral.created']);
    // The inviter cannot change the invitee's values: the invitee's referral is not theirs.
    expect(decide(invitee!, { kind: 'update', next: invitee! }, partner, T0)).toMatchObject({
      reason: 'notParticipant',
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over random action sequences
// ---------------------------------------------------------------------------------------------

const actionArb: fc.Arbitrary<ReferralAction> = fc.oneof(
  fc.constant(accept),
  fc.constant<ReferralAction>({ kind: 'decline', reason: 'Other', notes: 'n' }),
  fc.constant<ReferralAction>({ kind: 'expire' }),
  fc
    .constantFrom(...SOLUTION_ASSESSMENT_SALES_STAGE_NAMES, 'Qualified', 'Proposed')
    .map((stage): ReferralAction => ({ kind: 'move-stage', stage })),
  fc.constant<ReferralAction>({ kind: 'win' }),
  fc.constant<ReferralAction>({ kind: 'lose', reason: 'Budget' }),
  fc.constant<ReferralAction>({ kind: 'close-as-error', reason: 'Wrong customer' }),
  fc
    .constantFrom(...VISIBILITIES)
    .map((to): ReferralAction => ({ kind: 'upgrade-visibility', to })),
);

const startArb = fc.constantFrom<() => Referral>(
  () => outbound(),
  () => outbound({ dealKind: 'solution-assessment' }),
  () => inbound(),
);

const stepsArb = fc.array(
  fc.record({
    action: actionArb,
    afterDays: fc.integer({ min: 0, max: 20 }),
    bySystem: fc.boolean(),
  }),
  { maxLength: 25 },
);

/** Runs the steps, keeping each outcome (refused steps leave the referral unchanged). */
type Step = { action: ReferralAction; afterDays: number; bySystem: boolean };
function run(start: Referral, steps: Step[]) {
  let referral = start;
  let now = T0;
  const trace: { before: Referral; after: Referral; action: ReferralAction; now: Date }[] = [];
  for (const step of steps) {
    now = new Date(now.getTime() + step.afterDays * DAY);
    try {
      const after = applyAction(
        referral,
        step.action,
        step.bySystem ? null : partner,
        now,
      ).referral;
      trace.push({ before: referral, after, action: step.action, now });
      referral = after;
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      if (isClosed(referral)) expect((error as AppError).code).toBe('REFERRAL_CLOSED');
    }
  }
  return trace;
}

describe('life cycle properties', () => {
  it('never leaves a closed state, never lowers visibility, never skips a solution-assessment stage', () => {
    fc.assert(
      fc.property(startArb, stepsArb, (start, steps) => {
        for (const { before, after } of run(start(), steps)) {
          expect(isClosed(before)).toBe(false);
          expect(visibilityRank(after.visibility)).toBeGreaterThanOrEqual(
            visibilityRank(before.visibility),
          );
          if (before.dealKind === 'solution-assessment' && after.salesStage !== before.salesStage) {
            const stages: readonly string[] = SOLUTION_ASSESSMENT_SALES_STAGE_NAMES;
            expect(stages.indexOf(after.salesStage!)).toBe(stages.indexOf(before.salesStage!) + 1);
          }
          expect(ReferralSchema.safeParse(after).success).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('expires only Received referrals left unanswered for 14 days', () => {
    fc.assert(
      fc.property(startArb, stepsArb, (start, steps) => {
        for (const { before, after, now } of run(start(), steps)) {
          if (after.substatus !== 'Expired') continue;
          expect(before.substatus).toBe('Received');
          expect(now.getTime() - Date.parse(before.createdDateTime)).toBeGreaterThanOrEqual(
            14 * DAY,
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
