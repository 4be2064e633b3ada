/** Organisations: the tenant roots (a global table, the vendor and its partners). */
import type { OrganisationRepository } from '@cosell/core';
import { and, asc, count, eq, ilike, inArray, sql } from 'drizzle-orm';
import type { Executor } from './client';
import { toOrganisation } from './rows';
import { organisations } from './schema';
import { likePattern, translateDbError, versionIn } from './sql-helpers';

export function createOrganisationRepository(db: Executor): OrganisationRepository {
  return {
    async findVendorOrganisation() {
      const [row] = await db.select().from(organisations).where(eq(organisations.kind, 'vendor'));
      return row ? toOrganisation(row) : null;
    },

    async createOrganisation(input) {
      try {
        const [row] = await db.insert(organisations).values(input).returning();
        return toOrganisation(row!);
      } catch (error) {
        translateDbError(error);
      }
    },

    async lockOrganisation(id) {
      await db
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.id, id))
        .for('update');
    },

    async findOrganisation(id) {
      const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
      return row ? toOrganisation(row) : null;
    },

    async listOrganisations(query) {
      const conditions = [];
      if (query.ids)
        conditions.push(
          inArray(organisations.id, query.ids.length ? query.ids : ([sql`null`] as never)),
        );
      if (query.kinds) conditions.push(inArray(organisations.kind, query.kinds));
      if (query.search) conditions.push(ilike(organisations.name, likePattern(query.search)));
      const where = conditions.length ? and(...conditions) : undefined;
      const rows = await db
        .select()
        .from(organisations)
        .where(where)
        .orderBy(asc(organisations.kind), asc(sql`lower(${organisations.name})`))
        .limit(query.limit)
        .offset(query.offset);
      const [total] = await db.select({ n: count() }).from(organisations).where(where);
      return { items: rows.map(toOrganisation), total: total?.n ?? 0 };
    },

    async renameOrganisation(id, name, expected) {
      try {
        const [row] = await db
          .update(organisations)
          .set({ name, version: sql`${organisations.version} + 1` })
          .where(and(eq(organisations.id, id), versionIn(organisations.version, expected)))
          .returning();
        return row ? toOrganisation(row) : null;
      } catch (error) {
        translateDbError(error);
      }
    },
  };
}
