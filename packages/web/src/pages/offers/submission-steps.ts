/**
 * The progress of a submission as Partner Center draws it: Automated validation → Co-sell
 * review → Preview → Go live → Live, each done, current, failed, waiting or skipped (an update
 * of a live offer has no preview and no Go live).
 */
import type { Submission } from './publish-types';

export const STEP_IDS = ['validation', 'review', 'preview', 'goLive', 'live'] as const;
export type StepId = (typeof STEP_IDS)[number];
/** `action`: the step waits for the publisher (Go live); `current`: the pipeline or a reviewer works. */
export type StepState = 'done' | 'current' | 'action' | 'failed' | 'waiting' | 'skipped';

export interface Step {
  id: StepId;
  state: StepState;
}

/** Index of the step a state is at, and whether that step failed. */
const POSITION: Record<Submission['state'], { at: number; failed?: boolean }> = {
  validating: { at: 0 },
  'attention-needed': { at: 0, failed: true },
  'in-review': { at: 1 },
  rejected: { at: 1, failed: true },
  approved: { at: 2 },
  preview: { at: 3 },
  publishing: { at: 4 },
  published: { at: 5 },
  cancelled: { at: -1 },
};

export function stepsOf(submission: Pick<Submission, 'state' | 'offerWasLive'>): Step[] {
  const { failed } = POSITION[submission.state];
  // An approved update of a live offer goes straight on to publishing.
  const at =
    submission.offerWasLive && submission.state === 'approved'
      ? STEP_IDS.indexOf('live')
      : POSITION[submission.state].at;
  return STEP_IDS.map((id, index) => {
    if (submission.offerWasLive && (id === 'preview' || id === 'goLive')) {
      return { id, state: at > index ? 'done' : 'skipped' } satisfies Step;
    }
    if (submission.state === 'cancelled') return { id, state: 'waiting' };
    if (index < at) return { id, state: 'done' };
    if (index === at) {
      return {
        id,
        state: failed ? 'failed' : submission.state === 'preview' ? 'action' : 'current',
      };
    }
    return { id, state: 'waiting' };
  });
}
