/** Types of "Review and publish", the co-sell status and the review queue, from the API schema. */
import type { Offer } from '../../api/client';
import type { components, paths } from '../../api/schema';

export type PublishView = components['schemas']['PublishView'];
export type Submission = components['schemas']['Submission'];
export type SubmissionState = Submission['state'];
export type SubmissionProblem = Submission['problems'][number];
export type Review = components['schemas']['Review'];
export type TechnicalValidation = Review['technicalValidation'];
export type PublishStatus = Offer['publishStatus'];
export type PublishSection = PublishView['selectable'][number];
export type PublishSectionId = PublishView['sections'][number]['id'];
export type SnapshotChange = components['schemas']['SnapshotChange'];
export type OfferStatus = components['schemas']['OfferStatus'];
export type CosellStatusId = OfferStatus['status'];
export type StatusTier = OfferStatus['tiers'][number];
export type Requirement = StatusTier['requirements'][number];
export type Fix = Requirement['fix'];
export type FixArea = Fix['area'];
export type Benefit = OfferStatus['benefits']['explanations'][number];
export type OfferSnapshot = components['schemas']['OfferSnapshot'];
export type ProgramProfile = components['schemas']['ProgramProfile'];
export type ReviewQueueItem = components['schemas']['ReviewQueueItem'];
export type ReviewDetail =
  paths['/api/review/organisations/{organisationId}/submissions/{submissionId}']['get']['responses'][200]['content']['application/json'];
export type ReviewDecision =
  paths['/api/review/organisations/{organisationId}/submissions/{submissionId}/decision']['post']['requestBody']['content']['application/json'];

/** The tabs of the offer page, as `?tab=` names them (the co-sell tab has none). */
export type OfferTabId = 'cosell' | 'setup' | 'publish' | 'status';

/** Where a link of a checklist, a blocking item or a requirement takes the user. */
export interface FixTarget {
  tab: OfferTabId;
  /** The element id to focus on that tab. */
  field?: string;
}

export const SUBMISSION_STATES = [
  'validating',
  'attention-needed',
  'in-review',
  'rejected',
  'approved',
  'preview',
  'publishing',
  'published',
  'cancelled',
] as const satisfies readonly SubmissionState[];

/** States the background pipeline moves on by itself: the tab polls while one lasts. */
export const AUTOMATIC_STATES: readonly SubmissionState[] = [
  'validating',
  'approved',
  'publishing',
];

/** States from which the publisher may cancel (before Go live), as the server allows. */
export const CANCELLABLE_STATES: readonly SubmissionState[] = [
  'validating',
  'in-review',
  'approved',
  'preview',
];

export const TECHNICAL_VALIDATIONS = [
  'not-assessed',
  'passed',
  'failed',
] as const satisfies readonly TechnicalValidation[];
