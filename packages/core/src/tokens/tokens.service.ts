/**
 * Use cases of API tokens: create (the secret is returned once), list, revoke, and resolve a
 * bearer secret to the actor it stands for. Personal tokens belong to the signed-in person;
 * service tokens to an organisation, managed by whoever manages its members (partner owners,
 * the vendor's program admins, reseller members). Tokens are managed with a session only: a token never mints another.
 */
import type { Actor } from '../accounts/access';
import { rolesForKind, type Locale, type Role } from '../accounts/accounts.types';
import { hasPermission } from '../accounts/permissions';
import { runCommand, type CommandDeps } from '../commands/command';
import { AppError } from '../errors';
import { createEventSink, type NewEvent } from '../events/events';
import type { Clock, Secrets } from '../ports';
import type { Tx, UnitOfWork } from '../transaction';
import type { ApiTokenRecord, BearerRecord, BearerResolver, BearerUse } from './tokens.ports';
import {
  CreatePersonalTokenSchema,
  CreateServiceTokenSchema,
  TOKEN_PREFIX,
  type TokenKind,
} from './tokens.types';
import type { z } from 'zod';

export interface TokenDeps {
  uow: UnitOfWork;
  clock: Clock;
  secrets: Secrets;
  newId?: () => string;
  /**
   * Resolves bearer tokens in one step (the database adapter does it in one statement); when
   * absent, `authenticateBearer` reads and marks the token through `uow`.
   */
  bearers?: BearerResolver | undefined;
}

export type CreatePersonalToken = z.output<typeof CreatePersonalTokenSchema>;
export type CreateServiceToken = z.output<typeof CreateServiceTokenSchema>;

/** A created token: its record and the secret, which is never shown again. */
export interface IssuedToken {
  token: ApiTokenRecord;
  secret: string;
}

/** A bearer secret resolved: the actor it stands for. */
export interface BearerAuthentication {
  actor: Actor & { token: NonNullable<Actor['token']> };
  locale: Locale;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** A secret is its prefix and 32 random bytes (43 base64url characters). */
const SECRET_SHAPE = /^cosell_(pat|sat)_[A-Za-z0-9_-]{43}$/;
/** Writing last-used on every request would turn reads into writes: once a minute is plenty. */
const TOUCH_EVERY_MS = 60_000;

const toCommandDeps = (deps: TokenDeps): CommandDeps => ({
  uow: deps.uow,
  clock: deps.clock,
  ...(deps.newId && { newId: deps.newId }),
});

/** Tokens are managed with a signed-in session, never with another token. */
function requireSession(actor: Actor) {
  if (actor.token) {
    throw new AppError('FORBIDDEN', {
      message: 'API tokens are managed with a signed-in session',
      messageKey: 'apiToken.sessionOnly',
    });
  }
}

function newSecret(deps: Pick<TokenDeps, 'secrets'>, kind: TokenKind) {
  const secret = `${TOKEN_PREFIX[kind]}${deps.secrets.token()}`;
  return { secret, tokenHash: deps.secrets.hashToken(secret) };
}

/** Creates a personal token of the actor, acting as them within `scopes`. */
export async function createPersonalToken(
  deps: TokenDeps,
  actor: Actor,
  input: CreatePersonalToken,
): Promise<IssuedToken> {
  requireSession(actor);
  const { secret, tokenHash } = newSecret(deps, 'personal');
  const now = deps.clock.now();
  const token = await deps.uow.run(
    (tx) =>
      tx.tokens.createToken({
        kind: 'personal',
        name: input.name,
        userId: actor.userId,
        organisationId: null,
        createdBy: actor.userId,
        scopes: input.scopes,
        createdAt: now,
        expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS),
        tokenHash,
      }),
    { userId: actor.userId },
  );
  return { token, secret };
}

/** The actor's personal tokens, newest first (never their secrets). */
export async function listPersonalTokens(
  deps: Pick<TokenDeps, 'uow'>,
  actor: Actor,
): Promise<ApiTokenRecord[]> {
  requireSession(actor);
  return deps.uow.run((tx) => tx.tokens.listPersonalTokens(actor.userId), {
    userId: actor.userId,
  });
}

