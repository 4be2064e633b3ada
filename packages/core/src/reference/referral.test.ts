import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEAL_REGISTRATION_STATES,
  DEAL_REGISTRATION_TRANSITIONS,
  REFERRAL_LIFECYCLE_STATUSES,
  REFERRAL_STATUS_TRANSITIONS,
  REFERRAL_SUBSTATUSES,
  REFERRAL_SUBSTATUS_STATUS,
  REFERRAL_TIMERS,
  REFERRAL_TIMER_IDS,
  ReferralStatusSchema,
  SALES_STAGES,
  SALES_STAGE_NAMES,
  SOLUTION_ASSESSMENT_SALES_STAGES,
  SOLUTION_ASSESSMENT_SALES_STAGE_NAMES,
  TERMINAL_REFERRAL_SUBSTATUSES,
  isReferralStatusTransitionAllowed,
  isReferralSubstatusAllowed,
} from './referral';

describe('referral status transitions', () => {
  it('never allows leaving Closed', () => {
    expect(REFERRAL_STATUS_TRANSITIONS.Closed.allowedStatuses).toEqual(['Closed']);
    fc.assert(
      fc.property(fc.constantFrom(...REFERRAL_LIFECYCLE_STATUSES), (to) => {
        expect(isReferralStatusTransitionAllowed('Closed', to)).toBe(to === 'Closed');
      }),
    );
  });

  it('allows New → Active → Closed but never going back', () => {
    expect(isReferralStatusTransitionAllowed('New', 'Active')).toBe(true);
    expect(isReferralStatusTransitionAllowed('New', 'Closed')).toBe(true);
    expect(isReferralStatusTransitionAllowed('Active', 'Closed')).toBe(true);
    expect(isReferralStatusTransitionAllowed('Active', 'New')).toBe(false);
  });

  it('allows in each status only its own substatuses', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REFERRAL_LIFECYCLE_STATUSES),
        fc.constantFrom(...REFERRAL_SUBSTATUSES),
        (status, substatus) => {
          if (isReferralSubstatusAllowed(status, substatus)) {
            expect(REFERRAL_SUBSTATUS_STATUS[substatus]).toBe(status);
          }
        },
      ),
    );
    for (const substatus of TERMINAL_REFERRAL_SUBSTATUSES) {
      expect(isReferralSubstatusAllowed('Closed', substatus)).toBe(true);
    }
    expect(isReferralSubstatusAllowed('Closed', 'Error')).toBe(true);
  });

  it('keeps None in the status enum', () => {
    expect(ReferralStatusSchema.parse('None')).toBe('None');
  });
});

describe('sales stages', () => {
  it('lists names in the order of the stage tables', () => {
    expect(SALES_STAGES.map((s) => s.stage)).toEqual([...SALES_STAGE_NAMES]);
    expect(SOLUTION_ASSESSMENT_SALES_STAGES.map((s) => s.stage)).toEqual([
      ...SOLUTION_ASSESSMENT_SALES_STAGE_NAMES,
    ]);
  });

  it('never lowers the percentage from one stage to the next and ends Won at 100', () => {
    for (const stages of [SALES_STAGES, SOLUTION_ASSESSMENT_SALES_STAGES]) {
      const percents = stages.map((s) => s.percent);
      expect(percents).toEqual([...percents].sort((a, b) => a - b));
      expect(stages.at(-1)).toEqual({ stage: 'Won', percent: 100 });
    }
  });
});

describe('referral timers', () => {
  it('expires unanswered inbound referrals after 14 days', () => {
    expect(REFERRAL_TIMERS['inbound-response']).toMatchObject({ amount: 14, unit: 'days' });
    for (const id of REFERRAL_TIMER_IDS) expect(REFERRAL_TIMERS[id].id).toBe(id);
  });
});

describe('deal registration transitions', () => {
  it('only moves to known states and ends in Closed', () => {
    for (const state of DEAL_REGISTRATION_STATES) {
      for (const next of DEAL_REGISTRATION_TRANSITIONS[state]) {
        expect(DEAL_REGISTRATION_STATES).toContain(next);
      }
    }
    expect(DEAL_REGISTRATION_TRANSITIONS.Closed).toEqual([]);
  });
});
