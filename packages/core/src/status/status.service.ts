/**
 * Co-sell status use cases: keep each offer's stored status in step with its inputs, explain a
 * status requirement by requirement, preview and activate a policy switch, and grant the
 * Preferred Solution badge when it is due.
 */
import { AppError, getOrNotFound } from '../errors';
import { loadProgramContext, requireOffer } from '../offers/offer.service';
import type { OfferRecord } from '../offers/offer';
import type { Clock, ExpectedVersions } from '../ports';
import {
  computeBenefits,
  qualifiesForBadge,
  type BenefitFacts,
  type Benefits,
} from '../program/benefits';
import {
  explainStatusChange,
  newlyInvalid,
  type InvalidUnderPolicy,
  type StatusChangeReason,
} from '../program/evaluation';
import { POLICIES, type PolicyId, type ProgramPolicy } from '../program/policies';
import { pickFacts } from '../profiles/profile';
import {
  evaluateStatus,
  statusOf,
  statusRank,
  type StatusEvaluation,
  type StatusFacts,
} from '../program/status-engine';
import { cosellStatusName, type CosellStatusId } from '../reference/cosell-statuses';
import { requireVendorPermission, scopeOf, type Actor } from '../accounts/access';
import type { Locale } from '../accounts/accounts.types';
import type { EventSink } from '../events/events';
import { runCommand } from '../commands/command';
import { statusLabel } from '../i18n/names';
import { snapshotStatusFacts, type OfferSnapshot } from '../publishing/publication';
import type { Tx } from '../transaction';
import type { UnitOfWork } from '../transaction';
import type { OfferStatusRecord } from './status.ports';
import type { StatusHistoryRecord } from './status.ports';
import type { StatusInputRow } from './status.ports';
import type { StorefrontListing } from '../storefront/storefront.ports';
import { describeRequirement } from './describe';

export interface StatusDeps {
  uow: UnitOfWork;
  clock: Clock;
}

/** What storing a status needs: the program clock, and where its events go. */
export type StatusEffects = { clock: Clock } & EventSink;

/** The engine's facts for a stored input row (its live version; nothing live → not co-sell ready). */
export function factsOfInput(row: StatusInputRow, draft?: OfferSnapshot): StatusFacts | null {
  const snapshot = row.live ?? draft ?? null;
  if (!snapshot) return null;
  return {
    offer: snapshotStatusFacts(snapshot, {
      live: row.live !== null && row.lifecycleState === 'live',
      createdAt: row.createdAt,
    }),
    profile: row.profile ? pickFacts(row.profile) : null,
    review: row.review
      ? {
          approved: row.review.decision === 'approve',
          technicalValidation: row.review.technicalValidation,
          revenueVerified: row.review.revenueVerified,
        }
      : null,
  };
}

/** The status an input row holds under `policy`. */
export function statusOfInput(row: StatusInputRow, policy: ProgramPolicy): CosellStatusId {
  const facts = factsOfInput(row);
  return facts ? statusOf(facts, policy) : 'not-cosell-ready';
}

/** The next stored status: qualifying time and badge carry over while the badge status holds. */
export function nextStatusRecord(
  row: Pick<StatusInputRow, 'organisationId' | 'offerId' | 'current'>,
  status: CosellStatusId,
  policy: ProgramPolicy,
  at: Date,
): OfferStatusRecord {
  const current = row.current;
  const qualifies = qualifiesForBadge(status, policy);
  const stillQualified = qualifies && current?.qualifiedSince != null;
  return {
    organisationId: row.organisationId,
    offerId: row.offerId,
    status,
    policyId: policy.id,
    qualifiedSince: qualifies ? (stillQualified ? current!.qualifiedSince : at) : null,
    badgeGrantedAt: qualifies ? (current?.badgeGrantedAt ?? null) : null,
    evaluatedAt: at,
  };
}

/**
 * The benefits of `status` for an offer with these commercial facts and its stored badge timing;
 * with the evaluation the status came from, each benefit out of reach points at its fix.
 */
function benefitsOf(
  status: CosellStatusId,
  offer: Pick<BenefitFacts, 'offerType' | 'live' | 'transactable' | 'pricedAboveZero'>,
  stored: OfferStatusRecord | null | undefined,
  policy: ProgramPolicy,
  evaluation?: StatusEvaluation,
): Benefits {
  return computeBenefits(
    {
      status,
      offerType: offer.offerType,
      live: offer.live,
      transactable: offer.transactable,
      pricedAboveZero: offer.pricedAboveZero,
      qualifiedSince: stored?.qualifiedSince ?? null,
      badgeGrantedAt: stored?.badgeGrantedAt ?? null,
    },
    policy,
    evaluation,
  );
}

