/**
 * Test databases. Each test file gets its own database cloned from a migrated template, so no
 * file pays for initdb or migrations: PGlite loads a dumped data folder; PostgreSQL uses
 * CREATE DATABASE … TEMPLATE. The template is prepared once per run by the vitest global setup.
 */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from './client';

/** Which engine the integration suite runs on: set per vitest project. */
export const testDatabaseKind = (): 'pglite' | 'postgres' =>
  process.env.COSELL_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

/** Builds a migrated PGlite and returns its dumped data folder (gzipped tar). */
export async function buildPgliteTemplate(): Promise<Uint8Array> {
  const handle = await openDatabase({ pglite: new PGlite() });
  await handle.migrate();
  const dump = await handle.pglite!.dumpDataDir('gzip');
  await handle.close();
  return new Uint8Array(await dump.arrayBuffer());
}

const withDatabase = (url: string, database: string) => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

/** Creates and migrates the PostgreSQL template database; returns its name. */
export async function buildPostgresTemplate(serverUrl: string): Promise<string> {
  const name = `cosell_template_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const handle = await openDatabase({ url: withDatabase(serverUrl, name), poolSize: 1 });
  await handle.migrate();
  await handle.close();
  return name;
}

export async function dropPostgresDatabase(serverUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

export interface TestDatabase extends DatabaseHandle {
  /** Closes and, on PostgreSQL, drops the database. */
  destroy(): Promise<void>;
  /** The connection URL on PostgreSQL (for tests that open a second pool). */
  url?: string;
}

/** A fresh migrated database for one test file, on the engine of the current project. */
export async function createTestDatabase(
  options: { poolSize?: number; statementTimeoutMs?: number } = {},
): Promise<TestDatabase> {
  if (testDatabaseKind() === 'postgres') {
    const serverUrl = process.env.TEST_DATABASE_URL;
    const template = process.env.COSELL_PG_TEMPLATE;
    if (!serverUrl || !template)
      throw new Error('TEST_DATABASE_URL and the template are required for the PostgreSQL project');
    const name = `cosell_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    await admin.end();
    const url = withDatabase(serverUrl, name);
    const handle = await openDatabase({
      url,
      poolSize: options.poolSize ?? 5,
      statementTimeoutMs: options.statementTimeoutMs,
    });
    return {
      ...handle,
      url,
      destroy: async () => {
        await handle.close();
        await dropPostgresDatabase(serverUrl, name);
      },
    };
  }
  const templatePath = process.env.COSELL_PGLITE_TEMPLATE;
  const pglite = templatePath
    ? new PGlite({ loadDataDir: new Blob([readFileSync(templatePath)]) })
    : new PGlite();
  const handle = await openDatabase({ pglite });
  if (!templatePath) await handle.migrate();
  return { ...handle, destroy: () => handle.close() };
}
