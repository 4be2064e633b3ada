/**
 * Which life-cycle actions a deal offers in its state (the server decides again; the page only
 * avoids offering what would be refused). Mirrors the core's action table.
 */
import type { Referral, Visibility } from '@cosell/core';

export type DealActionKind =
  | 'accept'
  | 'decline'
  | 'move-stage'
  | 'win'
  | 'lose'
  | 'close-as-error'
  | 'upgrade-visibility'
  | 'invite';

const FROM: Record<DealActionKind, readonly Referral['substatus'][]> = {
  accept: ['Pending', 'Received'],
  decline: ['Pending', 'Received'],
  'move-stage': ['Accepted'],
  win: ['Accepted'],
  lose: ['Accepted'],
  'close-as-error': ['Pending', 'Received', 'Accepted'],
  'upgrade-visibility': ['Pending', 'Received', 'Accepted'],
  invite: ['Accepted'],
};

export const VISIBILITY_ORDER: readonly Visibility[] = ['private', 'partner-led', 'co-sell'];

export const SALES_STAGE_ORDER = [
  'Created',
  'Accepted',
  'Qualified',
  'Developed',
  'Proposed',
  'Negotiated',
  'Won',
] as const;

export const ASSESSMENT_STAGE_ORDER = [
  'Created',
  'Accepted',
  'Secure customer LOE',
  'Collect data',
  'Prepare assessment report',
  'Present to customer',
  'Won',
] as const;

/** Visibilities above the deal's current one (visibility is never lowered). */
export const higherVisibilities = (current: Visibility): Visibility[] =>
  VISIBILITY_ORDER.slice(VISIBILITY_ORDER.indexOf(current) + 1);

/**
 * The stages a deal may move to: for a solution assessment only the next one (all are
 * mandatory, in order); otherwise any stage but the current one. Won comes with "Win".
 */
export function nextStages(referral: Pick<Referral, 'dealKind' | 'salesStage'>): string[] {
  const order: readonly string[] =
    referral.dealKind === 'solution-assessment' ? ASSESSMENT_STAGE_ORDER : SALES_STAGE_ORDER;
  const selectable = order.filter((stage) => stage !== 'Won');
  if (referral.dealKind !== 'solution-assessment')
    return selectable.filter((stage) => stage !== referral.salesStage);
  const next = order[(referral.salesStage ? order.indexOf(referral.salesStage) : -1) + 1];
  return next && next !== 'Won' ? [next] : [];
}

/** May a solution assessment be won yet (every earlier stage done)? Other deals always. */
export const canWinNow = (referral: Pick<Referral, 'dealKind' | 'salesStage'>) =>
  referral.dealKind !== 'solution-assessment' ||
  referral.salesStage === ASSESSMENT_STAGE_ORDER[ASSESSMENT_STAGE_ORDER.length - 2];

/** The actions the deal's state allows for an organisation of `kind`. */
export function availableActions(
  referral: Pick<Referral, 'substatus' | 'visibility' | 'dealKind' | 'salesStage'>,
  kind: string,
): DealActionKind[] {
  return (Object.keys(FROM) as DealActionKind[]).filter((action) => {
    if (!FROM[action].includes(referral.substatus)) return false;
    if (action === 'upgrade-visibility') return higherVisibilities(referral.visibility).length > 0;
    if (action === 'move-stage') return nextStages(referral).length > 0;
    if (action === 'win') return canWinNow(referral);
    // Partners invite partners (P2P); a vendor's sellers send opportunities instead.
    if (action === 'invite') return kind === 'partner';
    return true;
  });
}

/** True when the deal can still be edited (not Closed). */
export const isOpen = (referral: Pick<Referral, 'substatus'>) =>
  FROM['close-as-error'].includes(referral.substatus);
