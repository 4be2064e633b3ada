import {
  DEFAULT_ACCOUNT_SETTINGS,
  type DocumentDeps,
  sampleTaxonomy,
  systemClock,
  type AccountDeps,
  type Clock,
} from '@cosell/core';
import { createUnitOfWork, type DatabaseHandle } from '@cosell/db';
import type { Config } from './config';
import { createPasswordHasher, nodeSecrets } from './crypto';
import type { Mailer } from './mailer';
import { createLocalBlobStore } from './storage';

/** Everything the HTTP layer and the CLI hand to the core use cases. */
export interface AppDeps {
  config: Config;
  /** The database; while it is still opening, `database.ready` has not resolved yet. */
  database: DatabaseAccess;
  clock: Clock;
  account: AccountDeps;
  /** Offers, their co-sell tab and documents. */
  offers: DocumentDeps;
  mailer: Mailer | undefined;
}

/** The database as the HTTP layer sees it: possibly still opening. */
export interface DatabaseAccess {
  kind: DatabaseHandle['kind'];
  ready: Promise<DatabaseHandle>;
  ping(): Promise<void>;
}

export function createDeps(
  config: Config,
  handle: DatabaseHandle | Promise<DatabaseHandle>,
  clock: Clock = systemClock,
): AppDeps {
  const ready = Promise.resolve(handle);
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
    ping: async () => {
      if (!opened) throw new Error('the database is still opening');
      await opened.ping();
    },
  };
  const uow = createUnitOfWork(db);
  return {
    config,
    database,
    clock,
    mailer: undefined,
    offers: { uow, clock, blobs: createLocalBlobStore(config.blobDir) },
    account: {
      uow,
      clock,
      passwords: createPasswordHasher(config.fastPasswordHashing),
      secrets: nodeSecrets,
      initialTaxonomy: sampleTaxonomy,
      settings: {
        ...DEFAULT_ACCOUNT_SETTINGS,
        sessionIdleMs: config.sessionIdleMs,
        sessionAbsoluteMs: config.sessionAbsoluteMs,
      },
    },
  };
}
