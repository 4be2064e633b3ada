/**
 * "Review and publish" (SPEC §6): the publisher submits the draft as an immutable version; a
 * pipeline of queued steps validates it, hands it to the vendor's reviewers, creates the
 * preview and, after the publisher's "Go live", makes it the live version. A live offer stays
 * live while an update of its co-sell material is reviewed.
 *
 * Every step is a compare-and-set move of the submission's state in the same transaction as
 * its effects and the next step's job, so a crash between steps resumes where it stopped and a
 * step that runs twice changes nothing the second time.
 */
import { AppError, getOrNotFound } from '../errors';
import { translate } from '../i18n/messages';
import { evaluateCosellTab } from '../offers/cosell-tab';
import { problemsOf, validateAgainstPolicy } from '../program/evaluation';
import { draftChangedSince, type DraftPart, type OfferRecord } from '../offers/offer';
import { loadProgramContext, requireOffer, type ProgramContext } from '../offers/offer.service';
import type { Clock, ExpectedVersions } from '../ports';
import { scopeOf, type Actor } from '../accounts/access';
import type { Locale } from '../accounts/accounts.types';
import { runCommand, requestMeta, type CommandRequest } from '../commands/command';
import {
  CANCELLABLE_STATES,
  OPEN_SUBMISSION_STATES,
  compareSnapshots,
  offerSetupChanged,
  publishStatusOf,
  type OfferSnapshot,
  type PublishSection,
  type SnapshotChange,
  type SubmissionRecord,
  type ValidationProblem,
} from './publication';
import { draftSnapshot, recomputeOfferStatus } from '../status/status.service';
import type { Tx } from '../transaction';
import type { JobContext } from '../jobs/job';
import type { UnitOfWork } from '../transaction';

export interface PublicationDeps {
  uow: UnitOfWork;
  clock: Clock;
}

/** Sections of "Review and publish", each Not started / Incomplete / Complete. */
export interface PublishSectionState {
  id: 'offer-setup' | 'listing' | 'documents' | 'landingPage' | 'contacts';
  state: 'not-started' | 'incomplete' | 'complete';
}

/** What a stale publish says of each part of the draft changed since the publisher compared. */
const CHANGED_PART: Record<DraftPart, string> = {
  fields: 'publishing.changed.fields',
  listing: 'publishing.changed.listing',
  documents: 'publishing.changed.documents',
  contacts: 'publishing.changed.contacts',
};

export interface PublishView {
  offer: OfferRecord;
  sections: PublishSectionState[];
  /** Which sections the publisher may tick, and which must be ticked. */
  selectable: PublishSection[];
  required: PublishSection[];
  /** The draft differs from the live version (or there is no live version yet). */
  hasChanges: boolean;
  changes: SnapshotChange[];
  liveVersion: { id: string; number: number; createdAt: Date } | null;
  current: SubmissionRecord | null;
  submissions: SubmissionRecord[];
  /**
   * Data the active policy calls invalid (over a limit, an unknown code): publishing is refused
   * until it is fixed. An incomplete co-sell tab never blocks (SPEC §6 step 3).
   */
  blocking: ValidationProblem[];
  /**
   * What co-sell ready still needs on the offer (the co-sell tab's unmet checklist items): the
   * offer may be published, and is Not co-sell ready until they are met.
   */
  cosellMissing: ValidationProblem[];
}

export async function liveSnapshotOf(tx: Tx, offer: OfferRecord) {
  if (!offer.liveVersionId) return null;
  return tx.versions.findOfferVersion(offer.organisationId, offer.id, offer.liveVersionId);
}

/** Which sections a submission must and may include (SPEC §6 step 3). */
function sectionRules(offer: OfferRecord, changes: readonly SnapshotChange[]) {
  if (!offer.liveVersionId) {
    return { selectable: ['offer-setup', 'cosell'], required: ['offer-setup', 'cosell'] } as const;
  }
  if (offerSetupChanged(changes)) {
    return { selectable: ['offer-setup', 'cosell'], required: ['offer-setup', 'cosell'] } as const;
  }
  return { selectable: ['cosell'], required: ['cosell'] } as const;
}

/**
 * Automated validation of a snapshot: only data the active policy and the taxonomy call invalid
 * blocks it. What co-sell ready still needs does not: the offer goes live Not co-sell ready.
 */
function validateSnapshot(
  { policy, taxonomy }: ProgramContext,
  snapshot: OfferSnapshot,
): ValidationProblem[] {
  return problemsOf(validateAgainstPolicy(snapshot.cosell, taxonomy, policy));
}

export async function getPublishView(
  deps: PublicationDeps,
  actor: Actor,
  organisationId: string,
  offerId: string,
): Promise<PublishView> {
  return deps.uow.run(
    async (tx) => {
      const offer = await requireOffer(tx, actor, organisationId, offerId, 'offers.read');
      return readPublishView(tx, offer);
    },
    scopeOf(actor),
    { snapshot: true },
  );
}

