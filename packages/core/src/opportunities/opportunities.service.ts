/**
 * Co-sell opportunities (referrals, SPEC §7): the use cases behind the referrals API. Every
 * write runs through `runCommand` (access, audit, outbox events `referral.*`) and records a
 * timeline entry saying who acted and through which channel; the life cycle itself is
 * `lifecycle.ts`, on the program clock. Who sees what (SPEC §7.2): owners, managers, vendor
 * sellers and program admins see all the organisation's referrals; a referrals admin those in
 * its location scope (customer country), a referrals user those whose team has their e-mail.
 * A referral hidden by the rule, or another organisation's, is not found.
 */
import { requireOrganisationAccess, type Actor, type OrganisationAccess } from '../accounts/access';
import type { Role } from '../accounts/accounts.types';
import {
  runCommand,
  requestMeta,
  type CommandContext,
  type CommandRequest,
} from '../commands/command';
import { AppError, getOrNotFound } from '../errors';
import { createEventSink } from '../events/events';
import type { Clock, ExpectedVersions } from '../ports';
import {
  REFERRAL_DECLINE_REASONS,
  REFERRAL_ERROR_REASONS,
  SALES_STAGE_NAMES,
} from '../reference/referral.data';
import type { Tx, UnitOfWork } from '../transaction';
import {
  applyAction,
  canCreateOutbound,
  canSendCosellOpportunity,
  changedFields,
  createdData,
  expirationFor,
  newCosellOpportunity,
  newOutboundReferral,
  refusalError,
  type ActionResult,
} from './lifecycle';
import {
  nextPageToken,
  parseReferralQuery,
  type ReferralQuery,
  type ReferralQueryOptions,
} from './odata/query';
import type { ReferralCreate, ReferralReplace } from './opportunities.schemas';
import { ReferralSchema } from './opportunities.schemas';
import type {
  CosellReadySolution,
  ReferralChannel,
  ReferralListOptions,
  ReferralPage,
  ReferralTimelineEntry,
  ReferralVisibilityRule,
  SharedReferralView,
} from './opportunities.ports';
import type {
  Referral,
  ReferralAction,
  ReferralActor,
  ReferralMember,
  ReferralSolution,
} from './opportunities.types';
import { VISIBILITIES } from './opportunities.types';
import { applyReferralPatch, fieldIssueOf } from './patch';

export interface OpportunityDeps {
  uow: UnitOfWork;
  /** The program clock (expiry and every timestamp of a referral). */
  clock: Clock;
  /** Event ids; random UUIDs unless a test needs fixed ones. */
  newId?: () => string;
  /** Referral and engagement ids (UUIDs); random unless a test needs fixed ones. */
  referralId?: () => string;
}

const randomId = () => globalThis.crypto.randomUUID();
/** The audit action (command name) of a referral verb: `referral.<verb>`. */
const commandName = (verb: string) => ['referral', verb].join('.');
const newReferralId = (deps: OpportunityDeps) => (deps.referralId ?? randomId)();

/** Currencies the forms offer (any ISO 4217 code is accepted by the API). */
export const REFERRAL_CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'PLN',
  'SEK',
  'CNY',
  'TWD',
  'JPY',
  'AUD',
  'CAD',
] as const;

// ---------------------------------------------------------------------------------------------
// Who acts, and what they see
// ---------------------------------------------------------------------------------------------

/** The actor's standing in the organisation for referrals: roles, rule, and the life-cycle actor. */
export interface ReferralAccess {
  access: OrganisationAccess;
  roles: readonly Role[];
  rule: ReferralVisibilityRule;
  actor: ReferralActor;
}

const ALL_DEALS_ROLES: readonly Role[] = ['owner', 'manager', 'program-admin', 'seller'];

/**
 * Resolves the actor's access to the organisation's referrals. A reseller organisation has no
 * referrals (404, like an organisation the actor cannot see); a member whose role does not
 * work referrals gets 403.
 */
