import { AppError } from '../errors';
import { recordOutcome, runCommand, requestMeta, type CommandRequest } from '../commands/command';
import type { Clock, ExpectedVersions, PasswordHasher, Secrets } from '../ports';
import { requireVendorPermission, type Actor } from './access';
import { rolesForKind, type Locale, type OrganisationKind, type Role } from './accounts.types';
import type { InvitationRecord } from './accounts.ports';
import type { OrganisationRecord } from './accounts.ports';
import type { Tx } from '../transaction';
import type { SessionRecord } from './accounts.ports';
import type { ResolvedSession, SessionResolver, SessionRules } from './accounts.ports';
import type { UnitOfWork } from '../transaction';
import type { UserRecord } from './accounts.ports';

export interface AccountSettings {
  /** A session unused for this long is over (milliseconds). */
  sessionIdleMs: number;
  /** A session is over this long after sign-in, however active (milliseconds). */
  sessionAbsoluteMs: number;
  /** How long an invitation link stays valid (milliseconds). */
  invitationTtlMs: number;
  /**
   * Wrong passwords for one account from one address before that address is refused for that
   * account (sign-in, the password change and invitation links count alike).
   */
  throttleMaxFailures: number;
  /** Failures are forgotten this long after the first of a series (milliseconds). */
  throttleWindowMs: number;
  /** How long an address is first refused (milliseconds); each further failure doubles it. */
  throttleLockMs: number;
  /** The longest an address is refused at once (milliseconds). */
  throttleMaxLockMs: number;
  /**
   * Wrong passwords for one account from all addresses within the window beyond which the
   * account is under attack: then every address gets one try before it is refused. An address
   * without failures always gets its try, so the owner is slowed, never locked out.
   */
  throttleAccountCeiling: number;
  /** Wrong passwords from one address for any accounts before the address is refused. */
  throttleAddressMaxFailures: number;
  /** How long a "Forgot password?" link stays valid (milliseconds). */
  passwordResetTtlMs: number;
  /** Reset links asked for one e-mail address within `passwordResetWindowMs`. */
  passwordResetsPerAccount: number;
  /** Reset links asked for from one network address within `passwordResetWindowMs`. */
  passwordResetsPerAddress: number;
  passwordResetWindowMs: number;
}

export const DEFAULT_ACCOUNT_SETTINGS: AccountSettings = {
  sessionIdleMs: 60 * 60 * 1000,
  sessionAbsoluteMs: 12 * 60 * 60 * 1000,
  invitationTtlMs: 7 * 24 * 60 * 60 * 1000,
  throttleMaxFailures: 5,
  throttleWindowMs: 24 * 60 * 60 * 1000,
  throttleLockMs: 15 * 60 * 1000,
  throttleMaxLockMs: 24 * 60 * 60 * 1000,
  throttleAccountCeiling: 100,
  throttleAddressMaxFailures: 50,
  passwordResetTtlMs: 30 * 60 * 1000,
  passwordResetsPerAccount: 3,
  passwordResetsPerAddress: 20,
  passwordResetWindowMs: 60 * 60 * 1000,
};

export interface AccountDeps {
  uow: UnitOfWork;
  clock: Clock;
  passwords: PasswordHasher;
  secrets: Secrets;
  settings: AccountSettings;
  /** Program data (the sample taxonomy) created with the vendor organisation at set-up. */
  initialTaxonomy: () => unknown;
  /**
   * Resolves session tokens in one step (the database adapter does it in one statement); when
   * absent, `authenticate` reads the session, person and memberships through `uow`.
   */
  sessions?: SessionResolver | undefined;
}

/** A freshly issued session: the token goes into the cookie and is never stored. */
export interface IssuedSession {
  token: string;
  session: SessionRecord;
  user: UserRecord;
}

export type AuthenticatedSession = ResolvedSession;

/** Where a request came from, for throttling and session bookkeeping. */
export interface RequestOrigin {
  ip: string;
  userAgent?: string | undefined;
}

/** True when the installation has no account yet and the set-up page must be shown. */
export async function isSetupNeeded(deps: Pick<AccountDeps, 'uow'>): Promise<boolean> {
  return deps.uow.run(async (tx) => (await tx.users.countUsers()) === 0);
}

