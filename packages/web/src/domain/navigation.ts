import type { OrganisationKind } from './tenant';

/** The first page of each kind of organisation (also its first navigation item). */
export const HOME_BY_KIND: Record<OrganisationKind, string> = {
  partner: '/offers',
  vendor: '/catalog',
  reseller: '/catalog',
};