export async function referralAccessOf(
  tx: Tx,
  actor: Actor,
  organisationId: string,
  write: boolean,
): Promise<ReferralAccess> {
  const own = actor.memberships.find((m) => m.organisationId === organisationId);
  if (own?.organisation.kind === 'reseller') throw new AppError('NOT_FOUND');
  const access = await requireOrganisationAccess(
    tx,
    actor,
    organisationId,
    write ? 'referrals.write' : 'referrals.read',
  );
  const roles = access.roles;
  let rule: ReferralVisibilityRule = { kind: 'all' };
  if (!roles.some((r) => ALL_DEALS_ROLES.includes(r))) {
    if (roles.includes('referrals-admin')) {
      const countries = await tx.referrals.findReferralScope(organisationId, actor.userId);
      rule = countries ? { kind: 'countries', countries } : { kind: 'all' };
    } else {
      const user = await tx.users.findUser(actor.userId);
      rule = { kind: 'team', email: user?.email ?? '' };
    }
  }
  return {
    access,
    roles,
    rule,
    actor: {
      userId: actor.userId,
      organisationId,
      organisationKind: access.organisation.kind,
      roles,
    },
  };
}

/** True when the rule lets the member see the referral (the repository's list does the same in SQL). */
export function ruleAllows(rule: ReferralVisibilityRule, referral: Referral): boolean {
  switch (rule.kind) {
    case 'all':
      return true;
    case 'countries':
      return rule.countries.includes(referral.customerProfile.address.country);
    case 'team':
      return referral.team.some((m) => m.email.toLowerCase() === rule.email.toLowerCase());
  }
}

/** Where a change came from: a session is the web app, a token the API, neither the command line. */
export const channelOf = (actor: Actor | null): ReferralChannel =>
  !actor ? 'system' : actor.token ? 'api' : actor.sessionId ? 'web' : 'cli';

async function timelineActor(tx: Tx, actor: Actor | null) {
  if (!actor) {
    return { actorKind: 'system' as const, actorUserId: null, actorName: 'cosell' };
  }
  if (actor.token) {
    return { actorKind: 'token' as const, actorUserId: actor.userId, actorName: actor.token.name };
  }
  const user = await tx.users.findUser(actor.userId);
  return { actorKind: 'user' as const, actorUserId: actor.userId, actorName: user?.name ?? '' };
}

/** Appends the timeline entry of a change to `referral`. */
async function record(
  tx: Tx,
  actor: Actor | null,
  referral: Pick<Referral, 'id' | 'organizationId'>,
  action: ReferralTimelineEntry['action'],
  summary: ReferralTimelineEntry['summary'],
  at: Date,
  channel: ReferralChannel = channelOf(actor),
) {
  await tx.referrals.appendTimeline({
    referralId: referral.id,
    organisationId: referral.organizationId,
    at,
    ...(await timelineActor(tx, actor)),
    channel,
    action,
    summary,
  });
}

async function findVisible(
  tx: Tx,
  standing: ReferralAccess,
  organisationId: string,
  referralId: string,
): Promise<Referral> {
  const referral = await tx.referrals.get(organisationId, referralId);
  if (!referral || !ruleAllows(standing.rule, referral)) {
    throw new AppError('NOT_FOUND', { message: 'referral not found' });
  }
  return referral;
}

const invalid = (path: (string | number)[], code: string) =>
  new AppError('VALIDATION', { message: code, issues: [{ path, code }] });

// ---------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------

export interface ReferralListRequest {
  odata: ReferralQueryOptions;
  view?: ReferralListOptions['view'] | undefined;
  search?: string | undefined;
}

export interface ReferralListResult extends ReferralPage {
  query: ReferralQuery;
  /** The `$skiptoken` of the next page, or null on the last one. */
  nextPageToken: string | null;
}

/** The organisation's referrals the actor may see, through the OData options and the view. */
export async function listReferrals(
  deps: OpportunityDeps,
  actor: Actor,
  organisationId: string,
  request: ReferralListRequest,
): Promise<ReferralListResult> {
  const query = parseReferralQuery({ $top: '20', ...request.odata });
  return deps.uow.run(async (tx) => {
    const standing = await referralAccessOf(tx, actor, organisationId, false);
    const page = await tx.referrals.list(organisationId, query, {
      rule: standing.rule,
      view: request.view ?? 'all',
      search: request.search?.trim() || undefined,
      userId: actor.userId,
    });
    return { ...page, query, nextPageToken: nextPageToken(query, page.items.length) };
  }, scopeFor(actor));
}

