/** Small SQL building blocks shared by the repositories. */
import { AppError, type ExpectedVersions } from '@cosell/core';
import { inArray, sql, type Column, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * The WHERE term of a conditional write (ADR 003): the row's version is one of `expected`.
 * Part of the UPDATE itself, so no other writer can slip in between check and write.
 */
export function versionIn(column: Column, expected: ExpectedVersions): SQL | undefined {
  if (expected === 'any') return undefined;
  return expected.length > 0 ? inArray(column, [...expected]) : sql`false`;
}

/** An ILIKE pattern that matches `search` literally anywhere (%, _ and \ escaped). */
export const likePattern = (search: string) => `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Postgres errors we translate into application errors: a unique violation becomes CONFLICT
 * naming the constraint (e.g. `offers_alias_key`), so a use case can say which field collides.
 */
export function translateDbError(error: unknown): never {
  const pg = ((error as { cause?: unknown }).cause ?? error) as {
    code?: string;
    constraint?: string;
  };
  const code = (error as { code?: string }).code ?? pg.code;
  if (code === '23505') {
    throw new AppError('CONFLICT', {
      message: `unique violation: ${pg.constraint ?? String((error as Error).message)}`,
    });
  }
  throw error;
}

/** Rows of a query result, whichever driver ran it (node-postgres or PGlite). */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}

/** `column IN (…)`, matching nothing for an empty list. */
export const oneOf = <T>(column: AnyPgColumn, values: readonly T[]): SQL =>
  values.length > 0 ? inArray(column, [...values]) : sql`false`;

/** Bulk writes go as one JSON parameter, whatever their size (65,535 parameters at most). */
export const asJson = (value: unknown) => JSON.stringify(value);
