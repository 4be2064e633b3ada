/**
 * Ports: what the use cases need from the world. The db package implements the repositories,
 * the server package the rest. Core code depends on these interfaces only.
 */
import type { OfferRepositories } from './offers/offer.ports';
import type { NotificationKind, PublicationRepositories } from './publication/publication.ports';
import type { Locale, OrganisationKind, Role } from './tenant/tenant.types';

export interface Clock {
  now(): Date;
}

/** One e-mail message. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail (SMTP when configured; otherwise the server writes it to the log). */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

export const systemClock: Clock = { now: () => new Date() };

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

export interface Secrets {
  /** A fresh 256-bit random token, base64url. */
  token(): string;
  /** One-way hash (sha256, base64url) under which a token is stored. */
  hashToken(token: string): string;
}

export interface OrganisationRecord {
  id: string;
  kind: OrganisationKind;
  name: string;
  createdAt: Date;
  version: number;
}

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  locale: Locale;
  disabledAt: Date | null;
  /** Notification kinds the user does not want (in the app and by e-mail). */
  mutedNotificationKinds: NotificationKind[];
  createdAt: Date;
  version: number;
}

export interface MembershipRecord {
  organisationId: string;
  userId: string;
  roles: Role[];
  createdAt: Date;
  version: number;
}

export interface MembershipWithOrganisation extends MembershipRecord {
  organisation: OrganisationRecord;
}

export interface MemberRecord extends MembershipRecord {
  user: Pick<UserRecord, 'id' | 'email' | 'name'>;
}

