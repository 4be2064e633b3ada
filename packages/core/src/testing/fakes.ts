/**
 * In-memory fakes for service tests: the repositories of a transaction over one in-memory
 * state, a unit of work that keeps a run's changes only when its work succeeds, a clock moved
 * by hand, and stand-ins for blobs, secrets and password hashing. No database, no mocks.
 *
 * The repositories mirror packages/db: every query names the organisation; a conditional write
 * applies only when the row's version is one of `expected` ('any' matches every version, an
 * empty list none) and bumps the version; a unique index answers CONFLICT naming the index.
 * Records go in and come out as copies, like rows. Only the methods the service tests reach
 * are implemented: any other one fails with `not faked: <repository>.<method>`.
 */
import type {
  InvitationRecord,
  InvitationRepository,
  MembershipRecord,
  MembershipRepository,
  OrganisationRecord,
  OrganisationRepository,
  SessionRecord,
  SessionRepository,
  ThrottleRecord,
  ThrottleRepository,
  UserRecord,
  UserRepository,
} from '../accounts/accounts.ports';
import type { AuditRecord, AuditRepository } from '../audit/audit.ports';
import type { ContactInput } from '../contacts/contact';
import type {
  ContactImportDiff,
  ContactImportRecord,
  ContactImportRepository,
  ContactRecord,
  ContactRepository,
} from '../contacts/contacts.ports';
import type { DocumentRecord, DocumentRepository } from '../documents/documents.ports';
import { AppError } from '../errors';
import type { DomainEvent } from '../events/events';
import type { OutboxRepository } from '../events/events.ports';
import type { IdempotencyRecord, IdempotencyRepository } from '../idempotency/idempotency.ports';
import type { HousekeepingRepository, JobRecord, JobRepository } from '../jobs/jobs.ports';
import type {
  NotificationRecord,
  NotificationRepository,
} from '../notifications/notifications.ports';
import type { OfferListQuery, OfferRecord } from '../offers/offer';
import type { OfferRepository } from '../offers/offer.ports';
import type {
  BlobInfo,
  BlobStore,
  Clock,
  ExpectedVersions,
  Mail,
  Mailer,
  Page,
  PasswordHasher,
  Secrets,
  TenantScope,
} from '../ports';
import type { ProgramProfileRecord } from '../profiles/profile';
import type { ProfileRepository } from '../profiles/profiles.ports';
import type { ProgramRecord, ProgramRepository } from '../program/program.ports';
import {
  OPEN_SUBMISSION_STATES,
  type OfferVersionRecord,
  type SubmissionRecord,
} from '../publishing/publication';
import type { SubmissionRepository, VersionRepository } from '../publishing/publishing.ports';
import type {
  OfferStatusRecord,
  StatusHistoryRecord,
  StatusInputRow,
  StatusRepository,
} from '../status/status.ports';
import type { StorefrontListing, StorefrontRepository } from '../storefront/storefront.ports';
import type { TokenRepository } from '../tokens/tokens.ports';
import type { Tx, UnitOfWork } from '../transaction';
import type { ReferralRepository } from '../opportunities/opportunities.ports';
import { fakeReferralRepository, type FakeReferralState } from './referrals.fake';

// ---------------------------------------------------------------------------------------------
// State

/** A staged row of a contact import: the file's (`incoming`) or the replaced list's (`previous`). */
export interface FakeImportRow {
  organisationId: string;
  importId: string;
  side: 'incoming' | 'previous';
  row: number;
  contact: ContactInput;
}

/** Every table the fakes keep. Tests read it to assert what was committed. */
export interface FakeState {
  organisations: OrganisationRecord[];
  users: UserRecord[];
  memberships: MembershipRecord[];
  invitations: InvitationRecord[];
  sessions: (SessionRecord & { userAgent: string | null })[];
  throttles: ThrottleRecord[];
  programs: ProgramRecord[];
  idempotencyKeys: IdempotencyRecord[];
  audit: AuditRecord[];
  offers: OfferRecord[];
  documents: DocumentRecord[];
  contacts: ContactRecord[];
  contactImports: ContactImportRecord[];
  contactImportRows: FakeImportRow[];
  versions: OfferVersionRecord[];
  submissions: (SubmissionRecord & { seq: number })[];
  profiles: ProgramProfileRecord[];
  statuses: OfferStatusRecord[];
  statusHistory: (StatusHistoryRecord & { seq: number })[];
  storefront: StorefrontListing[];
  notifications: (NotificationRecord & { seq: number })[];
  jobs: (JobRecord & { dedupeKey: string | null })[];
  /** The outbox. */
  events: (DomainEvent & { dispatchedAt: Date | null })[];
  engagements: FakeReferralState['engagements'];
  referrals: FakeReferralState['referrals'];
  referralTimeline: FakeReferralState['referralTimeline'];
  referralFavorites: FakeReferralState['referralFavorites'];
  referralImports: FakeReferralState['referralImports'];
  referralScopes: FakeReferralState['referralScopes'];
}

export const emptyState = (): FakeState => ({
  organisations: [],
  users: [],
  memberships: [],
  invitations: [],
  sessions: [],
  throttles: [],
  programs: [],
  idempotencyKeys: [],
  audit: [],
  offers: [],
  documents: [],
  contacts: [],
  contactImports: [],
  contactImportRows: [],
  versions: [],
  submissions: [],
  profiles: [],
  statuses: [],
  statusHistory: [],
  storefront: [],
  notifications: [],
  jobs: [],
  events: [],
  engagements: [],
  referrals: [],
  referralTimeline: [],
  referralFavorites: [],
  referralImports: [],
  referralScopes: {},
});

// ---------------------------------------------------------------------------------------------
// Clock, ids, secrets, passwords, mail, blobs

/** A clock that stands still until the test moves it. */
export class FakeClock implements Clock {
  private current: number;
  constructor(start: Date | string = '2026-03-02T09:00:00.000Z') {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
  advanceDays(days: number): void {
    this.advance(days * 86_400_000);
  }
}

/** UUID-shaped ids counting up: 00000000-0000-4000-8000-000000000001, …002. */
export function createIds(prefix = '00000000') {
  let n = 0;
  return () => `${prefix}-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`;
}

/** Tokens `token-1`, `token-2`…; a token's hash is `sha(<token>)`. */
export class FakeSecrets implements Secrets {
  private n = 0;
  token(): string {
    return `token-${++this.n}`;
  }
  hashToken(token: string): string {
    return `sha(${token})`;
  }
}

/** Hashes are readable (`hash(<password>)`); verify compares them. */
export const fakePasswords: PasswordHasher = {
  hash: async (password) => `hash(${password})`,
  verify: async (hash, password) => hash === `hash(${password})`,
};

export class FakeMailer implements Mailer {
  readonly sent: Mail[] = [];
  async send(mail: Mail): Promise<void> {
    this.sent.push(mail);
  }
}

/**
 * Blobs in memory, outside every transaction like real storage. `putFile` records the file
 * path it took over; `open` gives an async-iterable stream of the blob's bytes.
 */
export class FakeBlobStore implements BlobStore {
  readonly blobs = new Map<string, { filePath: string; info: BlobInfo; bytes: Uint8Array }>();
  /** Every key deleted, in order (also keys that were already gone). */
  readonly deleted: string[] = [];
  /** Set to make the next `putFile` fail (e.g. a full disk). */
  failNextPut: Error | null = null;

