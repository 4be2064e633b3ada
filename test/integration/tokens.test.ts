/**
 * API tokens (ADR 013): created, listed and revoked with a session; a bearer token works on
 * the routes its scopes allow without a CSRF token, acts within its principal's organisations,
 * is refused once revoked or expired, and is named by the audit log and the domain events.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '@cosell/cli';
import { authenticateBearer } from '@cosell/core';
import { createDeps, loadConfig, openConfiguredDatabase } from '@cosell/server';
import { sql, type SQL } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  as,
  createTestContext,
  json,
  seedWorld,
  type TestContext,
  type World,
} from '../helpers/context';

let ctx: TestContext;
let world: World;
type Row = Record<string, unknown>;
interface Token {
  id: string;
  kind: string;
  name: string;
  scopes: string[];
  secret?: string;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  revokedAt: string | null;
}
interface Problem {
  code: string;
  detail?: string;
  status: number;
}

beforeAll(async () => {
  ctx = await createTestContext();
  world = await seedWorld(ctx.deps);
});
afterAll(() => ctx.close());

async function owner(query: SQL): Promise<Row[]> {
  const handle = await ctx.deps.database.ready;
  return ((await handle.db.execute(query)) as unknown as { rows: Row[] }).rows;
}

/** Requests with `Authorization: Bearer <secret>` and nothing else (no cookie, no CSRF). */
function bearer(secret: string) {
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) =>
    ctx.app.inject({
      method,
      url,
      headers: {
        authorization: `Bearer ${secret}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { payload: JSON.stringify(body) }),
    });
  return {
    get: (url: string) => send('GET', url),
    post: (url: string, body: unknown = {}) => send('POST', url, body),
    patch: (url: string, body: unknown) => send('PATCH', url, body),
    delete: (url: string) => send('DELETE', url),
  };
}

let offerCounter = 0;
const newOffer = () => {
  const n = ++offerCounter;
  return { name: `Token offer ${n}`, alias: `token-offer-${n}`, offerType: 'saas' };
};
const offersOf = (organisationId: string) => `/api/organisations/${organisationId}/offers`;

async function createPersonal(scopes: string[], extra: Record<string, unknown> = {}) {
  const response = await as(ctx.app, world.partnerA.owner).post('/api/tokens', {
    name: `crm ${++offerCounter}`,
    scopes,
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(201);
  return json<Token & { secret: string }>(response);
}

const expectInvalidToken = (response: LightMyRequestResponse) => {
  expect(response.statusCode).toBe(401);
  expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
};

describe('personal API tokens', () => {
  it('shows the secret once at creation, never in the list', async () => {
    const token = await createPersonal(['offers:read']);
    expect(token.secret).toMatch(/^cosell_pat_[A-Za-z0-9_-]{43}$/);
    expect(token.kind).toBe('personal');
    const list = await as(ctx.app, world.partnerA.owner).get('/api/tokens');
    expect(list.statusCode).toBe(200);
    const items = json<{ items: Token[] }>(list).items;
    expect(items.map((t) => t.id)).toContain(token.id);
    expect(list.body).not.toContain(token.secret);
    expect(items.every((t) => !('secret' in t))).toBe(true);
    // Only its hash is stored.
    const stored = await owner(sql`select token_hash from api_tokens where id = ${token.id}`);
    expect(stored[0]!.token_hash).not.toContain(token.secret.slice(11));
    // Another person does not see it.
    const other = await as(ctx.app, world.partnerA.viewer).get('/api/tokens');
    expect(json<{ items: Token[] }>(other).items.map((t) => t.id)).not.toContain(token.id);
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const response = await as(ctx.app, world.partnerA.owner).post('/api/tokens', {
      name: 'crm',
      scopes: ['offers:admin'],
    });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(json(response))).toContain('scopes');
    const tooLong = await as(ctx.app, world.partnerA.owner).post('/api/tokens', {
      name: 'crm',
      scopes: ['offers:read'],
      expiresInDays: 400,
    });
    expect(tooLong.statusCode).toBe(400);
  });

  it('works as a bearer token without a CSRF token, within its scopes', async () => {
    const reader = await createPersonal(['offers:read']);
    const listed = await bearer(reader.secret).get(offersOf(world.partnerA.organisation.id));
    expect(listed.statusCode, listed.body).toBe(200);

    const refused = await bearer(reader.secret).post(
      offersOf(world.partnerA.organisation.id),
      newOffer(),
    );
    expect(refused.statusCode).toBe(403);
    expect(json<Problem>(refused).code).toBe('FORBIDDEN');
    expect(json<Problem>(refused).detail).toContain('offers:write');
    expect(refused.headers['www-authenticate']).toBe(
      'Bearer error="insufficient_scope", scope="offers:write"',
    );

    const writer = await createPersonal(['offers:write']);
    const created = await bearer(writer.secret).post(
      offersOf(world.partnerA.organisation.id),
      newOffer(),
    );
    expect(created.statusCode, created.body).toBe(201);
    // Write includes read of the same area; other areas stay closed.
    expect(
      (await bearer(writer.secret).get(offersOf(world.partnerA.organisation.id))).statusCode,
    ).toBe(200);
    const program = await bearer(writer.secret).get('/api/program');
    expect(program.statusCode).toBe(403);

    // The use is recorded: when and from where.
    const list = json<{ items: Token[] }>(
      await as(ctx.app, world.partnerA.owner).get('/api/tokens'),
    );
    const used = list.items.find((t) => t.id === writer.id)!;
    expect(used.lastUsedAt).not.toBeNull();
    expect(used.lastUsedIp).toBe('127.0.0.1');
  });

  it("answers 404 for another organisation's offer, as to its person", async () => {
    const offer = await as(ctx.app, world.partnerB.owner).post(
      offersOf(world.partnerB.organisation.id),
      newOffer(),
    );
    expect(offer.statusCode).toBe(201);
    const token = await createPersonal(['offers:write']);
    const read = await bearer(token.secret).get(
      `${offersOf(world.partnerB.organisation.id)}/${json<{ id: string }>(offer).id}`,
    );
    expect(read.statusCode).toBe(404);
    const write = await bearer(token.secret).post(
      offersOf(world.partnerB.organisation.id),
      newOffer(),
    );
    expect(write.statusCode).toBe(404);
  });

  it('refuses session-only routes to a token (accounts, sessions, tokens)', async () => {
    const token = await createPersonal(['offers:write', 'program:write']);
    for (const url of [
      '/api/session',
      '/api/tokens',
      `/api/organisations/${world.partnerA.organisation.id}/members`,
    ]) {
      const response = await bearer(token.secret).get(url);
      expect(response.statusCode, url).toBe(403);
    }
    const mint = await bearer(token.secret).post('/api/tokens', {
      name: 'x',
      scopes: ['offers:read'],
    });
    expect(mint.statusCode).toBe(403);
  });

  it('refuses a malformed, unknown or revoked token with 401 invalid_token', async () => {
    expectInvalidToken(await bearer('not-a-token').get(offersOf(world.partnerA.organisation.id)));
    expectInvalidToken(
      await bearer(`cosell_pat_${'A'.repeat(43)}`).get(offersOf(world.partnerA.organisation.id)),
    );
    // A bad token is refused even on a route anyone may call: the caller meant to be someone.
    expectInvalidToken(await bearer('cosell_pat_nope').get('/api/storefront/offers'));

    const token = await createPersonal(['offers:read']);
    expect(
      (await bearer(token.secret).get(offersOf(world.partnerA.organisation.id))).statusCode,
    ).toBe(200);
    // Another person cannot revoke it; its owner can.
    expect(
      (await as(ctx.app, world.partnerA.viewer).delete(`/api/tokens/${token.id}`)).statusCode,
    ).toBe(404);
    expect(
      (await as(ctx.app, world.partnerA.owner).delete(`/api/tokens/${token.id}`)).statusCode,
    ).toBe(204);
    expectInvalidToken(await bearer(token.secret).get(offersOf(world.partnerA.organisation.id)));
  });

  it('keeps CSRF protection of cookie sessions exactly as before', async () => {
    const person = world.partnerA.owner;
    const response = await ctx.app.inject({
      method: 'POST',
      url: offersOf(world.partnerA.organisation.id),
      headers: {
        cookie: `__Host-cosell_session=${person.token}`,
        'content-type': 'application/json',
      },
      payload: JSON.stringify(newOffer()),
    });
    expect(response.statusCode).toBe(403);
    expect(json<Problem>(response).code).toBe('CSRF');
  });
});

describe('service tokens', () => {
  const tokensOf = (organisationId: string) => `/api/organisations/${organisationId}/tokens`;

  it('act as a service principal of the organisation, audited as the token', async () => {
    const a = world.partnerA.organisation.id;
    const created = await as(ctx.app, world.partnerA.owner).post(tokensOf(a), {
      name: 'Salesforce connector',
      scopes: ['offers:write'],
      roles: ['contributor'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const token = json<Token & { secret: string }>(created);
    expect(token.secret).toMatch(/^cosell_sat_/);

    const offer = await bearer(token.secret).post(offersOf(a), newOffer());
    expect(offer.statusCode, offer.body).toBe(201);
    const offerId = json<{ id: string }>(offer).id;

    // The audit entry and the domain event name the token.
    const audit = await as(ctx.app, world.partnerA.owner).get(
      `/api/organisations/${a}/audit?limit=50`,
    );
    const entry = json<{
      items: { entityId: string; actorTokenId: string | null; action: string }[];
    }>(audit).items.find((e) => e.entityId === offerId);
    expect(entry?.actorTokenId).toBe(token.id);
    const events = await owner(
      sql`select actor_kind, actor_id from domain_events where type = 'offer.created' and subject_id = ${offerId}`,
    );
    expect(events).toEqual([{ actor_kind: 'token', actor_id: token.id }]);

    // Partner B's offers stay out of reach.
    expect(
      (await bearer(token.secret).get(offersOf(world.partnerB.organisation.id))).statusCode,
    ).toBe(404);

    // A connector finds the organisation it acts for, whatever its scopes, and only that one.
    const organisations = await bearer(token.secret).get('/api/organisations');
    expect(organisations.statusCode, organisations.body).toBe(200);
    expect(json<{ items: { id: string }[] }>(organisations).items.map((o) => o.id)).toEqual([a]);
    expect((await bearer(token.secret).get(`/api/organisations/${a}`)).statusCode).toBe(200);
    expect(
      (await bearer(token.secret).get(`/api/organisations/${world.partnerB.organisation.id}`))
        .statusCode,
    ).toBe(404);

    // Listed for the organisation's owners, without the secret; revoked, it stops working.
    const list = await as(ctx.app, world.partnerA.owner).get(tokensOf(a));
    expect(json<{ items: Token[] }>(list).items.map((t) => t.id)).toContain(token.id);
    expect(list.body).not.toContain(token.secret);
    expect(
      (await as(ctx.app, world.partnerA.owner).delete(`${tokensOf(a)}/${token.id}`)).statusCode,
    ).toBe(204);
    expectInvalidToken(await bearer(token.secret).get(offersOf(a)));
  });

  it('are managed by owners only, within their own roles, never as owner', async () => {
    const a = world.partnerA.organisation.id;
    const body = { name: 'crm', scopes: ['offers:read'], roles: ['viewer'] };
    expect((await as(ctx.app, world.partnerA.viewer).post(tokensOf(a), body)).statusCode).toBe(403);
    expect((await as(ctx.app, world.partnerA.viewer).get(tokensOf(a))).statusCode).toBe(403);
    expect((await as(ctx.app, world.partnerB.owner).get(tokensOf(a))).statusCode).toBe(404);
    expect((await as(ctx.app, world.partnerB.owner).post(tokensOf(a), body)).statusCode).toBe(404);
    const asOwner = await as(ctx.app, world.partnerA.owner).post(tokensOf(a), {
      ...body,
      roles: ['owner'],
    });
    expect(asOwner.statusCode).toBe(400);
    const vendorRole = await as(ctx.app, world.partnerA.owner).post(tokensOf(a), {
      ...body,
      roles: ['reviewer'],
    });
    expect(vendorRole.statusCode).toBe(400);
    // The vendor's program admin manages the vendor organisation's service tokens.
    const vendor = await as(ctx.app, world.admin).post(tokensOf(world.vendor.id), {
      name: 'vendor crm',
      scopes: ['publishing:read'],
      roles: ['reviewer'],
    });
    expect(vendor.statusCode, vendor.body).toBe(201);
  });
});

// The CLI opens its own embedded database from DATA_DIR: once, in the PGlite project.
const cliOnly = process.env.COSELL_TEST_DB === 'postgres' ? describe.skip : describe;

cliOnly('cosell token (command line)', { timeout: 120_000 }, () => {
  let dataDir: string;
  const saved = { ...process.env };

  async function cosell(...args: string[]): Promise<string[]> {
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
      lines.push(parts.join(' '));
    });
    try {
      await run(['node', 'cosell', ...args]);
    } finally {
      log.mockRestore();
    }
    return lines;
  }

  /** Resolves a secret against the CLI's data folder, as the server would. */
  async function resolve(secret: string) {
    const config = loadConfig();
    const database = await openConfiguredDatabase(config);
    try {
      const deps = createDeps(config, database);
      return await authenticateBearer(deps.account, secret, { ip: null });
    } finally {
      await database.close();
    }
  }

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'cosell-cli-tokens-'));
    process.env.DATA_DIR = dataDir;
    process.env.LOG_LEVEL = 'silent';
    delete process.env.DATABASE_URL;
  });
  afterAll(() => {
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates, lists and revokes personal and service tokens', async () => {
    await cosell(
      'setup',
      '--organisation',
      'Microsoft',
      '--name',
      'Ada',
      '--email',
      'ada@example.com',
      '--password',
      'a long enough password',
    );
    const partner = (await cosell('org', 'create', '--kind', 'partner', '--name', 'Contoso'))[0]!;
    const partnerId = partner.split(/\s+/)[0]!;

    const personal = await cosell(
      'token',
      'create',
      '--user',
      'ada@example.com',
      '--name',
      'crm',
      '--scope',
      'program:read',
      '--scope',
      'offers:read',
      '--expires-in',
      '30d',
    );
    const secret = personal.at(-1)!;
    expect(secret).toMatch(/^cosell_pat_[A-Za-z0-9_-]{43}$/);
    const personalId = personal[0]!.split(/\s+/)[0]!;
    const resolved = await resolve(secret);
    expect(resolved?.actor.token).toMatchObject({ id: personalId, kind: 'personal', name: 'crm' });

    const service = await cosell(
      'token',
      'create',
      '--organisation',
      partnerId,
      '--name',
      'salesforce',
      '--scope',
      'offers:write',
    );
    const serviceSecret = service.at(-1)!;
    expect(serviceSecret).toMatch(/^cosell_sat_/);
    const serviceResolved = await resolve(serviceSecret);
    expect(serviceResolved?.actor.memberships.map((m) => [m.organisationId, m.roles])).toEqual([
      [partnerId, ['contributor']],
    ]);

    const listed = (await cosell('token', 'list', '--user', 'ada@example.com')).join('\n');
    expect(listed).toContain(personalId);
    expect(listed).not.toContain(secret);
    const serviceList = (await cosell('token', 'list', '--organisation', partnerId)).join('\n');
    expect(serviceList).toMatch(/1 token\(s\)/);
    expect(serviceList).not.toContain(serviceSecret);

    await expect(
      cosell(
        'token',
        'create',
        '--user',
        'ada@example.com',
        '--name',
        'x',
        '--scope',
        'offers:all',
      ),
    ).rejects.toThrow(/--scope/);
    await expect(
      cosell(
        'token',
        'create',
        '--user',
        'ada@example.com',
        '--name',
        'x',
        '--scope',
        'offers:read',
        '--expires-in',
        '2y',
      ),
    ).rejects.toThrow(/--expires-in/);

    expect((await cosell('token', 'revoke', personalId))[0]).toMatch(/revoked/);
    expect(await resolve(secret)).toBeNull();
    const serviceId = service[0]!.split(/\s+/)[0]!;
    await cosell('token', 'revoke', serviceId);
    expect(await resolve(serviceSecret)).toBeNull();
    await expect(cosell('token', 'revoke', serviceId)).resolves.toBeDefined();
  });
});

describe('route scopes', () => {
  it('makes every private API route name its token scope or say it is session-only', () => {
    const routes = ctx.app.registeredRoutes.filter((r) => r.access !== 'public');
    expect(routes.length).toBeGreaterThan(40);
    const problems = routes.flatMap((r) => {
      const name = `${r.method} ${r.url}`;
      if (r.scope === null) return [`${name}: no scope`];
      if (r.scope === 'session') return [];
      // Who the caller is: any token may ask, and only with GET.
      if (r.scope === 'identity') return r.method === 'GET' ? [] : [`${name}: identity write`];
      const access = r.method === 'GET' ? 'read' : 'write';
      return r.scope.endsWith(`:${access}`) ? [] : [`${name}: ${r.scope} is not a ${access} scope`];
    });
    expect(problems).toEqual([]);
    // Account, session and token management are never open to a token.
    for (const r of routes.filter((r) =>
      /^\/api\/(session|tokens|organisations\/:organisationId\/(members|invitations|tokens|audit))/.test(
        r.url,
      ),
    ))
      expect(r.scope, `${r.method} ${r.url}`).toBe('session');
  });
});

describe('token expiry', () => {
  // Last: moving the clock a day forward ends every session of the world.
  it('refuses an expired token with 401 invalid_token', async () => {
    const shortLived = await createPersonal(['offers:read'], { expiresInDays: 1 });
    expect(
      (await bearer(shortLived.secret).get(offersOf(world.partnerA.organisation.id))).statusCode,
    ).toBe(200);
    ctx.clock.advance(24 * 60 * 60 * 1000 + 1000);
    expectInvalidToken(
      await bearer(shortLived.secret).get(offersOf(world.partnerA.organisation.id)),
    );
  });
});