/** One referral the actor may see. */
export async function getReferral(
  deps: OpportunityDeps,
  actor: Actor,
  organisationId: string,
  referralId: string,
): Promise<Referral> {
  return deps.uow.run(async (tx) => {
    const standing = await referralAccessOf(tx, actor, organisationId, false);
    return findVisible(tx, standing, organisationId, referralId);
  }, scopeFor(actor));
}

export interface TimelineItem {
  at: string;
  actor: { kind: ReferralTimelineEntry['actorKind']; name: string };
  channel: ReferralChannel;
  action: ReferralTimelineEntry['action'];
  summary: ReferralTimelineEntry['summary'];
}

/** Who did what to the referral, newest first. */
export async function getReferralTimeline(
  deps: OpportunityDeps,
  actor: Actor,
  organisationId: string,
  referralId: string,
): Promise<TimelineItem[]> {
  return deps.uow.run(async (tx) => {
    const standing = await referralAccessOf(tx, actor, organisationId, false);
    await findVisible(tx, standing, organisationId, referralId);
    const entries = await tx.referrals.listTimeline(organisationId, referralId);
    return entries.map((e) => ({
      at: e.at.toISOString(),
      actor: { kind: e.actorKind, name: e.actorName },
      channel: e.channel,
      action: e.action,
      summary: e.summary,
    }));
  }, scopeFor(actor));
}

/** Every referral of the referral's engagement (shared fields), the caller's own included. */
export async function listReferralParticipants(
  deps: OpportunityDeps,
  actor: Actor,
  organisationId: string,
  referralId: string,
): Promise<SharedReferralView[]> {
  return deps.uow.run(async (tx) => {
    const standing = await referralAccessOf(tx, actor, organisationId, false);
    const referral = await findVisible(tx, standing, organisationId, referralId);
    return tx.referrals.listEngagement(organisationId, referral.engagementId);
  }, scopeFor(actor));
}

export interface ReferralOptions {
  canCreate: boolean;
  reason?: { messageKey: string } | undefined;
  solutions: CosellReadySolution[];
  partners: { id: string; name: string }[];
  stages: readonly string[];
  declineReasons: readonly string[];
  errorReasons: readonly string[];
  currencies: readonly string[];
  visibilities: readonly string[];
}

/** What the New deal and invitation forms offer the actor, and whether it may create at all. */
export async function getReferralOptions(
  deps: OpportunityDeps,
  actor: Actor,
  organisationId: string,
): Promise<ReferralOptions> {
  return deps.uow.run(async (tx) => {
    const standing = await referralAccessOf(tx, actor, organisationId, false);
    const vendor = standing.access.organisation.kind === 'vendor';
    const solutions = await tx.referrals.listCosellReadySolutions(vendor ? null : organisationId);
    const decision = vendor
      ? canSendCosellOpportunity(standing.actor)
      : canCreateOutbound(standing.actor, {
          hasCosellReadySolution: solutions.length > 0,
          locationAssigned: await locationAssigned(tx, standing, organisationId, actor.userId),
        });
    const partners = await tx.organisations.listOrganisations({
      kinds: ['partner'],
      limit: 500,
      offset: 0,
    });
    return {
      canCreate: decision.allowed,
      ...(decision.allowed ? {} : { reason: { messageKey: refusalError(decision).messageKey } }),
      solutions,
      partners: partners.items
        .filter((p) => p.id !== organisationId)
        .map((p) => ({ id: p.id, name: p.name })),
      stages: SALES_STAGE_NAMES,
      declineReasons: REFERRAL_DECLINE_REASONS,
      errorReasons: REFERRAL_ERROR_REASONS,
      currencies: REFERRAL_CURRENCIES,
      visibilities: VISIBILITIES,
    };
  }, scopeFor(actor));
}

/** A referrals user creates deals only when a location is assigned to them (a scope of countries). */
async function locationAssigned(
  tx: Tx,
  standing: ReferralAccess,
  organisationId: string,
  userId: string,
  country?: string,
): Promise<boolean> {
  if (!standing.roles.includes('referrals-user')) return true;
  const countries = await tx.referrals.findReferralScope(organisationId, userId);
  if (countries === undefined) return false;
  if (countries === null) return true;
  return country ? countries.includes(country) : countries.length > 0;
}