async function readPublishView(tx: Tx, offer: OfferRecord): Promise<PublishView> {
  return (await inspectDraft(tx, offer)).view;
}

/** The publish view of the offer, with the draft snapshot it was computed from. */
async function inspectDraft(
  tx: Tx,
  offer: OfferRecord,
): Promise<{ view: PublishView; draft: OfferSnapshot }> {
  const program = await loadProgramContext(tx);
  const { policy } = program;
  const draft = await draftSnapshot(tx, offer);
  const live = await liveSnapshotOf(tx, offer);
  const changes = compareSnapshots(live?.snapshot ?? null, draft);
  const tab = evaluateCosellTab({
    offer,
    draft: offer.cosell,
    documents: draft.documents,
    contacts: draft.contacts,
    policy,
    taxonomy: program.taxonomy,
  });
  const offerSetupComplete =
    offer.name.length > 0 && offer.summary.length > 0 && offer.markets.length > 0;
  const sections: PublishSectionState[] = [
    {
      id: 'offer-setup',
      state: offerSetupComplete
        ? 'complete'
        : offer.summary || offer.markets.length
          ? 'incomplete'
          : 'not-started',
    },
    ...(['listing', 'documents', 'landingPage', 'contacts'] as const).map((id) => ({
      id,
      state: tab.sections[id],
    })),
  ];
  const submissions = await tx.submissions.listSubmissions(offer.organisationId, offer.id, 20);
  const latest = submissions[0] ?? null;
  const open = latest !== null && OPEN_SUBMISSION_STATES.includes(latest.state);
  const rules = sectionRules(offer, changes);
  const blocking = validateSnapshot(program, draft);
  const view: PublishView = {
    offer,
    sections,
    selectable: [...rules.selectable],
    required: [...rules.required],
    hasChanges: changes.length > 0,
    changes,
    liveVersion: live ? { id: live.id, number: live.number, createdAt: live.createdAt } : null,
    current: open ? latest : null,
    submissions,
    blocking,
    cosellMissing: tab.checklist
      .filter((item) => !item.met)
      .map((item) => ({ id: item.id, code: item.code, params: item.params })),
  };
  return { view, draft };
}

/** Keeps the offer's publish status in step with its latest submission. */
export async function syncPublishStatus(
  tx: Tx,
  offer: Pick<OfferRecord, 'organisationId' | 'id' | 'liveVersionId'>,
  submission: SubmissionRecord,
  at: Date,
  extra: { lifecycleState?: OfferRecord['lifecycleState']; liveVersionId?: string } = {},
) {
  const liveVersionId = extra.liveVersionId ?? offer.liveVersionId;
  await tx.versions.setOfferPublication(
    offer.organisationId,
    offer.id,
    {
      publishStatus: publishStatusOf(submission, liveVersionId !== null),
      ...extra,
    },
    at,
  );
}

/**
 * "Publish": freezes the draft as the next version and starts the pipeline. Refused while
 * another submission of the offer is on its way, while the draft holds data the policy calls
 * invalid, or when the ticked sections are not the ones this offer must submit. An incomplete
 * co-sell tab is no reason: the offer is then published Not co-sell ready.
 */
