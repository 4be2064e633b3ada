import {
  DEFAULT_ACCOUNT_SETTINGS,
  type DocumentDeps,
  sampleTaxonomy,
  systemClock,
  type AccountDeps,
  type TokenDeps,
  type Clock,
} from '@cosell/core';
import {
  createInstallationSettingsStore,
  createBearerResolver,
  createSessionResolver,
  createUnitOfWork,
  type Database,
  type DatabaseHandle,
} from '@cosell/db';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config';
import { createPasswordHasher, nodeSecrets } from './crypto';
import { createAdjustableClock, type AdjustableClock } from './jobs/clock';
import { createJobWorker, type JobWorker } from './jobs/worker';
import type { Mailer } from './mailer';
import { createLocalBlobStore } from './storage';

/** Everything the HTTP layer and the CLI hand to the core use cases. */
export interface AppDeps {
  config: Config;
  /** The database; while it is still opening, `database.ready` has not resolved yet. */
  database: DatabaseAccess;
  clock: Clock;
  account: AccountDeps & Pick<TokenDeps, 'bearers'>;
  /** Offers, their co-sell tab and documents. */
  offers: DocumentDeps;
  mailer: Mailer | undefined;
  /** The background job worker (started by the server; tests drain it). */
  jobs: JobWorker;
  /** The clock of program rules: real time, plus whatever it was moved forward. */
  businessClock: AdjustableClock;
  /** Set when CLOCK_CONTROL is on: the business clock program admins may move forward. */
  adjustableClock: AdjustableClock | undefined;
  /** Where log lines of background work go (the HTTP server's logger once it exists). */
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
}

/** The database as the HTTP layer sees it: possibly still opening. */
export interface DatabaseAccess {
  kind: DatabaseHandle['kind'];
  ready: Promise<DatabaseHandle>;
  /** Drizzle over it, once open (a failure to open is reported by start-up, not here). */
  db: Promise<Database>;
  ping(): Promise<void>;
}

export function createDeps(
  config: Config,
  handle: DatabaseHandle | Promise<DatabaseHandle>,
  givenClock?: Clock,
): AppDeps {
  const clock: Clock = givenClock ?? systemClock;
  // Program rules (review steps, statuses, the 30-day badge) run on a clock that can be moved
  // forward when CLOCK_CONTROL is on; sign-in sessions and security keep the real clock.
  const businessClock = createAdjustableClock(clock);
  // With clock control on, the program clock goes on where it was moved to before a restart;
  // nothing reads the database before the offset is back.
  const ready = Promise.resolve(handle).then(async (h) => {
    if (config.clockControl) {
      const offsetMs = await createInstallationSettingsStore(h.db).get('clock.offsetMs');
      if (typeof offsetMs === 'number' && offsetMs > 0) businessClock.restore(offsetMs);
    }
    return h;
  });
  let opened: DatabaseHandle | undefined;
  ready.then((h) => (opened = h)).catch(() => {});
  const db = ready.then((h) => h.db);
  // A database that cannot be opened is reported by start-up (startServer); this derived
  // promise must not end the process first as an unhandled rejection.
  db.catch(() => {});
  const database: DatabaseAccess = {
    // The opened handle knows; until then the config says which one is opening.
    get kind() {
      return opened?.kind ?? (config.databaseUrl ? 'postgres' : 'pglite');
    },
    ready,
    db,
    ping: async () => {
      if (!opened) throw new Error('the database is still opening');
      await opened.ping();
    },
  };
  const uow = createUnitOfWork(db);
  const blobs = createLocalBlobStore(config.blobDir);
  const deps: AppDeps = {
    config,
    database,
    clock,
    mailer: undefined,
    businessClock,
    adjustableClock: config.clockControl ? businessClock : undefined,
    log: { info: () => {}, warn: console.warn, error: console.error },
    jobs: createJobWorker({
      uow,
      clock: businessClock,
      blobs,
      wallClock: clock,
      mailer: () => deps.mailer ?? { send: async (mail) => deps.log.info({ mail }, 'mail') },
      appUrl: config.publicUrl ?? `http://localhost:${config.port}`,
      log: () => deps.log,
    }),
    offers: { uow, clock: businessClock, blobs },
    account: {
      uow,
      clock,
      passwords: createPasswordHasher(config.fastPasswordHashing),
      secrets: nodeSecrets,
      initialTaxonomy: sampleTaxonomy,
      // Signed-in requests resolve their session in one round trip, outside the unit of work.
      sessions: createSessionResolver(ready),
      // API tokens too: one round trip for the token, its principal and the use mark.
      bearers: createBearerResolver(ready),
      settings: {
        ...DEFAULT_ACCOUNT_SETTINGS,
        sessionIdleMs: config.sessionIdleMs,
        sessionAbsoluteMs: config.sessionAbsoluteMs,
      },
    },
  };
  return deps;
}
