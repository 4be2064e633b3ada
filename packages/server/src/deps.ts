import {
  DEFAULT_ACCOUNT_SETTINGS,
  sampleTaxonomy,
  systemClock,
  type AccountDeps,
  type Clock,
} from '@cosell/core';
import { createUnitOfWork, type DatabaseHandle } from '@cosell/db';
import type { Config } from './config';
import { createPasswordHasher, nodeSecrets } from './crypto';
import type { Mailer } from './mailer';

/** Everything the HTTP layer and the CLI hand to the core use cases. */
export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  clock: Clock;
  account: AccountDeps;
  mailer: Mailer | undefined;
}

export function createDeps(config: Config, database: DatabaseHandle, clock: Clock = systemClock): AppDeps {
  return {
    config,
    database,
    clock,
    mailer: undefined,
    account: {
      uow: createUnitOfWork(database.db),
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