/** Creates the vendor organisation, its program and first program admin, then signs them in. */
export async function completeSetup(
  deps: AccountDeps,
  input: {
    organisationName: string;
    name: string;
    email: string;
    password: string;
    locale: Locale;
  },
  origin: RequestOrigin,
): Promise<IssuedSession> {
  const passwordHash = await deps.passwords.hash(input.password);
  return deps.uow.run(async (tx) => {
    if ((await tx.users.countUsers()) > 0 || (await tx.organisations.findVendorOrganisation())) {
      throw new AppError('SETUP_DONE');
    }
    // The partial unique index on the vendor kind stops a concurrent second set-up here.
    const vendor = await tx.organisations
      .createOrganisation({ kind: 'vendor', name: input.organisationName })
      .catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'CONFLICT')
          throw new AppError('SETUP_DONE');
        throw error;
      });
    await tx.widenScope({ organisationIds: [vendor.id] });
    await tx.programs.createProgram({
      organisationId: vendor.id,
      taxonomy: deps.initialTaxonomy(),
    });
    const user = await tx.users.createUser({
      email: input.email,
      name: input.name,
      passwordHash,
      locale: input.locale,
    });
    await tx.memberships.createMembership({
      organisationId: vendor.id,
      userId: user.id,
      roles: ['program-admin'],
    });
    await recordOutcome(
      tx,
      deps,
      { userId: user.id, requestId: null },
      {
        audit: {
          organisationId: vendor.id,
          action: 'program.setup',
          entityType: 'organisation',
          entityId: vendor.id,
          after: { name: vendor.name },
        },
        event: {
          type: 'setup.completed',
          organisationId: vendor.id,
          subject: { type: 'organisation', id: vendor.id },
          data: { vendorName: vendor.name, adminUserId: user.id },
        },
      },
    );
    return issueSession(deps, tx, user, vendor.id, origin);
  });
}

async function issueSession(
  deps: AccountDeps,
  tx: Tx,
  user: UserRecord,
  activeOrganisationId: string | null,
  origin: RequestOrigin,
): Promise<IssuedSession> {
  const token = deps.secrets.token();
  const now = deps.clock.now();
  const session = await tx.sessions.createSession({
    id: deps.secrets.hashToken(token),
    userId: user.id,
    activeOrganisationId,
    csrfToken: deps.secrets.token(),
    expiresAt: new Date(now.getTime() + deps.settings.sessionAbsoluteMs),
    now,
    userAgent: origin.userAgent,
  });
  return { token, session, user };
}

/**
 * The counters of a password check: the account from this address, the account from every
 * address, and the address for every account. Only the first and the last ever refuse: the
 * account counter changes how many tries an address gets, never whether a clean one gets one.
 */
interface ThrottleKeys {
  pair: string;
  account: string;
  address: string;
}

const throttleKeys = (email: string, ip: string): ThrottleKeys => {
  const account = email.toLowerCase();
  return { pair: `pair:${account}|${ip}`, account: `account:${account}`, address: `address:${ip}` };
};

/** What a claimed attempt counted, to refuse the address if the password turns out wrong. */
interface ClaimedAttempt {
  keys: ThrottleKeys;
  addressFailures: number;
}

/** How long to refuse after `failures` when `limit` are allowed: doubling, capped. */
function lockDuration(settings: AccountSettings, failures: number, limit: number) {
  const doublings = Math.min(Math.max(failures - limit, 0), 30);
  return Math.min(settings.throttleLockMs * 2 ** doublings, settings.throttleMaxLockMs);
}

function rateLimited(until: Date, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError('RATE_LIMITED', { params: { seconds }, retryAfterSeconds: seconds });
}

/**
 * Claims one password check, or answers why not (RATE_LIMITED, to be thrown once the
 * transaction has committed). The attempt is counted before the password is checked and given
 * back when it is right, so simultaneous guesses cannot all slip in before the first failure
 * is written:
 *
 * - the account from this address: the try that uses up the address's last free one locks it
 *   at once (for `throttleLockMs`, doubling with every further failure); a right password lifts
 *   the lock again. Other attempts counted meanwhile see the lock and are refused unchecked.
 * - the account from all addresses: past `throttleAccountCeiling` the account is under attack
 *   and every address gets a single free try. An address without failures always has one, so
 *   the owner signing in from elsewhere is slowed by nothing.
 * - the address for all accounts: past `throttleAddressMaxFailures` it is refused.
 */