/** Revokes one of the actor's personal tokens; another person's token is NOT_FOUND. */
export async function revokePersonalToken(
  deps: Pick<TokenDeps, 'uow' | 'clock'>,
  actor: Actor,
  tokenId: string,
): Promise<void> {
  requireSession(actor);
  await deps.uow.run(
    async (tx) => {
      const token = await tx.tokens.findToken(tokenId);
      if (!token || token.kind !== 'personal' || token.userId !== actor.userId) {
        throw new AppError('NOT_FOUND', { message: 'token not found' });
      }
      await tx.tokens.revokeToken(tokenId, deps.clock.now());
    },
    { userId: actor.userId },
  );
}

/**
 * The actor's right to manage the organisation's service tokens: whoever manages its members
 * (partner owners, the vendor's program admins, reseller members). Returns the actor's roles
 * there, the cap of a new token's.
 */
function requireTokenManager(actor: Actor, organisationId: string): Role[] {
  const own = actor.memberships.find((m) => m.organisationId === organisationId);
  if (!own) throw new AppError('NOT_FOUND', { message: 'organisation not found' });
  if (!hasPermission(own.roles, 'members.manage')) {
    throw new AppError('FORBIDDEN', { message: 'only owners manage service tokens' });
  }
  return own.roles;
}

/** Roles a service principal may hold: of the organisation's kind, never owner. */
function checkServiceRoles(
  kind: Parameters<typeof rolesForKind>[0],
  roles: readonly Role[],
  cap: readonly Role[] | null,
) {
  const issues = roles.flatMap((role, index) =>
    !rolesForKind(kind).includes(role) || role === 'owner'
      ? [{ path: ['roles', index], code: 'error.roleNotForKind', params: { role } }]
      : [],
  );
  if (issues.length) throw new AppError('VALIDATION', { issues });
  // An owner (a vendor program admin) may give any other role of the organisation.
  const grantsAny = cap?.includes('owner') || cap?.includes('program-admin');
  const beyond = cap && !grantsAny ? roles.filter((role) => !cap.includes(role)) : [];
  if (beyond.length) {
    throw new AppError('FORBIDDEN', {
      message: `a service token cannot hold roles its creator lacks: ${beyond.join(', ')}`,
    });
  }
}

async function issueServiceToken(
  tx: Tx,
  deps: TokenDeps,
  organisationId: string,
  createdBy: string | null,
  input: CreateServiceToken,
  now: Date,
): Promise<IssuedToken> {
  const { secret, tokenHash } = newSecret(deps, 'service');
  const roles = [...new Set(input.roles)];
  const userId = await tx.tokens.createServicePrincipal({
    organisationId,
    name: input.name,
    roles,
    now,
  });
  const token = await tx.tokens.createToken({
    kind: 'service',
    name: input.name,
    userId,
    organisationId,
    createdBy,
    scopes: input.scopes,
    createdAt: now,
    expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS),
    tokenHash,
  });
  return { token, secret };
}

const auditToken = (token: ApiTokenRecord, roles?: Role[]) => ({
  entityType: 'api-token',
  entityId: token.id,
  after: {
    name: token.name,
    kind: token.kind,
    scopes: token.scopes,
    expiresAt: token.expiresAt.toISOString(),
    ...(roles && { roles }),
  },
});

/**
 * Creates a service token of the organisation: a service principal with `roles` (at most the
 * creator's own, never owner) and a token of it limited to `scopes`.
 */
