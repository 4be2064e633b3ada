/**
 * The referral life cycle (SPEC §7.2–§7.4) as one transition table and pure rules. Nothing here
 * reads a clock or a database: `now` and the actor are arguments, so a job, a route and a test
 * get the same answer. Rules return a `Decision` (allow, or refuse with a reason and the field
 * concerned); `applyAction` turns a refusal into the matching AppError.
 */
import { AppError } from '../errors';
import type { NewEvent } from '../events/events';
import {
  REFERRAL_EXPIRY_WARNING_DAYS,
  REFERRAL_RESPONSE_DAYS,
  REFERRAL_SUBSTATUS_STATUS,
  SALES_STAGE_NAMES,
  SOLUTION_ASSESSMENT_SALES_STAGE_NAMES,
  type ReferralLifecycleStatus,
  type ReferralSubstatus,
} from '../reference/referral.data';
import { isReferralStatusTransitionAllowed } from '../reference/referral';
import {
  VISIBILITIES,
  type InviteeTerms,
  type Referral,
  type ReferralAction,
  type ReferralActionKind,
  type ReferralActor,
  type Visibility,
} from './opportunities.types';
import type { Role } from '../accounts/accounts.types';
import type { ReferralCreate } from './opportunities.schemas';

const DAY_MS = 24 * 60 * 60 * 1000;

// ---------------------------------------------------------------------------------------------
// The transition table
// ---------------------------------------------------------------------------------------------

/** Substatuses still open; every other one is Closed and final. */
export const OPEN_SUBSTATUSES = [
  'Pending',
  'Received',
  'Accepted',
] as const satisfies readonly ReferralSubstatus[];

/** Per action: the substatuses it applies to and the substatus it leads to (null: unchanged). */
export const REFERRAL_ACTION_TABLE: Readonly<
  Record<ReferralActionKind, { from: readonly ReferralSubstatus[]; to: ReferralSubstatus | null }>
> = {
  accept: { from: ['Pending', 'Received'], to: 'Accepted' },
  decline: { from: ['Pending', 'Received'], to: 'Declined' },
  expire: { from: ['Received'], to: 'Expired' },
  'move-stage': { from: ['Accepted'], to: null },
  win: { from: ['Accepted'], to: 'Won' },
  lose: { from: ['Accepted'], to: 'Lost' },
  'close-as-error': { from: OPEN_SUBSTATUSES, to: 'Error' },
  'upgrade-visibility': { from: OPEN_SUBSTATUSES, to: null },
  invite: { from: ['Accepted'], to: null },
  update: { from: OPEN_SUBSTATUSES, to: null },
};

/** True once the referral is Closed (Won, Lost, Declined, Expired, or closed as Error). */
export const isClosed = (referral: Pick<Referral, 'substatus'>): boolean =>
  !(OPEN_SUBSTATUSES as readonly string[]).includes(referral.substatus);

/** The status a substatus belongs to. */
export function referralStatusOf(substatus: ReferralSubstatus): ReferralLifecycleStatus {
  const status = REFERRAL_SUBSTATUS_STATUS[substatus];
  if (!status) throw new Error(`substatus ${substatus} belongs to no status`);
  return status;
}

// ---------------------------------------------------------------------------------------------
// Decisions
// ---------------------------------------------------------------------------------------------