async function claimAttempt(
  deps: Pick<AccountDeps, 'settings'>,
  tx: Tx,
  keys: ThrottleKeys,
  now: Date,
): Promise<ClaimedAttempt | { refused: AppError }> {
  const { settings } = deps;
  const window = settings.throttleWindowMs;
  const address = await tx.throttles.findThrottle(keys.address);
  if (address?.lockedUntil && address.lockedUntil > now)
    return { refused: rateLimited(address.lockedUntil, now) };
  // Counting first takes the row: an attempt in flight elsewhere has committed its lock by now.
  const pair = await tx.throttles.addThrottleFailures(keys.pair, 1, now, window);
  if (pair.lockedUntil && pair.lockedUntil > now) {
    await tx.throttles.addThrottleFailures(keys.pair, -1, now, window);
    return { refused: rateLimited(pair.lockedUntil, now) };
  }
  const account = await tx.throttles.addThrottleFailures(keys.account, 1, now, window);
  const counted = await tx.throttles.addThrottleFailures(keys.address, 1, now, window);
  if (counted.failures > settings.throttleAddressMaxFailures) {
    const until = new Date(now.getTime() + settings.throttleLockMs);
    await tx.throttles.lockThrottle(keys.address, until);
    return { refused: rateLimited(until, now) };
  }
  const pairLimit =
    account.failures > settings.throttleAccountCeiling ? 1 : settings.throttleMaxFailures;
  if (pair.failures >= pairLimit) {
    // The last free try (or one after a lock ended): locked until the password proves right.
    const until = new Date(now.getTime() + lockDuration(settings, pair.failures, pairLimit));
    await tx.throttles.lockThrottle(keys.pair, until);
  }
  return { keys, addressFailures: counted.failures };
}

/** After a wrong password: refuses the address for every account once it used up its tries. */
async function lockIfExhausted(
  deps: Pick<AccountDeps, 'settings'>,
  tx: Tx,
  claimed: ClaimedAttempt,
  now: Date,
) {
  const limit = deps.settings.throttleAddressMaxFailures;
  if (claimed.addressFailures < limit) return;
  const until = new Date(
    now.getTime() + lockDuration(deps.settings, claimed.addressFailures, limit),
  );
  await tx.throttles.lockThrottle(claimed.keys.address, until);
}

/** After a right password: this address starts afresh, and the attempt counted is given back. */
async function releaseAttempt(
  deps: Pick<AccountDeps, 'settings'>,
  tx: Tx,
  keys: ThrottleKeys,
  now: Date,
) {
  const window = deps.settings.throttleWindowMs;
  await tx.throttles.clearThrottle(keys.pair);
  await tx.throttles.addThrottleFailures(keys.account, -1, now, window);
  await tx.throttles.addThrottleFailures(keys.address, -1, now, window);
}

/** After a wrong password, in a transaction of its own: the failure counts though the request fails. */
async function recordWrongPassword(deps: AccountDeps, claimed: ClaimedAttempt, now: Date) {
  await deps.uow.run((tx) => lockIfExhausted(deps, tx, claimed, now));
}

/**
 * Signs a user in with e-mail and password. Wrong passwords are counted per account and
 * address: an address that used up its tries is refused for growing periods, while the owner
 * signing in from another address is not (see `claimAttempt`). The previous session (if any)
 * is deleted, so the session id always rotates on sign-in.
 */
export async function signIn(
  deps: AccountDeps,
  input: { email: string; password: string; previousToken?: string | undefined },
  origin: RequestOrigin,
): Promise<IssuedSession> {
  const now = deps.clock.now();
  const keys = throttleKeys(input.email, origin.ip);
  const { claimed, user } = await deps.uow.run(async (tx) => ({
    claimed: await claimAttempt(deps, tx, keys, now),
    user: await tx.users.findUserByEmail(input.email),
  }));
  if ('refused' in claimed) throw claimed.refused;
  // Verify against a dummy hash when the user is unknown so timing does not reveal accounts.
  const ok =
    user && !user.disabledAt
      ? await deps.passwords.verify(user.passwordHash, input.password)
      : (await deps.passwords.verify(await dummyHash(deps.passwords), input.password), false);
  if (!ok || !user) {
    await recordWrongPassword(deps, claimed, now);
    throw new AppError('INVALID_CREDENTIALS');
  }
  return deps.uow.run(
    async (tx) => {
      await releaseAttempt(deps, tx, keys, now);
      if (input.previousToken)
        await tx.sessions.deleteSession(deps.secrets.hashToken(input.previousToken));
      const memberships = await tx.memberships.listMembershipsOfUser(user.id);
      return issueSession(deps, tx, user, memberships[0]?.organisationId ?? null, origin);
    },
    { userId: user.id },
  );
}

let cachedDummyHash: Promise<string> | undefined;
const dummyHash = (passwords: PasswordHasher) =>
  (cachedDummyHash ??= passwords.hash('not-a-real-password-but-the-same-cost'));

/**
 * Loads the session behind a cookie token. Returns null when it is unknown, past its absolute
 * lifetime, idle too long (then it is deleted) or its user is disabled.
 */