/** The storefront's badges of a live offer. */
function storefrontBadges(benefits: Benefits): string[] {
  const badges: string[] = [];
  if (benefits.preferredSolutionBadge.granted) badges.push('preferred-solution');
  if (benefits.azureBenefitEligible) badges.push('azure-benefit-eligible');
  return badges;
}

/** Puts a live offer's public facts on the storefront, or takes a non-live one off. */
export async function refreshStorefront(
  tx: Tx,
  row: StatusInputRow,
  record: OfferStatusRecord | null,
  policy: ProgramPolicy,
): Promise<void> {
  if (!row.live || row.lifecycleState !== 'live') {
    await tx.storefront.deleteStorefrontListing(row.offerId);
    return;
  }
  const status = record?.status ?? 'not-cosell-ready';
  const fields = row.live.fields;
  const benefits = benefitsOf(status, { ...fields, live: true }, record, policy);
  const organisation = await tx.organisations.findOrganisation(row.organisationId);
  const listing: StorefrontListing = {
    offerId: row.offerId,
    organisationId: row.organisationId,
    publisherName: organisation?.name ?? '',
    name: fields.name,
    offerType: fields.offerType,
    summary: fields.summary,
    description: fields.description,
    markets: [...fields.markets],
    badges: storefrontBadges(benefits),
    cosellStatus: status,
    publishedAt: record?.evaluatedAt ?? new Date(0),
  };
  await tx.storefront.upsertStorefrontListing(listing);
}

/**
 * Re-evaluates one offer with its current inputs and stores the result: status row, a history
 * entry and a `status.changed` event when the status (or the deciding policy) changed.
 * Idempotent: running it twice changes nothing the second time.
 */
export async function recomputeOfferStatus(
  tx: Tx,
  deps: StatusEffects,
  organisationId: string,
  offerId: string,
  cause: string,
  policy?: ProgramPolicy,
): Promise<OfferStatusRecord | null> {
  const row = await tx.statuses.findStatusInput(organisationId, offerId);
  if (!row) return null;
  const active = policy ?? (await loadProgramContext(tx)).policy;
  return storeStatus(tx, deps, row, statusOfInput(row, active), active, cause);
}

async function storeStatus(
  tx: Tx,
  deps: StatusEffects,
  row: StatusInputRow,
  status: CosellStatusId,
  policy: ProgramPolicy,
  cause: string,
): Promise<OfferStatusRecord> {
  const at = deps.clock.now();
  const next = nextStatusRecord(row, status, policy, at);
  const previous = row.current;
  const changed = previous?.status !== next.status || previous?.policyId !== next.policyId;
  const badgeChanged =
    previous?.qualifiedSince?.getTime() !== next.qualifiedSince?.getTime() ||
    previous?.badgeGrantedAt?.getTime() !== next.badgeGrantedAt?.getTime();
  if (!changed && !badgeChanged && previous) return previous;
  await tx.statuses.saveOfferStatus(next);
  if (changed) {
    await tx.statuses.appendStatusHistory([
      {
        organisationId: row.organisationId,
        offerId: row.offerId,
        status: next.status,
        previousStatus: previous?.status ?? null,
        policyId: policy.id,
        cause,
        at,
      },
    ]);
    deps.emit({
      type: 'status.changed',
      organisationId: row.organisationId,
      subject: { type: 'offer', id: row.offerId },
      data: {
        offerId: row.offerId,
        offerName: row.offerName,
        from: previous?.status ?? null,
        to: next.status,
        policyId: policy.id,
        era: policy.namingEra,
        cause,
      },
    });
  }
  return next;
}

/** Everything the offer's status page shows. */
export interface StatusView {
  offerId: string;
  status: CosellStatusId;
  statusName: string;
  policyId: PolicyId;
  /**
   * What the requirements were checked against: the live version, the draft before the first
   * publication, or (for a reviewer) the submitted version as if it were live.
   */
  basis: 'live' | 'draft' | 'submission';
  evaluation: StatusEvaluation;
  benefits: Benefits;
  stored: OfferStatusRecord | null;
  history: StatusHistoryRecord[];
}

