/** Row mappers shared by several repositories (a mapper used by one stays in its repository). */
import type { OrganisationRecord } from '@cosell/core';
import type { organisations } from './schema';

type OrgRow = typeof organisations.$inferSelect;

export const toOrganisation = (row: OrgRow): OrganisationRecord => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  createdAt: row.createdAt,
  version: row.version,
});
