/** Sessions: global, they belong to a user rather than an organisation. */
import type {
  ApiTokenRecord,
  BearerResolver,
  MembershipWithOrganisation,
  OrganisationRecord,
  ResolvedSession,
  Role,
  SessionRecord,
  SessionRepository,
  SessionResolver,
  SessionRules,
  UserRecord,
} from '@cosell/core';
import { and, eq, ne } from 'drizzle-orm';
import type { DatabaseHandle, Executor } from './client';
import { sessions } from './schema';

export function createSessionRepository(db: Executor): SessionRepository {
  return {
    async createSession(input) {
      const [row] = await db
        .insert(sessions)
        .values({
          id: input.id,
          userId: input.userId,
          activeOrganisationId: input.activeOrganisationId,
          csrfToken: input.csrfToken,
          expiresAt: input.expiresAt,
          createdAt: input.now,
          lastSeenAt: input.now,
          userAgent: input.userAgent?.slice(0, 300) ?? null,
        })
        .returning();
      return row as SessionRecord;
    },

    async findSession(id) {
      const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
      return (row as SessionRecord | undefined) ?? null;
    },

    async touchSession(id, at) {
      await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
    },

    async setSessionOrganisation(id, organisationId) {
      await db
        .update(sessions)
        .set({ activeOrganisationId: organisationId })
        .where(eq(sessions.id, id));
    },

    async deleteSession(id) {
      await db.delete(sessions).where(eq(sessions.id, id));
    },

    async deleteSessionsOfUser(userId, exceptSessionId) {
      await db
        .delete(sessions)
        .where(
          and(
            eq(sessions.userId, userId),
            exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined,
          ),
        );
    },
  };
}

type StoredUser = Omit<UserRecord, 'createdAt' | 'disabledAt'> & {
  createdAt: string;
  disabledAt: string | null;
};
type StoredMembership = Omit<MembershipWithOrganisation, 'createdAt' | 'organisation'> & {
  createdAt: string;
  organisation: Omit<OrganisationRecord, 'createdAt'> & { createdAt: string };
};

interface StoredPrincipal {
  ended: boolean;
  session: Omit<SessionRecord, 'createdAt' | 'lastSeenAt' | 'expiresAt'> & {
    createdAt: string;
    lastSeenAt: string;
    expiresAt: string;
  };
  user: StoredUser | null;
  memberships: StoredMembership[];
}

interface StoredBearer {
  token: Omit<ApiTokenRecord, 'createdAt' | 'expiresAt' | 'lastUsedAt' | 'revokedAt'> & {
    createdAt: string;
    expiresAt: string;
    lastUsedAt: string | null;
    revokedAt: string | null;
  };
  user: StoredUser;
  memberships: StoredMembership[];
}

const toUser = (user: StoredUser): UserRecord => ({
  ...user,
  createdAt: new Date(user.createdAt),
  disabledAt: user.disabledAt === null ? null : new Date(user.disabledAt),
  mutedNotificationKinds: user.mutedNotificationKinds ?? [],
});

const toMemberships = (memberships: StoredMembership[]): MembershipWithOrganisation[] =>
  memberships.map((m) => ({
    ...m,
    roles: m.roles as Role[],
    createdAt: new Date(m.createdAt),
    organisation: { ...m.organisation, createdAt: new Date(m.organisation.createdAt) },
  }));

const orNull = (at: string | null) => (at === null ? null : new Date(at));

/** Runs one of the principal functions as a named prepared statement (PGlite: a query). */
async function callPrincipalFunction<T>(
  handle: DatabaseHandle | Promise<DatabaseHandle>,
  statement: { name: string; text: string },
  values: unknown[],
): Promise<T | undefined> {
  const opened = await handle;
  let rows: unknown[];
  if (opened.pool) {
    rows = (await opened.pool.query({ ...statement, values })).rows;
  } else if (opened.pglite) {
    rows = (await opened.pglite.query(statement.text, values)).rows;
  } else {
    throw new Error('the database handle has neither a pool nor PGlite');
  }
  return ((rows[0] as { principal: T | null } | undefined)?.principal ?? undefined) as
    T | undefined;
}