// ---------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------

/** The transaction scope of a referrals command: the actor's own organisations. */
function scopeFor(actor: Actor) {
  return {
    organisationIds: actor.memberships.map((m) => m.organisationId),
    userId: actor.userId,
  };
}

const auditOf = (referral: Referral, before?: Referral) => ({
  organisationId: referral.organizationId,
  entityType: 'referral',
  entityId: referral.id,
  ...(before ? { before: { eTag: before.eTag, substatus: before.substatus } } : {}),
  after: { eTag: referral.eTag, status: referral.status, substatus: referral.substatus },
});

/**
 * Creates a referral. A partner's New deal starts Accepted and outgoing; a vendor seller's
 * co-sell opportunity names the partner in `target` (type Organization) and the partner's
 * co-sell-ready offer in the solutions, and the partner's own Received referral arrives in the
 * same engagement, expiring in 14 days.
 */
export async function createReferral(
  deps: OpportunityDeps,
  actor: Actor,
  organisationId: string,
  body: ReferralCreate,
  request?: CommandRequest,
): Promise<Referral> {
  return runCommand(
    deps,
    { actor, ...requestMeta(request) },
    { name: commandName('create'), scope: scopeFor(actor) },
    async (ctx) => {
      const { tx, now } = ctx;
      const standing = await referralAccessOf(tx, actor, organisationId, true);
      const organization = { id: organisationId, name: standing.access.organisation.name };
      const id = newReferralId(deps);
      let engagementId = body.engagementId;
      if (engagementId) {
        const participants = await tx.referrals.listEngagement(organisationId, engagementId);
        if (participants.length === 0)
          throw invalid(['engagementId'], 'referral.engagement.unknown');
      } else {
        engagementId = newReferralId(deps);
        await tx.referrals.createEngagement(engagementId, organisationId, now);
      }
      const context = { id, engagementId, organization, now };

      if (standing.access.organisation.kind === 'vendor') {
        const decision = canSendCosellOpportunity(standing.actor);
        if (!decision.allowed) throw refusalError(decision);
        const partner = await partnerOf(tx, body);
        const { own, partner: received } = newCosellOpportunity(body, context, {
          referralId: newReferralId(deps),
          organizationId: partner.id,
          organizationName: partner.name,
        });
        await tx.referrals.insert([own]);
        // The partner's row: the seller has established the right to exactly this organisation.
        await tx.widenScope({ organisationIds: [partner.id] });
        await tx.referrals.insert([received]);
        await created(ctx, actor, own);
        await created(ctx, actor, received);
        return own;
      }

      const solutions = await tx.referrals.listCosellReadySolutions(organisationId);
      const decision = canCreateOutbound(standing.actor, {
        hasCosellReadySolution: solutions.length > 0,
        locationAssigned: await locationAssigned(
          tx,
          standing,
          organisationId,
          actor.userId,
          body.customerProfile.address.country,
        ),
      });
      if (!decision.allowed) throw refusalError(decision);
      const referral = checked(newOutboundReferral(body, context));
      await tx.referrals.insert([referral]);
      await created(ctx, actor, referral);
      return referral;
    },
  );
}

/** The partner a vendor's co-sell opportunity goes to, and its co-sell-ready offer. */
async function partnerOf(tx: Tx, body: ReferralCreate) {
  const targetIndex = body.target.findIndex((t) => t.type === 'Organization');
  const target = body.target[targetIndex];
  if (!target) throw invalid(['target'], 'referral.target.partnerRequired');
  const partner = await tx.organisations.findOrganisation(target.id);
  if (!partner || partner.kind !== 'partner') {
    throw invalid(['target', targetIndex, 'id'], 'referral.target.partnerRequired');
  }
  const offers = await tx.referrals.listCosellReadySolutions(partner.id);
  const solutions = body.details.requirements.solutions;
  const index = solutions.findIndex((s) => !offers.some((o) => o.id === s.id));
  if (index >= 0) {
    throw invalid(
      ['details', 'requirements', 'solutions', index, 'id'],
      'referral.solution.notCosellReady',
    );
  }
  return partner;
}

