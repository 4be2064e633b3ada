import { beforeEach, describe, expect, it } from 'vitest';
import type { JobContext } from '../jobs/job';
import type { OfferRecord } from '../offers/offer';
import {
  READY_PROFILE,
  addOffer,
  addProfile,
  addReadyOffer,
  createFakes,
  eventsOf,
  publishOffer,
  runInJob,
  seedProgram,
  type Fakes,
} from '../testing';
import type { SubmissionRecord } from './publication';
import { decideReview, type ReviewDecisionInput } from '../review/review.service';
import * as sut from './publishing.service';

let fakes: Fakes;
let world: ReturnType<typeof seedProgram>;
let deps: sut.PublicationDeps & { newId: () => string };

beforeEach(() => {
  fakes = createFakes();
  world = seedProgram(fakes);
  deps = { uow: fakes.uow, clock: fakes.clock, newId: fakes.newId };
  addProfile(fakes, world.partner.id, READY_PROFILE);
});

const BOTH = ['offer-setup', 'cosell'] as const;
const APPROVE: ReviewDecisionInput = {
  decision: 'approve',
  report: 'Looks good',
  technicalValidation: 'not-assessed',
  revenueVerified: false,
};

const offerRow = (offer: OfferRecord) => fakes.state.offers.find((o) => o.id === offer.id)!;
const submissionRow = (id: string) => fakes.state.submissions.find((s) => s.id === id)!;
const expectNothingRecorded = () => {
  expect(fakes.state.audit).toEqual([]);
  expect(fakes.state.events).toEqual([]);
};

/** Submits the offer (both sections) as its owner; returns the new submission. */
async function submit(offer: OfferRecord, sections: readonly ('offer-setup' | 'cosell')[] = BOTH) {
  const view = await sut.submitForPublish(
    deps,
    world.owner,
    offer.organisationId,
    offer.id,
    [...sections],
    'any',
  );
  return view.current!;
}

/** Runs a pipeline step as its job would. */
const step = (run: (ctx: JobContext) => Promise<void>, submission: SubmissionRecord) =>
  runInJob(
    fakes,
    {
      kind: 'publish.step',
      organisationId: submission.organisationId,
      payload: { submissionId: submission.id },
    },
    run,
  );

/** A submission of a new offer, validated and waiting for review. */
async function inReview(offer = addReadyOffer(fakes, world.partner.id)) {
  const submission = await submit(offer);
  await step(sut.runValidateStep, submission);
  return { offer, submission: { ...submission, ...submissionRow(submission.id) } };
}

const decide = (
  submission: SubmissionRecord,
  input: ReviewDecisionInput = APPROVE,
  expected: 'any' | number[] = 'any',
) => decideReview(deps, world.reviewer, submission.organisationId, submission.id, input, expected);