export async function submitForPublish(
  deps: PublicationDeps,
  actor: Actor,
  organisationId: string,
  offerId: string,
  sections: PublishSection[],
  expected: ExpectedVersions,
  request?: CommandRequest,
): Promise<PublishView> {
  return runCommand(
    deps,
    { actor, ...requestMeta(request), expected },
    { name: 'offer.publish.submit', organisationId, permission: 'offers.write' },
    async ({ tx, audit, emit }) => {
      const offer = getOrNotFound(await tx.offers.findOffer(organisationId, offerId), 'offer');
      // If-Match names the draft version Compare showed: any part changed since (fields,
      // listing, documents, contacts) makes the publish stale, and the answer says which.
      const changed = draftChangedSince(offer, expected);
      if (changed.length > 0) {
        throw new AppError('PRECONDITION_FAILED', {
          messageKey: 'publishing.staleDraft',
          params: { draftVersion: offer.draftVersion },
          issues: changed.map((part) => ({ path: [part], code: CHANGED_PART[part] })),
        });
      }
      if (offer.archivedAt) {
        throw new AppError('CONFLICT', { messageKey: 'publishing.archived' });
      }
      const { view, draft: snapshot } = await inspectDraft(tx, offer);
      if (view.current) throw new AppError('CONFLICT', { messageKey: 'publishing.inProgress' });
      if (!view.hasChanges) throw new AppError('CONFLICT', { messageKey: 'publishing.noChanges' });
      const chosen = [...new Set(sections)];
      const wrong =
        view.required.some((s) => !chosen.includes(s)) ||
        chosen.some((s) => !view.selectable.includes(s));
      if (wrong) {
        throw new AppError('VALIDATION', {
          issues: [
            {
              path: ['sections'],
              code: 'publishing.sections',
              params: { required: view.required.join(', ') },
            },
          ],
        });
      }
      if (view.blocking.length > 0) {
        throw new AppError('VALIDATION', {
          messageKey: 'publishing.invalid',
          issues: view.blocking.map((p) => ({ path: [p.id], code: p.code, params: p.params })),
        });
      }
      const at = deps.clock.now();
      const version = await tx.versions.insertOfferVersion({
        organisationId,
        offerId,
        snapshot,
        createdBy: actor.userId,
        at,
      });
      const submission = await tx.submissions
        .createSubmission({
          organisationId,
          offerId,
          versionId: version.id,
          sections: chosen,
          offerWasLive: offer.liveVersionId !== null,
          submittedBy: actor.userId,
          at,
        })
        .catch((error: unknown) => {
          // A concurrent publish of the same offer won (one open submission per offer).
          if (error instanceof AppError && error.code === 'CONFLICT') {
            throw new AppError('CONFLICT', { messageKey: 'publishing.inProgress' });
          }
          throw error;
        });
      await syncPublishStatus(tx, offer, submission, at);
      await tx.jobs.enqueueJob({
        kind: 'publish.validate',
        payload: { submissionId: submission.id },
        organisationId,
        runAt: at,
        dedupeKey: `publish.validate:${submission.id}`,
      });
      audit({
        entityType: 'offer',
        entityId: offerId,
        after: { submissionId: submission.id, version: version.number, sections: chosen },
      });
      emit({
        type: 'offer.submitted',
        organisationId,
        subject: { type: 'offer', id: offerId },
        data: { offerId, submissionId: submission.id, versionId: version.id },
      });
      return readPublishView(tx, (await tx.offers.findOffer(organisationId, offerId))!);
    },
  );
}

/** "Cancel publish": possible until the publisher's sign-off (Go live). */
export async function cancelPublish(
  deps: PublicationDeps,
  actor: Actor,
  organisationId: string,
  offerId: string,
  submissionId: string,
  requestId?: string,
): Promise<PublishView> {
  return runCommand(
    deps,
    { actor, requestId },
    { name: 'offer.publish.cancel', organisationId, permission: 'offers.write' },
    async ({ tx, audit, emit }) => {
      const offer = getOrNotFound(await tx.offers.findOffer(organisationId, offerId), 'offer');
      const found = await tx.submissions.findSubmission(organisationId, submissionId);
      if (!found || found.offerId !== offerId)
        throw new AppError('NOT_FOUND', { message: 'submission not found' });
      const at = deps.clock.now();
      const cancelled = await tx.submissions.transitionSubmission(
        organisationId,
        submissionId,
        CANCELLABLE_STATES,
        { state: 'cancelled' },
        at,
      );
      if (!cancelled) throw new AppError('CONFLICT', { messageKey: 'publishing.cannotCancel' });
      await syncPublishStatus(tx, offer, cancelled, at, {
        lifecycleState: offer.liveVersionId ? 'live' : 'draft',
      });
      audit({
        entityType: 'offer',
        entityId: offerId,
        before: { state: found.state },
        after: { state: 'cancelled', submissionId },
      });
      emit({
        type: 'offer.submission-cancelled',
        organisationId,
        subject: { type: 'offer', id: offerId },
        data: { offerId, submissionId },
      });
      return readPublishView(tx, (await tx.offers.findOffer(organisationId, offerId))!);
    },
  );
}

/** "Go live": the publisher's sign-off of the preview of a new offer. */
export async function goLive(
  deps: PublicationDeps,
  actor: Actor,
  organisationId: string,
  offerId: string,
  submissionId: string,
  requestId?: string,
): Promise<PublishView> {
  return runCommand(
    deps,
    { actor, requestId },
    { name: 'offer.publish.golive', organisationId, permission: 'offers.write' },
    async ({ tx, audit }) => {
      const offer = getOrNotFound(await tx.offers.findOffer(organisationId, offerId), 'offer');
      const found = await tx.submissions.findSubmission(organisationId, submissionId);
      if (!found || found.offerId !== offerId)
        throw new AppError('NOT_FOUND', { message: 'submission not found' });
      const at = deps.clock.now();
      const moved = await tx.submissions.transitionSubmission(
        organisationId,
        submissionId,
        ['preview'],
        { state: 'publishing' },
        at,
      );
      if (!moved) throw new AppError('CONFLICT', { messageKey: 'publishing.notInPreview' });
      await syncPublishStatus(tx, offer, moved, at);
      await tx.jobs.enqueueJob({
        kind: 'publish.go-live',
        payload: { submissionId },
        organisationId,
        runAt: at,
        dedupeKey: `publish.go-live:${submissionId}`,
      });
      audit({ entityType: 'offer', entityId: offerId, after: { submissionId } });
      return readPublishView(tx, (await tx.offers.findOffer(organisationId, offerId))!);
    },
  );
}

