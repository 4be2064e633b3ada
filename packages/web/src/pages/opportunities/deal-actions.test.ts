import { describe, expect, it } from 'vitest';
import { availableActions, higherVisibilities, nextStages } from './deal-actions';

const deal = {
  substatus: 'Accepted' as const,
  visibility: 'private' as const,
  dealKind: 'outbound' as const,
  salesStage: undefined,
};

describe('deal actions', () => {
  it('offers accept and decline only while the referral waits for an answer', () => {
    expect(availableActions({ ...deal, substatus: 'Received' }, 'partner')).toEqual([
      'accept',
      'decline',
      'close-as-error',
      'upgrade-visibility',
    ]);
  });

  it('offers working actions on an accepted deal; only partners invite partners', () => {
    expect(availableActions(deal, 'partner')).toEqual([
      'move-stage',
      'win',
      'lose',
      'close-as-error',
      'upgrade-visibility',
      'invite',
    ]);
    expect(availableActions(deal, 'vendor')).not.toContain('invite');
  });

  it('offers nothing on a closed deal', () => {
    for (const substatus of ['Won', 'Lost', 'Declined', 'Expired', 'Error'] as const)
      expect(availableActions({ ...deal, substatus }, 'partner')).toEqual([]);
  });

  it('never lowers visibility', () => {
    expect(higherVisibilities('private')).toEqual(['partner-led', 'co-sell']);
    expect(higherVisibilities('co-sell')).toEqual([]);
    expect(availableActions({ ...deal, visibility: 'co-sell' }, 'partner')).not.toContain(
      'upgrade-visibility',
    );
  });

  it('moves a solution assessment one stage at a time and wins it only after the last', () => {
    const sa = { ...deal, dealKind: 'solution-assessment' as const };
    expect(nextStages({ ...sa, salesStage: 'Accepted' })).toEqual(['Secure customer LOE']);
    expect(availableActions({ ...sa, salesStage: 'Collect data' }, 'partner')).not.toContain('win');
    expect(availableActions({ ...sa, salesStage: 'Present to customer' }, 'partner')).toEqual(
      expect.arrayContaining(['win']),
    );
    expect(nextStages({ ...sa, salesStage: 'Present to customer' })).toEqual([]);
  });

  it('lets other deals jump to any stage but Won (that is "Mark as won")', () => {
    expect(nextStages({ ...deal, salesStage: 'Qualified' })).toEqual([
      'Created',
      'Accepted',
      'Developed',
      'Proposed',
      'Negotiated',
    ]);
  });
});
