import { AppError } from '../errors';
import type { TenantScope } from '../ports';
import { canAdministerOrganisation, hasPermission, type Permission } from './permissions';
import type { Role } from './accounts.types';
import type { MembershipWithOrganisation } from './accounts.ports';
import type { OrganisationRecord } from './accounts.ports';
import type { Tx } from '../transaction';

/** The API token a request came with (ADR 013). */
export interface ActorToken {
  id: string;
  /** `personal`: acts as its person; `service`: acts as the service principal `userId`. */
  kind: 'personal' | 'service';
  name: string;
  /** `<area>:read` / `<area>:write`: the routes the token may call. */
  scopes: string[];
}

/**
 * Who is acting: a signed-in user with their memberships, as loaded for the request; with
 * `token` when the request came with an API token (then `userId` is the token's person, or the
 * service principal of a service token).
 */
export interface Actor {
  userId: string;
  sessionId: string | null;
  memberships: MembershipWithOrganisation[];
  token?: ActorToken | undefined;
}

/** The tenant scope of the actor's transactions: their organisations, themselves, their powers. */
export function scopeOf(actor: Actor): TenantScope {
  return {
    organisationIds: actor.memberships.map((m) => m.organisationId),
    userId: actor.userId,
    programAdmin: actor.memberships.some(
      (m) => m.organisation.kind === 'vendor' && m.roles.includes('program-admin'),
    ),
    programStaff: actor.memberships.some(
      (m) =>
        m.organisation.kind === 'vendor' &&
        (m.roles.includes('program-admin') || m.roles.includes('reviewer')),
    ),
  };
}

/** Permissions a vendor program admin also holds in partner and reseller organisations. */
const ADMINISTRABLE: ReadonlySet<Permission> = new Set([
  'members.read',
  'members.manage',
  'organisation.update',
]);

export interface OrganisationAccess {
  organisation: OrganisationRecord;
  /** The actor's roles in the organisation (empty when acting as program admin). */
  roles: Role[];
  /** True when access comes from the vendor program admin's cross-tenant power. */
  asProgramAdmin: boolean;
}

/**
 * Resolves the actor's access to an organisation for one permission. An organisation the
 * actor cannot see at all answers NOT_FOUND (the same as a missing id); one they see but may
 * not act on answers FORBIDDEN.
 */
export async function requireOrganisationAccess(
  tx: Tx,
  actor: Actor,
  organisationId: string,
  permission: Permission,
): Promise<OrganisationAccess> {
  const own = actor.memberships.find((m) => m.organisationId === organisationId);
  if (own) {
    if (!hasPermission(own.roles, permission)) {
      throw new AppError('FORBIDDEN', { message: `missing permission ${permission}` });
    }
    return { organisation: own.organisation, roles: own.roles, asProgramAdmin: false };
  }
  const admin = actor.memberships.find((m) => m.roles.includes('program-admin'));
  if (admin && ADMINISTRABLE.has(permission)) {
    const organisation = await tx.organisations.findOrganisation(organisationId);
    if (
      organisation &&
      canAdministerOrganisation({ kind: admin.organisation.kind, roles: admin.roles }, organisation)
    ) {
      return { organisation, roles: [], asProgramAdmin: true };
    }
  }
  throw new AppError('NOT_FOUND', { message: 'organisation not found' });
}

/** The actor's vendor membership with `permission`, or FORBIDDEN. */
export function requireVendorPermission(
  actor: Actor,
  permission: Permission,
): MembershipWithOrganisation {
  const membership = actor.memberships.find(
    (m) => m.organisation.kind === 'vendor' && hasPermission(m.roles, permission),
  );
  if (!membership) throw new AppError('FORBIDDEN', { message: `missing permission ${permission}` });
  return membership;
}
