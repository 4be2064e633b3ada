/** Sessions: global, they belong to a user rather than an organisation. */
import type {
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
import pg from 'pg';
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

interface StoredPrincipal {
  ended: boolean;
  session: Omit<SessionRecord, 'createdAt' | 'lastSeenAt' | 'expiresAt'> & {
    createdAt: string;
    lastSeenAt: string;
    expiresAt: string;
  };
  user:
    | (Omit<UserRecord, 'createdAt' | 'disabledAt'> & {
        createdAt: string;
        disabledAt: string | null;
      })
    | null;
  memberships: (Omit<MembershipWithOrganisation, 'createdAt' | 'organisation'> & {
    createdAt: string;
    organisation: Omit<OrganisationRecord, 'createdAt'> & { createdAt: string };
  })[];
}

const milliseconds = (ms: number) => {
  if (!Number.isSafeInteger(ms) || ms < 0) throw new RangeError(`not a duration: ${ms}`);
  return `interval '1 millisecond' * ${ms}`;
};

/**
 * The statements that resolve a session, as one simple query (one round trip, one implicit
 * transaction): as cosell_app, the session's person becomes the scope's user (so row-level
 * security shows their memberships), then one statement reads the session, the person and their
 * memberships, deletes the session when it has ended and marks it seen when its mark is stale.
 * The values are escaped literals: a simple query carries no parameters.
 */
export function resolveSessionStatement(id: string, rules: SessionRules): string {
  const token = pg.escapeLiteral(id);
  const now = `${pg.escapeLiteral(rules.now.toISOString())}::timestamptz`;
  return `select set_config('role', 'cosell_app', true);
select set_config('cosell.user_id', coalesce((select user_id::text from sessions where id = ${token}), ''), true);
with found as (
  select s.*, (s.expires_at <= ${now} or s.last_seen_at < ${now} - ${milliseconds(rules.idleMs)}) as ended
  from sessions s where s.id = ${token}
), person as (
  select u.* from users u join found f on u.id = f.user_id
), ended as (
  delete from sessions where id = ${token} and (select ended from found) returning id
), seen as (
  update sessions set last_seen_at = ${now}
  where id = ${token} and not (select ended from found)
    and last_seen_at < ${now} - ${milliseconds(rules.touchAfterMs)}
    and exists (select 1 from person where disabled_at is null)
  returning id
)
select json_build_object(
  'ended', f.ended,
  'session', json_build_object(
    'id', f.id, 'userId', f.user_id, 'activeOrganisationId', f.active_organisation_id,
    'csrfToken', f.csrf_token, 'createdAt', f.created_at, 'lastSeenAt', f.last_seen_at,
    'expiresAt', f.expires_at),
  'user', (select json_build_object(
    'id', p.id, 'email', p.email, 'name', p.name, 'passwordHash', p.password_hash,
    'locale', p.locale, 'disabledAt', p.disabled_at,
    'mutedNotificationKinds', p.muted_notification_kinds, 'createdAt', p.created_at,
    'version', p.version) from person p),
  'memberships', coalesce((select json_agg(json_build_object(
      'organisationId', m.organisation_id, 'userId', m.user_id, 'roles', m.roles,
      'createdAt', m.created_at, 'version', m.version,
      'organisation', json_build_object('id', o.id, 'kind', o.kind, 'name', o.name,
        'createdAt', o.created_at, 'version', o.version))
      order by o.kind, o.name)
    from memberships m join organisations o on o.id = m.organisation_id
    where m.user_id = f.user_id), '[]'::json)
) as principal
from found f`;
}

/** Reads the principal row of `resolveSessionStatement`. */
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
    user: {
      ...user,
      createdAt: new Date(user.createdAt),
      disabledAt: null,
      mutedNotificationKinds: user.mutedNotificationKinds ?? [],
    },
    memberships: stored.memberships.map((m) => ({
      ...m,
      roles: m.roles as Role[],
      createdAt: new Date(m.createdAt),
      organisation: { ...m.organisation, createdAt: new Date(m.organisation.createdAt) },
    })),
  };
}

/**
 * Sessions resolved in one round trip (see `resolveSessionStatement`), on either engine. The
 * database may still be opening; resolving then waits for it.
 */
export function createSessionResolver(
  handle: DatabaseHandle | Promise<DatabaseHandle>,
): SessionResolver {
  return {
    async resolveSession(id, rules) {
      const opened = await handle;
      const text = resolveSessionStatement(id, rules);
      let rows: unknown[];
      if (opened.pool) {
        const results = (await opened.pool.query(text)) as unknown as pg.QueryResult[];
        rows = results.at(-1)?.rows ?? [];
      } else if (opened.pglite) {
        const results = await opened.pglite.exec(text);
        rows = results.at(-1)?.rows ?? [];
      } else {
        throw new Error('the database handle has neither a pool nor PGlite');
      }
      const row = rows[0] as { principal: StoredPrincipal } | undefined;
      return toResolvedSession(row?.principal);
    },
  };
}