export interface InvitationRecord {
  organisationId: string;
  id: string;
  email: string;
  roles: Role[];
  tokenHash: string;
  invitedBy: string | null;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

export interface SessionRecord {
  id: string;
  userId: string;
  activeOrganisationId: string | null;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export interface ThrottleRecord {
  key: string;
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

/**
 * The versions a conditional write may apply to, from If-Match (ADR 003): `'any'` when any
 * current version will do (`If-Match: *`, or no header where it is optional), otherwise the
 * listed versions; an empty list matches nothing. Repositories put it into the UPDATE's WHERE,
 * so checking and writing are one statement and two writers cannot both pass.
 */
export type ExpectedVersions = 'any' | readonly number[];

/** An idempotency key as stored (ADR 005): one per user and key, kept for 24 hours. */
export interface IdempotencyRecord {
  userId: string;
  /** sha256 of the Idempotency-Key: the key itself decrypts the stored answer and is not stored. */
  keyHash: string;
  method: string;
  /** The request path with its query. */
  path: string;
  /** sha256 of the canonical JSON request body. */
  requestHash: string;
  /** Who holds the key while the request runs; completing or releasing needs the same id. */
  claimId: string;
  /** The answer once the request has completed; null while it is in flight. */
  response: StoredResponse | null;
  createdAt: Date;
  completedAt: Date | null;
  expiresAt: Date;
}

/** An HTTP answer kept for replay: status, the headers that matter, the (sealed) body. */
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface ListQuery {
  search?: string | undefined;
  limit: number;
  offset: number;
}

export interface AuditEntry {
  organisationId: string;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  requestId?: string | null | undefined;
}

/** Repositories over one transaction. */
export interface Repositories extends OfferRepositories, PublicationRepositories {
  /**
   * Extends the transaction's tenant scope, once the use case has established the right to it
   * (e.g. after creating an organisation, or after reading the invitation a token names).
   */
  widenScope(scope: TenantScope): Promise<void>;

  countUsers(): Promise<number>;
  findVendorOrganisation(): Promise<OrganisationRecord | null>;
  createOrganisation(input: { kind: OrganisationKind; name: string }): Promise<OrganisationRecord>;
  findOrganisation(id: string): Promise<OrganisationRecord | null>;
  /** Organisations whose id is in `ids` (when given) and whose kind is in `kinds`. */
  listOrganisations(
    query: ListQuery & { ids?: string[] | undefined; kinds?: OrganisationKind[] | undefined },
  ): Promise<Page<OrganisationRecord>>;
  /** Renames; returns null when the version is not one of `expected` or the row is gone. */
  renameOrganisation(
    id: string,
    name: string,
    expected: ExpectedVersions,
  ): Promise<OrganisationRecord | null>;

  createUser(input: {
    email: string;
    name: string;
    passwordHash: string;
    locale: Locale;
  }): Promise<UserRecord>;
  findUser(id: string): Promise<UserRecord | null>;
  findUserByEmail(email: string): Promise<UserRecord | null>;
  /** Updates; returns null when the version is not one of `expected` (default: any) or the row is gone. */
  updateUser(
    id: string,
    patch: Partial<
      Pick<UserRecord, 'name' | 'locale' | 'passwordHash' | 'disabledAt' | 'mutedNotificationKinds'>
    >,
    expected?: ExpectedVersions,
  ): Promise<UserRecord | null>;
  listUsers(query: ListQuery): Promise<Page<UserRecord>>;

  listMembershipsOfUser(userId: string): Promise<MembershipWithOrganisation[]>;
  findMembership(organisationId: string, userId: string): Promise<MembershipRecord | null>;
  listMembers(organisationId: string): Promise<MemberRecord[]>;
  createMembership(input: {
    organisationId: string;
    userId: string;
    roles: Role[];
  }): Promise<MembershipRecord>;
  /** Sets the roles; returns null when the version is not one of `expected` or the row is gone. */
  updateMembershipRoles(
    organisationId: string,
    userId: string,
    roles: Role[],
    expected: ExpectedVersions,
  ): Promise<MembershipRecord | null>;
  /** Deletes; false when the version is not one of `expected` (default: any) or the row is gone. */
  deleteMembership(
    organisationId: string,
    userId: string,
    expected?: ExpectedVersions,
  ): Promise<boolean>;

  createInvitation(
    input: Omit<InvitationRecord, 'id' | 'createdAt' | 'acceptedAt' | 'revokedAt'>,
  ): Promise<InvitationRecord>;
  findInvitationByTokenHash(tokenHash: string): Promise<InvitationRecord | null>;
  listOpenInvitations(organisationId: string, now: Date): Promise<InvitationRecord[]>;
  markInvitationAccepted(organisationId: string, id: string, at: Date): Promise<boolean>;
  revokeInvitation(organisationId: string, id: string, at: Date): Promise<boolean>;

  createSession(
    input: Omit<SessionRecord, 'createdAt' | 'lastSeenAt'> & {
      now: Date;
      userAgent?: string | undefined;
    },
  ): Promise<SessionRecord>;
  findSession(id: string): Promise<SessionRecord | null>;
  touchSession(id: string, at: Date): Promise<void>;
  setSessionOrganisation(id: string, organisationId: string): Promise<void>;
  deleteSession(id: string): Promise<void>;
  deleteSessionsOfUser(userId: string, exceptSessionId?: string): Promise<void>;

  findThrottle(key: string): Promise<ThrottleRecord | null>;
  saveThrottle(record: ThrottleRecord): Promise<void>;
  clearThrottle(key: string): Promise<void>;

  findProgram(organisationId: string): Promise<ProgramRecord | null>;
  createProgram(input: { organisationId: string; taxonomy: unknown }): Promise<ProgramRecord>;
  /** Replaces the taxonomy; returns null when the version is not one of `expected`. */
  updateProgramTaxonomy(
    organisationId: string,
    taxonomy: unknown,
    expected: ExpectedVersions,
    at: Date,
  ): Promise<ProgramRecord | null>;
  /** Sets the active policy; returns null when the version is not one of `expected`. */
  updateProgramPolicy(
    organisationId: string,
    policyId: string,
    expected: ExpectedVersions,
    at: Date,
  ): Promise<ProgramRecord | null>;

  /**
   * Claims a user's idempotency key for a request: inserts it, or takes over a row that has
   * expired or whose claim was abandoned (in flight since before `staleBefore`). One statement,
   * so of concurrent claims exactly one succeeds. False when someone else holds the key.
   */
  claimIdempotencyKey(input: {
    userId: string;
    keyHash: string;
    method: string;
    path: string;
    requestHash: string;
    claimId: string;
    now: Date;
    expiresAt: Date;
    staleBefore: Date;
  }): Promise<boolean>;
  findIdempotencyKey(userId: string, keyHash: string): Promise<IdempotencyRecord | null>;
  /** Stores the answer under the claim; false when the claim was lost meanwhile. */
  completeIdempotencyKey(
    userId: string,
    keyHash: string,
    claimId: string,
    response: StoredResponse,
    at: Date,
  ): Promise<boolean>;
  /** Gives the key up if `claimId` still holds it. */
  releaseIdempotencyKey(userId: string, keyHash: string, claimId: string): Promise<void>;
  /** Deletes up to `limit` keys that expired at or before `now`; returns how many. */
  deleteExpiredIdempotencyKeys(now: Date, limit: number): Promise<number>;

  appendAudit(entry: AuditEntry): Promise<void>;
  listAudit(organisationId: string, query: ListQuery): Promise<Page<AuditRecord>>;
}

export interface AuditRecord extends Required<Omit<AuditEntry, 'requestId'>> {
  id: string;
  at: Date;
  requestId: string | null;
}

export interface ProgramRecord {
  organisationId: string;
  activePolicy: string;
  taxonomy: unknown;
  taxonomyIsSample: boolean;
  updatedAt: Date;
  version: number;
}

/**
 * What a transaction may see of tenant data. The database enforces it with row-level security
 * on top of the organisation filters every repository applies; an empty scope sees no tenant
 * rows at all (global tables such as users and sessions stay visible).
 */
export interface TenantScope {
  /** Organisations whose rows the transaction reads and writes. */
  organisationIds?: string[];
  /** The acting person: reads their own memberships in every organisation. */
  userId?: string;
  /** The vendor's program admin: administers partner and reseller organisations. */
  programAdmin?: boolean;
  /**
   * The vendor's program staff (program admins and reviewers): reads partners' offers,
   * submissions, profiles and statuses for review and program-wide evaluation. Writes still
   * need the organisation in `organisationIds` (widened by the use case).
   */
  programStaff?: boolean;
  /** sha256 of an invitation token: its bearer reads that one invitation. */
  invitationTokenHash?: string;
}

/** Runs `work` in one transaction: everything it writes commits together or not at all. */
export interface UnitOfWork {
  run<T>(
    work: (repos: Repositories) => Promise<T>,
    scope?: TenantScope,
    options?: {
      /** A read-only view of one consistent state of the database (for views made of several reads). */
      snapshot?: boolean;
    },
  ): Promise<T>;
}

/** Facts stored with a blob. */
export interface BlobInfo {
  sizeBytes: number;
  contentType: string;
}

/**
 * Where uploaded documents live: the local filesystem by default, object storage in a
 * scaled-out deployment. Keys are opaque, slash-separated and chosen by the caller.
 */
export interface BlobStore {
  /**
   * Stores the finished (already inspected) file at `filePath` under `key`, durably, and
   * removes `filePath`. Either the whole blob is stored or nothing is.
   */
  putFile(key: string, filePath: string, info: BlobInfo): Promise<void>;
  /** A readable stream of the blob's bytes; NOT_FOUND when there is no such blob. */
  open(key: string): Promise<NodeJS.ReadableStream>;
  /** Removes the blob; no error when it is already gone. */
  delete(key: string): Promise<void>;
  /** True when a blob is stored under `key`. */
  exists(key: string): Promise<boolean>;
  /** Keys of the blobs last written before `olderThan` (for the orphan sweep). */
  list(olderThan: Date): AsyncIterable<string>;
}