export async function createServiceToken(
  deps: TokenDeps,
  actor: Actor,
  organisationId: string,
  input: CreateServiceToken,
  requestId?: string | null,
): Promise<IssuedToken> {
  requireSession(actor);
  const cap = requireTokenManager(actor, organisationId);
  const membership = actor.memberships.find((m) => m.organisationId === organisationId)!;
  checkServiceRoles(membership.organisation.kind, input.roles, cap);
  return runCommand(
    toCommandDeps(deps),
    { actor, requestId },
    { name: 'token.create', organisationId },
    async (ctx) => {
      const issued = await issueServiceToken(
        ctx.tx,
        deps,
        organisationId,
        actor.userId,
        input,
        ctx.now,
      );
      ctx.audit(auditToken(issued.token, input.roles));
      ctx.emit({
        type: 'service-token.created',
        organisationId,
        subject: { type: 'api-token', id: issued.token.id },
        data: {
          tokenId: issued.token.id,
          name: issued.token.name,
          scopes: [...issued.token.scopes],
          roles: [...input.roles],
        },
      });
      return issued;
    },
  );
}

/** The organisation's service tokens, newest first (never their secrets). */
export async function listServiceTokens(
  deps: Pick<TokenDeps, 'uow'>,
  actor: Actor,
  organisationId: string,
): Promise<ApiTokenRecord[]> {
  requireSession(actor);
  requireTokenManager(actor, organisationId);
  return deps.uow.run((tx) => tx.tokens.listServiceTokens(organisationId), {
    organisationIds: [organisationId],
    userId: actor.userId,
  });
}

async function revokeServiceTokenIn(tx: Tx, organisationId: string, tokenId: string, at: Date) {
  const token = await tx.tokens.findToken(tokenId);
  if (!token || token.kind !== 'service' || token.organisationId !== organisationId) {
    throw new AppError('NOT_FOUND', { message: 'token not found' });
  }
  if (await tx.tokens.revokeToken(tokenId, at)) {
    await tx.tokens.retireServicePrincipal(organisationId, token.userId, at);
  }
  return token;
}

/** Revokes a service token of the organisation and retires its service principal. */
export async function revokeServiceToken(
  deps: TokenDeps,
  actor: Actor,
  organisationId: string,
  tokenId: string,
  requestId?: string | null,
): Promise<void> {
  requireSession(actor);
  requireTokenManager(actor, organisationId);
  await runCommand(
    toCommandDeps(deps),
    { actor, requestId },
    { name: 'token.revoke', organisationId },
    async (ctx) => {
      const token = await revokeServiceTokenIn(ctx.tx, organisationId, tokenId, ctx.now);
      ctx.audit({ entityType: 'api-token', entityId: token.id, before: { name: token.name } });
      ctx.emit({
        type: 'service-token.revoked',
        organisationId,
        subject: { type: 'api-token', id: token.id },
        data: { tokenId: token.id, name: token.name },
      });
    },
  );
}

/** An event of the operator's command line (no person acts): in the caller's transaction. */
async function appendSystemEvent(
  tx: Tx,
  deps: Pick<TokenDeps, 'clock'> & { newId?: () => string },
  event: NewEvent,
): Promise<void> {
  const sink = createEventSink({
    actor: { kind: 'system', id: null },
    requestId: null,
    now: () => deps.clock.now(),
    newId: deps.newId ?? (() => globalThis.crypto.randomUUID()),
  });
  sink.emit(event);
  await tx.outbox.appendEvents(sink.drain());
}

/**
 * The operator at the command line: creates, lists and revokes tokens of any person or
 * organisation of the installation. Roles are checked against the organisation's kind only.
 */
