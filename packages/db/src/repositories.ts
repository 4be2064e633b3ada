/**
 * Drizzle implementation of the core repository ports. Every method runs on the executor it
 * was built with, so a unit of work passes its transaction and all writes commit together.
 * Tenant tables are always filtered by organisation id, never by row id alone.
 */
import type {
  AuditEntry,
  AuditRecord,
  IdempotencyRecord,
  InvitationRecord,
  ListQuery,
  MembershipRecord,
  NotificationKind,
  OrganisationRecord,
  ProgramRecord,
  Tx,
  OrganisationRepository,
  UserRepository,
  MembershipRepository,
  InvitationRepository,
  SessionRepository,
  ThrottleRepository,
  ProgramRepository,
  IdempotencyRepository,
  AuditRepository,
  SessionRecord,
  TenantScope,
  UnitOfWork,
  UserRecord,
} from '@cosell/core';
import type { Locale, OrganisationKind, Role } from '@cosell/core';
import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  ilike,
  inArray,
  isNull,
  lte,
  ne,
  or,
  sql,
} from 'drizzle-orm';
import type { Database, Executor, Transaction } from './client';
import { createOfferRepositories } from './offer-repositories';
import { createOutboxRepository } from './outbox.repository';
import { createPublicationRepositories } from './publication-repositories';
import { likePattern, translateDbError, versionIn } from './sql-helpers';
import {
  auditLog,
  idempotencyKeys,
  invitations,
  loginThrottle,
  memberships,
  organisations,
  programs,
  sessions,
  users,
} from './schema';

type OrgRow = typeof organisations.$inferSelect;
type UserRow = typeof users.$inferSelect;
type MembershipRow = typeof memberships.$inferSelect;
type InvitationRow = typeof invitations.$inferSelect;

const toOrganisation = (row: OrgRow): OrganisationRecord => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  createdAt: row.createdAt,
  version: row.version,
});
const toUser = (row: UserRow): UserRecord => ({
  ...row,
  locale: row.locale as Locale,
  mutedNotificationKinds: row.mutedNotificationKinds as NotificationKind[],
});
const toMembership = (row: MembershipRow): MembershipRecord => ({
  organisationId: row.organisationId,
  userId: row.userId,
  roles: row.roles as Role[],
  createdAt: row.createdAt,
  version: row.version,
});
const toIdempotencyRecord = (row: typeof idempotencyKeys.$inferSelect): IdempotencyRecord => ({
  userId: row.userId,
  keyHash: row.keyHash,
  method: row.method,
  path: row.path,
  requestHash: row.requestHash,
  claimId: row.claimId,
  response:
    row.responseStatus === null || row.responseBody === null
      ? null
      : { status: row.responseStatus, headers: row.responseHeaders ?? {}, body: row.responseBody },
  createdAt: row.createdAt,
  completedAt: row.completedAt,
  expiresAt: row.expiresAt,
});

const toInvitation = (row: InvitationRow): InvitationRecord => ({
  ...row,
  roles: row.roles as Role[],
});

/** Makes the transaction run as cosell_app with `scope` in transaction-local settings. */
async function applyScope(db: Executor, scope: TenantScope) {
  await db.execute(sql`select
    set_config('role', 'cosell_app', true),
    set_config('cosell.organisation_ids', ${(scope.organisationIds ?? []).join(',')}, true),
    set_config('cosell.user_id', ${scope.userId ?? ''}, true),
    set_config('cosell.program_admin', ${scope.programAdmin ? 'on' : ''}, true),
    set_config('cosell.program_staff', ${scope.programStaff ? 'on' : ''}, true),
    set_config('cosell.invitation_token_hash', ${scope.invitationTokenHash ?? ''}, true),
    set_config('cosell.outbox_relay', ${scope.outboxRelay ? 'on' : ''}, true)`);
}

const mergeScopes = (a: TenantScope, b: TenantScope): TenantScope => ({
  organisationIds: [...new Set([...(a.organisationIds ?? []), ...(b.organisationIds ?? [])])],
  userId: b.userId ?? a.userId,
  programAdmin: a.programAdmin || b.programAdmin,
  programStaff: a.programStaff || b.programStaff,
  invitationTokenHash: b.invitationTokenHash ?? a.invitationTokenHash,
  outboxRelay: a.outboxRelay || b.outboxRelay,
});

type AccountRepositories = OrganisationRepository &
  UserRepository &
  MembershipRepository &
  InvitationRepository &
  SessionRepository &
  ThrottleRepository &
  ProgramRepository &
  IdempotencyRepository &
  AuditRepository & { widenScope: Tx['widenScope'] };

