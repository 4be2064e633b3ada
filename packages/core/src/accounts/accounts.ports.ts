/** Repository ports of organisations, people, memberships, invitations, sessions and sign-in throttling. */
import type { OrganisationKind } from './accounts.types';
import type { Locale } from './accounts.types';
import type { NotificationKind } from '../reference/notification-kinds';
import type { Role } from './accounts.types';
import type { ListQuery } from '../ports';
import type { Page } from '../ports';
import type { ExpectedVersions } from '../ports';

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

/** Organisations (tenants). */
export interface OrganisationRepository {
  /**
   * Locks the organisation's row until the transaction ends: changes that must see each other
   * (the last owner's demotion or removal) are serialised per organisation.
   */
  lockOrganisation(id: string): Promise<void>;
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
}

/** People (global: a person may belong to several organisations). */
export interface UserRepository {
  countUsers(): Promise<number>;
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
  /** Stores a "Forgot password?" link of the account: its token's hash, never the token. */
  createPasswordReset(input: {
    tokenHash: string;
    userId: string;
    expiresAt: Date;
    now: Date;
  }): Promise<void>;
  /**
   * Uses a link once: marks it used and answers its account when it is unused and unexpired at
   * `now`; null when it is unknown, used or expired. Of simultaneous uses, one wins.
   */
  usePasswordReset(tokenHash: string, now: Date): Promise<string | null>;
  /** Deletes the account's links (the others, once one was used). */
  deletePasswordResetsOfUser(userId: string): Promise<void>;
}

/** Who belongs to which organisation, with which roles. */
export interface MembershipRepository {
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
}

/** Invitations to join an organisation. */
export interface InvitationRepository {
  createInvitation(
    input: Omit<InvitationRecord, 'id' | 'createdAt' | 'acceptedAt' | 'revokedAt'>,
  ): Promise<InvitationRecord>;
  findInvitationByTokenHash(tokenHash: string): Promise<InvitationRecord | null>;
  listOpenInvitations(organisationId: string, now: Date): Promise<InvitationRecord[]>;
  markInvitationAccepted(organisationId: string, id: string, at: Date): Promise<boolean>;
  revokeInvitation(organisationId: string, id: string, at: Date): Promise<boolean>;
}

/** Signed-in sessions. */
export interface SessionRepository {
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
}

/** What decides whether a session still stands (see `SessionResolver`). */
export interface SessionRules {
  now: Date;
  /** A session not seen for longer than this has ended (milliseconds). */
  idleMs: number;
  /**
   * A session last seen longer ago than this is marked seen `now`; a finer mark would turn
   * every read into a write (milliseconds).
   */
  touchAfterMs: number;
}

/** A live session with the person behind it and their memberships (organisation kind, then name). */
export interface ResolvedSession {
  session: SessionRecord;
  user: UserRecord;
  memberships: MembershipWithOrganisation[];
}

/**
 * Resolves the hash of a session token to the signed-in person in one step, outside any unit
 * of work, since every signed-in request pays for it. Null when there is no such session, when
 * it has ended (expired, or idle for longer than `idleMs`: it is then deleted), or when its
 * person is gone or disabled. A live session last seen more than `touchAfterMs` ago is marked
 * seen at `now`.
 */
export interface SessionResolver {
  resolveSession(id: string, rules: SessionRules): Promise<ResolvedSession | null>;
}

/** Failed sign-in counters. */
export interface ThrottleRepository {
  findThrottle(key: string): Promise<ThrottleRecord | null>;
  saveThrottle(record: ThrottleRecord): Promise<void>;
  /**
   * Adds `by` (1, or -1 to give one back) to the failures of `key` in one atomic step and
   * returns the record: a series whose window started `windowMs` or longer before `now` starts
   * again (its lock stays until it ends). Never below zero.
   */
  addThrottleFailures(
    key: string,
    by: 1 | -1,
    now: Date,
    windowMs: number,
  ): Promise<ThrottleRecord>;
  /** Refuses `key` until `until`, or longer when it already is. */
  lockThrottle(key: string, until: Date): Promise<void>;
  clearThrottle(key: string): Promise<void>;
}
