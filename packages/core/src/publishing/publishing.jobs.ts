/** The publishing pipeline's steps as jobs: validation, preview, go-live. */
import { z } from 'zod';
import { defineJob } from '../jobs/job';
import { runGoLiveStep, runPreviewStep, runValidateStep } from './publishing.service';

const StepPayload = z.looseObject({ submissionId: z.string() });

/** Job 'publish.validate': automated validation, then the vendor's review queue. */
export const validateJob = defineJob({
  kind: 'publish.validate',
  payload: StepPayload,
  run: (ctx) => runValidateStep(ctx),
});

/** Job 'publish.preview': the preview of a new offer; an update of a live offer goes straight on. */
export const previewJob = defineJob({
  kind: 'publish.preview',
  payload: StepPayload,
  run: (ctx) => runPreviewStep(ctx),
});

/** Job 'publish.go-live': the version becomes live; the status is recomputed. */
export const goLiveJob = defineJob({
  kind: 'publish.go-live',
  payload: StepPayload,
  run: (ctx) => runGoLiveStep(ctx),
});

export const PUBLISHING_JOBS = [validateJob, previewJob, goLiveJob];
