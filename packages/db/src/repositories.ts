/**
 * The unit of work over Drizzle: one transaction, run as the application role within a tenant
 * scope, that hands out one repository per core module port (`<name>.repository.ts`). Every
 * method runs on the executor it was built with, so all writes of a unit of work commit together.
 * Tenant tables are always filtered by organisation id, never by row id alone, except in the
 * methods a port marks "Program staff": those read across partners, and row-level security (the
 * program_staff policies) decides what the transaction's scope may see.
 */
import type { TenantScope, Tx, UnitOfWork } from '@cosell/core';
import { sql } from 'drizzle-orm';
import { createAuditRepository } from './audit.repository';
import { createContactImportRepository } from './contact-import.repository';
import { createContactRepository } from './contact.repository';
import type { Database, Executor, Transaction } from './client';
import { createDocumentRepository } from './document.repository';
import { createIdempotencyRepository } from './idempotency.repository';
import { createInvitationRepository } from './invitation.repository';
import { createJobRepository } from './job.repository';
import { createMembershipRepository } from './membership.repository';
import { createNotificationRepository } from './notification.repository';
import { createOfferRepository } from './offer.repository';
import { createOrganisationRepository } from './organisation.repository';
import { createOutboxRepository } from './outbox.repository';
import { createProfileRepository } from './profile.repository';
import { createProgramRepository } from './program.repository';
import { createSessionRepository } from './session.repository';
import { createStatusRepository } from './status.repository';
import { createStorefrontRepository } from './storefront.repository';
import { createSubmissionRepository } from './submission.repository';
import { createThrottleRepository } from './throttle.repository';
import { createTokenRepository } from './token.repository';
import { createUserRepository } from './user.repository';
import { createVersionRepository } from './version.repository';

/** Makes the transaction run as cosell_app with `scope` in transaction-local settings. */
async function applyScope(db: Executor, scope: TenantScope) {
  await db.execute(sql`select
    set_config('role', 'cosell_app', true),
    set_config('cosell.organisation_ids', ${(scope.organisationIds ?? []).join(',')}, true),
    set_config('cosell.user_id', ${scope.userId ?? ''}, true),
    set_config('cosell.program_admin', ${scope.programAdmin ? 'on' : ''}, true),
    set_config('cosell.program_staff', ${scope.programStaff ? 'on' : ''}, true),
    set_config('cosell.invitation_token_hash', ${scope.invitationTokenHash ?? ''}, true),
    set_config('cosell.outbox_relay', ${scope.outboxRelay ? 'on' : ''}, true),
    set_config('cosell.api_token_hash', ${scope.apiTokenHash ?? ''}, true),
    set_config('cosell.api_token_id', ${scope.apiTokenId ?? ''}, true)`);
}

const mergeScopes = (a: TenantScope, b: TenantScope): TenantScope => ({
  organisationIds: [...new Set([...(a.organisationIds ?? []), ...(b.organisationIds ?? [])])],
  userId: b.userId ?? a.userId,
  programAdmin: a.programAdmin || b.programAdmin,
  programStaff: a.programStaff || b.programStaff,
  invitationTokenHash: b.invitationTokenHash ?? a.invitationTokenHash,
  outboxRelay: a.outboxRelay || b.outboxRelay,
  apiTokenHash: b.apiTokenHash ?? a.apiTokenHash,
  apiTokenId: b.apiTokenId ?? a.apiTokenId,
});

/** The repositories of one transaction (`tx.offers`, `tx.contacts`…) over `db`. */
export function createRepositories(db: Executor, initialScope: TenantScope = {}): Tx {
  let scope = initialScope;
  return {
    async widenScope(more) {
      scope = mergeScopes(scope, more);
      await applyScope(db, scope);
    },
    organisations: createOrganisationRepository(db),
    users: createUserRepository(db),
    memberships: createMembershipRepository(db),
    invitations: createInvitationRepository(db),
    sessions: createSessionRepository(db),
    throttles: createThrottleRepository(db),
    programs: createProgramRepository(db),
    idempotency: createIdempotencyRepository(db),
    audit: createAuditRepository(db),
    offers: createOfferRepository(db),
    documents: createDocumentRepository(db),
    contacts: createContactRepository(db),
    contactImports: createContactImportRepository(db),
    versions: createVersionRepository(db),
    submissions: createSubmissionRepository(db),
    profiles: createProfileRepository(db),
    statuses: createStatusRepository(db),
    storefront: createStorefrontRepository(db),
    notifications: createNotificationRepository(db),
    jobs: createJobRepository(db),
    outbox: createOutboxRepository(db),
    tokens: createTokenRepository(db),
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