/** A new referral must be a whole valid resource (the read schema). */
function checked(referral: Referral): Referral {
  const parsed = ReferralSchema.safeParse(referral);
  if (!parsed.success) {
    throw new AppError('VALIDATION', {
      message: 'invalid referral',
      issues: parsed.error.issues.map((issue) => fieldIssueOf(issue)),
    });
  }
  return parsed.data as Referral;
}

async function created(ctx: CommandContext, actor: Actor | null, referral: Referral) {
  ctx.emit({
    type: 'referral.created',
    organisationId: referral.organizationId,
    subject: { type: 'referral', id: referral.id },
    data: createdData(referral),
  });
  ctx.audit({ ...auditOf(referral), action: commandName('create') });
  await record(
    ctx.tx,
    actor,
    referral,
    'create',
    { substatus: referral.substatus, dealKind: referral.dealKind },
    ctx.now,
  );
}

/** Runs one life-cycle action on a referral the actor may see and work, with If-Match. */
async function change(
  deps: OpportunityDeps,
  actor: Actor,
  organisationId: string,
  referralId: string,
  expected: ExpectedVersions,
  request: CommandRequest,
  name: string,
  build: (current: Referral, ctx: CommandContext) => Promise<ReferralAction> | ReferralAction,
  after?: (result: ActionResult, ctx: CommandContext) => Promise<void>,
): Promise<ActionResult> {
  return runCommand(
    deps,
    { actor, expected, ...requestMeta(request) },
    { name, scope: scopeFor(actor) },
    async (ctx) => {
      const { tx, now } = ctx;
      const standing = await referralAccessOf(tx, actor, organisationId, true);
      const current = await findVisible(tx, standing, organisationId, referralId);
      const action = await build(current, ctx);
      const result = applyAction(current, action, standing.actor, now);
      if (!(await tx.referrals.update(result.referral, expected))) {
        throw new AppError('PRECONDITION_FAILED');
      }
      if (after) await after(result, ctx);
      for (const event of result.events) ctx.emit(event);
      ctx.audit({ ...auditOf(result.referral, current), action: name });
      await record(
        tx,
        actor,
        result.referral,
        action.kind === 'update'
          ? name === commandName('patch')
            ? 'patch'
            : 'replace'
          : action.kind,
        summaryOf(action, current, result.referral),
        now,
      );
      return result;
    },
  );
}

function summaryOf(
  action: ReferralAction,
  before: Referral,
  after: Referral,
): ReferralTimelineEntry['summary'] {
  const summary: ReferralTimelineEntry['summary'] = {};
  if (before.substatus !== after.substatus) summary.substatus = after.substatus;
  if (before.salesStage !== after.salesStage) summary.salesStage = after.salesStage ?? null;
  if (before.visibility !== after.visibility) summary.visibility = after.visibility;
  if ('reason' in action) summary.reason = action.reason;
  if (action.kind === 'invite') summary.invitee = action.invitee.organizationName;
  if (action.kind === 'update') {
    const fields = diffFields(before, after);
    if (fields) summary.fields = fields;
  }
  return summary;
}

const diffFields = (before: Referral, after: Referral) => changedFields(before, after).join(', ');

/** PUT: replaces the writable fields (read-only ones must stay as they are). */
export async function replaceReferral(
  deps: OpportunityDeps,
  actor: Actor,
  organisationId: string,
  referralId: string,
  body: ReferralReplace,
  expected: ExpectedVersions,
  request?: CommandRequest,
): Promise<Referral> {
  const result = await change(
    deps,
    actor,
    organisationId,
    referralId,
    expected,
    request,
    commandName('replace'),
    (current) => {
      const next = { ...current, ...structuredClone(body) } as Referral;
      for (const optional of [
        'externalReferenceId',
        'helpKind',
        'salesStage',
        'statusReason',
      ] as const) {
        if (body[optional] === undefined) delete next[optional];
      }
      return { kind: 'update', next: checked(next) };
    },
  );
  return result.referral;
}

