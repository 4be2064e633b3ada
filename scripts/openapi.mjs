// Writes the server's OpenAPI document, built in-process without listening (the same way
// generate-api-client.mjs gets it): `node scripts/openapi.mjs [file]`, by default
// node_modules/.cache/cosell/openapi.json, which `npm run api:lint` checks with Spectral.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadOpenApiDocument } from './generate-api-client.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.resolve(
  process.argv[2] ?? path.join(root, 'node_modules/.cache/cosell/openapi.json'),
);
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify(await loadOpenApiDocument(), null, 2)}\n`);
console.log(`OpenAPI document written to ${path.relative(process.cwd(), target)}`);
