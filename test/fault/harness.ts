/**
 * The fault suite's tools: the private cluster (from the global set-up), the bundled cosell
 * started as a child process exactly as operators run it, a small HTTP client (one connection
 * per request, every request bounded in time), the API calls the scenarios use, and the
 * invariants checked on the rows after each fault.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http, { type IncomingHttpHeaders } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, expect, inject } from 'vitest';
import { freePort, pgCtl, type ClusterInfo } from './cluster';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const LOG_DIR = path.join(ROOT, 'test-results/fault/logs');

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns a truthy value; bounded by `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T> | T,
  timeoutMs = 15_000,
  intervalMs = 50,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    await sleep(intervalMs);
  }
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`,
  );
}

// ---------------------------------------------------------------------------------------------
// The private cluster

export function clusterInfo(): ClusterInfo | null {
  return inject('faultCluster');
}

export function requireCluster(): ClusterInfo {
  const info = clusterInfo();
  if (!info) throw new Error('no private PostgreSQL cluster');
  return info;
}

export const pgUp = () => pgCtl(requireCluster(), 'start');
export const pgStop = (mode: 'fast' | 'immediate' = 'fast') =>
  pgCtl(requireCluster(), 'stop', mode);
export const pgRestart = (mode: 'fast' | 'immediate' = 'fast') =>
  pgCtl(requireCluster(), 'restart', mode);

/** Starts the cluster again when a scenario left it down. */
export async function ensurePgUp() {
  const info = requireCluster();
  const client = new pg.Client({
    host: info.host,
    port: info.port,
    user: 'postgres',
    database: 'postgres',
    connectionTimeoutMillis: 2000,
  });
  try {
    await client.connect();
    await client.end();
  } catch {
    await client.end().catch(() => {});
    await pgUp();
  }
}

export function databaseUrl(database: string) {
  const info = requireCluster();
  return `postgres://postgres@${info.host}:${info.port}/${database}`;
}

/** A superuser connection (bypasses RLS) for arranging faults and checking invariants. */
export async function adminClient(database = 'postgres'): Promise<pg.Client> {
  const info = requireCluster();
  const client = new pg.Client({
    host: info.host,
    port: info.port,
    user: 'postgres',
    database,
    application_name: 'fault-admin',
    connectionTimeoutMillis: 5000,
    // A fault scenario may restart the server under this connection.
  });
  client.on('error', () => {});
  await client.connect();
  return client;
}