/** PATCH: a JSON Patch (replace, add) on the writable fields. */
export async function patchReferral(
  deps: OpportunityDeps,
  actor: Actor,
  organisationId: string,
  referralId: string,
  patch: unknown,
  expected: ExpectedVersions,
  request?: CommandRequest,
): Promise<Referral> {
  const result = await change(
    deps,
    actor,
    organisationId,
    referralId,
    expected,
    request,
    commandName('patch'),
    (current) => ({ kind: 'update', next: applyReferralPatch(current, patch) }),
  );
  return result.referral;
}

/** The actions a caller may ask for (the system's `expire`, `invite` and `update` have their own routes). */
export type ReferralActionRequest = Exclude<
  ReferralAction,
  { kind: 'expire' } | { kind: 'invite' } | { kind: 'update' }
>;

/** Accept, decline, move stage, win, lose, close as error, raise visibility. */
export async function actOnReferral(
  deps: OpportunityDeps,
  actor: Actor,
  organisationId: string,
  referralId: string,
  action: ReferralActionRequest,
  expected: ExpectedVersions,
  request?: CommandRequest,
): Promise<Referral> {
  const result = await change(
    deps,
    actor,
    organisationId,
    referralId,
    expected,
    request,
    commandName(action.kind),
    () => action,
  );
  return result.referral;
}

/** A P2P invitee's terms, as the caller sends them (the organisation's name is looked up). */
export interface InvitationRequest {
  organizationId: string;
  closingDateTime: string;
  dealValue: number;
  currency: string;
  notes?: string | undefined;
  team: ReferralMember[];
  solutions: ReferralSolution[];
  helpKind?: string | undefined;
}

/** Invites another partner into the engagement: its own Received referral arrives (P2P). */
export async function inviteToReferral(
  deps: OpportunityDeps,
  actor: Actor,
  organisationId: string,
  referralId: string,
  terms: InvitationRequest,
  expected: ExpectedVersions,
  request?: CommandRequest,
): Promise<{ referral: Referral; invitee: SharedReferralView }> {
  const result = await change(
    deps,
    actor,
    organisationId,
    referralId,
    expected,
    request,
    commandName('invite'),
    async (_current, ctx) => {
      const invitee = await ctx.tx.organisations.findOrganisation(terms.organizationId);
      if (!invitee || invitee.kind !== 'partner') {
        throw invalid(['organizationId'], 'referral.invitee.notPartner');
      }
      return {
        kind: 'invite',
        inviteeReferralId: newReferralId(deps),
        invitee: { ...terms, organizationName: invitee.name },
      };
    },
    async (outcome, ctx) => {
      const invitee = outcome.invitee!;
      // The invitee's row: the inviter has established the right to exactly this organisation.
      await ctx.tx.widenScope({ organisationIds: [invitee.organizationId] });
      await ctx.tx.referrals.insert([checked(invitee)]);
      ctx.audit({ ...auditOf(invitee), action: commandName('create') });
      await record(
        ctx.tx,
        actor,
        invitee,
        'create',
        { substatus: invitee.substatus, dealKind: invitee.dealKind },
        ctx.now,
      );
    },
  );
  const invitee = result.invitee!;
  return {
    referral: result.referral,
    invitee: {
      id: invitee.id,
      engagementId: invitee.engagementId,
      organizationId: invitee.organizationId,
      organizationName: invitee.organizationName,
      status: invitee.status,
      substatus: invitee.substatus,
      type: invitee.type,
      createdDateTime: invitee.createdDateTime,
    },
  };
}

/** Marks or unmarks one of the member's favourites (any referral they may see). */
export async function setReferralFavorite(
  deps: OpportunityDeps,
  actor: Actor,
  organisationId: string,
  referralId: string,
  on: boolean,
): Promise<void> {
  await deps.uow.run(async (tx) => {
    const standing = await referralAccessOf(tx, actor, organisationId, false);
    await findVisible(tx, standing, organisationId, referralId);
    await tx.referrals.setFavorite(organisationId, actor.userId, referralId, on);
  }, scopeFor(actor));
}

/**
 * Sets a member's referral location scope (countries; null for the whole company). Owners and
 * managers only.
 */
