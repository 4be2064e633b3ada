// Prints the OpenAPI document of the server (used by generate-api-client.mjs).
import { openDatabase } from '@cosell/db';
import { buildApp, createDeps, loadConfig } from '@cosell/server';

export async function openApiDocument(): Promise<unknown> {
  const database = await openDatabase();
  const app = await buildApp(createDeps(loadConfig({ LOG_LEVEL: 'silent' }), database), {
    web: false,
  });
  await app.ready();
  const document = app.swagger();
  await app.close();
  await database.close();
  return document;
}
