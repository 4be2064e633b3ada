import type { OrganisationKind, Role } from './accounts.types';

/**
 * What a membership may do inside its own organisation. Cross-organisation powers (a program
 * admin managing partner organisations) are granted separately by `canAdministerOrganisation`.
 */
export const PERMISSIONS = {
  /** See members and invitations of the organisation. */
  'members.read': ['owner', 'manager', 'program-admin', 'member'],
  /** Invite, change roles, remove members. */
  'members.manage': ['owner', 'program-admin', 'member'],
  /** Rename the organisation. */
  'organisation.update': ['owner', 'program-admin'],
  /** Create partner and reseller organisations; edit the program taxonomy and policy. */
  'program.manage': ['program-admin'],
  /** Read program data (taxonomy, policy). Every vendor role. */
  'program.read': ['program-admin', 'reviewer', 'seller'],
  /** See the organisation's offers and their co-sell tabs. Every partner role. */
  'offers.read': ['owner', 'manager', 'contributor', 'referrals-admin', 'referrals-user', 'viewer'],
  /** Create, edit and archive offers; fill their co-sell tabs; publish them. */
  'offers.write': ['owner', 'manager', 'contributor'],
  /** Enter the organisation's partner program profile (the fields the program lets partners enter). */
  'profile.write': ['owner', 'manager'],
  /** Review co-sell submissions of every partner: read them, approve or reject. */
  'review.decide': ['program-admin', 'reviewer'],
  /** See the organisation's co-sell opportunities (referrals), within the role's rule (SPEC §7.2). */
  'referrals.read': [
    'owner',
    'manager',
    'referrals-admin',
    'referrals-user',
    'program-admin',
    'seller',
  ],
  /** Create, answer and work co-sell opportunities. */
  'referrals.write': ['owner', 'referrals-admin', 'referrals-user', 'program-admin', 'seller'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** True when any of `roles` grants `permission`. */
export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}

/**
 * A program admin of the vendor organisation administers partner and reseller organisations
 * (creates them, invites their first owner). This is the only cross-tenant power in the
 * account area and it is deliberately narrow: it never reaches vendor organisations.
 */
export function canAdministerOrganisation(
  actor: { kind: OrganisationKind; roles: readonly Role[] },
  target: { kind: OrganisationKind },
): boolean {
  return (
    actor.kind === 'vendor' && actor.roles.includes('program-admin') && target.kind !== 'vendor'
  );
}
