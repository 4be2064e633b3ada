/**
 * Ports: what the use cases need from the world. The db package implements the repositories,
 * the server package the rest. Core code depends on these interfaces only.
 */
import type { Locale, OrganisationKind, Role } from './tenant/tenant.types';

export interface Clock {
  now(): Date;
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
  createdAt: Date;
  version: number;
}

export interface MembershipRecord {
  organisationId: string;
  userId: string;
  roles: Role[];
  createdAt: Date;
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
export interface Repositories {
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
  /** Renames; returns null when `expectedVersion` is stale or the row is gone. */
  renameOrganisation(
    id: string,
    name: string,
    expectedVersion: number | undefined,
  ): Promise<OrganisationRecord | null>;

  createUser(input: {
    email: string;
    name: string;
    passwordHash: string;
    locale: Locale;
  }): Promise<UserRecord>;
  findUser(id: string): Promise<UserRecord | null>;
  findUserByEmail(email: string): Promise<UserRecord | null>;
  updateUser(
    id: string,
    patch: Partial<Pick<UserRecord, 'name' | 'locale' | 'passwordHash' | 'disabledAt'>>,
  ): Promise<UserRecord>;
  listUsers(query: ListQuery): Promise<Page<UserRecord>>;

  listMembershipsOfUser(userId: string): Promise<MembershipWithOrganisation[]>;
  findMembership(organisationId: string, userId: string): Promise<MembershipRecord | null>;
  listMembers(organisationId: string): Promise<MemberRecord[]>;
  createMembership(input: {
    organisationId: string;
    userId: string;
    roles: Role[];
  }): Promise<MembershipRecord>;
  updateMembershipRoles(
    organisationId: string,
    userId: string,
    roles: Role[],
  ): Promise<MembershipRecord | null>;
  deleteMembership(organisationId: string, userId: string): Promise<boolean>;

  createInvitation(
    input: Omit<InvitationRecord, 'id' | 'createdAt' | 'acceptedAt' | 'revokedAt'>,
  ): Promise<InvitationRecord>;
  findInvitationByTokenHash(tokenHash: string): Promise<InvitationRecord | null>;
  listOpenInvitations(organisationId: string, now: Date): Promise<InvitationRecord[]>;
  markInvitationAccepted(organisationId: string, id: string, at: Date): Promise<boolean>;
  revokeInvitation(organisationId: string, id: string, at: Date): Promise<boolean>;

  createSession(input: Omit<SessionRecord, 'createdAt' | 'lastSeenAt'> & { now: Date; userAgent?: string | undefined }): Promise<SessionRecord>;
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
  updateProgramTaxonomy(
    organisationId: string,
    taxonomy: unknown,
    expectedVersion: number,
    at: Date,
  ): Promise<ProgramRecord | null>;

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
  /** sha256 of an invitation token: its bearer reads that one invitation. */
  invitationTokenHash?: string;
}

/** Runs `work` in one transaction: everything it writes commits together or not at all. */
export interface UnitOfWork {
  run<T>(work: (repos: Repositories) => Promise<T>, scope?: TenantScope): Promise<T>;
}