/**
 * Marking a session seen on every request would turn reads into writes; a minute's granularity
 * is plenty for an idle timeout measured in tens of minutes.
 */
export const SESSION_SEEN_GRANULARITY_MS = 60_000;

/** The signed-in person behind a session token, or null (see `SessionResolver`). */
export async function authenticate(
  deps: Pick<AccountDeps, 'uow' | 'clock' | 'secrets' | 'settings' | 'sessions'>,
  token: string,
): Promise<AuthenticatedSession | null> {
  const rules: SessionRules = {
    now: deps.clock.now(),
    idleMs: deps.settings.sessionIdleMs,
    touchAfterMs: SESSION_SEEN_GRANULARITY_MS,
  };
  const resolver = deps.sessions ?? unitOfWorkSessions(deps.uow);
  return resolver.resolveSession(deps.secrets.hashToken(token), rules);
}

/** `SessionResolver` over the unit of work, in several statements (the in-memory fakes). */
export function unitOfWorkSessions(uow: UnitOfWork): SessionResolver {
  return {
    resolveSession: (id, { now, idleMs, touchAfterMs }) =>
      uow.run(async (tx) => {
        const session = await tx.sessions.findSession(id);
        if (!session) return null;
        const idle = now.getTime() - session.lastSeenAt.getTime() > idleMs;
        if (idle || session.expiresAt <= now) {
          await tx.sessions.deleteSession(id);
          return null;
        }
        const user = await tx.users.findUser(session.userId);
        if (!user || user.disabledAt) return null;
        if (now.getTime() - session.lastSeenAt.getTime() > touchAfterMs)
          await tx.sessions.touchSession(id, now);
        await tx.widenScope({ userId: user.id });
        const memberships = await tx.memberships.listMembershipsOfUser(user.id);
        return { session, user, memberships };
      }),
  };
}

/** Ends the session server-side; the cookie alone is worthless afterwards. */
export async function signOut(deps: Pick<AccountDeps, 'uow' | 'secrets'>, token: string) {
  await deps.uow.run((tx) => tx.sessions.deleteSession(deps.secrets.hashToken(token)));
}

/** Makes another of the actor's organisations the active one of this session. */
export async function switchOrganisation(
  deps: Pick<AccountDeps, 'uow'>,
  actor: Actor,
  organisationId: string,
) {
  if (!actor.sessionId) throw new AppError('UNAUTHENTICATED');
  if (!actor.memberships.some((m) => m.organisationId === organisationId)) {
    throw new AppError('NOT_FOUND', { message: 'organisation not found' });
  }
  await deps.uow.run((tx) => tx.sessions.setSessionOrganisation(actor.sessionId!, organisationId));
}

/** Updates the actor's own name and language; `expected` guards against a concurrent change. */
export async function updateProfile(
  deps: Pick<AccountDeps, 'uow'>,
  actor: Actor,
  patch: { name?: string | undefined; locale?: Locale | undefined },
  expected: ExpectedVersions = 'any',
): Promise<UserRecord> {
  return deps.uow.run(async (tx) => {
    const updated = await tx.users.updateUser(
      actor.userId,
      {
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.locale !== undefined && { locale: patch.locale }),
      },
      expected,
    );
    if (!updated) throw new AppError('PRECONDITION_FAILED');
    return updated;
  });
}

/**
 * Changes the actor's password after checking the current one; other sessions end. The check
 * is throttled like sign-in, on the same counters: a stolen session cannot guess the password.
 */
export async function changePassword(
  deps: AccountDeps,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  origin: RequestOrigin,
) {
  const now = deps.clock.now();
  const user = await deps.uow.run(async (tx) => getUser(tx, actor.userId));
  const keys = throttleKeys(user.email, origin.ip);
  const claimed = await deps.uow.run((tx) => claimAttempt(deps, tx, keys, now));
  if ('refused' in claimed) throw claimed.refused;
  if (!(await deps.passwords.verify(user.passwordHash, input.currentPassword))) {
    await recordWrongPassword(deps, claimed, now);
    throw new AppError('VALIDATION', {
      issues: [{ path: ['currentPassword'], code: 'password.wrong' }],
    });
  }
  const passwordHash = await deps.passwords.hash(input.newPassword);
  await deps.uow.run(async (tx) => {
    await releaseAttempt(deps, tx, keys, now);
    await tx.users.updateUser(actor.userId, { passwordHash });
    await tx.sessions.deleteSessionsOfUser(actor.userId, actor.sessionId ?? undefined);
  });
}

/** A "Forgot password?" link to send: to whom, in which language, and its token. */
export interface IssuedPasswordReset {
  token: string;
  user: UserRecord;
  expiresAt: Date;
}