/** The draft as a snapshot (what "Review and publish" would submit). */
export async function draftSnapshot(tx: Tx, offer: OfferRecord): Promise<OfferSnapshot> {
  const documents = await tx.documents.listDocuments(offer.organisationId, offer.id);
  const contacts = await tx.contacts.listContacts(offer.organisationId, offer.id);
  const { lifecycleState: _state, ...fields } = {
    name: offer.name,
    alias: offer.alias,
    offerType: offer.offerType,
    summary: offer.summary,
    description: offer.description,
    markets: offer.markets,
    transactable: offer.transactable,
    pricedAboveZero: offer.pricedAboveZero,
    cspOptIn: offer.cspOptIn,
    lifecycleState: offer.lifecycleState,
  };
  return {
    fields,
    cosell: offer.cosell,
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      fileName: d.fileName,
      contentType: d.contentType,
      sizeBytes: d.sizeBytes,
      sha256: d.sha256,
      blobKey: d.blobKey,
    })),
    contacts: contacts.map((c) => ({
      name: c.name,
      email: c.email,
      jobTitle: c.jobTitle,
      role: c.role,
      countries: c.countries,
      states: c.states,
    })),
  };
}

/** Translates an evaluation's requirement codes for the reader. */
export function describeEvaluation(
  evaluation: StatusEvaluation,
  locale: Locale,
  policy: ProgramPolicy,
) {
  return evaluation.tiers.map((tier) => ({
    ...tier,
    name: statusLabel(tier.status, locale, policy.namingEra),
    requirements: tier.requirements.map((r) => describeRequirement(r, locale)),
  }));
}

export async function getOfferStatus(
  deps: StatusDeps,
  actor: Actor,
  organisationId: string,
  offerId: string,
): Promise<StatusView> {
  return deps.uow.run(
    async (tx) => {
      const offer = await requireOffer(tx, actor, organisationId, offerId, 'offers.read');
      return readStatusView(tx, offer);
    },
    scopeOf(actor),
    { snapshot: true },
  );
}

/**
 * What a submitted version would hold once live: every requirement checked against the
 * submission, the partner's current profile and no review yet (the reviewer's part).
 */
export async function submittedStatusView(
  tx: Tx,
  offer: OfferRecord,
  snapshot: OfferSnapshot,
): Promise<StatusView> {
  const { policy } = await loadProgramContext(tx);
  const profile = await tx.profiles.findProfile(offer.organisationId);
  const facts: StatusFacts = {
    offer: snapshotStatusFacts(snapshot, { live: true, createdAt: offer.createdAt }),
    profile: profile ? pickFacts(profile) : null,
    review: null,
  };
  const evaluation = evaluateStatus(facts, policy);
  const stored = await tx.statuses.findOfferStatus(offer.organisationId, offer.id);
  return {
    offerId: offer.id,
    status: evaluation.status,
    statusName: cosellStatusName(evaluation.status, policy.namingEra),
    policyId: policy.id,
    basis: 'submission',
    evaluation,
    benefits: benefitsOf(
      evaluation.status,
      { ...snapshot.fields, live: true },
      stored,
      policy,
      evaluation,
    ),
    stored,
    history: await tx.statuses.listStatusHistory(offer.organisationId, offer.id, 50),
  };
}

/** The status view of an offer the caller may read. */
export async function readStatusView(tx: Tx, offer: OfferRecord): Promise<StatusView> {
  const { policy } = await loadProgramContext(tx);
  const row: StatusInputRow = (await tx.statuses.findStatusInput(
    offer.organisationId,
    offer.id,
  )) ?? {
    organisationId: offer.organisationId,
    offerId: offer.id,
    offerName: offer.name,
    createdAt: offer.createdAt,
    live: null,
    lifecycleState: offer.lifecycleState,
    draft: offer.cosell,
    review: null,
    profile: await tx.profiles.findProfile(offer.organisationId),
    current: null,
  };
  const basis = row.live ? 'live' : 'draft';
  const facts = factsOfInput(row, row.live ? undefined : await draftSnapshot(tx, offer))!;
  const evaluation = evaluateStatus(facts, policy);
  const stored = row.current;
  const status = row.live ? evaluation.status : 'not-cosell-ready';
  const benefits = benefitsOf(
    status,
    { ...facts.offer, offerType: offer.offerType },
    stored,
    policy,
    evaluation,
  );
  return {
    offerId: offer.id,
    status,
    statusName: cosellStatusName(status, policy.namingEra),
    policyId: policy.id,
    basis,
    evaluation,
    benefits,
    stored,
    history: await tx.statuses.listStatusHistory(offer.organisationId, offer.id, 50),
  };
}

