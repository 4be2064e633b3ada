/**
 * Prepares the migrated template databases once per run: a dumped PGlite data folder, and a
 * PostgreSQL template database when TEST_DATABASE_URL is set. Says loudly what is skipped.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  buildPgliteTemplate,
  buildPostgresTemplate,
  dropPostgresDatabase,
} from '@cosell/db/testing';

export default async function setup() {
  const dir = path.join(os.tmpdir(), `cosell-test-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'pglite-template.tar.gz');
  writeFileSync(file, await buildPgliteTemplate());
  process.env.COSELL_PGLITE_TEMPLATE = file;

  const serverUrl = process.env.TEST_DATABASE_URL;
  let template: string | undefined;
  if (serverUrl) {
    template = await buildPostgresTemplate(serverUrl);
    process.env.COSELL_PG_TEMPLATE = template;
  }
  return async () => {
    if (serverUrl && template) await dropPostgresDatabase(serverUrl, template);
  };
}
