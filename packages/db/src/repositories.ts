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
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { createAuditRepository } from './audit.repository';
import { createContactImportRepository } from './contact-import.repository';
import { createContactRepository } from './contact.repository';
import type { Database, Executor, Transaction } from './client';
import * as schema from './schema';
import { createDocumentRepository } from './document.repository';
import { createHousekeepingRepository } from './housekeeping.repository';
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
import { createReferralRepository } from './referral.repository';
import { createSessionRepository } from './session.repository';
import { createStatusRepository } from './status.repository';
import { createStorefrontRepository } from './storefront.repository';
import { createSubmissionRepository } from './submission.repository';
import { createThrottleRepository } from './throttle.repository';
import { createTokenRepository } from './token.repository';
import { createUserRepository } from './user.repository';
import { createVersionRepository } from './version.repository';

export { createBearerResolver, createSessionResolver } from './session.repository';

/**
 * Every repository of a unit of work, by its name in `Tx`. Adding a repository is one line here
 * (and its port in core's `Tx`).
 */
const REPOSITORIES = {
  organisations: createOrganisationRepository,
  users: createUserRepository,
  memberships: createMembershipRepository,
  invitations: createInvitationRepository,
  sessions: createSessionRepository,
  throttles: createThrottleRepository,
  programs: createProgramRepository,
  idempotency: createIdempotencyRepository,
  audit: createAuditRepository,
  offers: createOfferRepository,
  documents: createDocumentRepository,
  contacts: createContactRepository,
  contactImports: createContactImportRepository,
  versions: createVersionRepository,
  submissions: createSubmissionRepository,
  profiles: createProfileRepository,
  statuses: createStatusRepository,
  storefront: createStorefrontRepository,
  notifications: createNotificationRepository,
  jobs: createJobRepository,
  outbox: createOutboxRepository,
  housekeeping: createHousekeepingRepository,
  tokens: createTokenRepository,
  referrals: createReferralRepository,
} satisfies { [K in Exclude<keyof Tx, 'widenScope'>]: (db: Executor) => Tx[K] };

type Repositories = Omit<Tx, 'widenScope'>;

/**
 * The repositories over one executor. Each is built on first use and kept on the instance, so a
 * transaction builds only what it touches, and on PostgreSQL (one executor per pooled
 * connection, see `executorOf`) a repository is built once per connection, not per request.
 */
class BoundRepositories {
  /**
   * The repositories built so far. Kept in a map of the instance: a transaction is an object
   * whose prototype is this instance, and a getter's `this` is then the transaction, so caching
   * on `this` would build every repository again in every transaction.
   */
  readonly built = new Map<string, unknown>();
  constructor(readonly db: Executor) {}
}
for (const [name, create] of Object.entries(REPOSITORIES)) {
  Object.defineProperty(BoundRepositories.prototype, name, {
    get(this: BoundRepositories) {
      let repository = this.built.get(name);
      if (repository === undefined) {
        repository = (create as (db: Executor) => unknown)(this.db);
        this.built.set(name, repository);
      }
      return repository;
    },
  });
}

const boundTo = new WeakMap<Executor, Repositories>();

function repositoriesOver(db: Executor): Repositories {
  let repositories = boundTo.get(db);
  if (!repositories) {
    repositories = new BoundRepositories(db) as unknown as Repositories;
    boundTo.set(db, repositories);
  }
  return repositories;
}

/** The settings row-level security reads, as `select set_config(…)` arguments in order. */
function scopeSettings(scope: TenantScope): [string, string][] {
  return [
    ['role', 'cosell_app'],
    ['cosell.organisation_ids', (scope.organisationIds ?? []).join(',')],
    ['cosell.user_id', scope.userId ?? ''],
    ['cosell.program_admin', scope.programAdmin ? 'on' : ''],
    ['cosell.program_staff', scope.programStaff ? 'on' : ''],
    ['cosell.invitation_token_hash', scope.invitationTokenHash ?? ''],
    ['cosell.outbox_relay', scope.outboxRelay ? 'on' : ''],
    ['cosell.housekeeping', scope.housekeeping ? 'on' : ''],
    ['cosell.api_token_hash', scope.apiTokenHash ?? ''],
    ['cosell.api_token_id', scope.apiTokenId ?? ''],
    ['cosell.referral_expiry', scope.referralExpiry ? 'on' : ''],
  ];
}

