/**
 * Settings of the installation (table `installation_settings`), one JSON value per key. Read at
 * start-up and written by the rare command that changes one, each in one statement outside any
 * transaction: the values hold no tenant data.
 */
import { sql } from 'drizzle-orm';
import type { Database } from './client';

/** The keys in use, with the shape of each value. */
export interface InstallationSettingValues {
  /** How far the program clock is ahead of real time (CLOCK_CONTROL=on). */
  'clock.offsetMs': number;
}

export interface InstallationSettingsStore {
  get<K extends keyof InstallationSettingValues>(
    key: K,
  ): Promise<InstallationSettingValues[K] | undefined>;
  set<K extends keyof InstallationSettingValues>(
    key: K,
    value: InstallationSettingValues[K],
  ): Promise<void>;
}

type Rows = { rows: { value: unknown }[] };

export function createInstallationSettingsStore(
  db: Database | Promise<Database>,
): InstallationSettingsStore {
  return {
    async get(key) {
      const result = (await (
        await db
      ).execute(
        sql`select value from installation_settings where key = ${key}`,
      )) as unknown as Rows;
      return result.rows[0]?.value as never;
    },
    async set(key, value) {
      await (
        await db
      ).execute(sql`insert into installation_settings (key, value, updated_at)
        values (${key}, ${JSON.stringify(value)}::jsonb, now())
        on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at`);
    },
  };
}
