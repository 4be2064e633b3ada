/**
 * API tokens and their service principals (ADR 013). The table is global (looked up by the
 * secret's hash before anyone is known) but row-level security isolates it: a person's scope
 * sees their personal tokens, an organisation's its service tokens, a bearer its own token.
 */
import { randomUUID } from 'node:crypto';
import type {
  ApiTokenRecord,
  Locale,
  MembershipWithOrganisation,
  NotificationKind,
  Role,
  TokenKind,
  TokenRepository,
} from '@cosell/core';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from './client';
import { toOrganisation } from './rows';
import { apiTokens, memberships, organisations, users } from './schema';

type TokenRow = typeof apiTokens.$inferSelect;

const toToken = (row: TokenRow): ApiTokenRecord => ({
  id: row.id,
  kind: row.kind as TokenKind,
  name: row.name,
  userId: row.userId,
  organisationId: row.organisationId,
  createdBy: row.createdBy,
  scopes: row.scopes,
  createdAt: row.createdAt,
  expiresAt: row.expiresAt,
  lastUsedAt: row.lastUsedAt,
  lastUsedIp: row.lastUsedIp,
  revokedAt: row.revokedAt,
});

/** A service principal's password hash: no password ever verifies against it. */
const NO_PASSWORD = '!service-principal';

export function createTokenRepository(db: Executor): TokenRepository {
  return {
    async createToken(input) {
      const [row] = await db.insert(apiTokens).values(input).returning();
      return toToken(row!);
    },

    async createServicePrincipal(input) {
      const id = randomUUID();
      await db.insert(users).values({
        id,
        kind: 'service',
        email: `service-${id}@tokens.cosell.invalid`,
        name: input.name,
        passwordHash: NO_PASSWORD,
        createdAt: input.now,
      });
      await db.insert(memberships).values({
        organisationId: input.organisationId,
        userId: id,
        roles: input.roles,
        createdAt: input.now,
      });
      return id;
    },

    async retireServicePrincipal(organisationId, userId, at) {
      await db
        .delete(memberships)
        .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
      await db
        .update(users)
        .set({ disabledAt: at })
        .where(and(eq(users.id, userId), eq(users.kind, 'service')));
    },

    async listPersonalTokens(userId) {
      const rows = await db
        .select()
        .from(apiTokens)
        .where(and(eq(apiTokens.kind, 'personal'), eq(apiTokens.userId, userId)))
        .orderBy(desc(apiTokens.createdAt), asc(apiTokens.id));
      return rows.map(toToken);
    },

    async listServiceTokens(organisationId) {
      const rows = await db
        .select()
        .from(apiTokens)
        .where(and(eq(apiTokens.kind, 'service'), eq(apiTokens.organisationId, organisationId)))
        .orderBy(desc(apiTokens.createdAt), asc(apiTokens.id));
      return rows.map(toToken);
    },

    async findToken(id) {
      const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
      return row ? toToken(row) : null;
    },

    async revokeToken(id, at) {
      const rows = await db
        .update(apiTokens)
        .set({ revokedAt: at })
        .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
        .returning({ id: apiTokens.id });
      return rows.length > 0;
    },

    async findBearer(tokenHash) {
      // One statement: the token, its principal and every membership of the principal (one
      // row per membership; a principal without any still yields its one row).
      const rows = await db
        .select({
          token: apiTokens,
          user: users,
          membership: memberships,
          organisation: organisations,
        })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .leftJoin(memberships, eq(memberships.userId, apiTokens.userId))
        .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
        .where(eq(apiTokens.tokenHash, tokenHash))
        .orderBy(asc(organisations.kind), asc(organisations.name));
      const first = rows[0];
      if (!first) return null;
      const found: MembershipWithOrganisation[] = [];
      for (const row of rows) {
        if (!row.membership || !row.organisation) continue;
        found.push({
          organisationId: row.membership.organisationId,
          userId: row.membership.userId,
          roles: row.membership.roles as Role[],
          createdAt: row.membership.createdAt,
          version: row.membership.version,
          organisation: toOrganisation(row.organisation),
        });
      }
      const { kind: _kind, ...user } = first.user;
      return {
        token: toToken(first.token),
        user: {
          ...user,
          locale: user.locale as Locale,
          mutedNotificationKinds: user.mutedNotificationKinds as NotificationKind[],
        },
        memberships: found,
      };
    },

    async touchToken(id, at, ip) {
      await db
        .update(apiTokens)
        .set({ lastUsedAt: at, lastUsedIp: ip?.slice(0, 100) ?? null })
        .where(eq(apiTokens.id, id));
    },
  };
}