/** Makes the transaction run as cosell_app with `scope` in transaction-local settings. */
async function applyScope(db: Executor, scope: TenantScope) {
  const calls = scopeSettings(scope).map(
    ([name, value]) => sql`set_config(${name}, ${value}, true)`,
  );
  await db.execute(sql`select ${sql.join(calls, sql`, `)}`);
}

const mergeScopes = (a: TenantScope, b: TenantScope): TenantScope => ({
  organisationIds: [...new Set([...(a.organisationIds ?? []), ...(b.organisationIds ?? [])])],
  userId: b.userId ?? a.userId,
  programAdmin: a.programAdmin || b.programAdmin,
  programStaff: a.programStaff || b.programStaff,
  invitationTokenHash: b.invitationTokenHash ?? a.invitationTokenHash,
  outboxRelay: a.outboxRelay || b.outboxRelay,
  housekeeping: a.housekeeping || b.housekeeping,
  apiTokenHash: b.apiTokenHash ?? a.apiTokenHash,
  apiTokenId: b.apiTokenId ?? a.apiTokenId,
  referralExpiry: a.referralExpiry || b.referralExpiry,
});

/**
 * The repositories of one transaction (`tx.offers`, `tx.contacts`…) over `db`: the executor's
 * repositories, plus the transaction's own scope.
 */
export function createRepositories(db: Executor, initialScope: TenantScope = {}): Tx {
  let scope = initialScope;
  const tx = Object.create(repositoriesOver(db)) as Tx;
  tx.widenScope = async (more) => {
    scope = mergeScopes(scope, more);
    await applyScope(db, scope);
  };
  return tx;
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

interface TransactionOptions {
  snapshot?: boolean | undefined;
}

/**
 * One transaction as the application role (cosell_app) within `scope`. A `snapshot` read sees
 * one state of the database for all its statements (REPEATABLE READ, read only), so a view
 * made of several reads never shows half of a concurrent change.
 *
 * On PostgreSQL the transaction opens in one round trip (BEGIN and the scope's settings sent as
 * one simple query) and runs on one pooled connection whose Drizzle instance is kept with the
 * connection. On PGlite, in process, Drizzle's transaction runs it.
 */
export function withTenantScope<T>(
  db: Database,
  scope: TenantScope,
  work: (tx: Transaction) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const client = (db as { $client?: unknown }).$client;
  if (client instanceof pg.Pool) return pooledTransaction(client, scope, work, options);
  return db.transaction(
    async (tx) => {
      await applyScope(tx, scope);
      return work(tx);
    },
    options.snapshot ? { isolationLevel: 'repeatable read', accessMode: 'read only' } : undefined,
  );
}

/** A Drizzle instance per pooled connection, built the first time the connection serves. */
const executors = new WeakMap<pg.PoolClient, Database>();

function executorOf(client: pg.PoolClient): Database {
  let executor = executors.get(client);
  if (!executor) {
    executor = drizzlePg(client, { schema }) as unknown as Database;
    executors.set(client, executor);
  }
  return executor;
}

/** `begin …; select set_config(…), …` with the values as escaped literals (one simple query). */
export function beginStatement(scope: TenantScope, options: TransactionOptions = {}): string {
  const begin = options.snapshot ? 'begin isolation level repeatable read read only' : 'begin';
  const calls = scopeSettings(scope).map(
    ([name, value]) => `set_config(${pg.escapeLiteral(name)}, ${pg.escapeLiteral(value)}, true)`,
  );
  return `${begin}; select ${calls.join(', ')}`;
}

async function pooledTransaction<T>(
  pool: pg.Pool,
  scope: TenantScope,
  work: (tx: Transaction) => Promise<T>,
  options: TransactionOptions,
): Promise<T> {
  const client = await pool.connect();
  // A connection whose rollback fails is in an unknown state: the pool drops it.
  let broken: Error | undefined;
  try {
    await client.query(beginStatement(scope, options));
    const result = await work(executorOf(client) as unknown as Transaction);
    await client.query('commit');
    return result;
  } catch (error) {
    try {
      await client.query('rollback');
    } catch (rollbackError) {
      broken = rollbackError as Error;
    }
    throw error;
  } finally {
    client.release(broken);
  }
}