/** An offer of a preview, named for the admin (whose offer it is). */
interface PreviewOffer {
  organisationId: string;
  /** The partner, so the admin knows whose offer it is. */
  organisationName: string;
  offerId: string;
  offerName: string;
}

/**
 * What a policy switch would do: per status pair, how many offers move, and the first few with
 * the reason; and the offers whose live version or draft would break a limit of the new policy.
 */
export interface PolicySwitchPreview {
  from: PolicyId;
  to: PolicyId;
  offers: number;
  gained: number;
  lost: number;
  unchanged: number;
  moves: { from: CosellStatusId; to: CosellStatusId; count: number }[];
  /** The first changed offers (up to `sampleSize`), each with why its status changes. */
  sample: (PreviewOffer & {
    from: CosellStatusId;
    to: CosellStatusId;
    reasons: StatusChangeReason[];
  })[];
  /**
   * How many offers hold data, live or in the draft, that the new policy calls invalid and the
   * active one does not (more solution areas than it allows…): they could not be republished
   * unchanged.
   */
  invalid: number;
  /** The first of them (up to `sampleSize`), each with what breaks the new policy. */
  invalidSample: (PreviewOffer & { problems: InvalidUnderPolicy[] })[];
  elapsedMs: number;
}

const PAGE = 5_000;

/** Program admins: what switching to `policyId` would change, over every offer of every partner. */
export async function previewPolicySwitch(
  deps: StatusDeps,
  actor: Actor,
  policyId: PolicyId,
  sampleSize = 100,
): Promise<PolicySwitchPreview> {
  requireVendorPermission(actor, 'program.manage');
  const started = performance.now();
  return deps.uow.run(
    async (tx) => {
      const { policy: active, taxonomy } = await loadProgramContext(tx);
      const candidate = POLICIES[policyId];
      const moves = new Map<string, { from: CosellStatusId; to: CosellStatusId; count: number }>();
      const sample: PolicySwitchPreview['sample'] = [];
      const invalidSample: PolicySwitchPreview['invalidSample'] = [];
      let offers = 0;
      let gained = 0;
      let lost = 0;
      let invalid = 0;
      const named = (row: StatusInputRow): PreviewOffer => ({
        organisationId: row.organisationId,
        organisationName: '',
        offerId: row.offerId,
        offerName: row.offerName,
      });
      let after: { organisationId: string; offerId: string } | null = null;
      for (;;) {
        const page = await tx.statuses.listStatusInputs(after, PAGE);
        for (const row of page) {
          offers += 1;
          const problems = newlyInvalid(
            { live: row.live?.cosell ?? null, draft: row.draft },
            taxonomy,
            active,
            candidate,
          );
          if (problems.length > 0) {
            invalid += 1;
            if (invalidSample.length < sampleSize) invalidSample.push({ ...named(row), problems });
          }
          // The facts once, the status under each policy (what statusOfInput does for one).
          const facts = factsOfInput(row);
          const from = facts ? statusOf(facts, active) : 'not-cosell-ready';
          const to = facts ? statusOf(facts, candidate) : 'not-cosell-ready';
          if (from === to) continue;
          const key = `${from}>${to}`;
          const move = moves.get(key) ?? { from, to, count: 0 };
          move.count += 1;
          moves.set(key, move);
          if (statusRank(to) > statusRank(from)) gained += 1;
          else lost += 1;
          if (sample.length < sampleSize) {
            // Only offers with facts change status; the reasons come from evaluating them again.
            const { reasons } = explainStatusChange(facts!, active, candidate);
            sample.push({ ...named(row), from, to, reasons });
          }
        }
        if (page.length < PAGE) break;
        const last = page[page.length - 1]!;
        after = { organisationId: last.organisationId, offerId: last.offerId };
      }
      const names = new Map<string, string>();
      for (const entry of [...sample, ...invalidSample]) {
        if (!names.has(entry.organisationId)) {
          const organisation = await tx.organisations.findOrganisation(entry.organisationId);
          names.set(entry.organisationId, organisation?.name ?? '');
        }
        entry.organisationName = names.get(entry.organisationId)!;
      }
      return {
        from: active.id,
        to: candidate.id,
        offers,
        gained,
        lost,
        unchanged: offers - gained - lost,
        moves: [...moves.values()].sort((a, b) => b.count - a.count),
        sample,
        invalid,
        invalidSample,
        elapsedMs: Math.round(performance.now() - started),
      };
    },
    { ...scopeOf(actor), programStaff: true },
  );
}