describe(sut.submitForPublish.name, () => {
  it('should freeze the draft as a version, start validation, audit it and announce offer.submitted', async () => {
    const offer = addReadyOffer(fakes, world.partner.id);

    const view = await sut.submitForPublish(
      deps,
      world.contributor,
      world.partner.id,
      offer.id,
      [...BOTH],
      [1],
      'req-1',
    );

    const [version] = fakes.state.versions;
    expect(version).toMatchObject({
      offerId: offer.id,
      number: 1,
      createdBy: world.contributor.userId,
    });
    expect(version!.snapshot.documents.map((d) => d.kind)).toEqual(['one-pager', 'pitch-deck']);
    expect(version!.snapshot.contacts).toHaveLength(1);
    const submission = view.current!;
    expect(submission).toMatchObject({
      state: 'validating',
      versionId: version!.id,
      sections: BOTH,
    });
    expect(offerRow(offer)).toMatchObject({ publishStatus: 'publish-in-progress', version: 1 });
    expect(fakes.state.jobs).toEqual([
      expect.objectContaining({
        kind: 'publish.validate',
        payload: { submissionId: submission.id },
        organisationId: world.partner.id,
        dedupeKey: `publish.validate:${submission.id}`,
      }),
    ]);
    expect(fakes.state.audit).toEqual([
      expect.objectContaining({
        action: 'offer.publish.submit',
        entityId: offer.id,
        after: { submissionId: submission.id, version: 1, sections: BOTH },
        requestId: 'req-1',
      }),
    ]);
    expect(eventsOf(fakes)).toEqual([
      expect.objectContaining({
        type: 'offer.submitted',
        subject: { type: 'offer', id: offer.id },
        data: { offerId: offer.id, submissionId: submission.id, versionId: version!.id },
      }),
    ]);
  });

  it('should publish an incomplete co-sell tab: the co-sell tab is optional', async () => {
    const offer = addOffer(fakes, world.partner.id);

    await sut.submitForPublish(deps, world.owner, world.partner.id, offer.id, [...BOTH], 'any');

    expect(fakes.state.submissions).toHaveLength(1);
    expect(eventsOf(fakes).map((e) => e.type)).toEqual(['offer.submitted']);
  });

  it('should refuse data the policy calls invalid, naming the field, and freeze nothing', async () => {
    const offer = addOffer(fakes, world.partner.id, {
      cosell: {
        listing: {
          platforms: [],
          segments: [],
          solutionType: null,
          solutionAreas: [{ areaId: 'no-such-area', subAreaIds: [] }],
        },
        landingPageUrl: null,
      },
    });

    const error = await sut
      .submitForPublish(deps, world.owner, world.partner.id, offer.id, [...BOTH], 'any')
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'VALIDATION', messageKey: 'publishing.invalid' });
    expect((error as { issues: unknown[] }).issues.length).toBeGreaterThan(0);
    expect(fakes.state.versions).toEqual([]);
    expect(fakes.state.submissions).toEqual([]);
    expect(fakes.state.jobs).toEqual([]);
    expectNothingRecorded();
  });

  it('should insist that a first publication includes both sections', async () => {
    const offer = addReadyOffer(fakes, world.partner.id);

    await expect(
      sut.submitForPublish(deps, world.owner, world.partner.id, offer.id, ['cosell'], 'any'),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: ['sections'], code: 'publishing.sections' }],
    });
    expect(fakes.state.submissions).toEqual([]);
  });

  it('should refuse while another submission of the offer is on its way', async () => {
    const offer = addReadyOffer(fakes, world.partner.id);
    await submit(offer);

    await expect(submit(offer)).rejects.toMatchObject({
      code: 'CONFLICT',
      messageKey: 'publishing.inProgress',
    });
    expect(fakes.state.submissions).toHaveLength(1);
    expect(fakes.state.events).toHaveLength(1);
  });

  it('should refuse when the draft does not differ from the live version', async () => {
    const { offer } = publishOffer(fakes, addReadyOffer(fakes, world.partner.id));

    await expect(submit(offer, ['cosell'])).rejects.toMatchObject({
      code: 'CONFLICT',
      messageKey: 'publishing.noChanges',
    });
  });

  it('should let a co-sell-only change of a live offer go alone, and only alone', async () => {
    const { offer } = publishOffer(fakes, addReadyOffer(fakes, world.partner.id));
    offerRow(offer).cosell.landingPageUrl = 'https://contoso.example/new';

    await expect(submit(offer, BOTH)).rejects.toMatchObject({ code: 'VALIDATION' });
    const submission = await submit(offer, ['cosell']);

    expect(submission).toMatchObject({ sections: ['cosell'], offerWasLive: true });
    expect(offerRow(offer).lifecycleState).toBe('live');
  });

  it('should refuse a stale draft version with PRECONDITION_FAILED naming what changed, and freeze nothing', async () => {
    const offer = addReadyOffer(fakes, world.partner.id, {
      draftVersion: 7,
      draftChanges: { fields: 3, documents: 5, contacts: 7 },
    });

    await expect(
      sut.submitForPublish(deps, world.owner, world.partner.id, offer.id, [...BOTH], [4]),
    ).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      messageKey: 'publishing.staleDraft',
      params: { draftVersion: 7 },
      issues: [
        { path: ['documents'], code: 'publishing.changed.documents' },
        { path: ['contacts'], code: 'publishing.changed.contacts' },
      ],
    });
    expect(fakes.state.versions).toEqual([]);
    expectNothingRecorded();
    // The current draft version goes through.
    const view = await sut.submitForPublish(
      deps,
      world.owner,
      world.partner.id,
      offer.id,
      [...BOTH],
      [7],
    );
    expect(view.current?.state).toBe('validating');
  });

  it('should refuse an archived offer', async () => {
    const offer = addReadyOffer(fakes, world.partner.id, { archivedAt: fakes.clock.now() });

    await expect(submit(offer)).rejects.toMatchObject({
      code: 'CONFLICT',
      messageKey: 'publishing.archived',
    });
  });

  it('should refuse a viewer with FORBIDDEN and a stranger with NOT_FOUND', async () => {
    const offer = addReadyOffer(fakes, world.partner.id);

    await expect(
      sut.submitForPublish(deps, world.viewer, world.partner.id, offer.id, [...BOTH], 'any'),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      sut.submitForPublish(deps, world.otherOwner, world.partner.id, offer.id, [...BOTH], 'any'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(fakes.state.submissions).toEqual([]);
    expectNothingRecorded();
  });
});