/** Why a rule refuses; `referral.refused.<reason>` is the message. */
export const REFUSAL_REASONS = [
  'closed',
  'notParticipant',
  'roleNotAllowed',
  'systemOnly',
  'wrongState',
  'notDueYet',
  'stageOutOfOrder',
  'stageNotForDeal',
  'wonNeedsWin',
  'visibilityNotHigher',
  'readOnly',
  'notCosellReady',
  'locationNotAssigned',
  'inviteSelf',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** The message of each refusal. */
export const REFUSAL_MESSAGE_KEYS: Readonly<Record<RefusalReason, string>> = {
  closed: 'referral.refused.closed',
  notParticipant: 'referral.refused.notParticipant',
  roleNotAllowed: 'referral.refused.roleNotAllowed',
  systemOnly: 'referral.refused.systemOnly',
  wrongState: 'referral.refused.wrongState',
  notDueYet: 'referral.refused.notDueYet',
  stageOutOfOrder: 'referral.refused.stageOutOfOrder',
  stageNotForDeal: 'referral.refused.stageNotForDeal',
  wonNeedsWin: 'referral.refused.wonNeedsWin',
  visibilityNotHigher: 'referral.refused.visibilityNotHigher',
  readOnly: 'referral.refused.readOnly',
  notCosellReady: 'referral.refused.notCosellReady',
  locationNotAssigned: 'referral.refused.locationNotAssigned',
  inviteSelf: 'referral.refused.inviteSelf',
};

export type Decision =
  { allowed: true } | { allowed: false; reason: RefusalReason; field?: string | undefined };

const allow: Decision = { allowed: true };
const refuse = (reason: RefusalReason, field?: string): Decision => ({
  allowed: false,
  reason,
  field,
});

/** Partner roles that work referrals; a referrals user only its assigned locations (§7.2). */
export const PARTNER_REFERRAL_ROLES = [
  'owner',
  'referrals-admin',
  'referrals-user',
] as const satisfies readonly Role[];
/** Vendor roles that send and work co-sell opportunities. */
export const VENDOR_REFERRAL_ROLES = ['program-admin', 'seller'] as const satisfies readonly Role[];

const hasAny = (roles: readonly Role[], allowed: readonly Role[]) =>
  roles.some((role) => allowed.includes(role));

/**
 * May this partner member create an outbound deal (New deal)? A referrals admin (or owner)
 * anywhere in the company; a referrals user only for a location assigned to them; and only
 * when the company has a co-sell ready solution in the marketplace (SPEC §7.2).
 */
export function canCreateOutbound(
  actor: ReferralActor,
  context: { hasCosellReadySolution: boolean; locationAssigned: boolean },
): Decision {
  if (actor.organisationKind !== 'partner' || !hasAny(actor.roles, PARTNER_REFERRAL_ROLES)) {
    return refuse('roleNotAllowed');
  }
  const admin = hasAny(actor.roles, ['owner', 'referrals-admin']);
  if (!admin && !context.locationAssigned) return refuse('locationNotAssigned', 'locationId');
  if (!context.hasCosellReadySolution) return refuse('notCosellReady');
  return allow;
}

/** May this vendor member send a co-sell opportunity to a partner (inbound at the partner)? */
export function canSendCosellOpportunity(actor: ReferralActor): Decision {
  return actor.organisationKind === 'vendor' && hasAny(actor.roles, VENDOR_REFERRAL_ROLES)
    ? allow
    : refuse('roleNotAllowed');
}

/**
 * May `actor` (null: the system, i.e. a job) take `action` on `referral` at `now`? Only the
 * organisation owning a referral acts on it (the others see it as not found); a closed referral
 * refuses everything; then the transition table and the action's own rule decide.
 */
export function decide(
  referral: Referral,
  action: ReferralAction,
  actor: ReferralActor | null,
  now: Date,
): Decision {
  if (actor) {
    if (actor.organisationId !== referral.organizationId) return refuse('notParticipant');
    const roles =
      actor.organisationKind === 'vendor' ? VENDOR_REFERRAL_ROLES : PARTNER_REFERRAL_ROLES;
    if (!hasAny(actor.roles, roles)) return refuse('roleNotAllowed');
  }
  if (isClosed(referral)) return refuse('closed');
  if (action.kind === 'expire') {
    if (actor) return refuse('systemOnly');
  } else if (!actor) {
    return refuse('roleNotAllowed');
  }
  const row = REFERRAL_ACTION_TABLE[action.kind];
  if (!row.from.includes(referral.substatus)) return refuse('wrongState', 'substatus');
  if (
    row.to &&
    !isReferralStatusTransitionAllowed(
      referralStatusOf(referral.substatus),
      referralStatusOf(row.to),
    )
  ) {
    return refuse('wrongState', 'status');
  }
  switch (action.kind) {
    case 'expire':
      return isExpiryDue(referral, now) ? allow : refuse('notDueYet', 'expirationDateTime');
    case 'move-stage':
      return checkStage(referral, action.stage);
    case 'win':
      return checkWin(referral);
    case 'upgrade-visibility':
      return visibilityRank(action.to) > visibilityRank(referral.visibility)
        ? allow
        : refuse('visibilityNotHigher', 'visibility');
    case 'invite':
      return action.invitee.organizationId === referral.organizationId
        ? refuse('inviteSelf', 'organizationId')
        : allow;
    case 'update':
      return checkUpdate(referral, action.next);
    default:
      return allow;
  }
}

// ---------------------------------------------------------------------------------------------
// Expiry
// ---------------------------------------------------------------------------------------------

/** When a referral received at `receivedAt` expires unanswered (14 days later). */
export const expirationFor = (receivedAt: Date): Date =>
  new Date(receivedAt.getTime() + REFERRAL_RESPONSE_DAYS * DAY_MS);

/** When the receiver is warned that the referral is about to expire. */
export const expiryWarningFor = (expiration: Date): Date =>
  new Date(expiration.getTime() - REFERRAL_EXPIRY_WARNING_DAYS * DAY_MS);

/** True when the referral is Received, unanswered, and its 14 days have passed at `now`. */
export function isExpiryDue(referral: Referral, now: Date): boolean {
  return (
    referral.substatus === 'Received' &&
    referral.expirationDateTime !== null &&
    now.getTime() >= Date.parse(referral.expirationDateTime)
  );
}

/** True when the receiver should have been warned by `now` (and the referral has not expired). */
export function isExpiryWarningDue(referral: Referral, now: Date): boolean {
  if (referral.substatus !== 'Received' || referral.expirationDateTime === null) return false;
  const expiration = new Date(referral.expirationDateTime);
  return now >= expiryWarningFor(expiration) && now < expiration;
}

// ---------------------------------------------------------------------------------------------
// Sales stages and visibility
// ---------------------------------------------------------------------------------------------

/** The stage list of a deal: solution-assessment deals have their own, all mandatory. */
export const stagesFor = (referral: Pick<Referral, 'dealKind'>): readonly string[] =>
  referral.dealKind === 'solution-assessment'
    ? SOLUTION_ASSESSMENT_SALES_STAGE_NAMES
    : SALES_STAGE_NAMES;

/**
 * May the deal move to `stage`? The stage must belong to the deal's list; Won comes only with
 * the win action; a solution assessment moves exactly one stage forward at a time.
 */
export function checkStage(referral: Referral, stage: string): Decision {
  const stages = stagesFor(referral);
  if (!stages.includes(stage)) return refuse('stageNotForDeal', 'salesStage');
  if (stage === 'Won') return refuse('wonNeedsWin', 'salesStage');
  if (referral.dealKind !== 'solution-assessment') return allow;
  const current = referral.salesStage ? stages.indexOf(referral.salesStage) : -1;
  return stages.indexOf(stage) === current + 1 ? allow : refuse('stageOutOfOrder', 'salesStage');
}

/** A solution assessment is won only after every earlier stage (SPEC §7.4). */
export function checkWin(referral: Referral): Decision {
  if (referral.dealKind !== 'solution-assessment') return allow;
  const stages = SOLUTION_ASSESSMENT_SALES_STAGE_NAMES;
  return referral.salesStage === stages[stages.length - 2]
    ? allow
    : refuse('stageOutOfOrder', 'salesStage');
}

export const visibilityRank = (visibility: Visibility): number => VISIBILITIES.indexOf(visibility);

// ---------------------------------------------------------------------------------------------
// Edits (PUT and PATCH)
// ---------------------------------------------------------------------------------------------

/**
 * Fields an edit never changes: the system's own, the life cycle's (changed by actions only),
 * and what SPEC §7.3 fixes after creation (the location and the customer). Paths are JSON
 * Pointer-like, `/`-separated.
 */
export const READ_ONLY_PATHS = [
  'id',
  'engagementId',
  'organizationId',
  'organizationName',
  'createdDateTime',
  'updatedDateTime',
  'expirationDateTime',
  'acceptedDateTime',
  'status',
  'substatus',
  'direction',
  'eTag',
  'dealKind',
  'qualification',
  'type',
  'target',
  'inviteContext',
  'locationId',
  'customerProfile',
] as const;

const get = (value: unknown, path: string): unknown =>
  path
    .split('/')
    .reduce<unknown>(
      (node, key) =>
        node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined,
      value,
    );

/** JSON with object keys sorted: stored documents (jsonb) do not keep the order keys came in. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** The top-level and nested fields that differ between two referrals (for `referral.updated`). */
export function changedFields(before: Referral, after: Referral): string[] {
  const fields: string[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === 'eTag' || key === 'updatedDateTime') continue;
    const a = (before as unknown as Record<string, unknown>)[key];
    const b = (after as unknown as Record<string, unknown>)[key];
    if (same(a, b)) continue;
    if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a)) {
      for (const sub of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (!same((a as Record<string, unknown>)[sub], (b as Record<string, unknown>)[sub])) {
          fields.push(`${key}/${sub}`);
        }
      }
    } else fields.push(key);
  }
  return fields.sort();
}

