import { beforeEach, describe, expect, it } from 'vitest';
import type { OfferRecord } from '../offers/offer';
import type { SubmissionRecord } from '../publishing/publication';
import {
  runValidateStep,
  submitForPublish,
  type PublicationDeps,
} from '../publishing/publishing.service';
import {
  READY_PROFILE,
  addProfile,
  addReadyOffer,
  createFakes,
  eventsOf,
  runInJob,
  seedProgram,
  type Fakes,
} from '../testing';
import * as sut from './review.service';

let fakes: Fakes;
let world: ReturnType<typeof seedProgram>;
let deps: PublicationDeps & { newId: () => string };

beforeEach(() => {
  fakes = createFakes();
  world = seedProgram(fakes);
  deps = { uow: fakes.uow, clock: fakes.clock, newId: fakes.newId };
  addProfile(fakes, world.partner.id, READY_PROFILE);
});

const APPROVE: sut.ReviewDecisionInput = {
  decision: 'approve',
  report: 'Looks good',
  technicalValidation: 'not-assessed',
  revenueVerified: false,
};

const offerRow = (offer: OfferRecord) => fakes.state.offers.find((o) => o.id === offer.id)!;
const submissionRow = (id: string) => fakes.state.submissions.find((s) => s.id === id)!;

/** A new offer of the partner, submitted by its owner and validated: waiting for review. */
async function inReview(offer = addReadyOffer(fakes, world.partner.id)) {
  const view = await submitForPublish(
    deps,
    offer.organisationId === world.other.id ? world.otherOwner : world.owner,
    offer.organisationId,
    offer.id,
    ['offer-setup', 'cosell'],
    'any',
  );
  const submitted = view.current!;
  await runInJob(
    fakes,
    {
      kind: 'publish.validate',
      organisationId: offer.organisationId,
      payload: { submissionId: submitted.id },
    },
    runValidateStep,
  );
  const submission: SubmissionRecord = { ...submitted, ...submissionRow(submitted.id) };
  return { offer, submission };
}

const decide = (
  submission: SubmissionRecord,
  input: sut.ReviewDecisionInput = APPROVE,
  expected: 'any' | number[] = 'any',
) =>
  sut.decideReview(deps, world.reviewer, submission.organisationId, submission.id, input, expected);