/**
 * Asks for a "Forgot password?" link. Counted per e-mail address and per network address
 * (RATE_LIMITED past either, whether an account exists or not). The answer is the link to
 * send, or null when no active person has this address: the caller must answer the same either
 * way, so that nobody learns which addresses have accounts. Only the token's hash is stored;
 * the link works once, for `passwordResetTtlMs`.
 */
export async function requestPasswordReset(
  deps: Pick<AccountDeps, 'uow' | 'clock' | 'secrets' | 'settings'>,
  email: string,
  origin: RequestOrigin,
): Promise<IssuedPasswordReset | null> {
  const now = deps.clock.now();
  const { settings } = deps;
  const window = settings.passwordResetWindowMs;
  const outcome = await deps.uow.run(async (tx) => {
    const counts = [
      [`reset-account:${email.toLowerCase()}`, settings.passwordResetsPerAccount],
      [`reset-address:${origin.ip}`, settings.passwordResetsPerAddress],
    ] as const;
    for (const [key, limit] of counts) {
      const counted = await tx.throttles.addThrottleFailures(key, 1, now, window);
      if (counted.failures > limit) {
        const until = new Date(counted.windowStartedAt.getTime() + window);
        return { refused: rateLimited(until, now) };
      }
    }
    const user = await tx.users.findUserByEmail(email);
    if (!user || user.disabledAt) return null;
    const token = deps.secrets.token();
    const expiresAt = new Date(now.getTime() + settings.passwordResetTtlMs);
    await tx.users.createPasswordReset({
      tokenHash: deps.secrets.hashToken(token),
      userId: user.id,
      expiresAt,
      now,
    });
    return { token, user, expiresAt };
  });
  if (outcome && 'refused' in outcome) throw outcome.refused;
  return outcome;
}

/**
 * Sets a new password with a "Forgot password?" link: once, before it expires
 * (RESET_LINK_INVALID otherwise, also for an unknown link). Every session of the account
 * ends, its other links are withdrawn, and its sign-in throttle starts afresh.
 */
export async function resetPassword(
  deps: Pick<AccountDeps, 'uow' | 'clock' | 'secrets' | 'passwords'>,
  token: string,
  password: string,
): Promise<void> {
  const now = deps.clock.now();
  // Hashed before the transaction: the slow part holds no row.
  const passwordHash = await deps.passwords.hash(password);
  await deps.uow.run(async (tx) => {
    const userId = await tx.users.usePasswordReset(deps.secrets.hashToken(token), now);
    const user = userId ? await tx.users.findUser(userId) : null;
    if (!user || user.disabledAt) throw new AppError('RESET_LINK_INVALID');
    await tx.users.updateUser(user.id, { passwordHash });
    await tx.sessions.deleteSessionsOfUser(user.id);
    await tx.users.deletePasswordResetsOfUser(user.id);
    await tx.throttles.clearThrottle(`account:${user.email.toLowerCase()}`);
  });
}

async function getUser(tx: Tx, id: string): Promise<UserRecord> {
  const user = await tx.users.findUser(id);
  if (!user) throw new AppError('NOT_FOUND', { message: 'user not found' });
  return user;
}

function assertRolesFit(kind: OrganisationKind, roles: Role[]) {
  const allowed = rolesForKind(kind);
  const wrong = roles.find((role) => !allowed.includes(role));
  if (wrong) {
    throw new AppError('VALIDATION', {
      issues: [{ path: ['roles'], code: 'error.roleNotForKind', params: { role: wrong } }],
    });
  }
}

/** Creates a partner or reseller organisation (program admins only). */
export async function createOrganisation(
  deps: Pick<AccountDeps, 'uow' | 'clock'>,
  actor: Actor,
  input: { kind: Exclude<OrganisationKind, 'vendor'>; name: string },
  request?: CommandRequest,
): Promise<OrganisationRecord> {
  const vendor = requireVendorPermission(actor, 'program.manage');
  return runCommand(
    deps,
    { actor, ...requestMeta(request) },
    {
      name: 'organisation.create',
      organisationId: vendor.organisationId,
      permission: 'program.manage',
    },
    async ({ tx, audit, emit }) => {
      const organisation = await tx.organisations
        .createOrganisation(input)
        .catch((error: unknown) => {
          if (error instanceof AppError && error.code === 'CONFLICT') {
            throw new AppError('VALIDATION', {
              issues: [{ path: ['name'], code: 'error.CONFLICT' }],
            });
          }
          throw error;
        });
      // The program admin created it: its audit entry and event belong to it.
      await tx.widenScope({ organisationIds: [organisation.id] });
      audit({
        organisationId: organisation.id,
        entityType: 'organisation',
        entityId: organisation.id,
        after: input,
      });
      emit({
        type: 'organisation.created',
        organisationId: organisation.id,
        subject: { type: 'organisation', id: organisation.id },
        data: { kind: organisation.kind, name: organisation.name },
      });
      return organisation;
    },
  );
}