describe(sut.runValidateStep.name, () => {
  it('should hand a complete version to the review queue', async () => {
    const offer = addReadyOffer(fakes, world.partner.id);
    const submission = await submit(offer);

    await step(sut.runValidateStep, submission);

    expect(submissionRow(submission.id)).toMatchObject({ state: 'in-review', problems: [] });
    expect(offerRow(offer).publishStatus).toBe('publish-in-progress');
    expect(eventsOf(fakes).map((e) => e.type)).toEqual(['offer.submitted']);
  });

  it('should send a version the program no longer accepts back as attention needed and announce it', async () => {
    const offer = addReadyOffer(fakes, world.partner.id);
    const submission = await submit(offer);
    const taxonomy = fakes.state.programs[0]!.taxonomy as { platforms: { id: string }[] };
    taxonomy.platforms = taxonomy.platforms.filter((p) => p.id !== 'azure');

    await step(sut.runValidateStep, submission);

    expect(submissionRow(submission.id)).toMatchObject({
      state: 'attention-needed',
      problems: [
        expect.objectContaining({ id: 'listing.platforms.0', code: 'listing.unknownPlatform' }),
      ],
    });
    expect(offerRow(offer).publishStatus).toBe('attention-needed');
    expect(eventsOf(fakes).at(-1)).toMatchObject({
      type: 'offer.validation-failed',
      subject: { type: 'offer', id: offer.id },
      data: { offerId: offer.id, offerName: offer.name, submissionId: submission.id },
      actor: { kind: 'system', id: null },
    });
  });

  it('should change nothing when it runs again', async () => {
    const { submission } = await inReview();
    const before = structuredClone(fakes.state);

    await step(sut.runValidateStep, submission);

    expect(fakes.state).toEqual(before);
  });
});

describe(sut.runPreviewStep.name, () => {
  it('should create the preview of a new offer and wait for the publisher', async () => {
    const { offer, submission } = await inReview();
    await decide(submission);

    await step(sut.runPreviewStep, submission);

    expect(submissionRow(submission.id).state).toBe('preview');
    expect(offerRow(offer)).toMatchObject({ lifecycleState: 'preview', publishStatus: 'preview' });
    expect(fakes.state.jobs.some((j) => j.kind === 'publish.go-live')).toBe(false);
  });

  it('should take an approved update of a live offer straight on to going live', async () => {
    const { offer } = publishOffer(fakes, addReadyOffer(fakes, world.partner.id));
    offerRow(offer).cosell.landingPageUrl = 'https://contoso.example/new';
    const submission = await submit(offer, ['cosell']);
    await step(sut.runValidateStep, submission);
    await decide({ ...submission, ...submissionRow(submission.id) });

    await step(sut.runPreviewStep, submission);

    expect(submissionRow(submission.id).state).toBe('publishing');
    expect(offerRow(offer).lifecycleState).toBe('live');
    expect(fakes.state.jobs.map((j) => j.dedupeKey)).toContain(`publish.go-live:${submission.id}`);
  });
});