describe(sut.listReviewQueue.name, () => {
  it("should list every partner's submissions in review, oldest first", async () => {
    const { submission: first } = await inReview();
    fakes.clock.advance(60_000);
    addProfile(fakes, world.other.id, READY_PROFILE);
    const { submission: second } = await inReview(addReadyOffer(fakes, world.other.id));

    const page = await sut.listReviewQueue(deps, world.reviewer, {
      state: 'open',
      limit: 10,
      offset: 0,
    });

    expect(page.total).toBe(2);
    expect(page.items.map((i) => [i.id, i.organisationName])).toEqual([
      [first.id, 'Contoso'],
      [second.id, 'Fabrikam'],
    ]);
    expect(fakes.uow.runs.at(-1)!.scope).toMatchObject({ programStaff: true });
  });

  it('should list decided submissions apart from open ones', async () => {
    const { submission } = await inReview();
    await decide(submission);

    const open = await sut.listReviewQueue(deps, world.reviewer, {
      state: 'open',
      limit: 10,
      offset: 0,
    });
    const decided = await sut.listReviewQueue(deps, world.reviewer, {
      state: 'decided',
      limit: 10,
      offset: 0,
    });

    expect(open.items).toEqual([]);
    expect(decided.items.map((i) => i.id)).toEqual([submission.id]);
  });

  it('should refuse partners and sellers with FORBIDDEN', async () => {
    for (const actor of [world.owner, world.seller]) {
      await expect(
        sut.listReviewQueue(deps, actor, { state: 'open', limit: 10, offset: 0 }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});

describe(sut.getReviewDetail.name, () => {
  it('should show the reviewer the submitted version, the partner, its profile and the status it would reach', async () => {
    const { offer, submission } = await inReview();

    const detail = await sut.getReviewDetail(deps, world.reviewer, world.partner.id, submission.id);

    expect(detail).toMatchObject({
      offer: { id: offer.id },
      organisationName: 'Contoso',
      profile: expect.objectContaining({ partnerId: READY_PROFILE.partnerId }),
      status: { basis: 'submission' },
    });
    expect(detail.snapshot.documents).toHaveLength(2);
    expect(detail.changes.length).toBeGreaterThan(0);
  });

  it('should refuse a partner owner with FORBIDDEN and answer NOT_FOUND for an unknown submission', async () => {
    const { submission } = await inReview();

    await expect(
      sut.getReviewDetail(deps, world.owner, world.partner.id, submission.id),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      sut.getReviewDetail(deps, world.reviewer, world.other.id, submission.id),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe(sut.findSubmittedDocument.name, () => {
  it('should give the reviewer a document of the submitted version', async () => {
    const { submission } = await inReview();
    const snapshot = fakes.state.versions[0]!.snapshot;

    await expect(
      sut.findSubmittedDocument(
        deps,
        world.reviewer,
        world.partner.id,
        submission.id,
        snapshot.documents[0]!.id,
      ),
    ).resolves.toEqual(snapshot.documents[0]);
  });

  it('should answer NOT_FOUND for a document the version does not hold, and FORBIDDEN to partners', async () => {
    const { submission } = await inReview();

    await expect(
      sut.findSubmittedDocument(deps, world.reviewer, world.partner.id, submission.id, 'nope'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      sut.findSubmittedDocument(deps, world.owner, world.partner.id, submission.id, 'nope'),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
describe(sut.decideReview.name, () => {
  it('should approve, queue the preview, audit it in the partner organisation and announce review.decided', async () => {
    const { offer, submission } = await inReview();

    const decided = await sut.decideReview(
      deps,
      world.reviewer,
      world.partner.id,
      submission.id,
      { ...APPROVE, report: '  Looks good  ' },
      [submission.version],
      'req-5',
    );

    expect(decided).toMatchObject({
      state: 'approved',
      review: {
        reviewerId: world.reviewer.userId,
        decision: 'approve',
        report: 'Looks good',
        decidedAt: fakes.clock.now(),
      },
    });
    expect(fakes.state.jobs.map((j) => j.dedupeKey)).toContain(`publish.preview:${submission.id}`);
    expect(fakes.state.audit.at(-1)).toMatchObject({
      organisationId: world.partner.id,
      actorUserId: world.reviewer.userId,
      action: 'offer.review.decide',
      entityId: offer.id,
      requestId: 'req-5',
    });
    expect(eventsOf(fakes).at(-1)).toMatchObject({
      type: 'review.decided',
      organisationId: world.partner.id,
      subject: { type: 'offer', id: offer.id },
      data: {
        offerId: offer.id,
        offerName: offer.name,
        submissionId: submission.id,
        decision: 'approve',
      },
      actor: { kind: 'user', id: world.reviewer.userId },
    });
  });

  it('should reject with a report, send the offer back and queue no preview', async () => {
    const { offer, submission } = await inReview();

    await decide(submission, { ...APPROVE, decision: 'reject', report: 'Deck missing pricing' });

    expect(submissionRow(submission.id).state).toBe('rejected');
    expect(offerRow(offer).publishStatus).toBe('attention-needed');
    expect(fakes.state.jobs.some((j) => j.kind === 'publish.preview')).toBe(false);
    expect(eventsOf(fakes).at(-1)!.data).toMatchObject({ decision: 'reject' });
  });

  it('should refuse a rejection without a report', async () => {
    const { submission } = await inReview();
    const events = fakes.state.events.length;

    await expect(
      decide(submission, { ...APPROVE, decision: 'reject', report: '   ' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: ['report'], code: 'reviewing.reportRequired' }],
    });
    expect(submissionRow(submission.id).state).toBe('in-review');
    expect(fakes.state.events).toHaveLength(events);
  });

  it('should refuse a stale If-Match with PRECONDITION_FAILED and decide nothing', async () => {
    const { submission } = await inReview();
    const recorded = { audit: fakes.state.audit.length, events: fakes.state.events.length };

    await expect(decide(submission, APPROVE, [submission.version - 1])).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    expect(submissionRow(submission.id)).toMatchObject({ state: 'in-review', review: null });
    expect(fakes.state.audit).toHaveLength(recorded.audit);
    expect(fakes.state.events).toHaveLength(recorded.events);
  });

  it('should refuse a submission that is not in review', async () => {
    const { submission } = await inReview();
    await decide(submission);

    await expect(decide(submission)).rejects.toMatchObject({
      code: 'CONFLICT',
      messageKey: 'reviewing.notInReview',
    });
  });

  it("should refuse the partner's own people and the vendor's sellers with FORBIDDEN", async () => {
    const { submission } = await inReview();

    for (const actor of [world.owner, world.seller]) {
      await expect(
        sut.decideReview(deps, actor, world.partner.id, submission.id, APPROVE, 'any'),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(submissionRow(submission.id).state).toBe('in-review');
  });

  it('should answer NOT_FOUND for a submission asked under the wrong partner', async () => {
    const { submission } = await inReview();

    await expect(
      sut.decideReview(deps, world.reviewer, world.other.id, submission.id, APPROVE, 'any'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
