/**
 * Opens the database: embedded PGlite (data under a folder, or in memory) when no URL is
 * given, PostgreSQL through a node-postgres pool otherwise. Both speak the same SQL and run
 * the same migrations, so everything above this file is identical on both.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Anything queries can run on: the database or an open transaction. */
export type Executor = Database | Transaction;

export interface DatabaseOptions {
  /** postgres://… — when absent, embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite data folder; absent means in memory. Ignored with `url`. */
  dataDir?: string | undefined;
  /** An already open PGlite instance (tests start these from a migrated template). */
  pglite?: PGlite | undefined;
  /** node-postgres pool size. */
  poolSize?: number | undefined;
  /** Milliseconds a statement may run before PostgreSQL cancels it. */
  statementTimeoutMs?: number | undefined;
}

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Applies the committed migrations that have not run yet. */
  migrate(): Promise<void>;
  /** Throws when the database does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** The PGlite instance in embedded mode (for dumps in tests). */
  pglite?: PGlite;
  /** The pool in PostgreSQL mode. */
  pool?: pg.Pool;
}

/** The folder of committed SQL migrations, in the source tree or beside the bundled server. */
export function migrationsFolder(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, '../migrations'), path.join(here, 'migrations')];
  const found = candidates.find((candidate) => existsSync(path.join(candidate, 'meta')));
  if (!found) throw new Error(`migrations folder not found (looked in ${candidates.join(', ')})`);
  return found;
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  if (options.url) return openPostgres(options.url, options);
  let client = options.pglite;
  if (!client) {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  }
  const pglite = client;
  await pglite.waitReady;
  const db = drizzlePglite(pglite, { schema }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    pglite,
    migrate: async () => {
      await migratePglite(db as never, { migrationsFolder: migrationsFolder() });
    },
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: async () => {
      if (!pglite.closed) await pglite.close();
    },
  };
}

function openPostgres(url: string, options: DatabaseOptions): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: options.statementTimeoutMs ?? 15_000,
    application_name: 'cosell',
  });
  // A broken idle connection (server restart, pg_terminate_backend) must not crash the
  // process: the pool drops the client and the next query opens a new one.
  pool.on('error', () => {});
  // A connection that breaks while checked out (a backend terminated mid-transaction, the
  // server restarting) emits 'error' on its client too, and the pool only listens while the
  // client is idle: without this listener that event would crash the process. The query in
  // flight fails on its own (503), and the pool discards the broken client on release.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  const db = drizzlePg(pool, { schema }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    pool,
    migrate: async () => {
      await migratePg(db as never, { migrationsFolder: migrationsFolder() });
    },
    ping: async () => {
      await pool.query('select 1');
    },
    close: async () => {
      await pool.end();
    },
  };
}