/**
 * Renames an organisation; `expected` (from If-Match) guards against overwriting a concurrent
 * change: the rename is one conditional UPDATE, and a version that moved on is
 * PRECONDITION_FAILED.
 */
export async function renameOrganisation(
  deps: Pick<AccountDeps, 'uow' | 'clock'>,
  actor: Actor,
  organisationId: string,
  name: string,
  expected: ExpectedVersions,
  requestId?: string,
): Promise<OrganisationRecord> {
  return runCommand(
    deps,
    { actor, requestId, expected },
    { name: 'organisation.rename', organisationId, permission: 'organisation.update' },
    async ({ tx, access, audit, emit }) => {
      const { organisation } = access!;
      const updated = await tx.organisations
        .renameOrganisation(organisationId, name, expected)
        .catch((error: unknown) => {
          if (error instanceof AppError && error.code === 'CONFLICT') {
            throw new AppError('VALIDATION', {
              issues: [{ path: ['name'], code: 'error.CONFLICT' }],
            });
          }
          throw error;
        });
      if (!updated) throw new AppError('PRECONDITION_FAILED');
      audit({
        entityType: 'organisation',
        entityId: organisationId,
        before: { name: organisation.name },
        after: { name },
      });
      emit({
        type: 'organisation.renamed',
        organisationId,
        subject: { type: 'organisation', id: organisationId },
        data: { from: organisation.name, to: name },
      });
      return updated;
    },
  );
}

/** A new invitation and the secret link token (shown once, to the inviter). */
export interface IssuedInvitation {
  token: string;
  invitation: InvitationRecord;
}

/**
 * Invites someone by e-mail into an organisation with the given roles. While an invitation of
 * that e-mail is open, another is CONFLICT: revoke it first to send a new link.
 */
export async function inviteMember(
  deps: AccountDeps,
  actor: Actor,
  organisationId: string,
  input: { email: string; roles: Role[] },
  request?: CommandRequest,
): Promise<IssuedInvitation> {
  return runCommand(
    deps,
    { actor, ...requestMeta(request) },
    { name: 'invitation.create', organisationId, permission: 'members.manage' },
    async ({ tx, access, now, audit, emit }) => {
      const { organisation } = access!;
      assertRolesFit(organisation.kind, input.roles);
      const existing = await tx.users.findUserByEmail(input.email);
      if (existing && (await tx.memberships.findMembership(organisationId, existing.id))) {
        throw new AppError('VALIDATION', {
          issues: [{ path: ['email'], code: 'error.alreadyMember' }],
        });
      }
      // One open invitation per person and organisation: simultaneous identical invitations
      // wait for each other here, and all but the first find the first one open.
      await tx.organisations.lockOrganisation(organisationId);
      const open = await tx.invitations.listOpenInvitations(organisationId, now);
      if (open.some((invitation) => invitation.email === input.email)) {
        throw new AppError('CONFLICT', {
          messageKey: 'error.alreadyInvited',
          issues: [{ path: ['email'], code: 'error.alreadyInvited' }],
        });
      }
      const token = deps.secrets.token();
      const invitation = await tx.invitations.createInvitation({
        organisationId,
        email: input.email,
        roles: input.roles,
        tokenHash: deps.secrets.hashToken(token),
        invitedBy: actor.userId,
        expiresAt: new Date(now.getTime() + deps.settings.invitationTtlMs),
      });
      audit({
        entityType: 'invitation',
        entityId: invitation.id,
        after: { email: input.email, roles: input.roles },
      });
      emit({
        type: 'member.invited',
        organisationId,
        subject: { type: 'invitation', id: invitation.id },
        data: { invitationId: invitation.id, email: input.email, roles: input.roles },
      });
      return { token, invitation };
    },
  );
}

/** What an invitation link shows before it is accepted. */
export interface InvitationPreview {
  organisationName: string;
  organisationKind: OrganisationKind;
  email: string;
  roles: Role[];
  expiresAt: Date;
  /**
   * True only when the caller is signed in as the invited person. Whether an account exists
   * for the e-mail is never said (anyone holding a link would learn it of any address):
   * accepting works either way, with the account's password or with a new name and password.
   */
  accountExists: boolean;
}