/**
 * May `current` become `next` by an edit? Read-only fields stay, visibility never goes down,
 * the solutions of a solution assessment stay, and a changed sales stage follows the stage rule.
 */
export function checkUpdate(current: Referral, next: Referral): Decision {
  for (const path of READ_ONLY_PATHS) {
    if (!same(get(current, path), get(next, path))) return refuse('readOnly', path);
  }
  if (visibilityRank(next.visibility) < visibilityRank(current.visibility)) {
    return refuse('visibilityNotHigher', 'visibility');
  }
  if (
    current.dealKind === 'solution-assessment' &&
    !same(current.details.requirements.solutions, next.details.requirements.solutions)
  ) {
    return refuse('readOnly', 'details/requirements/solutions');
  }
  if (next.salesStage !== current.salesStage) {
    if (next.salesStage === undefined) return refuse('stageOutOfOrder', 'salesStage');
    return checkStage(current, next.salesStage);
  }
  return allow;
}

// ---------------------------------------------------------------------------------------------
// Applying an action
// ---------------------------------------------------------------------------------------------

/** The AppError a refusal answers with: one code for every change to a closed referral. */
export function refusalError(decision: Extract<Decision, { allowed: false }>): AppError {
  const messageKey = REFUSAL_MESSAGE_KEYS[decision.reason];
  switch (decision.reason) {
    case 'closed':
      return new AppError('REFERRAL_CLOSED', { message: 'the referral is closed' });
    case 'notParticipant':
      return new AppError('NOT_FOUND', { message: 'referral not found' });
    case 'roleNotAllowed':
    case 'systemOnly':
    case 'notCosellReady':
    case 'locationNotAssigned':
      return new AppError('FORBIDDEN', { message: decision.reason, messageKey });
    case 'wrongState':
      return new AppError('CONFLICT', { message: decision.reason, messageKey });
    default:
      return new AppError('VALIDATION', {
        message: decision.reason,
        issues: [{ path: (decision.field ?? '').split('/').filter(Boolean), code: messageKey }],
      });
  }
}

