import type { OrganisationKind } from './tenant';

/**
 * The first page of each kind of organisation. Within the vendor, each role starts where its
 * work is: program admins on the first-run checklist, reviewers on the review queue, sellers
 * on the storefront of published offers (the seller catalog is still to come).
 */
export function homePath(kind: OrganisationKind, roles: readonly string[]): string {
  switch (kind) {
    case 'partner':
      return '/offers';
    case 'reseller':
      return '/storefront';
    case 'vendor':
      if (roles.includes('program-admin')) return '/start';
      if (roles.includes('reviewer')) return '/review-queue';
      return '/storefront';
  }
}