export const operatorTokens = {
  async createServiceToken(
    deps: TokenDeps,
    organisationId: string,
    input: CreateServiceToken,
  ): Promise<IssuedToken> {
    return deps.uow.run(
      async (tx) => {
        const organisation = await tx.organisations.findOrganisation(organisationId);
        if (!organisation) throw new AppError('NOT_FOUND', { message: 'organisation not found' });
        checkServiceRoles(organisation.kind, input.roles, null);
        const now = deps.clock.now();
        const issued = await issueServiceToken(tx, deps, organisationId, null, input, now);
        await tx.audit.appendAudit({
          organisationId,
          actorUserId: null,
          action: 'token.create',
          ...auditToken(issued.token, input.roles),
        });
        await appendSystemEvent(tx, deps, {
          type: 'service-token.created',
          organisationId,
          subject: { type: 'api-token', id: issued.token.id },
          data: {
            tokenId: issued.token.id,
            name: issued.token.name,
            scopes: [...issued.token.scopes],
            roles: [...input.roles],
          },
        });
        return issued;
      },
      { organisationIds: [organisationId] },
    );
  },

  listServiceTokens(deps: Pick<TokenDeps, 'uow'>, organisationId: string) {
    return deps.uow.run((tx) => tx.tokens.listServiceTokens(organisationId), {
      organisationIds: [organisationId],
    });
  },

  listPersonalTokens(deps: Pick<TokenDeps, 'uow'>, userId: string) {
    return deps.uow.run((tx) => tx.tokens.listPersonalTokens(userId), { userId });
  },

  /** Revokes any token by id: the operator names no person or organisation. */
  async revokeToken(
    deps: Pick<TokenDeps, 'uow' | 'clock'>,
    tokenId: string,
  ): Promise<ApiTokenRecord> {
    return deps.uow.run(
      async (tx) => {
        const token = await tx.tokens.findToken(tokenId);
        if (!token) throw new AppError('NOT_FOUND', { message: 'token not found' });
        const at = deps.clock.now();
        if (token.kind === 'service' && token.organisationId) {
          await tx.widenScope({ organisationIds: [token.organisationId] });
          await revokeServiceTokenIn(tx, token.organisationId, tokenId, at);
          await tx.audit.appendAudit({
            organisationId: token.organisationId,
            actorUserId: null,
            action: 'token.revoke',
            entityType: 'api-token',
            entityId: token.id,
            before: { name: token.name },
          });
          await appendSystemEvent(tx, deps, {
            type: 'service-token.revoked',
            organisationId: token.organisationId,
            subject: { type: 'api-token', id: token.id },
            data: { tokenId: token.id, name: token.name },
          });
        } else {
          await tx.tokens.revokeToken(tokenId, at);
        }
        return token;
      },
      { apiTokenId: tokenId },
    );
  },
};

/**
 * Resolves a bearer secret: null when it is malformed, unknown, revoked, expired, or its
 * principal is disabled. Records the use (time and address) at most once a minute.
 */
export async function authenticateBearer(
  deps: Pick<TokenDeps, 'uow' | 'clock' | 'secrets' | 'bearers'>,
  secret: string,
  origin: { ip: string | null },
): Promise<BearerAuthentication | null> {
  if (!SECRET_SHAPE.test(secret)) return null;
  const tokenHash = deps.secrets.hashToken(secret);
  const use: BearerUse = { now: deps.clock.now(), ip: origin.ip, touchAfterMs: TOUCH_EVERY_MS };
  const found = await (deps.bearers ?? unitOfWorkBearers(deps.uow)).resolveBearer(tokenHash, use);
  if (!found || !bearerStands(found, use.now)) return null;
  const { token, user, memberships } = found;
  return {
    actor: {
      userId: user.id,
      sessionId: null,
      memberships,
      token: { id: token.id, kind: token.kind, name: token.name, scopes: token.scopes },
    },
    locale: user.locale,
  };
}

const bearerStands = ({ token, user }: BearerRecord, now: Date) =>
  !token.revokedAt && token.expiresAt > now && !user.disabledAt;

/** `BearerResolver` over the unit of work, in several statements (the in-memory fakes). */
export function unitOfWorkBearers(uow: UnitOfWork): BearerResolver {
  return {
    resolveBearer: (tokenHash, { now, ip, touchAfterMs }) =>
      uow.run(
        async (tx) => {
          const found = await tx.tokens.findBearer(tokenHash);
          if (!found || !bearerStands(found, now)) return found;
          const { token } = found;
          const stale =
            !token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > touchAfterMs;
          if (stale || token.lastUsedIp !== ip) await tx.tokens.touchToken(token.id, now, ip);
          return found;
        },
        { apiTokenHash: tokenHash },
      ),
  };
}
