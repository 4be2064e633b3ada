import { openDatabase, type DatabaseHandle } from '@cosell/db';
import path from 'node:path';
import { buildApp } from './app';
import type { Config } from './config';
import { DataFolderInUseError, lockDataFolder, type DataLock } from './data-lock';
import { createDeps } from './deps';
import { createMailer } from './mailer';
import { sweepTempFiles } from './storage';

/** Upload temp files untouched this long belong to a process that died mid-upload. */
const ABANDONED_UPLOAD_MS = 10 * 60_000;

/** Opens the database named by the config (PGlite under DATA_DIR by default). */
export function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  return openDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : path.join(config.dataDir, 'pglite'),
    poolSize: config.dbPoolSize,
    statementTimeoutMs: config.statementTimeoutMs,
  });
}

/** Which database the config names, for messages: never the password. */
function describeDatabase(config: Config): string {
  if (!config.databaseUrl)
    return `embedded PGlite in ${path.join(config.dataDir, 'pglite')}, from DATA_DIR`;
  try {
    const url = new URL(config.databaseUrl);
    return `PostgreSQL at ${url.hostname || 'localhost'}:${url.port || '5432'}${url.pathname}, from DATABASE_URL`;
  } catch {
    return 'PostgreSQL, from DATABASE_URL';
  }
}

/** The innermost cause's message (`connect ECONNREFUSED …` rather than `Failed query: …`). */
function rootMessage(error: unknown): string {
  let e = error;
  for (let depth = 0; depth < 5 && (e as { cause?: unknown })?.cause; depth++)
    e = (e as { cause: unknown }).cause;
  return e instanceof Error ? e.message : String(e);
}

/**
 * Starts cosell: database, migrations, HTTP server; returns a function that stops it. With
 * embedded PGlite the server holds the data-folder lock from before the database opens until
 * it is closed: a second server or a command on the same folder is refused meanwhile.
 */
export async function startServer(config: Config) {
  const lock = await lockDataFolder(config, { command: 'serve', port: config.port || null }).catch(
    (error: unknown) => {
      if (error instanceof DataFolderInUseError) throw error;
      throw new Error(
        `cannot open the database (${describeDatabase(config)}): ${rootMessage(error)}`,
        { cause: error },
      );
    },
  );
  try {
    const server = await start(config, lock);
    return {
      ...server,
      stop: async () => {
        try {
          await server.stop();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

async function start(config: Config, lock: DataLock | null) {
  // The database opens (PGlite takes most of a second) while the HTTP server starts; API
  // requests that arrive meanwhile wait for it, and /readyz answers 503 until it is there.
  const databaseReady = openConfiguredDatabase(config).then(async (database) => {
    await database.migrate();
    return database;
  });
  const deps = createDeps(config, databaseReady);
  const app = await buildApp(deps);
  deps.mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log: app.log });
  const address = await app
    .listen({ port: config.port, host: config.host })
    .catch(async (error) => {
      // The lock is released when this throws: the database must be closed first.
      await app.close();
      await databaseReady.then((database) => database.close()).catch(() => {});
      throw error;
    });
  const listening = app.server.address();
  if (lock && listening && typeof listening === 'object') lock.recordPort(listening.port);
  const database = await databaseReady.catch(async (error: unknown) => {
    app.log.fatal({ err: error }, 'the database could not be opened or migrated');
    await app.close();
    throw new Error(
      `cannot open the database (${describeDatabase(config)}): ${rootMessage(error)}`,
      { cause: error },
    );
  });
  // Leftovers of uploads a killed process never finished, now and every ten minutes.
  const tempDir = path.join(config.dataDir, 'tmp');
  const sweep = () =>
    sweepTempFiles(tempDir, ABANDONED_UPLOAD_MS)
      .then((removed) => removed && app.log.info({ removed }, 'removed abandoned upload files'))
      .catch((error: unknown) => app.log.warn({ err: error }, 'could not sweep upload files'));
  void sweep();
  const sweeper = setInterval(sweep, ABANDONED_UPLOAD_MS).unref();
  deps.log = app.log;
  if (config.jobWorker) deps.jobs.start();
  const shown = address.replace('127.0.0.1', 'localhost');
  app.log.info(
    `cosell is running at ${shown} (database: ${database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL'})`,
  );
  return {
    app,
    address,
    stop: async () => {
      clearInterval(sweeper);
      await deps.jobs.stop();
      await app.close();
      await database.close();
    },
  };
}