/**
 * Resolves a session with the database function `cosell_resolve_session` (migration 0012): as
 * cosell_app, the session's person becomes the scope's user (so row-level security shows their
 * memberships), then one statement reads the session, the person and their memberships, deletes
 * the session when it has ended and marks it seen when its mark is stale. One round trip; on
 * PostgreSQL a named prepared statement, so neither the call nor the function's statements are
 * planned again on a connection that has run them once.
 */
export const RESOLVE_SESSION = {
  name: 'cosell_resolve_session',
  text: 'select cosell_resolve_session($1, $2, $3, $4) as principal',
};

/** The parameters of `RESOLVE_SESSION` for the session `id` under `rules`. */
export function resolveSessionParameters(id: string, rules: SessionRules) {
  for (const ms of [rules.idleMs, rules.touchAfterMs])
    if (!Number.isSafeInteger(ms) || ms < 0) throw new RangeError(`not a duration: ${ms}`);
  return [id, rules.now.toISOString(), rules.idleMs, rules.touchAfterMs];
}

/** Reads the principal `RESOLVE_SESSION` returns. */
export function toResolvedSession(stored: StoredPrincipal | undefined): ResolvedSession | null {
  if (!stored || stored.ended || !stored.user || stored.user.disabledAt) return null;
  const { session, user } = stored;
  return {
    session: {
      ...session,
      createdAt: new Date(session.createdAt),
      lastSeenAt: new Date(session.lastSeenAt),
      expiresAt: new Date(session.expiresAt),
    },
    user: toUser(user),
    memberships: toMemberships(stored.memberships),
  };
}

/**
 * Sessions resolved in one round trip (see `RESOLVE_SESSION`), on either engine. The database
 * may still be opening; resolving then waits for it.
 */
export function createSessionResolver(
  handle: DatabaseHandle | Promise<DatabaseHandle>,
): SessionResolver {
  return {
    resolveSession: async (id, rules) =>
      toResolvedSession(
        await callPrincipalFunction<StoredPrincipal>(
          handle,
          RESOLVE_SESSION,
          resolveSessionParameters(id, rules),
        ),
      ),
  };
}

/**
 * Resolves an API token with the database function `cosell_resolve_token` (migration 0012), the
 * bearer's counterpart of `RESOLVE_SESSION`: as cosell_app with the token's hash in scope, it
 * marks the token's use when it stands and its mark is stale, then reads the token, its
 * principal and their memberships. One round trip, prepared once per connection.
 */
export const RESOLVE_TOKEN = {
  name: 'cosell_resolve_token',
  text: 'select cosell_resolve_token($1, $2, $3, $4) as principal',
};

/** API tokens resolved in one round trip (see `RESOLVE_TOKEN`), on either engine. */
export function createBearerResolver(
  handle: DatabaseHandle | Promise<DatabaseHandle>,
): BearerResolver {
  return {
    async resolveBearer(tokenHash, { now, ip, touchAfterMs }) {
      if (!Number.isSafeInteger(touchAfterMs) || touchAfterMs < 0)
        throw new RangeError(`not a duration: ${touchAfterMs}`);
      const stored = await callPrincipalFunction<StoredBearer>(handle, RESOLVE_TOKEN, [
        tokenHash,
        now.toISOString(),
        ip?.slice(0, 100) ?? null,
        touchAfterMs,
      ]);
      if (!stored) return null;
      const { token } = stored;
      return {
        token: {
          ...token,
          createdAt: new Date(token.createdAt),
          expiresAt: new Date(token.expiresAt),
          lastUsedAt: orNull(token.lastUsedAt),
          revokedAt: orNull(token.revokedAt),
        },
        user: toUser(stored.user),
        memberships: toMemberships(stored.memberships),
      };
    },
  };
}