  async putFile(key: string, filePath: string, info: BlobInfo): Promise<void> {
    if (this.failNextPut) {
      const error = this.failNextPut;
      this.failNextPut = null;
      throw error;
    }
    this.blobs.set(key, {
      filePath,
      info,
      bytes: new TextEncoder().encode(`bytes of ${filePath}`),
    });
  }
  async open(key: string): Promise<NodeJS.ReadableStream> {
    const blob = this.blobs.get(key);
    if (!blob) throw new AppError('NOT_FOUND', { message: 'blob not found' });
    const { bytes } = blob;
    const stream = {
      async *[Symbol.asyncIterator]() {
        yield bytes;
      },
    };
    return stream as unknown as NodeJS.ReadableStream;
  }
  async delete(key: string): Promise<void> {
    this.deleted.push(key);
    this.blobs.delete(key);
  }
  async exists(key: string): Promise<boolean> {
    return this.blobs.has(key);
  }
  // eslint-disable-next-line require-yield -- not faked: fails on first use
  async *list(): AsyncIterable<string> {
    throw new Error('not faked: blobs.list');
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers shared by the repositories

const copy = <T>(value: T): T => structuredClone(value);
const versionMatches = (expected: ExpectedVersions, version: number) =>
  expected === 'any' || expected.includes(version);
/** The answer of a unique violation, as packages/db translates it. */
const conflict = (index: string) =>
  new AppError('CONFLICT', { message: `unique violation: ${index}` });
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const includesText = (text: string | null | undefined, search: string) =>
  (text ?? '').toLowerCase().includes(search.toLowerCase());

/** What the repositories of one run share: the state they work on, the clock, ids, faults. */
interface Env {
  now(): Date;
  id(): string;
  seq(): number;
  /** A fault injected for `<repository>.<method>`, taken once. */
  takeFault(method: string): Error | undefined;
}

/**
 * A repository whose missing methods fail loudly, and whose every method answers
 * asynchronously (a fault injected for it included), like a query.
 */
function repository<T extends object>(area: string, env: Env, methods: Partial<T>): T {
  return new Proxy(methods, {
    get(target, property) {
      if (typeof property !== 'string' || property === 'then') return undefined;
      const method = (target as Record<string, unknown>)[property];
      const name = `${area}.${property}`;
      return async (...args: unknown[]) => {
        const fault = env.takeFault(name);
        if (fault) throw fault;
        if (typeof method !== 'function') throw new Error(`not faked: ${name}`);
        return (method as (...a: unknown[]) => unknown)(...args);
      };
    },
  }) as T;
}

// ---------------------------------------------------------------------------------------------
// Accounts

function organisationRepository(db: FakeState, env: Env): OrganisationRepository {
  const assertUnique = (name: string, kind: string, exceptId?: string) => {
    const others = db.organisations.filter((o) => o.id !== exceptId);
    if (others.some((o) => o.name.toLowerCase() === name.toLowerCase()))
      throw conflict('organisations_name_key');
    if (kind === 'vendor' && others.some((o) => o.kind === 'vendor'))
      throw conflict('organisations_one_vendor_key');
  };
  return repository<OrganisationRepository>('organisations', env, {
    // Runs take turns already: every transaction holds every lock.
    async lockOrganisation() {},
    async findVendorOrganisation() {
      return copy(db.organisations.find((o) => o.kind === 'vendor') ?? null);
    },
    async createOrganisation(input) {
      assertUnique(input.name, input.kind);
      const record: OrganisationRecord = {
        id: env.id(),
        kind: input.kind,
        name: input.name,
        createdAt: env.now(),
        version: 1,
      };
      db.organisations.push(record);
      return copy(record);
    },
    async findOrganisation(id) {
      return copy(db.organisations.find((o) => o.id === id) ?? null);
    },
    async renameOrganisation(id, name, expected) {
      const row = db.organisations.find((o) => o.id === id);
      if (!row || !versionMatches(expected, row.version)) return null;
      assertUnique(name, row.kind, id);
      Object.assign(row, { name, version: row.version + 1 });
      return copy(row);
    },
  });
}

function userRepository(db: FakeState, env: Env): UserRepository {
  const byEmail = (email: string) =>
    db.users.find((u) => u.email.toLowerCase() === email.toLowerCase());
  return repository<UserRepository>('users', env, {
    async countUsers() {
      return db.users.length;
    },
    async createUser(input) {
      if (byEmail(input.email)) throw conflict('users_email_key');
      const record: UserRecord = {
        id: env.id(),
        ...input,
        disabledAt: null,
        mutedNotificationKinds: [],
        createdAt: env.now(),
        version: 1,
      };
      db.users.push(record);
      return copy(record);
    },
    async findUser(id) {
      return copy(db.users.find((u) => u.id === id) ?? null);
    },
    async findUserByEmail(email) {
      return copy(byEmail(email) ?? null);
    },
    async updateUser(id, patch, expected = 'any') {
      const row = db.users.find((u) => u.id === id);
      if (!row || !versionMatches(expected, row.version)) return null;
      Object.assign(row, copy(patch), { version: row.version + 1 });
      return copy(row);
    },
  });
}

function membershipRepository(db: FakeState, env: Env): MembershipRepository {
  const find = (organisationId: string, userId: string) =>
    db.memberships.find((m) => m.organisationId === organisationId && m.userId === userId);
  return repository<MembershipRepository>('memberships', env, {
    async listMembershipsOfUser(userId) {
      return db.memberships
        .filter((m) => m.userId === userId)
        .map((m) => ({
          ...copy(m),
          organisation: copy(db.organisations.find((o) => o.id === m.organisationId)!),
        }))
        .sort(
          (a, b) =>
            byText(a.organisation.kind, b.organisation.kind) ||
            byText(a.organisation.name, b.organisation.name),
        );
    },
    async findMembership(organisationId, userId) {
      return copy(find(organisationId, userId) ?? null);
    },
    async listMembers(organisationId) {
      return db.memberships
        .filter((m) => m.organisationId === organisationId)
        .map((m) => {
          const user = db.users.find((u) => u.id === m.userId)!;
          return { ...copy(m), user: { id: user.id, email: user.email, name: user.name } };
        })
        .sort((a, b) => byText(a.user.name.toLowerCase(), b.user.name.toLowerCase()));
    },
    async createMembership(input) {
      if (find(input.organisationId, input.userId)) throw conflict('memberships_pkey');
      const record: MembershipRecord = { ...copy(input), createdAt: env.now(), version: 1 };
      db.memberships.push(record);
      return copy(record);
    },
    async updateMembershipRoles(organisationId, userId, roles, expected) {
      const row = find(organisationId, userId);
      if (!row || !versionMatches(expected, row.version)) return null;
      Object.assign(row, { roles: [...roles], version: row.version + 1 });
      return copy(row);
    },
    async deleteMembership(organisationId, userId, expected = 'any') {
      const row = find(organisationId, userId);
      if (!row || !versionMatches(expected, row.version)) return false;
      db.memberships.splice(db.memberships.indexOf(row), 1);
      return true;
    },
  });
}

function invitationRepository(db: FakeState, env: Env): InvitationRepository {
  const open = (organisationId: string, id: string) =>
    db.invitations.find(
      (i) => i.organisationId === organisationId && i.id === id && !i.acceptedAt && !i.revokedAt,
    );
  return repository<InvitationRepository>('invitations', env, {
    async createInvitation(input) {
      if (db.invitations.some((i) => i.tokenHash === input.tokenHash))
        throw conflict('invitations_token_hash_key');
      const record: InvitationRecord = {
        ...copy(input),
        id: env.id(),
        acceptedAt: null,
        revokedAt: null,
        createdAt: env.now(),
      };
      db.invitations.push(record);
      return copy(record);
    },
    async findInvitationByTokenHash(tokenHash) {
      return copy(db.invitations.find((i) => i.tokenHash === tokenHash) ?? null);
    },
    async listOpenInvitations(organisationId, now) {
      return db.invitations
        .filter(
          (i) =>
            i.organisationId === organisationId &&
            !i.acceptedAt &&
            !i.revokedAt &&
            i.expiresAt > now,
        )
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
        .map(copy);
    },
    async markInvitationAccepted(organisationId, id, at) {
      const row = open(organisationId, id);
      if (!row) return false;
      row.acceptedAt = at;
      return true;
    },
    async revokeInvitation(organisationId, id, at) {
      const row = open(organisationId, id);
      if (!row) return false;
      row.revokedAt = at;
      return true;
    },
  });
}

function sessionRepository(db: FakeState, env: Env): SessionRepository {
  return repository<SessionRepository>('sessions', env, {
    async createSession(input) {
      const { now, userAgent, ...rest } = input;
      const record = {
        ...copy(rest),
        createdAt: now,
        lastSeenAt: now,
        userAgent: userAgent?.slice(0, 300) ?? null,
      };
      db.sessions.push(record);
      return copy(record);
    },
    async findSession(id) {
      return copy(db.sessions.find((s) => s.id === id) ?? null);
    },
    async touchSession(id, at) {
      const row = db.sessions.find((s) => s.id === id);
      if (row) row.lastSeenAt = at;
    },
    async setSessionOrganisation(id, organisationId) {
      const row = db.sessions.find((s) => s.id === id);
      if (row) row.activeOrganisationId = organisationId;
    },
    async deleteSession(id) {
      db.sessions = db.sessions.filter((s) => s.id !== id);
    },
    async deleteSessionsOfUser(userId, exceptSessionId) {
      db.sessions = db.sessions.filter((s) => s.userId !== userId || s.id === exceptSessionId);
    },
  });
}

function throttleRepository(db: FakeState, env: Env): ThrottleRepository {
  return repository<ThrottleRepository>('throttles', env, {
    async findThrottle(key) {
      return copy(db.throttles.find((t) => t.key === key) ?? null);
    },
    async saveThrottle(record) {
      db.throttles = [...db.throttles.filter((t) => t.key !== record.key), copy(record)];
    },
    async addThrottleFailures(key, by, now, windowMs) {
      const current = db.throttles.find((t) => t.key === key);
      const expired = !current || current.windowStartedAt.getTime() <= now.getTime() - windowMs;
      const next: ThrottleRecord = {
        key,
        failures: expired ? Math.max(by, 0) : Math.max(current.failures + by, 0),
        windowStartedAt: expired ? now : current.windowStartedAt,
        lockedUntil: current?.lockedUntil ?? null,
      };
      db.throttles = [...db.throttles.filter((t) => t.key !== key), next];
      return copy(next);
    },
    async lockThrottle(key, until) {
      const current = db.throttles.find((t) => t.key === key);
      if (current && (!current.lockedUntil || current.lockedUntil < until))
        current.lockedUntil = until;
    },
    async clearThrottle(key) {
      db.throttles = db.throttles.filter((t) => t.key !== key);
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Program, idempotency, audit, jobs, outbox

function programRepository(db: FakeState, env: Env): ProgramRepository {
  const update = (
    organisationId: string,
    patch: Partial<ProgramRecord>,
    expected: ExpectedVersions,
    at: Date,
  ) => {
    const row = db.programs.find((p) => p.organisationId === organisationId);
    if (!row || !versionMatches(expected, row.version)) return null;
    Object.assign(row, copy(patch), { updatedAt: at, version: row.version + 1 });
    return copy(row);
  };
  return repository<ProgramRepository>('programs', env, {
    async findProgram(organisationId) {
      return copy(db.programs.find((p) => p.organisationId === organisationId) ?? null);
    },
    async createProgram(input) {
      if (db.programs.some((p) => p.organisationId === input.organisationId))
        throw conflict('programs_pkey');
      const record: ProgramRecord = {
        organisationId: input.organisationId,
        activePolicy: '2021-09',
        taxonomy: copy(input.taxonomy),
        taxonomyIsSample: true,
        contactEmail: null,
        policyChosenAt: null,
        updatedAt: env.now(),
        version: 1,
      };
      db.programs.push(record);
      return copy(record);
    },
    async updateProgramTaxonomy(organisationId, taxonomy, expected, at) {
      return update(organisationId, { taxonomy, taxonomyIsSample: false }, expected, at);
    },
    async updateProgramPolicy(organisationId, policyId, expected, at) {
      return update(organisationId, { activePolicy: policyId, policyChosenAt: at }, expected, at);
    },
    async updateProgramContact(organisationId, contactEmail, expected, at) {
      return update(organisationId, { contactEmail }, expected, at);
    },
  });
}

function idempotencyRepository(db: FakeState, env: Env): IdempotencyRepository {
  const find = (userId: string, keyHash: string) =>
    db.idempotencyKeys.find((k) => k.userId === userId && k.keyHash === keyHash);
  return repository<IdempotencyRepository>('idempotency', env, {
    async claimIdempotencyKey(input) {
      const existing = find(input.userId, input.keyHash);
      const takeOver =
        existing &&
        (existing.expiresAt <= input.now ||
          (existing.completedAt === null && existing.createdAt <= input.staleBefore));
      if (existing && !takeOver) return false;
      const claim: IdempotencyRecord = {
        userId: input.userId,
        keyHash: input.keyHash,
        method: input.method,
        path: input.path,
        requestHash: input.requestHash,
        claimId: input.claimId,
        response: null,
        createdAt: input.now,
        completedAt: null,
        expiresAt: input.expiresAt,
      };
      if (existing) Object.assign(existing, claim);
      else db.idempotencyKeys.push(claim);
      return true;
    },
    async findIdempotencyKey(userId, keyHash) {
      return copy(find(userId, keyHash) ?? null);
    },
    async completeIdempotencyKey(userId, keyHash, claimId, response, at) {
      const row = find(userId, keyHash);
      if (!row || row.claimId !== claimId) return false;
      Object.assign(row, { response: copy(response), completedAt: at });
      return true;
    },
    async releaseIdempotencyKey(userId, keyHash, claimId) {
      db.idempotencyKeys = db.idempotencyKeys.filter(
        (k) =>
          !(
            k.userId === userId &&
            k.keyHash === keyHash &&
            k.claimId === claimId &&
            k.completedAt === null
          ),
      );
    },
    async deleteExpiredIdempotencyKeys(now, limit) {
      const expired = db.idempotencyKeys.filter((k) => k.expiresAt <= now).slice(0, limit);
      db.idempotencyKeys = db.idempotencyKeys.filter((k) => !expired.includes(k));
      return expired.length;
    },
  });
}

function auditRepository(db: FakeState, env: Env): AuditRepository {
  return repository<AuditRepository>('audit', env, {
    async appendAudit(entry) {
      db.audit.push({
        id: env.id(),
        at: env.now(),
        organisationId: entry.organisationId,
        actorUserId: entry.actorUserId,
        actorTokenId: entry.actorTokenId ?? null,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        before: copy(entry.before) ?? null,
        after: copy(entry.after) ?? null,
        requestId: entry.requestId ?? null,
      });
    },
  });
}

function jobRepository(db: FakeState, env: Env): JobRepository {
  return repository<JobRepository>('jobs', env, {
    async enqueueJob(job) {
      const dedupeKey = job.dedupeKey ?? null;
      if (dedupeKey !== null && db.jobs.some((j) => j.dedupeKey === dedupeKey)) return;
      db.jobs.push({
        id: env.id(),
        kind: job.kind,
        payload: copy(job.payload),
        organisationId: job.organisationId,
        runAt: job.runAt,
        attempts: 0,
        maxAttempts: job.maxAttempts ?? 5,
        lockedBy: null,
        lockedUntil: null,
        lastError: null,
        doneAt: null,
        createdAt: env.now(),
        dedupeKey,
      });
    },
    async countPendingJobs(kinds) {
      return db.jobs.filter((j) => j.doneAt === null && (!kinds || kinds.includes(j.kind))).length;
    },
    async deleteDoneJobs(before, limit) {
      return deleteSome(db.jobs, (j) => j.doneAt !== null && j.doneAt < before, limit).length;
    },
  });
}

/** Deletes up to `limit` of `rows` matching `spent`, in place; returns how many. */
function deleteSome<T>(rows: T[], spent: (row: T) => boolean, limit: number): T[] {
  const gone: T[] = [];
  for (let i = 0; i < rows.length && gone.length < limit;) {
    if (spent(rows[i]!)) gone.push(...rows.splice(i, 1));
    else i++;
  }
  return gone;
}

function housekeepingRepository(db: FakeState): HousekeepingRepository {
  const at = (date: Date | null, before: Date) => date !== null && date <= before;
  return {
    async deleteExpiredSessions(now, limit) {
      return deleteSome(db.sessions, (s) => s.expiresAt <= now, limit).length;
    },
    async deleteSpentInvitations(before, limit) {
      return deleteSome(
        db.invitations,
        (i) => at(i.acceptedAt, before) || at(i.revokedAt, before) || i.expiresAt <= before,
        limit,
      ).length;
    },
    async deleteAbandonedContactImports(before, limit) {
      const gone = deleteSome(
        db.contactImports,
        (i) => i.state === 'pending' && i.createdAt <= before,
        limit,
      );
      const ids = new Set(gone.map((i) => i.id));
      db.contactImportRows = db.contactImportRows.filter((r) => !ids.has(r.importId));
      return gone.length;
    },
  };
}

function outboxRepository(db: FakeState, env: Env): OutboxRepository {
  return repository<OutboxRepository>('outbox', env, {
    async appendEvents(events) {
      for (const event of events) {
        if (db.events.some((e) => e.organisationId === event.organisationId && e.id === event.id))
          throw conflict('domain_events_pkey');
        db.events.push({ ...copy(event), dispatchedAt: null });
      }
    },
    async findEvent(organisationId, id) {
      const row = db.events.find((e) => e.organisationId === organisationId && e.id === id);
      if (!row) return null;
      const { dispatchedAt: _dispatchedAt, ...event } = copy(row);
      return event as DomainEvent;
    },
    async claimUndispatched(limit) {
      // One transaction at a time here: nothing to skip; oldest first, in commit order.
      return db.events
        .filter((e) => e.dispatchedAt === null)
        .slice(0, limit)
        .map(({ dispatchedAt: _dispatchedAt, ...event }) => copy(event) as DomainEvent);
    },
    async markDispatched(ids, at) {
      for (const event of db.events) if (ids.includes(event.id)) event.dispatchedAt ??= at;
    },
    async countUndispatched() {
      return db.events.filter((e) => e.dispatchedAt === null).length;
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Offers, documents, contacts, imports

const EMPTY_DRAFT: OfferRecord['cosell'] = {
  listing: { platforms: [], segments: [], solutionType: null, solutionAreas: [] },
  landingPageUrl: null,
};

function offerRepository(db: FakeState, env: Env): OfferRepository {
  const find = (organisationId: string, id: string) =>
    db.offers.find((o) => o.organisationId === organisationId && o.id === id);
  const assertAliasFree = (organisationId: string, alias: string, exceptId?: string) => {
    if (
      db.offers.some(
        (o) =>
          o.organisationId === organisationId &&
          o.id !== exceptId &&
          o.alias.toLowerCase() === alias.toLowerCase(),
      )
    )
      throw conflict('offers_alias_key');
  };
  const listPage = (organisationId: string, query: OfferListQuery): Page<OfferRecord> => {
    const rows = db.offers.filter(
      (o) =>
        o.organisationId === organisationId &&
        (query.archived === 'all' || (query.archived === 'archived') === (o.archivedAt !== null)) &&
        (!query.offerType || o.offerType === query.offerType) &&
        (!query.search ||
          includesText(o.name, query.search) ||
          includesText(o.alias, query.search)),
    );
    const key = (o: OfferRecord): string | number => {
      const value = o[query.sort];
      return value instanceof Date ? value.getTime() : value.toLowerCase();
    };
    const direction = query.direction === 'asc' ? 1 : -1;
    rows.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return (x < y ? -direction : x > y ? direction : 0) || byText(a.id, b.id);
    });
    return {
      items: rows.slice(query.offset, query.offset + query.limit).map(copy),
      total: rows.length,
    };
  };
  return repository<OfferRepository>('offers', env, {
    async createOffer(organisationId, fields, at) {
      assertAliasFree(organisationId, fields.alias);
      const record: OfferRecord = {
        ...copy(fields),
        organisationId,
        id: env.id(),
        cosell: copy(EMPTY_DRAFT),
        archivedAt: null,
        createdAt: at,
        updatedAt: at,
        version: 1,
        contactsVersion: 1,
        draftVersion: 1,
        draftChanges: {},
        publishStatus: 'draft',
        liveVersionId: null,
      };
      db.offers.push(record);
      return copy(record);
    },
    async findOffer(organisationId, id) {
      return copy(find(organisationId, id) ?? null);
    },
    async listOffers(organisationId, query) {
      return listPage(organisationId, query);
    },
    async listOffersWithStatus(organisationId, query) {
      const page = listPage(organisationId, query);
      const vendor = db.organisations.find((o) => o.kind === 'vendor');
      const program = vendor && db.programs.find((p) => p.organisationId === vendor.id);
      return {
        items: page.items.map((offer) => ({
          offer,
          cosellStatus:
            db.statuses.find((s) => s.organisationId === organisationId && s.offerId === offer.id)
              ?.status ?? null,
        })),
        total: page.total,
        activePolicy: program?.activePolicy ?? null,
      };
    },
    async updateOffer(organisationId, id, patch, expected, at) {
      const row = find(organisationId, id);
      if (!row || !versionMatches(expected, row.version)) return null;
      if (patch.alias !== undefined) assertAliasFree(organisationId, patch.alias, id);
      Object.assign(row, copy(patch), { updatedAt: at, version: row.version + 1 });
      return copy(row);
    },
    async bumpContactsVersion(organisationId, offerId, expected, at) {
      const row = find(organisationId, offerId);
      if (!row || !versionMatches(expected, row.contactsVersion)) return null;
      row.contactsVersion += 1;
      row.updatedAt = at;
      return row.contactsVersion;
    },
    async bumpDraftVersion(organisationId, offerId, part, at) {
      const row = find(organisationId, offerId);
      if (!row) return null;
      row.draftVersion += 1;
      row.draftChanges = { ...row.draftChanges, [part]: row.draftVersion };
      row.updatedAt = at;
      return row.draftVersion;
    },
  });
}

function documentRepository(db: FakeState, env: Env): DocumentRepository {
  const ofOffer = (organisationId: string, offerId: string) =>
    db.documents.filter((d) => d.organisationId === organisationId && d.offerId === offerId);
  return repository<DocumentRepository>('documents', env, {
    async listDocuments(organisationId, offerId) {
      return ofOffer(organisationId, offerId)
        .sort((a, b) => a.uploadedAt.getTime() - b.uploadedAt.getTime() || byText(a.id, b.id))
        .map(copy);
    },
    async findDocument(organisationId, offerId, id) {
      return copy(ofOffer(organisationId, offerId).find((d) => d.id === id) ?? null);
    },
    async insertDocument(record) {
      if (
        record.kind !== 'other' &&
        ofOffer(record.organisationId, record.offerId).some((d) => d.kind === record.kind)
      )
        throw conflict('offer_documents_single_kind_key');
      const row: DocumentRecord = { ...copy(record), version: 1 };
      db.documents.push(row);
      return copy(row);
    },
    async deleteDocument(organisationId, offerId, id, expected) {
      const row = ofOffer(organisationId, offerId).find((d) => d.id === id);
      if (!row || !versionMatches(expected, row.version)) return null;
      db.documents.splice(db.documents.indexOf(row), 1);
      return copy(row);
    },
  });
}

const contactOf = (c: ContactInput): ContactInput => ({
  name: c.name,
  email: c.email,
  jobTitle: c.jobTitle,
  role: c.role,
  countries: [...c.countries],
  states: [...c.states],
});
const contactMatchKey = (c: Pick<ContactInput, 'email' | 'role'>) =>
  `${c.email.toLowerCase()}\u0000${c.role}`;

function contactRepository(db: FakeState, env: Env): ContactRepository {
  const ofOffer = (organisationId: string, offerId: string) =>
    db.contacts
      .filter((c) => c.organisationId === organisationId && c.offerId === offerId)
      .sort((a, b) => a.position - b.position || byText(a.id, b.id));
  const assertUnique = (organisationId: string, offerId: string, c: ContactInput, id?: string) => {
    if (
      ofOffer(organisationId, offerId).some(
        (other) => other.id !== id && contactMatchKey(other) === contactMatchKey(c),
      )
    )
      throw conflict('offer_contacts_email_role_key');
  };
  return repository<ContactRepository>('contacts', env, {
    async listContacts(organisationId, offerId) {
      return ofOffer(organisationId, offerId).map(copy);
    },
    async listContactsAfter(organisationId, offerId, afterPosition, limit) {
      return ofOffer(organisationId, offerId)
        .filter((c) => c.position > afterPosition)
        .slice(0, limit)
        .map(copy);
    },
    async countContacts(organisationId, offerId) {
      return ofOffer(organisationId, offerId).length;
    },
    async findContact(organisationId, offerId, id) {
      return copy(ofOffer(organisationId, offerId).find((c) => c.id === id) ?? null);
    },
    async createContact(organisationId, offerId, input) {
      assertUnique(organisationId, offerId, input);
      const position = Math.max(0, ...ofOffer(organisationId, offerId).map((c) => c.position)) + 1;
      const record: ContactRecord = {
        organisationId,
        offerId,
        id: env.id(),
        position,
        ...contactOf(input),
        version: 1,
      };
      db.contacts.push(record);
      return copy(record);
    },
    async updateContact(organisationId, offerId, id, input, expected) {
      const row = ofOffer(organisationId, offerId).find((c) => c.id === id);
      if (!row || !versionMatches(expected, row.version)) return null;
      assertUnique(organisationId, offerId, input, id);
      Object.assign(row, contactOf(input), { version: row.version + 1 });
      return copy(row);
    },
    async deleteContact(organisationId, offerId, id, expected) {
      const row = ofOffer(organisationId, offerId).find((c) => c.id === id);
      if (!row || !versionMatches(expected, row.version)) return null;
      db.contacts.splice(db.contacts.indexOf(row), 1);
      return copy(row);
    },
  });
}

function contactImportRepository(db: FakeState, env: Env): ContactImportRepository {
  const find = (organisationId: string, importId: string) =>
    db.contactImports.find((i) => i.organisationId === organisationId && i.id === importId);
  const rowsOf = (organisationId: string, importId: string, side: FakeImportRow['side']) =>
    db.contactImportRows
      .filter(
        (r) => r.organisationId === organisationId && r.importId === importId && r.side === side,
      )
      .sort((a, b) => a.row - b.row);
  const offerRow = (organisationId: string, offerId: string) =>
    db.offers.find((o) => o.organisationId === organisationId && o.id === offerId);
  const replaceContacts = (organisationId: string, offerId: string, rows: FakeImportRow[]) => {
    db.contacts = db.contacts.filter(
      (c) => !(c.organisationId === organisationId && c.offerId === offerId),
    );
    for (const { row, contact } of rows) {
      db.contacts.push({
        organisationId,
        offerId,
        id: env.id(),
        position: row,
        ...contactOf(contact),
        version: 1,
      });
    }
  };
  const remove = (organisationId: string, ids: string[]) => {
    db.contactImports = db.contactImports.filter(
      (i) => !(i.organisationId === organisationId && ids.includes(i.id)),
    );
    db.contactImportRows = db.contactImportRows.filter(
      (r) => !(r.organisationId === organisationId && ids.includes(r.importId)),
    );
  };
  const sorted = (values: readonly string[]) => [...values].sort().join(',');
  return repository<ContactImportRepository>('contactImports', env, {
    async createContactImport(input) {
      const record: ContactImportRecord = {
        organisationId: input.organisationId,
        offerId: input.offerId,
        id: env.id(),
        state: 'pending',
        fileName: input.fileName,
        rowCount: 0,
        baseContactsVersion: input.baseContactsVersion,
        resultingContactsVersion: null,
        createdBy: input.createdBy,
        createdAt: input.at,
        appliedAt: null,
        undoneAt: null,
      };
      db.contactImports.push(record);
      return copy(record);
    },
    async stageContactImportRows(organisationId, importId, rows) {
      for (const { row, contact } of rows) {
        db.contactImportRows.push({
          organisationId,
          importId,
          side: 'incoming',
          row,
          contact: contactOf(contact),
        });
      }
    },
    async findContactImportDuplicates(organisationId, importId, limit) {
      const first = new Map<string, number>();
      const duplicates: { row: number; firstRow: number; email: string; role: string }[] = [];
      for (const { row, contact } of rowsOf(organisationId, importId, 'incoming')) {
        const key = contactMatchKey(contact);
        const firstRow = first.get(key);
        if (firstRow === undefined) first.set(key, row);
        else duplicates.push({ row, firstRow, email: contact.email, role: contact.role });
      }
      return duplicates.slice(0, limit);
    },
    async setContactImportRowCount(organisationId, importId, rowCount) {
      const row = find(organisationId, importId);
      if (row) row.rowCount = rowCount;
    },
    async findContactImport(organisationId, offerId, importId) {
      const row = find(organisationId, importId);
      return copy(row && row.offerId === offerId ? row : null);
    },
    async diffContactImport(organisationId, offerId, importId, sampleSize) {
      const incoming = rowsOf(organisationId, importId, 'incoming');
      const current = db.contacts
        .filter((c) => c.organisationId === organisationId && c.offerId === offerId)
        .sort((a, b) => a.position - b.position);
      const currentByKey = new Map(current.map((c) => [contactMatchKey(c), c]));
      const incomingKeys = new Set(incoming.map((r) => contactMatchKey(r.contact)));
      const diff: ContactImportDiff = {
        added: { count: 0, sample: [] },
        removed: { count: 0, sample: [] },
        changed: { count: 0, sample: [] },
        unchanged: 0,
      };
      for (const { contact } of incoming) {
        const before = currentByKey.get(contactMatchKey(contact));
        if (!before) {
          diff.added.count += 1;
          if (diff.added.sample.length < sampleSize) diff.added.sample.push(contactOf(contact));
        } else if (
          before.name !== contact.name ||
          before.email !== contact.email ||
          before.jobTitle !== contact.jobTitle ||
          sorted(before.countries) !== sorted(contact.countries) ||
          sorted(before.states) !== sorted(contact.states)
        ) {
          diff.changed.count += 1;
          if (diff.changed.sample.length < sampleSize)
            diff.changed.sample.push({ before: contactOf(before), after: contactOf(contact) });
        } else diff.unchanged += 1;
      }
      for (const contact of current) {
        if (incomingKeys.has(contactMatchKey(contact))) continue;
        diff.removed.count += 1;
        if (diff.removed.sample.length < sampleSize) diff.removed.sample.push(contactOf(contact));
      }
      return diff;
    },
    async applyContactImport(organisationId, offerId, importId, expected, at) {
      const offer = offerRow(organisationId, offerId);
      if (!offer || !versionMatches(expected, offer.contactsVersion)) return null;
      offer.contactsVersion += 1;
      offer.updatedAt = at;
      const previous = db.contacts
        .filter((c) => c.organisationId === organisationId && c.offerId === offerId)
        .sort((a, b) => a.position - b.position || byText(a.id, b.id));
      previous.forEach((contact, index) =>
        db.contactImportRows.push({
          organisationId,
          importId,
          side: 'previous',
          row: index + 1,
          contact: contactOf(contact),
        }),
      );
      replaceContacts(organisationId, offerId, rowsOf(organisationId, importId, 'incoming'));
      const record = find(organisationId, importId);
      if (!record || record.state !== 'pending') return null;
      Object.assign(record, {
        state: 'applied',
        appliedAt: at,
        resultingContactsVersion: offer.contactsVersion,
      });
      return copy(record);
    },
    async undoContactImport(organisationId, offerId, importId, at) {
      const record = find(organisationId, importId);
      if (!record || record.offerId !== offerId || record.state !== 'applied') return null;
      const offer = offerRow(organisationId, offerId);
      if (
        !record.resultingContactsVersion ||
        offer?.contactsVersion !== record.resultingContactsVersion
      )
        return null;
      offer.contactsVersion += 1;
      offer.updatedAt = at;
      replaceContacts(organisationId, offerId, rowsOf(organisationId, importId, 'previous'));
      Object.assign(record, { state: 'undone', undoneAt: at });
      return copy(record);
    },
    async findLatestAppliedContactImport(organisationId, offerId) {
      const applied = db.contactImports
        .filter(
          (i) =>
            i.organisationId === organisationId && i.offerId === offerId && i.state === 'applied',
        )
        .sort((a, b) => b.appliedAt!.getTime() - a.appliedAt!.getTime());
      return copy(applied[0] ?? null);
    },
    async deleteContactImport(organisationId, importId) {
      remove(organisationId, [importId]);
    },
    async pruneContactImports(organisationId, offerId, keepIds) {
      const ids = db.contactImports
        .filter(
          (i) =>
            i.organisationId === organisationId && i.offerId === offerId && !keepIds.includes(i.id),
        )
        .map((i) => i.id);
      remove(organisationId, ids);
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Publication, profiles, statuses, storefront, notifications

function versionRepository(db: FakeState, env: Env): VersionRepository {
  const offerRow = (organisationId: string, offerId: string) =>
    db.offers.find((o) => o.organisationId === organisationId && o.id === offerId);
  return repository<VersionRepository>('versions', env, {
    async insertOfferVersion(input) {
      const number =
        Math.max(
          0,
          ...db.versions
            .filter((v) => v.organisationId === input.organisationId && v.offerId === input.offerId)
            .map((v) => v.number),
        ) + 1;
      const record: OfferVersionRecord = {
        organisationId: input.organisationId,
        offerId: input.offerId,
        id: env.id(),
        number,
        snapshot: copy(input.snapshot),
        createdBy: input.createdBy,
        createdAt: input.at,
      };
      db.versions.push(record);
      return copy(record);
    },
    async findOfferVersion(organisationId, offerId, versionId) {
      const row = db.versions.find(
        (v) => v.organisationId === organisationId && v.offerId === offerId && v.id === versionId,
      );
      return copy(row ?? null);
    },
    async findOfferPublication(organisationId, offerId) {
      const offer = offerRow(organisationId, offerId);
      return offer
        ? {
            publishStatus: offer.publishStatus,
            lifecycleState: offer.lifecycleState,
            liveVersionId: offer.liveVersionId,
          }
        : null;
    },
    async setOfferPublication(organisationId, offerId, patch, at) {
      const offer = offerRow(organisationId, offerId);
      if (!offer) return;
      // Not a user edit: the version (the offer's ETag) stays.
      if (patch.publishStatus !== undefined) offer.publishStatus = patch.publishStatus;
      if (patch.lifecycleState !== undefined) offer.lifecycleState = patch.lifecycleState;
      if (patch.liveVersionId !== undefined) offer.liveVersionId = patch.liveVersionId;
      offer.updatedAt = at;
    },
    async isBlobKeptByVersion(organisationId, blobKey) {
      return db.versions.some(
        (v) =>
          v.organisationId === organisationId &&
          v.snapshot.documents.some((d) => d.blobKey === blobKey),
      );
    },
  });
}

function submissionRepository(db: FakeState, env: Env): SubmissionRepository {
  const find = (organisationId: string, id: string) =>
    db.submissions.find((s) => s.organisationId === organisationId && s.id === id);
  const out = (row: SubmissionRecord & { seq: number }): SubmissionRecord => {
    const { seq: _seq, ...record } = copy(row);
    return record;
  };
  const newestFirst = (a: { submittedAt: Date; seq: number }, b: typeof a) =>
    b.submittedAt.getTime() - a.submittedAt.getTime() || b.seq - a.seq;
  return repository<SubmissionRepository>('submissions', env, {
    async createSubmission(input) {
      if (
        db.submissions.some(
          (s) =>
            s.organisationId === input.organisationId &&
            s.offerId === input.offerId &&
            OPEN_SUBMISSION_STATES.includes(s.state),
        )
      )
        throw conflict('submissions_one_open_key');
      const row = {
        organisationId: input.organisationId,
        id: env.id(),
        offerId: input.offerId,
        versionId: input.versionId,
        sections: [...input.sections],
        state: 'validating' as const,
        problems: [],
        offerWasLive: input.offerWasLive,
        submittedBy: input.submittedBy,
        submittedAt: input.at,
        review: null,
        updatedAt: input.at,
        version: 1,
        seq: env.seq(),
      };
      db.submissions.push(row);
      return out(row);
    },
    async findSubmission(organisationId, id) {
      const row = find(organisationId, id);
      return row ? out(row) : null;
    },
    async listSubmissions(organisationId, offerId, limit) {
      return db.submissions
        .filter((s) => s.organisationId === organisationId && s.offerId === offerId)
        .sort(newestFirst)
        .slice(0, limit)
        .map(out);
    },
    async transitionSubmission(organisationId, id, from, patch, at, expected = 'any') {
      const row = find(organisationId, id);
      if (!row || !from.includes(row.state) || !versionMatches(expected, row.version)) return null;
      row.state = patch.state;
      if (patch.problems !== undefined) row.problems = copy(patch.problems);
      if (patch.review !== undefined) row.review = copy(patch.review);
      row.updatedAt = at;
      row.version += 1;
      return out(row);
    },
    async listReviewQueue(query) {
      const rows = db.submissions
        .filter((s) => query.states.includes(s.state))
        .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || a.seq - b.seq)
        .flatMap((s) => {
          const offer = db.offers.find(
            (o) => o.organisationId === s.organisationId && o.id === s.offerId,
          );
          const organisation = db.organisations.find((o) => o.id === s.organisationId);
          return offer && organisation
            ? [
                {
                  ...out(s),
                  offerName: offer.name,
                  offerType: offer.offerType,
                  organisationName: organisation.name,
                },
              ]
            : [];
        });
      return { items: rows.slice(query.offset, query.offset + query.limit), total: rows.length };
    },
  });
}

function profileRepository(db: FakeState, env: Env): ProfileRepository {
  const find = (organisationId: string) =>
    db.profiles.find((p) => p.organisationId === organisationId);
  return repository<ProfileRepository>('profiles', env, {
    async findProfile(organisationId) {
      return copy(find(organisationId) ?? null);
    },
    async findProfileByPartnerId(partnerId) {
      return copy(db.profiles.find((p) => p.partnerId === partnerId) ?? null);
    },
    async saveProfile(record, expected, at) {
      const existing = find(record.organisationId);
      if (existing) {
        if (!versionMatches(expected, existing.version)) return null;
      } else if (!(expected === 'any' || expected.includes(0))) return null;
      if (
        record.partnerId !== null &&
        db.profiles.some(
          (p) => p.organisationId !== record.organisationId && p.partnerId === record.partnerId,
        )
      )
        throw conflict('program_profiles_partner_id_key');
      const saved: ProgramProfileRecord = {
        ...copy(record),
        updatedAt: at,
        version: existing ? existing.version + 1 : 1,
      };
      db.profiles = [...db.profiles.filter((p) => p !== existing), saved];
      return copy(saved);
    },
    async listProfiles(query) {
      const rows = db.organisations
        .filter((o) => o.kind === 'partner')
        .map((o) => ({ organisation: o, profile: find(o.id) ?? null }))
        .filter(
          ({ organisation, profile }) =>
            !query.search ||
            includesText(organisation.name, query.search) ||
            includesText(profile?.partnerId, query.search),
        )
        .sort(
          (a, b) =>
            byText(a.organisation.name.toLowerCase(), b.organisation.name.toLowerCase()) ||
            byText(a.organisation.id, b.organisation.id),
        );
      return {
        items: rows.slice(query.offset, query.offset + query.limit).map((row) => ({
          organisationId: row.organisation.id,
          organisationName: row.organisation.name,
          profile: copy(row.profile),
        })),
        total: rows.length,
      };
    },
  });
}

function statusRepository(db: FakeState, env: Env): StatusRepository {
  const find = (organisationId: string, offerId: string) =>
    db.statuses.find((s) => s.organisationId === organisationId && s.offerId === offerId);
  const save = (record: OfferStatusRecord) => {
    db.statuses = [
      ...db.statuses.filter(
        (s) => !(s.organisationId === record.organisationId && s.offerId === record.offerId),
      ),
      copy(record),
    ];
  };
  /** The status inputs of one offer: its live snapshot, that version's review, the profile, the status. */
  const inputOf = (offer: OfferRecord): StatusInputRow => {
    const live = offer.liveVersionId
      ? db.versions.find(
          (v) => v.organisationId === offer.organisationId && v.id === offer.liveVersionId,
        )
      : undefined;
    const published = db.submissions
      .filter(
        (s) =>
          s.organisationId === offer.organisationId &&
          s.offerId === offer.id &&
          s.versionId === offer.liveVersionId &&
          s.state === 'published',
      )
      .sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime() || b.seq - a.seq)[0];
    return copy({
      organisationId: offer.organisationId,
      offerId: offer.id,
      offerName: offer.name,
      createdAt: offer.createdAt,
      live: live?.snapshot ?? null,
      draft: offer.cosell,
      lifecycleState: offer.lifecycleState,
      review: published?.review ?? null,
      profile: db.profiles.find((p) => p.organisationId === offer.organisationId) ?? null,
      current: find(offer.organisationId, offer.id) ?? null,
    });
  };
  const key = (row: { organisationId: string; offerId: string }) =>
    `${row.organisationId}/${row.offerId}`;
  return repository<StatusRepository>('statuses', env, {
    async findOfferStatus(organisationId, offerId) {
      return copy(find(organisationId, offerId) ?? null);
    },
    async saveOfferStatus(record) {
      save(record);
    },
    async saveOfferStatuses(records) {
      records.forEach(save);
    },
    async appendStatusHistory(entries) {
      for (const entry of entries)
        db.statusHistory.push({ ...copy(entry), id: env.id(), seq: env.seq() });
    },
    async listStatusHistory(organisationId, offerId, limit) {
      return db.statusHistory
        .filter((h) => h.organisationId === organisationId && h.offerId === offerId)
        .sort((a, b) => b.at.getTime() - a.at.getTime() || b.seq - a.seq)
        .slice(0, limit)
        .map(({ seq: _seq, ...h }) => copy(h));
    },
    async listOfferStatuses(organisationId, offerIds) {
      return db.statuses
        .filter((s) => s.organisationId === organisationId && offerIds.includes(s.offerId))
        .map(copy);
    },
    async listStatusInputs(after, limit) {
      return db.offers
        .filter((o) => o.liveVersionId !== null || find(o.organisationId, o.id))
        .map((o) => ({ o, k: key({ organisationId: o.organisationId, offerId: o.id }) }))
        .filter(({ k }) => !after || k > key(after))
        .sort((a, b) => byText(a.k, b.k))
        .slice(0, limit)
        .map(({ o }) => inputOf(o));
    },
    async findStatusInput(organisationId, offerId) {
      const offer = db.offers.find((o) => o.organisationId === organisationId && o.id === offerId);
      return offer ? inputOf(offer) : null;
    },
    async listBadgesDue(qualifiedBefore, limit) {
      return db.statuses
        .filter(
          (s) =>
            s.badgeGrantedAt === null && s.qualifiedSince && s.qualifiedSince <= qualifiedBefore,
        )
        .sort(
          (a, b) =>
            a.qualifiedSince!.getTime() - b.qualifiedSince!.getTime() ||
            byText(a.organisationId, b.organisationId),
        )
        .slice(0, limit)
        .map(({ organisationId, offerId }) => ({ organisationId, offerId }));
    },
  });
}

function storefrontRepository(db: FakeState, env: Env): StorefrontRepository {
  return repository<StorefrontRepository>('storefront', env, {
    async upsertStorefrontListing(listing) {
      db.storefront = [
        ...db.storefront.filter((l) => l.offerId !== listing.offerId),
        copy(listing),
      ];
    },
    async deleteStorefrontListing(offerId) {
      db.storefront = db.storefront.filter((l) => l.offerId !== offerId);
    },
    async searchStorefront(query) {
      const search = query.search;
      const rows = db.storefront
        .filter(
          (l) =>
            (!search ||
              includesText(l.name, search) ||
              includesText(l.summary, search) ||
              includesText(l.publisherName, search)) &&
            (!query.offerType || l.offerType === query.offerType) &&
            (!query.market || l.markets.includes(query.market)) &&
            (query.badges ?? []).every((badge) => l.badges.includes(badge)),
        )
        .sort(
          (a, b) =>
            byText(a.name.toLowerCase(), b.name.toLowerCase()) || byText(a.offerId, b.offerId),
        );
      return {
        items: rows.slice(query.offset, query.offset + query.limit).map(copy),
        total: rows.length,
      };
    },
    async findStorefrontListing(offerId) {
      return copy(db.storefront.find((l) => l.offerId === offerId) ?? null);
    },
  });
}

function notificationRepository(db: FakeState, env: Env): NotificationRepository {
  const out = ({ seq: _seq, ...record }: NotificationRecord & { seq: number }) => copy(record);
  return repository<NotificationRepository>('notifications', env, {
    async createNotifications(entries) {
      const rows = entries.map((entry) => ({
        ...copy(entry),
        id: env.id(),
        readAt: null,
        seq: env.seq(),
      }));
      db.notifications.push(...rows);
      return rows.map(out);
    },
    async listNotifications(userId, query) {
      const mine = db.notifications
        .filter((n) => n.userId === userId)
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.seq - a.seq);
      const unread = mine.filter((n) => n.readAt === null);
      const listed = query.unreadOnly ? unread : mine;
      return {
        items: listed.slice(query.offset, query.offset + query.limit).map(out),
        total: listed.length,
        unread: unread.length,
      };
    },
    async markNotificationsRead(userId, ids, at) {
      const rows = db.notifications.filter(
        (n) => n.userId === userId && n.readAt === null && (ids === 'all' || ids.includes(n.id)),
      );
      for (const row of rows) row.readAt = at;
      return rows.length;
    },
    async findNotification(userId, id) {
      const row = db.notifications.find((n) => n.userId === userId && n.id === id);
      return row ? out(row) : null;
    },
    async listNotificationRecipients(organisationId) {
      return db.memberships
        .filter((m) => m.organisationId === organisationId)
        .map((m) => {
          const user = db.users.find((u) => u.id === m.userId)!;
          return {
            userId: user.id,
            email: user.email,
            name: user.name,
            locale: user.locale,
            roles: [...m.roles],
            mutedKinds: [...user.mutedNotificationKinds],
            disabled: user.disabledAt !== null,
          };
        })
        .sort((a, b) => byText(a.email, b.email));
    },
  });
}

// ---------------------------------------------------------------------------------------------
// The unit of work

/** One call of `uow.run`, as a test may inspect it. */
export interface FakeRun {
  scope: TenantScope;
  /** Scopes the work added with `tx.widenScope`, in order. */
  widened: TenantScope[];
  snapshot: boolean;
  outcome: 'running' | 'committed' | 'rolled-back';
}

/**
 * Runs each `work` in a transaction over a private copy of the state: the copy replaces the
 * state when the work succeeds and is dropped when it throws, so a refused command leaves
 * nothing behind. Runs take turns (one transaction at a time). A `snapshot` run is read-only:
 * a write in it fails, like in a read-only transaction.
 */
export class FakeUnitOfWork implements UnitOfWork {
  readonly runs: FakeRun[] = [];
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly state: FakeState,
    private readonly env: Env,
  ) {}

  run<T>(
    work: (tx: Tx) => Promise<T>,
    scope: TenantScope = {},
    options: { snapshot?: boolean } = {},
  ): Promise<T> {
    const result = this.turn.then(() => this.runNow(work, scope, options));
    this.turn = result.catch(() => undefined);
    return result;
  }

  private async runNow<T>(
    work: (tx: Tx) => Promise<T>,
    scope: TenantScope,
    options: { snapshot?: boolean },
  ): Promise<T> {
    const record: FakeRun = {
      scope: copy(scope),
      widened: [],
      snapshot: options.snapshot ?? false,
      outcome: 'running',
    };
    this.runs.push(record);
    const working = copy(this.state);
    try {
      const result = await work(createTx(working, this.env, record));
      if (record.snapshot && JSON.stringify(working) !== JSON.stringify(this.state)) {
        throw new Error('fake unit of work: a snapshot (read-only) transaction wrote');
      }
      Object.assign(this.state, working);
      record.outcome = 'committed';
      return result;
    } catch (error) {
      record.outcome = 'rolled-back';
      throw error;
    }
  }
}

function createTx(db: FakeState, env: Env, run: FakeRun): Tx {
  return {
    async widenScope(scope) {
      run.widened.push(copy(scope));
    },
    organisations: organisationRepository(db, env),
    users: userRepository(db, env),
    memberships: membershipRepository(db, env),
    invitations: invitationRepository(db, env),
    sessions: sessionRepository(db, env),
    throttles: throttleRepository(db, env),
    programs: programRepository(db, env),
    idempotency: idempotencyRepository(db, env),
    audit: auditRepository(db, env),
    offers: offerRepository(db, env),
    documents: documentRepository(db, env),
    contacts: contactRepository(db, env),
    contactImports: contactImportRepository(db, env),
    versions: versionRepository(db, env),
    submissions: submissionRepository(db, env),
    profiles: profileRepository(db, env),
    statuses: statusRepository(db, env),
    storefront: storefrontRepository(db, env),
    notifications: notificationRepository(db, env),
    jobs: jobRepository(db, env),
    outbox: outboxRepository(db, env),
    housekeeping: housekeepingRepository(db),
    // The token service test brings its own fake (tokens/tokens.service.test.ts).
    tokens: repository<TokenRepository>('tokens', env, {}),
    referrals: repository<ReferralRepository>(
      'referrals',
      env,
      fakeReferralRepository(db as FakeState & FakeReferralState, env),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Everything together

/** The fakes of one test: state, clock, unit of work, blobs, secrets, passwords, mail. */
export interface Fakes {
  /** The committed state (the same object throughout; tables are replaced on commit). */
  state: FakeState;
  clock: FakeClock;
  uow: FakeUnitOfWork;
  /** Row ids (UUID-shaped, counting up). */
  id: () => string;
  /** Insertion order of rows that keep one (submissions, history, notifications). */
  seq: () => number;
  /** Event ids for the command envelope: `event-1`, `event-2`… */
  newId: () => string;
  blobs: FakeBlobStore;
  secrets: FakeSecrets;
  passwords: PasswordHasher;
  mailer: FakeMailer;
  /** Makes the next call of `<repository>.<method>` (e.g. `audit.appendAudit`) fail with `error`. */
  failNext(method: string, error?: Error): void;
}

export function createFakes(options: { now?: Date | string } = {}): Fakes {
  const state = emptyState();
  const clock = new FakeClock(options.now);
  const id = createIds();
  let seq = 0;
  let events = 0;
  const faults = new Map<string, Error>();
  const env: Env = {
    now: () => clock.now(),
    id,
    seq: () => ++seq,
    takeFault(method) {
      const fault = faults.get(method);
      faults.delete(method);
      return fault;
    },
  };
  return {
    state,
    clock,
    uow: new FakeUnitOfWork(state, env),
    id,
    seq: env.seq,
    newId: () => `event-${++events}`,
    blobs: new FakeBlobStore(),
    secrets: new FakeSecrets(),
    passwords: fakePasswords,
    mailer: new FakeMailer(),
    failNext(method, error = new Error(`injected failure of ${method}`)) {
      faults.set(method, error);
    },
  };
}