async function findUsableInvitation(
  deps: Pick<AccountDeps, 'clock' | 'secrets'>,
  tx: Tx,
  token: string,
) {
  const tokenHash = deps.secrets.hashToken(token);
  await tx.widenScope({ invitationTokenHash: tokenHash });
  const invitation = await tx.invitations.findInvitationByTokenHash(tokenHash);
  if (
    !invitation ||
    invitation.acceptedAt ||
    invitation.revokedAt ||
    invitation.expiresAt <= deps.clock.now()
  ) {
    throw new AppError('INVITATION_INVALID');
  }
  return invitation;
}

/** What an invitation link shows; `viewer` is the signed-in caller, when there is one. */
export async function previewInvitation(
  deps: Pick<AccountDeps, 'uow' | 'clock' | 'secrets'>,
  token: string,
  viewer?: Pick<UserRecord, 'email'> | null,
): Promise<InvitationPreview> {
  return deps.uow.run(async (tx) => {
    const invitation = await findUsableInvitation(deps, tx, token);
    const organisation = await tx.organisations.findOrganisation(invitation.organisationId);
    if (!organisation) throw new AppError('INVITATION_INVALID');
    return {
      organisationName: organisation.name,
      organisationKind: organisation.kind,
      email: invitation.email,
      roles: invitation.roles,
      expiresAt: invitation.expiresAt,
      accountExists: viewer?.email === invitation.email,
    };
  });
}

/**
 * Accepts an invitation. A new person gives a name and password and gets an account; an
 * existing account must prove it with its password (wrong ones count against the sign-in
 * throttle). Either way a membership is created and the person is signed in to the inviting
 * organisation. A link works once, also when it is accepted twice at the same moment.
 */
export async function acceptInvitation(
  deps: AccountDeps,
  token: string,
  input: { name?: string | undefined; password: string; locale: Locale },
  origin: RequestOrigin,
): Promise<IssuedSession> {
  const now = deps.clock.now();
  // An existing account proves itself with its password, and wrong guesses count against the
  // sign-in throttle (committed on their own): otherwise any owner could invite an address
  // and guess its password through the link without limit.
  const { existing, claimed } = await deps.uow.run(async (tx) => {
    const invitation = await findUsableInvitation(deps, tx, token);
    const user = await tx.users.findUserByEmail(invitation.email);
    return {
      existing: user,
      claimed: user ? await claimAttempt(deps, tx, throttleKeys(user.email, origin.ip), now) : null,
    };
  });
  if (claimed && 'refused' in claimed) throw claimed.refused;
  // A disabled account cannot sign in, so it cannot join through a link either.
  if (existing?.disabledAt) throw new AppError('INVALID_CREDENTIALS');
  if (existing && !(await deps.passwords.verify(existing.passwordHash, input.password))) {
    if (claimed) await recordWrongPassword(deps, claimed as ClaimedAttempt, now);
    throw new AppError('INVALID_CREDENTIALS');
  }
  const nameRequired = () =>
    new AppError('VALIDATION', { issues: [{ path: ['name'], code: 'name.required' }] });
  if (!existing && !input.name) throw nameRequired();
  const newHash = existing ? null : await deps.passwords.hash(input.password);
  return deps.uow.run(async (tx) => {
    const invitation = await findUsableInvitation(deps, tx, token);
    // The valid link is the right to join its organisation.
    await tx.widenScope({ organisationIds: [invitation.organisationId] });
    // Claim the link first: of simultaneous accepts one gets past this point; the others wait
    // for its row and then find it used.
    if (
      !(await tx.invitations.markInvitationAccepted(
        invitation.organisationId,
        invitation.id,
        deps.clock.now(),
      ))
    ) {
      throw new AppError('INVITATION_INVALID');
    }
    let user = await tx.users.findUserByEmail(invitation.email);
    if (user) {
      // Only the account whose password was checked above may join.
      if (user.id !== existing?.id) throw new AppError('INVALID_CREDENTIALS');
      await releaseAttempt(deps, tx, throttleKeys(user.email, origin.ip), now);
    } else {
      if (!input.name) throw nameRequired();
      user = await tx.users.createUser({
        email: invitation.email,
        name: input.name,
        passwordHash: newHash ?? (await deps.passwords.hash(input.password)),
        locale: input.locale,
      });
    }
    if (!(await tx.memberships.findMembership(invitation.organisationId, user.id))) {
      await tx.memberships.createMembership({
        organisationId: invitation.organisationId,
        userId: user.id,
        roles: invitation.roles,
      });
    }
    await recordOutcome(
      tx,
      deps,
      { userId: user.id, requestId: null },
      {
        audit: {
          organisationId: invitation.organisationId,
          action: 'invitation.accept',
          entityType: 'membership',
          entityId: user.id,
          after: { roles: invitation.roles },
        },
        event: {
          type: 'member.joined',
          organisationId: invitation.organisationId,
          subject: { type: 'membership', id: user.id },
          data: { userId: user.id, roles: invitation.roles },
        },
      },
    );
    return issueSession(deps, tx, user, invitation.organisationId, origin);
  });
}