/** A published version of the offer (for "Compare" and for reading what is live). */
export async function getOfferVersion(
  deps: PublicationDeps,
  actor: Actor,
  organisationId: string,
  offerId: string,
  versionId: string,
) {
  return deps.uow.run(async (tx) => {
    await requireOffer(tx, actor, organisationId, offerId, 'offers.read');
    return getOrNotFound(
      await tx.versions.findOfferVersion(organisationId, offerId, versionId),
      'version',
    );
  }, scopeOf(actor));
}

// ---------------------------------------------------------------- pipeline steps (jobs)

/** What a pipeline step needs of its job: the transaction, the program clock, the event sink. */
type StepContext = Pick<JobContext, 'tx' | 'clock' | 'job' | 'emit'>;

async function stepSubmission(ctx: StepContext) {
  const organisationId = ctx.job.organisationId!;
  const submission = await ctx.tx.submissions.findSubmission(
    organisationId,
    String(ctx.job.payload.submissionId),
  );
  if (!submission) return null;
  const offer = await ctx.tx.offers.findOffer(organisationId, submission.offerId);
  if (!offer) return null;
  return { submission, offer, organisationId };
}

/** Job 'publish.validate': automated validation, then the vendor's review queue. */
export async function runValidateStep(ctx: StepContext): Promise<void> {
  const found = await stepSubmission(ctx);
  if (!found || found.submission.state !== 'validating') return;
  const { submission, offer, organisationId } = found;
  const version = await ctx.tx.versions.findOfferVersion(
    organisationId,
    offer.id,
    submission.versionId,
  );
  if (!version) return;
  const problems = validateSnapshot(await loadProgramContext(ctx.tx), version.snapshot);
  const at = ctx.clock.now();
  const next = await ctx.tx.submissions.transitionSubmission(
    organisationId,
    submission.id,
    ['validating'],
    problems.length > 0 ? { state: 'attention-needed', problems } : { state: 'in-review' },
    at,
  );
  if (!next) return;
  await syncPublishStatus(ctx.tx, offer, next, at);
  if (problems.length > 0) {
    ctx.emit({
      type: 'offer.validation-failed',
      organisationId,
      subject: { type: 'offer', id: offer.id },
      data: {
        offerId: offer.id,
        offerName: version.snapshot.fields.name,
        submissionId: submission.id,
      },
    });
  }
}

/** Job 'publish.preview': creates the preview of a new offer; an update of a live offer goes straight on. */
export async function runPreviewStep(ctx: StepContext): Promise<void> {
  const found = await stepSubmission(ctx);
  if (!found || found.submission.state !== 'approved') return;
  const { submission, offer, organisationId } = found;
  const at = ctx.clock.now();
  const straightOn = offer.liveVersionId !== null;
  const next = await ctx.tx.submissions.transitionSubmission(
    organisationId,
    submission.id,
    ['approved'],
    { state: straightOn ? 'publishing' : 'preview' },
    at,
  );
  if (!next) return;
  await syncPublishStatus(ctx.tx, offer, next, at, straightOn ? {} : { lifecycleState: 'preview' });
  if (straightOn) {
    await ctx.tx.jobs.enqueueJob({
      kind: 'publish.go-live',
      payload: { submissionId: submission.id },
      organisationId,
      runAt: at,
      dedupeKey: `publish.go-live:${submission.id}`,
    });
  }
}

/** Job 'publish.go-live': the version becomes live; the status is recomputed. */
export async function runGoLiveStep(ctx: StepContext): Promise<void> {
  const found = await stepSubmission(ctx);
  if (!found || found.submission.state !== 'publishing') return;
  const { submission, offer, organisationId } = found;
  const at = ctx.clock.now();
  const next = await ctx.tx.submissions.transitionSubmission(
    organisationId,
    submission.id,
    ['publishing'],
    { state: 'published' },
    at,
  );
  if (!next) return;
  await syncPublishStatus(ctx.tx, offer, next, at, {
    lifecycleState: 'live',
    liveVersionId: submission.versionId,
  });
  ctx.emit({
    type: 'offer.published',
    organisationId,
    subject: { type: 'offer', id: offer.id },
    data: { offerId: offer.id, versionId: submission.versionId },
  });
  await recomputeOfferStatus(ctx.tx, ctx, organisationId, offer.id, 'publish');
}

export function describeProblems(problems: readonly ValidationProblem[], locale: Locale) {
  return problems.map((p) => ({ ...p, message: translate(locale, p.code, p.params) }));
}