describe(sut.goLive.name, () => {
  async function inPreview() {
    const { offer, submission } = await inReview();
    await decide(submission);
    await step(sut.runPreviewStep, submission);
    return { offer, submission };
  }

  it('should sign off the preview, queue going live and audit it', async () => {
    const { offer, submission } = await inPreview();

    await sut.goLive(deps, world.owner, world.partner.id, offer.id, submission.id, 'req-9');

    expect(submissionRow(submission.id).state).toBe('publishing');
    expect(fakes.state.jobs.map((j) => j.dedupeKey)).toContain(`publish.go-live:${submission.id}`);
    expect(fakes.state.audit.at(-1)).toMatchObject({
      action: 'offer.publish.golive',
      entityId: offer.id,
      after: { submissionId: submission.id },
      requestId: 'req-9',
    });
  });

  it('should refuse a submission that is not in preview', async () => {
    const { offer, submission } = await inReview();

    await expect(
      sut.goLive(deps, world.owner, world.partner.id, offer.id, submission.id),
    ).rejects.toMatchObject({ code: 'CONFLICT', messageKey: 'publishing.notInPreview' });
  });

  it('should answer NOT_FOUND for a submission of another offer', async () => {
    const { submission } = await inPreview();
    const second = addOffer(fakes, world.partner.id);

    await expect(
      sut.goLive(deps, world.owner, world.partner.id, second.id, submission.id),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(submissionRow(submission.id).state).toBe('preview');
  });

  it('should refuse a viewer with FORBIDDEN', async () => {
    const { offer, submission } = await inPreview();
    const audits = fakes.state.audit.length;

    await expect(
      sut.goLive(deps, world.viewer, world.partner.id, offer.id, submission.id),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(submissionRow(submission.id).state).toBe('preview');
    expect(fakes.state.audit).toHaveLength(audits);
  });
});

describe(sut.runGoLiveStep.name, () => {
  it('should make the version live, announce offer.published and compute the co-sell status', async () => {
    const { offer, submission } = await inReview();
    await decide(submission);
    await step(sut.runPreviewStep, submission);
    await sut.goLive(deps, world.owner, world.partner.id, offer.id, submission.id);

    await step(sut.runGoLiveStep, submission);

    expect(submissionRow(submission.id).state).toBe('published');
    expect(offerRow(offer)).toMatchObject({
      liveVersionId: submission.versionId,
      lifecycleState: 'live',
      publishStatus: 'live',
    });
    expect(
      eventsOf(fakes)
        .slice(-2)
        .map((e) => [e.type, e.data]),
    ).toEqual([
      ['offer.published', { offerId: offer.id, versionId: submission.versionId }],
      [
        'status.changed',
        expect.objectContaining({ from: null, to: 'cosell-ready', cause: 'publish' }),
      ],
    ]);
    expect(fakes.state.statuses).toEqual([expect.objectContaining({ status: 'cosell-ready' })]);
  });

  it('should do nothing for a submission that is not going live', async () => {
    const { submission } = await inReview();
    const before = structuredClone(fakes.state);

    await step(sut.runGoLiveStep, submission);

    expect(fakes.state).toEqual(before);
  });
});

describe(sut.cancelPublish.name, () => {
  it('should cancel a submission before sign-off, audit it and announce offer.submission-cancelled', async () => {
    const { offer, submission } = await inReview();

    const view = await sut.cancelPublish(
      deps,
      world.owner,
      world.partner.id,
      offer.id,
      submission.id,
    );

    expect(view.current).toBeNull();
    expect(submissionRow(submission.id).state).toBe('cancelled');
    expect(offerRow(offer)).toMatchObject({ publishStatus: 'draft', lifecycleState: 'draft' });
    expect(fakes.state.audit.at(-1)).toMatchObject({
      action: 'offer.publish.cancel',
      before: { state: 'in-review' },
      after: { state: 'cancelled', submissionId: submission.id },
    });
    expect(eventsOf(fakes).at(-1)).toMatchObject({
      type: 'offer.submission-cancelled',
      data: { offerId: offer.id, submissionId: submission.id },
    });
  });

  it('should let the offer be submitted again once cancelled', async () => {
    const { offer, submission } = await inReview();
    await sut.cancelPublish(deps, world.owner, world.partner.id, offer.id, submission.id);

    await expect(submit(offer)).resolves.toMatchObject({ state: 'validating' });
  });

  it('should refuse once the publisher signed off', async () => {
    const { offer, submission } = await inReview();
    await decide(submission);
    await step(sut.runPreviewStep, submission);
    await sut.goLive(deps, world.owner, world.partner.id, offer.id, submission.id);
    const events = fakes.state.events.length;

    await expect(
      sut.cancelPublish(deps, world.owner, world.partner.id, offer.id, submission.id),
    ).rejects.toMatchObject({ code: 'CONFLICT', messageKey: 'publishing.cannotCancel' });
    expect(submissionRow(submission.id).state).toBe('publishing');
    expect(fakes.state.events).toHaveLength(events);
  });

  it('should refuse a viewer with FORBIDDEN and a stranger with NOT_FOUND', async () => {
    const { offer, submission } = await inReview();

    await expect(
      sut.cancelPublish(deps, world.viewer, world.partner.id, offer.id, submission.id),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      sut.cancelPublish(deps, world.otherOwner, world.partner.id, offer.id, submission.id),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(submissionRow(submission.id).state).toBe('in-review');
  });
});

describe(sut.getPublishView.name, () => {
  it('should show the sections, what blocks publishing and that everything is new', async () => {
    const offer = addOffer(fakes, world.partner.id);

    const view = await sut.getPublishView(deps, world.viewer, world.partner.id, offer.id);

    expect(view).toMatchObject({
      hasChanges: true,
      liveVersion: null,
      current: null,
      required: ['offer-setup', 'cosell'],
    });
    expect(view.sections.find((s) => s.id === 'listing')!.state).toBe('not-started');
    // An empty co-sell tab blocks nothing; it is what co-sell ready still needs.
    expect(view.blocking).toEqual([]);
    expect(view.cosellMissing.map((b) => b.id)).toContain('documents/one-pager');
  });

  it('should show the submission on its way and the live version', async () => {
    const { offer, version } = publishOffer(fakes, addReadyOffer(fakes, world.partner.id));

    const view = await sut.getPublishView(deps, world.owner, world.partner.id, offer.id);

    expect(view).toMatchObject({
      hasChanges: false,
      liveVersion: { id: version.id, number: 1 },
      blocking: [],
      required: ['cosell'],
    });
  });

  it("should answer NOT_FOUND for another organisation's offer", async () => {
    const theirs = addOffer(fakes, world.other.id);

    await expect(
      sut.getPublishView(deps, world.owner, world.partner.id, theirs.id),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe(sut.getOfferVersion.name, () => {
  it('should give a published version to the partner', async () => {
    const { offer, version } = publishOffer(fakes, addReadyOffer(fakes, world.partner.id));

    await expect(
      sut.getOfferVersion(deps, world.viewer, world.partner.id, offer.id, version.id),
    ).resolves.toEqual(version);
  });

  it("should answer NOT_FOUND to another organisation's member", async () => {
    const { offer, version } = publishOffer(fakes, addReadyOffer(fakes, world.partner.id));

    await expect(
      sut.getOfferVersion(deps, world.otherOwner, world.partner.id, offer.id, version.id),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