/** Withdraws an open invitation so its link stops working. */
export async function revokeInvitation(
  deps: Pick<AccountDeps, 'uow' | 'clock'>,
  actor: Actor,
  organisationId: string,
  invitationId: string,
  requestId?: string,
) {
  await runCommand(
    deps,
    { actor, requestId },
    { name: 'invitation.revoke', organisationId, permission: 'members.manage' },
    async ({ tx, now, audit, emit }) => {
      if (!(await tx.invitations.revokeInvitation(organisationId, invitationId, now))) {
        throw new AppError('NOT_FOUND', { message: 'invitation not found' });
      }
      audit({ entityType: 'invitation', entityId: invitationId });
      emit({
        type: 'invitation.revoked',
        organisationId,
        subject: { type: 'invitation', id: invitationId },
        data: { invitationId },
      });
    },
  );
}

/** The roles that keep an organisation administrable; the last holder cannot be removed. */
const ADMIN_ROLES: readonly Role[] = ['owner', 'program-admin', 'member'];

async function assertKeepsAnAdmin(
  tx: Tx,
  organisationId: string,
  userId: string,
  nextRoles: Role[] | null,
) {
  // Two owners demoting each other at once must not both see the other still an owner: the
  // organisation's row lock makes the second wait and then read the first one's change.
  await tx.organisations.lockOrganisation(organisationId);
  const members = await tx.memberships.listMembers(organisationId);
  const remainingAdmins = members.filter((m) =>
    (m.userId === userId ? (nextRoles ?? []) : m.roles).some((r) => ADMIN_ROLES.includes(r)),
  );
  if (remainingAdmins.length === 0) {
    throw new AppError('VALIDATION', { issues: [{ path: ['roles'], code: 'error.lastOwner' }] });
  }
}

/** Changes a member's roles; `expected` (from If-Match) guards against a concurrent change. */
export async function changeMemberRoles(
  deps: Pick<AccountDeps, 'uow' | 'clock'>,
  actor: Actor,
  organisationId: string,
  userId: string,
  roles: Role[],
  expected: ExpectedVersions,
  requestId?: string,
) {
  return runCommand(
    deps,
    { actor, requestId, expected },
    { name: 'membership.update', organisationId, permission: 'members.manage' },
    async ({ tx, access, audit, emit }) => {
      assertRolesFit(access!.organisation.kind, roles);
      const before = await tx.memberships.findMembership(organisationId, userId);
      if (!before) throw new AppError('NOT_FOUND', { message: 'member not found' });
      await assertKeepsAnAdmin(tx, organisationId, userId, roles);
      const updated = await tx.memberships.updateMembershipRoles(
        organisationId,
        userId,
        roles,
        expected,
      );
      if (!updated) throw new AppError('PRECONDITION_FAILED');
      audit({
        entityType: 'membership',
        entityId: userId,
        before: { roles: before.roles },
        after: { roles },
      });
      emit({
        type: 'member.roles-changed',
        organisationId,
        subject: { type: 'membership', id: userId },
        data: { userId, from: before.roles, to: roles },
      });
      return updated;
    },
  );
}

/** Removes a member from an organisation and ends nothing else of theirs. */
export async function removeMember(
  deps: Pick<AccountDeps, 'uow' | 'clock'>,
  actor: Actor,
  organisationId: string,
  userId: string,
  expected: ExpectedVersions = 'any',
  requestId?: string,
) {
  await runCommand(
    deps,
    { actor, requestId, expected },
    { name: 'membership.delete', organisationId, permission: 'members.manage' },
    async ({ tx, audit, emit }) => {
      const before = await tx.memberships.findMembership(organisationId, userId);
      if (!before) throw new AppError('NOT_FOUND', { message: 'member not found' });
      await assertKeepsAnAdmin(tx, organisationId, userId, null);
      if (!(await tx.memberships.deleteMembership(organisationId, userId, expected))) {
        throw new AppError('PRECONDITION_FAILED');
      }
      audit({ entityType: 'membership', entityId: userId, before: { roles: before.roles } });
      emit({
        type: 'member.removed',
        organisationId,
        subject: { type: 'membership', id: userId },
        data: { userId, roles: before.roles },
      });
    },
  );
}