/**
 * Program admins: makes `policyId` the active policy (If-Match on the program) and queues the
 * re-evaluation of every offer under it; each new status records the policy that decided it.
 */
export async function activatePolicy(
  deps: StatusDeps,
  actor: Actor,
  policyId: PolicyId,
  expected: ExpectedVersions,
  requestId?: string,
) {
  const membership = requireVendorPermission(actor, 'program.manage');
  const organisationId = membership.organisationId;
  return runCommand(
    deps,
    { actor, requestId, expected },
    { name: 'program.policy.activate', organisationId, permission: 'program.manage' },
    async ({ tx, now, audit, emit }) => {
      const program = getOrNotFound(await tx.programs.findProgram(organisationId), 'program');
      const updated = await tx.programs.updateProgramPolicy(
        organisationId,
        policyId,
        expected,
        now,
      );
      if (!updated) throw new AppError('PRECONDITION_FAILED');
      audit({
        entityType: 'program',
        entityId: organisationId,
        before: { activePolicy: program.activePolicy },
        after: { activePolicy: policyId },
      });
      if (program.activePolicy !== policyId) {
        emit({
          type: 'program.policy-activated',
          organisationId,
          subject: { type: 'program', id: organisationId },
          data: { from: program.activePolicy, to: policyId },
        });
        await tx.jobs.enqueueJob({
          kind: 'status.reevaluate',
          payload: { cause: 'policy', policyId, after: null },
          organisationId: null,
          runAt: now,
          dedupeKey: `status.reevaluate:${policyId}:${updated.version}`,
        });
      }
      return updated;
    },
  );
}

/** One page of the program-wide re-evaluation; returns the cursor of the next page, if any. */
export async function reevaluatePage(
  tx: Tx,
  deps: StatusEffects,
  after: { organisationId: string; offerId: string } | null,
  cause: string,
  pageSize = 1_000,
): Promise<{ organisationId: string; offerId: string } | null> {
  const { policy } = await loadProgramContext(tx);
  const page = await tx.statuses.listStatusInputs(after, pageSize);
  for (const row of page) {
    const status = statusOfInput(row, policy);
    if (row.current?.status === status && row.current.policyId === policy.id) continue;
    await tx.widenScope({ organisationIds: [row.organisationId] });
    await storeStatus(tx, deps, row, status, policy, cause);
  }
  if (page.length < pageSize) return null;
  const last = page[page.length - 1]!;
  return { organisationId: last.organisationId, offerId: last.offerId };
}

/** Grants the Preferred Solution badge to offers that held a qualifying status long enough. */
export async function grantDueBadges(tx: Tx, deps: StatusEffects, limit = 500): Promise<number> {
  // Before the first set-up there is no program, and nothing to grant.
  if (!(await tx.organisations.findVendorOrganisation())) return 0;
  const { policy } = await loadProgramContext(tx);
  const now = deps.clock.now();
  const qualifiedBefore = new Date(
    now.getTime() - policy.benefits.preferredSolutionBadge.delayDays * 86_400_000,
  );
  const due = await tx.statuses.listBadgesDue(qualifiedBefore, limit);
  let granted = 0;
  for (const { organisationId, offerId } of due) {
    await tx.widenScope({ organisationIds: [organisationId] });
    const row = await tx.statuses.findStatusInput(organisationId, offerId);
    const current = row?.current;
    if (!row || !current || current.badgeGrantedAt || !current.qualifiedSince) continue;
    if (!qualifiesForBadge(current.status, policy)) continue;
    const next = { ...current, badgeGrantedAt: now };
    await tx.statuses.saveOfferStatus(next);
    await tx.statuses.appendStatusHistory([
      {
        organisationId,
        offerId,
        status: current.status,
        previousStatus: current.status,
        policyId: policy.id,
        cause: 'badge',
        at: now,
      },
    ]);
    deps.emit({
      type: 'badge.granted',
      organisationId,
      subject: { type: 'offer', id: offerId },
      data: { offerId, offerName: row.offerName, badge: 'preferred-solution' },
    });
    granted += 1;
  }
  return granted;
}