/** The repositories of one transaction (`tx.offers`, `tx.contacts`…) over `db`. */
export function createRepositories(db: Executor, initialScope: TenantScope = {}): Tx {
  const accounts = createAccountRepositories(db, initialScope);
  const offers = createOfferRepositories(db);
  const publication = createPublicationRepositories(db);
  return {
    widenScope: accounts.widenScope,
    organisations: accounts,
    users: accounts,
    memberships: accounts,
    invitations: accounts,
    sessions: accounts,
    throttles: accounts,
    programs: accounts,
    idempotency: accounts,
    audit: accounts,
    offers,
    documents: { ...offers, findReferencedBlobKeys: publication.findReferencedBlobKeys },
    contacts: offers,
    contactImports: offers,
    versions: publication,
    submissions: publication,
    profiles: publication,
    statuses: publication,
    storefront: publication,
    notifications: publication,
    jobs: publication,
    outbox: createOutboxRepository(db),
  };
}

function createAccountRepositories(db: Executor, initialScope: TenantScope): AccountRepositories {
  let scope = initialScope;
  return {
    async widenScope(more) {
      scope = mergeScopes(scope, more);
      await applyScope(db, scope);
    },

    async countUsers() {
      const [row] = await db.select({ n: count() }).from(users);
      return row?.n ?? 0;
    },

    async findVendorOrganisation() {
      const [row] = await db.select().from(organisations).where(eq(organisations.kind, 'vendor'));
      return row ? toOrganisation(row) : null;
    },

    async createOrganisation(input) {
      try {
        const [row] = await db.insert(organisations).values(input).returning();
        return toOrganisation(row!);
      } catch (error) {
        translateDbError(error);
      }
    },

    async findOrganisation(id) {
      const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
      return row ? toOrganisation(row) : null;
    },

    async listOrganisations(query) {
      const conditions = [];
      if (query.ids)
        conditions.push(
          inArray(organisations.id, query.ids.length ? query.ids : ([sql`null`] as never)),
        );
      if (query.kinds) conditions.push(inArray(organisations.kind, query.kinds));
      if (query.search) conditions.push(ilike(organisations.name, likePattern(query.search)));
      const where = conditions.length ? and(...conditions) : undefined;
      const rows = await db
        .select()
        .from(organisations)
        .where(where)
        .orderBy(asc(organisations.kind), asc(sql`lower(${organisations.name})`))
        .limit(query.limit)
        .offset(query.offset);
      const [total] = await db.select({ n: count() }).from(organisations).where(where);
      return { items: rows.map(toOrganisation), total: total?.n ?? 0 };
    },

    async renameOrganisation(id, name, expected) {
      try {
        const [row] = await db
          .update(organisations)
          .set({ name, version: sql`${organisations.version} + 1` })
          .where(and(eq(organisations.id, id), versionIn(organisations.version, expected)))
          .returning();
        return row ? toOrganisation(row) : null;
      } catch (error) {
        translateDbError(error);
      }
    },

    async createUser(input) {
      try {
        const [row] = await db.insert(users).values(input).returning();
        return toUser(row!);
      } catch (error) {
        translateDbError(error);
      }
    },

    async findUser(id) {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row ? toUser(row) : null;
    },

    async findUserByEmail(email) {
      const [row] = await db
        .select()
        .from(users)
        .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
      return row ? toUser(row) : null;
    },

    async updateUser(id, patch, expected = 'any') {
      const [row] = await db
        .update(users)
        .set({ ...patch, version: sql`${users.version} + 1` })
        .where(and(eq(users.id, id), versionIn(users.version, expected)))
        .returning();
      return row ? toUser(row) : null;
    },

    async listUsers(query) {
      const where = query.search
        ? or(
            ilike(users.email, likePattern(query.search)),
            ilike(users.name, likePattern(query.search)),
          )
        : undefined;
      const rows = await db
        .select()
        .from(users)
        .where(where)
        .orderBy(asc(users.email))
        .limit(query.limit)
        .offset(query.offset);
      const [total] = await db.select({ n: count() }).from(users).where(where);
      return { items: rows.map(toUser), total: total?.n ?? 0 };
    },

    async listMembershipsOfUser(userId) {
      const rows = await db
        .select({ membership: memberships, organisation: organisations })
        .from(memberships)
        .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
        .where(eq(memberships.userId, userId))
        .orderBy(asc(organisations.kind), asc(organisations.name));
      return rows.map((row) => ({
        ...toMembership(row.membership),
        organisation: toOrganisation(row.organisation),
      }));
    },

    async findMembership(organisationId, userId) {
      const [row] = await db
        .select()
        .from(memberships)
        .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
      return row ? toMembership(row) : null;
    },

    async listMembers(organisationId) {
      const rows = await db
        .select({
          membership: memberships,
          user: { id: users.id, email: users.email, name: users.name },
        })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.organisationId, organisationId))
        .orderBy(asc(sql`lower(${users.name})`));
      return rows.map((row) => ({ ...toMembership(row.membership), user: row.user }));
    },

    async createMembership(input) {
      try {
        const [row] = await db.insert(memberships).values(input).returning();
        return toMembership(row!);
      } catch (error) {
        translateDbError(error);
      }
    },

    async updateMembershipRoles(organisationId, userId, roles, expected) {
      const [row] = await db
        .update(memberships)
        .set({ roles, version: sql`${memberships.version} + 1` })
        .where(
          and(
            eq(memberships.organisationId, organisationId),
            eq(memberships.userId, userId),
            versionIn(memberships.version, expected),
          ),
        )
        .returning();
      return row ? toMembership(row) : null;
    },

    async deleteMembership(organisationId, userId, expected = 'any') {
      const rows = await db
        .delete(memberships)
        .where(
          and(
            eq(memberships.organisationId, organisationId),
            eq(memberships.userId, userId),
            versionIn(memberships.version, expected),
          ),
        )
        .returning({ userId: memberships.userId });
      return rows.length > 0;
    },

    async createInvitation(input) {
      const [row] = await db.insert(invitations).values(input).returning();
      return toInvitation(row!);
    },

    async findInvitationByTokenHash(tokenHash) {
      const [row] = await db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
      return row ? toInvitation(row) : null;
    },

    async listOpenInvitations(organisationId, now) {
      const rows = await db
        .select()
        .from(invitations)
        .where(
          and(
            eq(invitations.organisationId, organisationId),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
            gt(invitations.expiresAt, now),
          ),
        )
        .orderBy(desc(invitations.createdAt));
      return rows.map(toInvitation);
    },

    async markInvitationAccepted(organisationId, id, at) {
      // The acceptedAt IS NULL guard makes a replayed link lose the race, not double-join.
      const rows = await db
        .update(invitations)
        .set({ acceptedAt: at })
        .where(
          and(
            eq(invitations.organisationId, organisationId),
            eq(invitations.id, id),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
          ),
        )
        .returning({ id: invitations.id });
      return rows.length > 0;
    },

    async revokeInvitation(organisationId, id, at) {
      const rows = await db
        .update(invitations)
        .set({ revokedAt: at })
        .where(
          and(
            eq(invitations.organisationId, organisationId),
            eq(invitations.id, id),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
          ),
        )
        .returning({ id: invitations.id });
      return rows.length > 0;
    },

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

    async findThrottle(key) {
      const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
      return row ?? null;
    },

    async saveThrottle(record) {
      await db
        .insert(loginThrottle)
        .values(record)
        .onConflictDoUpdate({
          target: loginThrottle.key,
          set: {
            failures: record.failures,
            windowStartedAt: record.windowStartedAt,
            lockedUntil: record.lockedUntil,
          },
        });
    },

    async clearThrottle(key) {
      await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
    },

    async findProgram(organisationId) {
      const [row] = await db
        .select()
        .from(programs)
        .where(eq(programs.organisationId, organisationId));
      return row ?? null;
    },

    async createProgram(input) {
      const [row] = await db.insert(programs).values(input).returning();
      return row as ProgramRecord;
    },

    async updateProgramTaxonomy(organisationId, taxonomy, expected, at) {
      const [row] = await db
        .update(programs)
        .set({
          taxonomy,
          taxonomyIsSample: false,
          updatedAt: at,
          version: sql`${programs.version} + 1`,
        })
        .where(
          and(eq(programs.organisationId, organisationId), versionIn(programs.version, expected)),
        )
        .returning();
      return (row as ProgramRecord | undefined) ?? null;
    },

    async updateProgramPolicy(organisationId, policyId, expected, at) {
      const [row] = await db
        .update(programs)
        .set({ activePolicy: policyId, updatedAt: at, version: sql`${programs.version} + 1` })
        .where(
          and(eq(programs.organisationId, organisationId), versionIn(programs.version, expected)),
        )
        .returning();
      return (row as ProgramRecord | undefined) ?? null;
    },

    async claimIdempotencyKey(input) {
      const claim = {
        method: input.method,
        path: input.path,
        requestHash: input.requestHash,
        claimId: input.claimId,
        responseStatus: null,
        responseHeaders: null,
        responseBody: null,
        createdAt: input.now,
        completedAt: null,
        expiresAt: input.expiresAt,
      };
      // One statement: a new key is inserted; an existing one is taken over only when it has
      // expired or its claim was abandoned. Concurrent claims queue on the row, and each
      // re-checks the condition against the winner's row, so exactly one gets it.
      const rows = await db
        .insert(idempotencyKeys)
        .values({ userId: input.userId, keyHash: input.keyHash, ...claim })
        .onConflictDoUpdate({
          target: [idempotencyKeys.userId, idempotencyKeys.keyHash],
          set: claim,
          setWhere: or(
            lte(idempotencyKeys.expiresAt, input.now),
            and(
              isNull(idempotencyKeys.completedAt),
              lte(idempotencyKeys.createdAt, input.staleBefore),
            ),
          ),
        })
        .returning({ claimId: idempotencyKeys.claimId });
      return rows.length > 0;
    },

    async findIdempotencyKey(userId, keyHash) {
      const [row] = await db
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.keyHash, keyHash)));
      return row ? toIdempotencyRecord(row) : null;
    },

    async completeIdempotencyKey(userId, keyHash, claimId, response, at) {
      const rows = await db
        .update(idempotencyKeys)
        .set({
          responseStatus: response.status,
          responseHeaders: response.headers,
          responseBody: response.body,
          completedAt: at,
        })
        .where(
          and(
            eq(idempotencyKeys.userId, userId),
            eq(idempotencyKeys.keyHash, keyHash),
            eq(idempotencyKeys.claimId, claimId),
          ),
        )
        .returning({ claimId: idempotencyKeys.claimId });
      return rows.length > 0;
    },

    async releaseIdempotencyKey(userId, keyHash, claimId) {
      await db
        .delete(idempotencyKeys)
        .where(
          and(
            eq(idempotencyKeys.userId, userId),
            eq(idempotencyKeys.keyHash, keyHash),
            eq(idempotencyKeys.claimId, claimId),
            isNull(idempotencyKeys.completedAt),
          ),
        );
    },

    async deleteExpiredIdempotencyKeys(now, limit) {
      // Batched, so a large backlog is removed in short transactions.
      const rows = await db
        .delete(idempotencyKeys)
        .where(
          sql`(${idempotencyKeys.userId}, ${idempotencyKeys.keyHash}) in (
            select expired.user_id, expired.key_hash from idempotency_keys expired
            where expired.expires_at <= ${now.toISOString()}::timestamptz limit ${limit})`,
        )
        .returning({ userId: idempotencyKeys.userId });
      return rows.length;
    },

    async appendAudit(entry: AuditEntry) {
      await db.insert(auditLog).values({
        organisationId: entry.organisationId,
        actorUserId: entry.actorUserId,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        before: entry.before ?? null,
        after: entry.after ?? null,
        requestId: entry.requestId ?? null,
      });
    },

    async listAudit(organisationId, query: ListQuery) {
      const where = eq(auditLog.organisationId, organisationId);
      const rows = await db
        .select()
        .from(auditLog)
        .where(where)
        .orderBy(desc(auditLog.at))
        .limit(query.limit)
        .offset(query.offset);
      const [total] = await db.select({ n: count() }).from(auditLog).where(where);
      return { items: rows as AuditRecord[], total: total?.n ?? 0 };
    },
  };
}

/**
 * A unit of work over `db`: each run is one transaction. `db` may still be opening (the server
 * listens while PGlite starts); runs then wait for it.
 */
export function createUnitOfWork(db: Database | Promise<Database>): UnitOfWork {
  return {
    run: async (work, scope = {}, options = {}) =>
      withTenantScope(await db, scope, (tx) => work(createRepositories(tx, scope)), options),
  };
}

/**
 * One transaction as the application role (cosell_app) within `scope`. A `snapshot` read sees
 * one state of the database for all its statements (REPEATABLE READ, read only), so a view
 * made of several reads never shows half of a concurrent change.
 */
export function withTenantScope<T>(
  db: Database,
  scope: TenantScope,
  work: (tx: Transaction) => Promise<T>,
  options: { snapshot?: boolean } = {},
): Promise<T> {
  return db.transaction(
    async (tx) => {
      await applyScope(tx, scope);
      return work(tx);
    },
    options.snapshot ? { isolationLevel: 'repeatable read', accessMode: 'read only' } : undefined,
  );
}

export type { OrganisationKind };
