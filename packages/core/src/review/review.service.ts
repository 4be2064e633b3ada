/**
 * The vendor's review of submissions: the queue (oldest first), a submission's detail with
 * what it changes and the status it would earn, its documents, and the decision with a report
 * the publisher reads. Reviewers act across partners through read-only program-staff scopes;
 * a decision widens the transaction to the one partner it concerns.
 */
import type { PublicationDeps } from '../publishing/publishing.service';
import type { Actor } from '../accounts/access';
import type { Page } from '../ports';
import type { ReviewQueueItem } from '../publishing/publishing.ports';
import { requireVendorPermission } from '../accounts/access';
import { scopeOf } from '../accounts/access';
import type { SubmissionRecord } from '../publishing/publication';
import type { OfferRecord } from '../offers/offer';
import type { OfferSnapshot } from '../publishing/publication';
import type { SnapshotChange } from '../publishing/publication';
import type { StatusView } from '../status/status.service';
import type { Tx } from '../transaction';
import { getOrNotFound } from '../errors';
import { compareSnapshots } from '../publishing/publication';
import { submittedStatusView } from '../status/status.service';
import type { ReviewDecision } from '../publishing/publication';
import type { TechnicalValidation } from '../program/status-engine';
import type { ExpectedVersions } from '../ports';
import { AppError } from '../errors';
import { runCommand } from '../commands/command';
import { syncPublishStatus } from '../publishing/publishing.service';
import { liveSnapshotOf } from '../publishing/publishing.service';
export async function listReviewQueue(
  deps: PublicationDeps,
  actor: Actor,
  query: { state: 'open' | 'decided'; limit: number; offset: number },
): Promise<Page<ReviewQueueItem>> {
  requireVendorPermission(actor, 'review.decide');
  return deps.uow.run(
    (tx) =>
      tx.submissions.listReviewQueue({
        states:
          query.state === 'open'
            ? ['in-review']
            : ['approved', 'rejected', 'preview', 'publishing', 'published'],
        limit: query.limit,
        offset: query.offset,
      }),
    { ...scopeOf(actor), programStaff: true },
  );
}

export interface ReviewDetail {
  submission: SubmissionRecord;
  offer: OfferRecord;
  organisationName: string;
  snapshot: OfferSnapshot;
  /** What the live version was before (to see what changed), if any. */
  changes: SnapshotChange[];
  status: StatusView;
  profile: Awaited<ReturnType<Tx['profiles']['findProfile']>>;
}

/** A reviewer's view of one submission: everything submitted, the partner profile and the status checklist. */
export async function getReviewDetail(
  deps: PublicationDeps,
  actor: Actor,
  organisationId: string,
  submissionId: string,
): Promise<ReviewDetail> {
  requireVendorPermission(actor, 'review.decide');
  return deps.uow.run(
    async (tx) => {
      const submission = getOrNotFound(
        await tx.submissions.findSubmission(organisationId, submissionId),
        'submission',
      );
      const offer = getOrNotFound(
        await tx.offers.findOffer(organisationId, submission.offerId),
        'offer',
      );
      const version = getOrNotFound(
        await tx.versions.findOfferVersion(organisationId, offer.id, submission.versionId),
        'version',
      );
      const live = await liveSnapshotOf(tx, offer);
      const organisation = await tx.organisations.findOrganisation(organisationId);
      return {
        submission,
        offer,
        organisationName: organisation?.name ?? '',
        snapshot: version.snapshot,
        changes: compareSnapshots(
          live && live.id !== version.id ? live.snapshot : null,
          version.snapshot,
        ),
        status: await submittedStatusView(tx, offer, version.snapshot),
        profile: await tx.profiles.findProfile(organisationId),
      };
    },
    { ...scopeOf(actor), programStaff: true },
  );
}

/** The blob of a submitted document, for the reviewer's preview. */
export async function findSubmittedDocument(
  deps: PublicationDeps,
  actor: Actor,
  organisationId: string,
  submissionId: string,
  documentId: string,
) {
  requireVendorPermission(actor, 'review.decide');
  return deps.uow.run(
    async (tx) => {
      const submission = getOrNotFound(
        await tx.submissions.findSubmission(organisationId, submissionId),
        'submission',
      );
      const version = getOrNotFound(
        await tx.versions.findOfferVersion(
          organisationId,
          submission.offerId,
          submission.versionId,
        ),
        'version',
      );
      return getOrNotFound(
        version.snapshot.documents.find((d) => d.id === documentId) ?? null,
        'document',
      );
    },
    { ...scopeOf(actor), programStaff: true },
  );
}

export interface ReviewDecisionInput {
  decision: ReviewDecision;
  report: string;
  technicalValidation: TechnicalValidation;
  revenueVerified: boolean;
}

/** A reviewer approves or rejects a submission in review, with a report the publisher reads. */
export async function decideReview(
  deps: PublicationDeps,
  actor: Actor,
  organisationId: string,
  submissionId: string,
  input: ReviewDecisionInput,
  expected: ExpectedVersions,
  requestId?: string,
): Promise<SubmissionRecord> {
  requireVendorPermission(actor, 'review.decide');
  if (input.decision === 'reject' && input.report.trim().length === 0) {
    throw new AppError('VALIDATION', {
      issues: [{ path: ['report'], code: 'reviewing.reportRequired' }],
    });
  }
  return runCommand(
    deps,
    { actor, requestId, expected },
    {
      name: 'offer.review.decide',
      organisationId,
      scope: { ...scopeOf(actor), programStaff: true },
    },
    async ({ tx, audit, emit }) => {
      const found = getOrNotFound(
        await tx.submissions.findSubmission(organisationId, submissionId),
        'submission',
      );
      // The reviewer acts in the partner's organisation from here on (notifications, jobs, audit).
      await tx.widenScope({ organisationIds: [organisationId] });
      const at = deps.clock.now();
      const review = {
        reviewerId: actor.userId,
        decision: input.decision,
        report: input.report.trim(),
        technicalValidation: input.technicalValidation,
        revenueVerified: input.revenueVerified,
        decidedAt: at,
      };
      const next = await tx.submissions.transitionSubmission(
        organisationId,
        submissionId,
        ['in-review'],
        { state: input.decision === 'approve' ? 'approved' : 'rejected', review },
        at,
        expected,
      );
      if (!next) {
        if (found.state !== 'in-review')
          throw new AppError('CONFLICT', { messageKey: 'reviewing.notInReview' });
        throw new AppError('PRECONDITION_FAILED');
      }
      const offer = getOrNotFound(
        await tx.offers.findOffer(organisationId, found.offerId),
        'offer',
      );
      await syncPublishStatus(tx, offer, next, at);
      if (input.decision === 'approve') {
        await tx.jobs.enqueueJob({
          kind: 'publish.preview',
          payload: { submissionId },
          organisationId,
          runAt: at,
          dedupeKey: `publish.preview:${submissionId}`,
        });
      }
      emit({
        type: 'review.decided',
        organisationId,
        subject: { type: 'offer', id: offer.id },
        data: {
          offerId: offer.id,
          offerName: offer.name,
          submissionId,
          decision: input.decision,
          firstPublication: offer.liveVersionId === null,
        },
      });
      audit({
        entityType: 'offer',
        entityId: offer.id,
        after: { submissionId, ...review, decidedAt: at.toISOString() },
      });
      return next;
    },
  );
}

/** Problems of a submission in the reader's language. */
