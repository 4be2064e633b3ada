// `npm test`: every suite that can run here. Unit and PGlite integration tests always run;
// the PostgreSQL project runs when TEST_DATABASE_URL is set; the fault suite runs when the
// PostgreSQL server binaries are installed; end-to-end tests run when Chromium is installed.
// A suite that cannot run is named loudly, and with REQUIRE_PG=1 or REQUIRE_E2E=1 (as in CI)
// a missing prerequisite fails the run instead.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const projects = ['unit', 'integration'];
const skipped = [];
const required = (name) => process.env[name] === '1' || process.env[name] === 'true';

const pgUrl = process.env.TEST_DATABASE_URL;
if (!pgUrl) {
  skipped.push(
    'integration-pg: TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/postgres)',
  );
} else {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    projects.push('integration-pg');
  } catch (error) {
    skipped.push(`integration-pg: cannot connect to TEST_DATABASE_URL (${error.message})`);
  }
}
if (required('REQUIRE_PG') && !projects.includes('integration-pg')) {
  console.error(`REQUIRE_PG=1 but the PostgreSQL suite cannot run: ${skipped.at(-1)}`);
  process.exit(1);
}

// The fault suite (test/fault) starts a private PostgreSQL cluster of its own: it needs the
// server binaries (same search as test/fault/cluster.ts), never TEST_DATABASE_URL.
function findPgBinDir() {
  const candidates = [process.env.COSELL_PG_BINDIR];
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8', timeout: 5000 });
  if (pgConfig.status === 0) candidates.push(pgConfig.stdout.trim());
  if (existsSync('/usr/lib/postgresql')) {
    const versions = readdirSync('/usr/lib/postgresql')
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => b - a);
    candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
  }
  return candidates.find(
    (dir) => dir && ['initdb', 'pg_ctl', 'postgres'].every((b) => existsSync(path.join(dir, b))),
  );
}
if (findPgBinDir()) {
  projects.push('fault');
} else {
  skipped.push(
    'fault: PostgreSQL server binaries (initdb, pg_ctl, postgres) not found (apt-get install postgresql, or set COSELL_PG_BINDIR)',
  );
  if (required('REQUIRE_PG')) {
    console.error(`REQUIRE_PG=1 but ${skipped.at(-1)}`);
    process.exit(1);
  }
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(chromium)) {
  projects.push('e2e');
} else {
  skipped.push(
    `e2e: Chromium not found at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH)`,
  );
  if (required('REQUIRE_E2E')) {
    console.error(`REQUIRE_E2E=1 but ${skipped.at(-1)}`);
    process.exit(1);
  }
}

const run = (command, args) =>
  spawnSync(command, args, { stdio: 'inherit', env: process.env }).status ?? 1;

if (projects.includes('e2e') && run('node', ['scripts/build.mjs']) !== 0) {
  console.error('build failed; end-to-end tests need the built app');
  process.exit(1);
}

const banner = (lines) => {
  if (!lines.length) return;
  console.log('\n' + '!'.repeat(78));
  for (const line of lines) console.log(`!! SKIPPED ${line}`);
  console.log('!'.repeat(78) + '\n');
};
banner(skipped);
const status = run('npx', [
  'vitest',
  'run',
  ...projects.flatMap((p) => ['--project', p]),
  ...process.argv.slice(2),
]);
console.log(`\nSuites run: ${projects.join(', ')}`);
banner(skipped);
process.exit(status);
