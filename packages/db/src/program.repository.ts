/** The program (active policy, taxonomy) that every participant works against. */
import type { ProgramRecord, ProgramRepository } from '@cosell/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from './client';
import { programs } from './schema';
import { versionIn } from './sql-helpers';

export function createProgramRepository(db: Executor): ProgramRepository {
  return {
    async findProgram(organisationId) {
      const [row] = await db
        .select()
        .from(programs)
        .where(eq(programs.organisationId, organisationId));
      return row ?? null;
    },

    async createProgram(input) {
      const [row] = await db.insert(programs).values(input).returning();
      return row as ProgramRecord;
    },

    async updateProgramTaxonomy(organisationId, taxonomy, expected, at) {
      const [row] = await db
        .update(programs)
        .set({
          taxonomy,
          taxonomyIsSample: false,
          updatedAt: at,
          version: sql`${programs.version} + 1`,
        })
        .where(
          and(eq(programs.organisationId, organisationId), versionIn(programs.version, expected)),
        )
        .returning();
      return (row as ProgramRecord | undefined) ?? null;
    },

    async updateProgramPolicy(organisationId, policyId, expected, at) {
      const [row] = await db
        .update(programs)
        .set({
          activePolicy: policyId,
          policyChosenAt: at,
          updatedAt: at,
          version: sql`${programs.version} + 1`,
        })
        .where(
          and(eq(programs.organisationId, organisationId), versionIn(programs.version, expected)),
        )
        .returning();
      return (row as ProgramRecord | undefined) ?? null;
    },

    async updateProgramContact(organisationId, contactEmail, expected, at) {
      const [row] = await db
        .update(programs)
        .set({ contactEmail, updatedAt: at, version: sql`${programs.version} + 1` })
        .where(
          and(eq(programs.organisationId, organisationId), versionIn(programs.version, expected)),
        )
        .returning();
      return (row as ProgramRecord | undefined) ?? null;
    },
  };
}