/** Next strong ETag: `"v<n+1>"` after `"v<n>"` (ADR 003); the store writes the same version. */
export function nextETag(eTag: string): string {
  const version = /^"v(\d+)"$/.exec(eTag)?.[1];
  return `"v${version ? Number(version) + 1 : 1}"`;
}

export interface ActionResult {
  referral: Referral;
  events: NewEvent[];
  /** The invitee's own new referral, for `invite`. */
  invitee?: Referral | undefined;
}

const senderOf = (referral: Referral) => referral.inviteContext?.invitedBy?.organizationId ?? null;

function event<T extends NewEvent['type']>(
  referral: Referral,
  type: T,
  data: NewEvent<T>['data'],
): NewEvent {
  return {
    type,
    organisationId: referral.organizationId,
    subject: { type: 'referral', id: referral.id },
    data,
  } as NewEvent;
}

/**
 * Applies `action` to `referral` at `now`, pure: a new referral (the input is never changed)
 * and the domain events to append. Throws the AppError of the refusal when `decide` refuses.
 */
export function applyAction(
  referral: Referral,
  action: ReferralAction,
  actor: ReferralActor | null,
  now: Date,
): ActionResult {
  const decision = decide(referral, action, actor, now);
  if (!decision.allowed) throw refusalError(decision);
  const at = now.toISOString();
  const ids = { referralId: referral.id, engagementId: referral.engagementId };
  const row = REFERRAL_ACTION_TABLE[action.kind];
  const base: Referral = structuredClone(referral);
  base.updatedDateTime = at;
  base.eTag = nextETag(referral.eTag);
  if (row.to) {
    base.substatus = row.to;
    base.status = referralStatusOf(row.to);
  }
  const updated = (next: Referral): ActionResult => ({
    referral: next,
    events: [event(next, 'referral.updated', { ...ids, fields: changedFields(referral, next) })],
  });

  switch (action.kind) {
    case 'accept': {
      const next: Referral = {
        ...base,
        name: action.name,
        acceptedDateTime: at,
        expirationDateTime: null,
        externalReferenceId: action.externalReferenceId ?? base.externalReferenceId,
        team: action.team ?? base.team,
        details: {
          ...base.details,
          dealValue: action.dealValue,
          currency: action.currency,
          closingDateTime: action.closingDateTime,
          notes: action.notes,
        },
        salesStage: base.salesStage ?? 'Accepted',
      };
      return {
        referral: next,
        events: [
          event(next, 'referral.accepted', {
            ...ids,
            name: next.name,
            senderOrganizationId: senderOf(next),
          }),
        ],
      };
    }
    case 'decline': {
      const next: Referral = {
        ...base,
        expirationDateTime: null,
        statusReason: `${action.reason}: ${action.notes}`,
      };
      return {
        referral: next,
        events: [
          event(next, 'referral.declined', {
            ...ids,
            reason: action.reason,
            senderOrganizationId: senderOf(next),
          }),
        ],
      };
    }
    case 'expire': {
      const next: Referral = { ...base, statusReason: 'No answer within 14 days' };
      return {
        referral: next,
        events: [event(next, 'referral.expired', { ...ids, senderOrganizationId: senderOf(next) })],
      };
    }
    case 'move-stage':
      return updated({ ...base, salesStage: action.stage });
    case 'win': {
      const next: Referral = {
        ...base,
        salesStage: 'Won',
        ...(action.notes ? { statusReason: action.notes } : {}),
      };
      return { referral: next, events: [event(next, 'referral.won', { ...ids, name: next.name })] };
    }
    case 'lose': {
      const next: Referral = { ...base, statusReason: action.reason };
      return {
        referral: next,
        events: [event(next, 'referral.lost', { ...ids, reason: action.reason })],
      };
    }
    case 'close-as-error':
      return updated({
        ...base,
        expirationDateTime: null,
        statusReason: action.notes ? `${action.reason}: ${action.notes}` : action.reason,
      });
    case 'upgrade-visibility':
      return updated({
        ...base,
        visibility: action.to,
        helpKind: action.to === 'co-sell' ? (action.helpKind ?? base.helpKind) : base.helpKind,
      });
    case 'invite': {
      const invitee = inviteeReferral(base, action.inviteeReferralId, action.invitee, now);
      return {
        referral: base,
        invitee,
        events: [
          event(base, 'referral.invited', {
            ...ids,
            inviteeReferralId: invitee.id,
            inviteeOrganizationId: invitee.organizationId,
          }),
          event(invitee, 'referral.created', createdData(invitee)),
        ],
      };
    }
    case 'update':
      return updated({
        ...structuredClone(action.next),
        updatedDateTime: at,
        eTag: base.eTag,
      });
  }
}