export async function setMemberReferralScope(
  deps: OpportunityDeps,
  actor: Actor,
  organisationId: string,
  userId: string,
  countries: readonly string[] | null,
  request?: CommandRequest,
) {
  return runCommand(
    deps,
    { actor, ...requestMeta(request) },
    { name: ['member', 'referral-scope'].join('.'), organisationId, permission: 'members.read' },
    async ({ tx, access, audit }) => {
      if (!access?.roles.some((r) => r === 'owner' || r === 'manager')) {
        throw new AppError('FORBIDDEN', { message: 'owners and managers set referral scopes' });
      }
      const sorted = countries ? [...new Set(countries)].sort() : null;
      if (!(await tx.referrals.setReferralScope(organisationId, userId, sorted))) {
        throw new AppError('NOT_FOUND', { message: 'member not found' });
      }
      audit({ entityType: 'membership', entityId: userId, after: { referralCountries: sorted } });
      const member = getOrNotFound(
        (await tx.memberships.listMembers(organisationId)).find((m) => m.userId === userId) ?? null,
        'member',
      );
      return { ...member, referralCountries: sorted };
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Storefront leads
// ---------------------------------------------------------------------------------------------

export interface ContactRequest {
  name: string;
  email: string;
  company: string;
  country: string;
  message: string;
  consent: true;
}

/**
 * A storefront visitor's contact request for an offer: a lead referral (Incoming, Received,
 * expiring in 14 days) for the offer's publisher, whose referrals admins are notified by the
 * `referral.created` subscriber. Anonymous: the system acts, channel `web`.
 */
export async function createLead(
  deps: OpportunityDeps,
  offerId: string,
  contact: ContactRequest,
  requestId: string | null = null,
): Promise<{ received: true }> {
  const listing = await deps.uow.run((tx) => tx.storefront.findStorefrontListing(offerId), {});
  if (!listing) throw new AppError('NOT_FOUND', { message: 'offer not found' });
  const organisationId = listing.organisationId;
  return deps.uow.run(
    async (tx) => {
      const now = deps.clock.now();
      const at = now.toISOString();
      const [firstName, ...rest] = contact.name.trim().split(/\s+/);
      const member: ReferralMember = {
        firstName: firstName || contact.name,
        lastName: rest.join(' ') || '-',
        email: contact.email,
      };
      const engagementId = newReferralId(deps);
      // A lead has no team yet (whoever accepts it names one), so it is not checked against
      // the read schema's team rule; every other field is the visitor's validated input.
      const referral: Referral = {
        id: newReferralId(deps),
        engagementId,
        organizationId: organisationId,
        organizationName: listing.publisherName,
        name: `${contact.company} – ${listing.name}`.slice(0, 200),
        createdDateTime: at,
        updatedDateTime: at,
        expirationDateTime: expirationFor(now).toISOString(),
        status: 'New',
        substatus: 'Received',
        target: [],
        type: 'Independent',
        qualification: 'Direct',
        direction: 'Incoming',
        customerProfile: {
          name: contact.company,
          address: { country: contact.country },
          team: [member],
        },
        consent: { consentToShareReferralWithMicrosoftSellers: false, consentToContact: true },
        details: {
          notes: contact.message,
          dealValue: 0,
          currency: 'USD',
          closingDateTime: expirationFor(expirationFor(now)).toISOString(),
          requirements: { solutions: [{ id: listing.offerId, name: listing.name }] },
        },
        team: [],
        eTag: '"v1"',
        dealKind: 'lead',
        visibility: 'private',
      };
      await tx.referrals.createEngagement(engagementId, organisationId, now);
      await tx.referrals.insert([referral]);
      await record(tx, null, referral, 'create', { dealKind: 'lead' }, now, 'web');
      await tx.audit.appendAudit({
        ...auditOf(referral),
        action: commandName('lead'),
        actorUserId: null,
        requestId,
      });
      const sink = createEventSink({
        actor: { kind: 'system', id: null },
        requestId,
        now: () => now,
        newId: deps.newId ?? randomId,
      });
      sink.emit({
        type: 'referral.created',
        organisationId,
        subject: { type: 'referral', id: referral.id },
        data: createdData(referral),
      });
      await tx.outbox.appendEvents(sink.drain());
      return { received: true as const };
    },
    { organisationIds: [organisationId] },
  );
}