/** A fresh empty database in the private cluster; cosell migrates it on start. */
export async function freshDatabase(prefix: string): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${randomBytes(3).toString('hex')}`;
  const admin = await adminClient();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  return { name, url: databaseUrl(name) };
}

export interface Backend {
  pid: number;
  state: string | null;
  wait_event_type: string | null;
  backend_xid: string | null;
  query: string;
}

/** cosell's connections to `database` (application_name 'cosell'). */
export async function cosellBackends(admin: pg.Client, database: string): Promise<Backend[]> {
  const { rows } = await admin.query<Backend>(
    `select pid, state, wait_event_type, backend_xid::text, query from pg_stat_activity
      where application_name = 'cosell' and datname = $1 and pid <> pg_backend_pid()`,
    [database],
  );
  return rows;
}

export async function terminate(admin: pg.Client, pids: number[]) {
  if (pids.length)
    await admin.query('select pg_terminate_backend(pid) from unnest($1::int[]) as pid', [pids]);
}

/**
 * Holds an ACCESS EXCLUSIVE lock on `table` in an open transaction on its own connection: a
 * use case that writes the table blocks there, in the middle of its transaction, after its
 * earlier rows are written. `release()` commits (nothing was changed).
 */
export async function lockTable(database: string, table: string) {
  const client = await adminClient(database);
  await client.query('begin');
  await client.query(`lock table ${table} in access exclusive mode`);
  return {
    release: async () => {
      await client.query('commit').catch(() => {});
      await client.end().catch(() => {});
    },
  };
}

// ---------------------------------------------------------------------------------------------
// cosell as a child process

export interface Cosell {
  url: string;
  port: number;
  child: ChildProcess;
  output(): string;
  alive(): boolean;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM and wait (bounded); SIGKILL when it does not stop in time. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<Cosell>();
const tmpDirs: string[] = [];

export function tmpDir(prefix: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `cosell-fault-${prefix}-`));
  tmpDirs.push(dir);
  return dir;
}

afterAll(async () => {
  for (const server of running) await server.stop().catch(() => {});
  for (const dir of tmpDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export interface StartOptions {
  /** Names the log file under test-results/fault/logs. */
  name: string;
  env: Record<string, string>;
  /** Wait until /readyz answers 200 (default true). */
  waitReady?: boolean;
  readyTimeoutMs?: number;
  port?: number;
  /** Run as this user (root only), e.g. to meet the file permissions an operator's user meets. */
  user?: ProcessUser;
}

export interface ProcessUser {
  uid: number;
  gid: number;
}

/** Runs `node <bundle> serve` (or `args`) as operators do; output kept for diagnostics. */
export function spawnCosell(
  args: string[],
  env: Record<string, string>,
  name: string,
  user?: ProcessUser,
) {
  const bundle = inject('faultBundle');
  const cwd = tmpDir('cwd');
  if (user) chownSync(cwd, user.uid, user.gid);
  const child = spawn(process.execPath, [bundle, ...args], {
    cwd,
    ...user,
    // A clean environment: nothing from the test runner's (DATABASE_URL, PORT…) leaks in.
    env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  let size = 0;
  const keep = (data: Buffer) => {
    chunks.push(data.toString());
    size += data.length;
    // Bounded: keep the last ~2 MB.
    while (size > 2_000_000 && chunks.length > 1) size -= chunks.shift()!.length;
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      mkdirSync(LOG_DIR, { recursive: true });
      writeFileSync(path.join(LOG_DIR, `${name}-${child.pid}.log`), chunks.join(''));
      resolve({ code, signal });
    });
  });
  return { child, exit, output: () => chunks.join('') };
}

export async function startCosell(options: StartOptions): Promise<Cosell> {
  const port = options.port ?? (await freePort());
  const { child, exit, output } = spawnCosell(
    ['serve'],
    { PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', ...options.env },
    options.name,
    options.user,
  );
  let exited = false;
  void exit.then(() => {
    exited = true;
  });
  const kill = async (signal: NodeJS.Signals) => {
    if (!exited) child.kill(signal);
    return exit;
  };
  const server: Cosell = {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    output,
    alive: () => !exited,
    exit,
    kill,
    stop: async () => {
      running.delete(server);
      if (exited) return exit;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const result = await exit;
      clearTimeout(timer);
      return result;
    },
  };
  running.add(server);
  if (options.waitReady !== false) {
    try {
      await waitFor(
        'cosell /readyz 200',
        async () => {
          if (exited) throw new Error(`cosell exited during start-up:\n${output().slice(-3000)}`);
          return (await request(server.url, 'GET', '/readyz', { timeoutMs: 2000 })).status === 200;
        },
        options.readyTimeoutMs ?? 30_000,
        100,
      );
    } catch (error) {
      await server.stop();
      throw new Error(`${String(error)}\n--- cosell output ---\n${output().slice(-3000)}`);
    }
  }
  return server;
}

/** The process is still running: it did not crash on the fault. */
export function expectAlive(server: Cosell) {
  expect(server.alive(), `cosell died:\n${server.output().slice(-4000)}`).toBe(true);
}

/** No request ended in a 500 / unhandled error in the server log. */
export function expectNoUnhandledErrors(server: Cosell) {
  const lines = server
    .output()
    .split('\n')
    .filter((line) => /"msg":"unhandled error"|Unhandled|uncaught/i.test(line));
  expect(lines, 'unhandled errors in the cosell log').toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// HTTP

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
  ms: number;
}

/** One request on its own connection; rejects on network errors and after `timeoutMs`. */
export function request(
  base: string,
  method: string,
  urlPath: string,
  options: {
    body?: unknown;
    cookie?: string;
    csrf?: string;
    timeoutMs?: number;
    headers?: Record<string, string>;
  } = {},
): Promise<Answer> {
  const started = Date.now();
  const url = new URL(urlPath, base);
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method,
        agent: false,
        headers: {
          ...(payload !== undefined && {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
          }),
          ...(options.cookie && { cookie: options.cookie }),
          ...(options.csrf && { 'x-csrf-token': options.csrf }),
          ...options.headers,
        },
        timeout: options.timeoutMs ?? 20_000,
      },
      (res) => collectAnswer(res, started, resolve, reject),
    );
    req.on('timeout', () =>
      req.destroy(
        new Error(`${method} ${urlPath}: no answer within ${options.timeoutMs ?? 20_000} ms`),
      ),
    );
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** A 503 problem+json with Retry-After: the honest "database unavailable" answer. */
export function isUnavailableProblem(answer: Answer) {
  return (
    answer.status === 503 &&
    String(answer.headers['content-type']).startsWith('application/problem+json') &&
    Boolean(answer.headers['retry-after']) &&
    answer.json?.code === 'UNAVAILABLE'
  );
}

export function expectUnavailable(answer: Answer, what = '') {
  expect(
    {
      status: answer.status,
      contentType: String(answer.headers['content-type']).split(';')[0],
      retryAfter: answer.headers['retry-after'],
      code: answer.json?.code,
    },
    `${what} should be a 503 problem: ${answer.text.slice(0, 300)}`,
  ).toEqual({
    status: 503,
    contentType: 'application/problem+json',
    retryAfter: '5',
    code: 'UNAVAILABLE',
  });
}

// ---------------------------------------------------------------------------------------------
// The API as the scenarios use it

export const PASSWORD = 'correct horse battery';

export interface Session {
  cookie: string;
  csrf: string;
}

export function sessionOf(answer: Answer): Session {
  const cookies = ([] as string[]).concat(answer.headers['set-cookie'] ?? []);
  const cookie = cookies
    .map((c) => c.split(';')[0]!)
    .find((c) => /^(__Host-)?cosell_session=/.test(c));
  if (!cookie || !answer.json?.csrfToken)
    throw new Error(`no session in answer ${answer.status}: ${answer.text.slice(0, 300)}`);
  return { cookie, csrf: answer.json.csrfToken as string };
}

export const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

export function setupBody(email = 'admin@vendor.test') {
  return { organisationName: 'Vendor', name: 'Admin', email, password: PASSWORD };
}

export async function setUp(base: string): Promise<Session> {
  const answer = await request(base, 'POST', '/api/setup', { body: setupBody() });
  if (answer.status !== 201) throw new Error(`set-up failed: ${answer.status} ${answer.text}`);
  return sessionOf(answer);
}

export function api(base: string, session: Session, timeoutMs = 20_000) {
  const send = (method: string, urlPath: string, body?: unknown) =>
    request(base, method, urlPath, { body, cookie: session.cookie, csrf: session.csrf, timeoutMs });
  return {
    get: (urlPath: string) => send('GET', urlPath),
    createOrganisation: (name: string) =>
      send('POST', '/api/organisations', { kind: 'partner', name }),
    invite: (organisationId: string, email: string) =>
      send('POST', `/api/organisations/${organisationId}/invitations`, {
        email,
        roles: ['viewer'],
      }),
    send,
  };
}

export const tokenOf = (invitationAnswer: Answer) =>
  String(invitationAnswer.json.url).split('/invite/')[1]!;

export function accept(base: string, token: string, name = 'Invited Person', timeoutMs = 20_000) {
  return request(base, 'POST', `/api/invitations/${token}/accept`, {
    body: { name, password: PASSWORD },
    timeoutMs,
  });
}

/** A partner organisation with `count` open invitations: [organisationId, invitations]. */
export async function partnerWithInvitations(base: string, session: Session, count: number) {
  const a = api(base, session);
  const org = await a.createOrganisation(unique('Partner'));
  if (org.status !== 201) throw new Error(`create organisation: ${org.status} ${org.text}`);
  const invitations: { email: string; token: string; id: string }[] = [];
  for (let i = 0; i < count; i++) {
    const email = `${unique('person')}@partner.test`;
    const answer = await a.invite(org.json.id, email);
    if (answer.status !== 201) throw new Error(`invite: ${answer.status} ${answer.text}`);
    invitations.push({ email, token: tokenOf(answer), id: answer.json.id });
  }
  return { organisationId: org.json.id as string, invitations };
}

// ---------------------------------------------------------------------------------------------
// Streams of requests

export interface Outcome {
  op: string;
  key: string;
  status: number | null;
  /** Network error (connection refused/reset: the server was killed). */
  error?: string;
  answer?: Answer;
}

/**
 * `workers` concurrent loops calling `op(i)` until `stop()` says so, `maxOps` calls were made,
 * or `maxMs` passed: bounded in count and in time.
 */
export async function stream(options: {
  workers: number;
  maxOps: number;
  maxMs: number;
  stop?: () => boolean;
  op: (i: number) => Promise<Outcome>;
}): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const deadline = Date.now() + options.maxMs;
  let next = 0;
  const worker = async () => {
    while (next < options.maxOps && Date.now() < deadline && !options.stop?.()) {
      const i = next++;
      outcomes.push(await options.op(i));
    }
  };
  await Promise.all(Array.from({ length: options.workers }, worker));
  return outcomes;
}

export async function outcome(
  op: string,
  key: string,
  call: () => Promise<Answer>,
): Promise<Outcome> {
  try {
    const answer = await call();
    return { op, key, status: answer.status, answer };
  } catch (error) {
    return { op, key, status: null, error: (error as Error).message };
  }
}

/** Counts of outcomes by `op status` for messages. */
export function tally(outcomes: Outcome[]) {
  const counts: Record<string, number> = {};
  for (const o of outcomes) {
    const k = `${o.op} ${o.status ?? 'network-error'}`;
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Invariants on the rows

export type Query = (
  sql: string,
  params?: unknown[],
) => Promise<{ rows: Record<string, unknown>[] }>;

/**
 * Every use case writes its rows in one transaction, so after any fault:
 * - no partial write: each organisation has its creation audit entry, each vendor its program
 *   and program admin, each invitation its audit entry, each accepted invitation its user,
 *   membership and exactly one acceptance entry;
 * - no orphan: no user without a membership, no membership in a partner organisation without
 *   an accepted invitation, no acceptance entry without an accepted invitation.
 */
export const INVARIANTS: Record<string, string> = {
  'organisation without its creation audit entry': `
    select o.id, o.name from organisations o
     where not exists (select 1 from audit_log a where a.organisation_id = o.id and a.entity_id = o.id::text
                         and a.action in ('organisation.create', 'program.setup'))`,
  'vendor without its program or program admin (partial set-up)': `
    select o.id from organisations o
     where o.kind = 'vendor'
       and (not exists (select 1 from programs p where p.organisation_id = o.id)
            or not exists (select 1 from memberships m where m.organisation_id = o.id and 'program-admin' = any (m.roles)))`,
  'invitation without its audit entry': `
    select i.id, i.email from invitations i
     where not exists (select 1 from audit_log a where a.organisation_id = i.organisation_id
                         and a.action = 'invitation.create' and a.entity_id = i.id::text)`,
  'accepted invitation without user, membership or exactly one acceptance entry': `
    select i.id, i.email from invitations i
     where i.accepted_at is not null
       and (not exists (select 1 from users u join memberships m on m.user_id = u.id and m.organisation_id = i.organisation_id
                         where lower(u.email) = lower(i.email))
            or (select count(*) from audit_log a join users u on a.entity_id = u.id::text
                 where a.organisation_id = i.organisation_id and a.action = 'invitation.accept'
                   and lower(u.email) = lower(i.email)) <> 1)`,
  'membership without an accepted invitation (outside set-up)': `
    select m.organisation_id, u.email from memberships m join users u on u.id = m.user_id
     where not exists (select 1 from invitations i where i.organisation_id = m.organisation_id
                         and lower(i.email) = lower(u.email) and i.accepted_at is not null)
       and not exists (select 1 from audit_log a where a.action = 'program.setup'
                         and a.organisation_id = m.organisation_id and a.actor_user_id = m.user_id)`,
  'user without any membership': `
    select u.id, u.email from users u where not exists (select 1 from memberships m where m.user_id = u.id)`,
  'acceptance entry without an accepted invitation': `
    select a.id from audit_log a
     where a.action = 'invitation.accept'
       and not exists (select 1 from users u join invitations i on lower(i.email) = lower(u.email)
                        where u.id::text = a.entity_id and i.organisation_id = a.organisation_id and i.accepted_at is not null)`,
  'more than one vendor or set-up': `
    select count(*) from organisations where kind = 'vendor' having count(*) > 1
    union all
    select count(*) from audit_log where action = 'program.setup' having count(*) > 1`,
};

export async function invariantViolations(query: Query): Promise<Record<string, unknown[]>> {
  const violations: Record<string, unknown[]> = {};
  for (const [name, sql] of Object.entries(INVARIANTS)) {
    const { rows } = await query(sql);
    if (rows.length) violations[name] = rows.slice(0, 5);
  }
  return violations;
}

export async function expectInvariants(query: Query) {
  expect(await invariantViolations(query)).toEqual({});
}

/** Every acknowledged (2xx) write of `outcomes` is in the database. */
export async function expectAcknowledgedWritesPresent(query: Query, outcomes: Outcome[]) {
  const missing: string[] = [];
  for (const o of outcomes) {
    if (o.status === null || o.status >= 300) continue;
    if (o.op === 'create-organisation') {
      const { rows } = await query('select 1 from organisations where name = $1', [o.key]);
      if (rows.length !== 1) missing.push(`organisation ${o.key}`);
    } else if (o.op === 'invite') {
      const { rows } = await query('select 1 from invitations where lower(email) = lower($1)', [
        o.key,
      ]);
      if (rows.length !== 1) missing.push(`invitation ${o.key}`);
    } else if (o.op === 'accept') {
      const { rows } = await query(
        'select 1 from invitations where lower(email) = lower($1) and accepted_at is not null',
        [o.key],
      );
      if (rows.length !== 1) missing.push(`acceptance ${o.key}`);
    }
  }
  expect(missing, 'acknowledged writes lost').toEqual([]);
}

/** Answers of a stream: 2xx, or a 503 problem (never a 500, never a false 2xx). */
export function unexpectedAnswers(
  outcomes: Outcome[],
  allowed: (o: Outcome) => boolean = () => false,
) {
  return outcomes
    .filter((o) => o.status !== null)
    .filter((o) => !(o.status! < 300 || isUnavailableProblem(o.answer!) || allowed(o)))
    .map((o) => `${o.op} ${o.key}: ${o.status} ${o.answer!.text.slice(0, 200)}`);
}

/** Reads a whole answer: status, headers, text and (when it parses) JSON. */
export function collectAnswer(
  res: http.IncomingMessage,
  started: number,
  resolve: (answer: Answer) => void,
  reject: (error: Error) => void,
) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('error', reject);
  res.on('end', () => {
    const text = Buffer.concat(chunks).toString();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    resolve({
      status: res.statusCode ?? 0,
      headers: res.headers,
      text,
      json,
      ms: Date.now() - started,
    });
  });
}