/** The payload of `referral.created` for a new referral. */
export function createdData(referral: Referral): NewEvent<'referral.created'>['data'] {
  return {
    referralId: referral.id,
    engagementId: referral.engagementId,
    name: referral.name,
    direction: referral.direction,
    dealKind: referral.dealKind,
    visibility: referral.visibility,
    substatus: referral.substatus,
    senderOrganizationId: senderOf(referral),
    expirationDateTime: referral.expirationDateTime,
  };
}

/**
 * The invitee's own referral in the inviter's engagement (P2P, SPEC §7.3 step 7): Received,
 * incoming, with the invitee's close date, value, notes, team and solutions, expiring in 14 days.
 */
export function inviteeReferral(
  inviter: Referral,
  id: string,
  terms: InviteeTerms,
  now: Date,
): Referral {
  const at = now.toISOString();
  return {
    id,
    engagementId: inviter.engagementId,
    organizationId: terms.organizationId,
    organizationName: terms.organizationName,
    name: inviter.name,
    createdDateTime: at,
    updatedDateTime: at,
    expirationDateTime: expirationFor(now).toISOString(),
    status: 'New',
    substatus: 'Received',
    target: [],
    type: 'Shared',
    qualification: inviter.qualification,
    direction: 'Incoming',
    customerProfile: structuredClone(inviter.customerProfile),
    consent: structuredClone(inviter.consent),
    details: {
      notes: terms.notes ?? inviter.details.notes,
      dealValue: terms.dealValue,
      currency: terms.currency,
      closingDateTime: terms.closingDateTime,
      requirements: { solutions: structuredClone(terms.solutions) },
    },
    team: structuredClone(terms.team),
    inviteContext: {
      notes: terms.notes,
      invitedBy: {
        organizationId: inviter.organizationId,
        organizationName: inviter.organizationName,
      },
    },
    eTag: '"v1"',
    dealKind: 'p2p',
    visibility: inviter.visibility,
    helpKind: terms.helpKind,
  };
}

// ---------------------------------------------------------------------------------------------
// Creating referrals
// ---------------------------------------------------------------------------------------------

/** What the caller's context adds to a create body: ids, the owning organisation, the time. */
export interface NewReferralContext {
  id: string;
  engagementId: string;
  organization: { id: string; name: string };
  now: Date;
}

type CreateBody = ReferralCreate;

const fromCreate = (body: CreateBody, ctx: NewReferralContext) => {
  const at = ctx.now.toISOString();
  const { engagementId: _engagementId, ...fields } = body;
  return {
    ...structuredClone(fields),
    id: ctx.id,
    engagementId: ctx.engagementId,
    organizationId: ctx.organization.id,
    organizationName: ctx.organization.name,
    createdDateTime: at,
    updatedDateTime: at,
    eTag: '"v1"',
  };
};

/**
 * A partner's own deal (New deal): it starts Accepted, outgoing, accepted at creation (the
 * resource's `acceptedDateTime` equals the creation time for outgoing referrals) and never
 * expires. A solution assessment starts at its first stage.
 */
export function newOutboundReferral(body: CreateBody, ctx: NewReferralContext): Referral {
  const referral: Referral = {
    ...fromCreate(body, ctx),
    acceptedDateTime: ctx.now.toISOString(),
    expirationDateTime: null,
    status: 'Active',
    substatus: 'Accepted',
    direction: 'Outgoing',
  };
  if (referral.dealKind === 'solution-assessment' && !referral.salesStage) {
    referral.salesStage = 'Created';
  }
  if (referral.dealKind !== 'solution-assessment' && referral.salesStage === undefined) {
    delete referral.salesStage;
  }
  return referral;
}

/**
 * A vendor seller's co-sell opportunity for a partner: the seller's own referral (outgoing,
 * Accepted) and the partner's (incoming, Received, expiring in 14 days) in one engagement.
 */
export function newCosellOpportunity(
  body: CreateBody,
  ctx: NewReferralContext,
  partner: { referralId: string; organizationId: string; organizationName: string },
): { own: Referral; partner: Referral } {
  const own: Referral = {
    ...newOutboundReferral(body, ctx),
    type: 'Shared',
    visibility: 'co-sell',
    dealKind: 'outbound',
  };
  const received: Referral = {
    ...fromCreate(body, ctx),
    id: partner.referralId,
    organizationId: partner.organizationId,
    organizationName: partner.organizationName,
    type: 'Shared',
    visibility: 'co-sell',
    dealKind: 'inbound',
    direction: 'Incoming',
    status: 'New',
    substatus: 'Received',
    expirationDateTime: expirationFor(ctx.now).toISOString(),
    inviteContext: {
      notes: body.details.notes,
      invitedBy: { organizationId: ctx.organization.id, organizationName: ctx.organization.name },
    },
  };
  return { own, partner: received };
}
