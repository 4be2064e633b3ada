/**
 * Integration test context: a fresh migrated database (PGlite, or PostgreSQL in the
 * integration-pg project), the real app on it, a clock tests can move, and request helpers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Clock, Role } from '@cosell/core';
import { createTestDatabase, type TestDatabase } from '@cosell/db/testing';
import {
  addPerson,
  buildApp,
  createDeps,
  createOrganisationWithPeople,
  createVendor,
  loadConfig,
  type AppDeps,
  type SeededPerson,
} from '@cosell/server';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

export class TestClock implements Clock {
  constructor(private current = new Date('2026-11-22T09:00:00Z')) {}
  now() {
    return new Date(this.current);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface TestContext {
  app: FastifyInstance;
  deps: AppDeps;
  database: TestDatabase;
  clock: TestClock;
  close(): Promise<void>;
}

export async function createTestContext(env: Record<string, string> = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  const clock = new TestClock();
  // Uploaded documents of each test go to a folder of its own, removed on close.
  const dataDir = env.DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'cosell-test-'));
  const config = {
    ...loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir, ...env }),
    fastPasswordHashing: true,
  };
  const deps = createDeps(config, database, clock);
  const app = await buildApp(deps, { web: false, logger: false });
  await app.ready();
  return {
    app,
    deps,
    database,
    clock,
    close: async () => {
      await app.close();
      await database.destroy();
      if (!env.DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type Json = Record<string, unknown>;

/** Requests as `person` (or anonymously): session cookie plus the CSRF header on writes. */
export function as(
  app: FastifyInstance,
  person?: Pick<SeededPerson, 'token' | 'csrfToken'> | null,
) {
  const send = (
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    app.inject({
      method,
      url,
      headers: {
        ...(person && {
          cookie: `__Host-cosell_session=${person.token}`,
          'x-csrf-token': person.csrfToken,
        }),
        // A Buffer is a file body (upload, CSV) sent as it is; anything else is JSON.
        ...(body !== undefined && {
          'content-type': Buffer.isBuffer(body) ? 'application/octet-stream' : 'application/json',
        }),
        ...headers,
      },
      ...(body !== undefined && { payload: Buffer.isBuffer(body) ? body : JSON.stringify(body) }),
    });
  return {
    get: (url: string, headers?: Record<string, string>) => send('GET', url, undefined, headers),
    post: (url: string, body?: unknown, headers?: Record<string, string>) =>
      send('POST', url, body ?? {}, headers),
    put: (url: string, body?: unknown, headers?: Record<string, string>) =>
      send('PUT', url, body ?? {}, headers),
    patch: (url: string, body?: unknown, headers?: Record<string, string>) =>
      send('PATCH', url, body ?? {}, headers),
    delete: (url: string, headers?: Record<string, string>) =>
      send('DELETE', url, undefined, headers),
    send,
  };
}

export const json = <T = Json>(response: LightMyRequestResponse) => response.json() as T;

export const PASSWORD = 'correct horse battery';

/** The cast of the authorization suite: every role kind, two partners to cross tenants. */
export async function seedWorld(deps: AppDeps) {
  const person = (email: string, roles: Role[]) => ({
    email,
    name: email.split('@')[0]!,
    password: PASSWORD,
    roles,
  });
  const vendor = await createVendor(deps, {
    name: 'Microsoft',
    admin: { email: 'admin@vendor.test', name: 'Admin', password: PASSWORD },
  });
  const adminId = vendor.admin.user.id;
  const reviewer = await addPerson(
    deps,
    adminId,
    vendor.organisation.id,
    person('reviewer@vendor.test', ['reviewer']),
  );
  const seller = await addPerson(
    deps,
    adminId,
    vendor.organisation.id,
    person('seller@vendor.test', ['seller']),
  );
  const partnerA = await createOrganisationWithPeople(deps, adminId, {
    kind: 'partner',
    name: 'Partner A',
    people: [
      person('owner@a.test', ['owner']),
      person('viewer@a.test', ['viewer']),
      person('manager@a.test', ['manager']),
    ],
  });
  const partnerB = await createOrganisationWithPeople(deps, adminId, {
    kind: 'partner',
    name: 'Partner B',
    people: [person('owner@b.test', ['owner']), person('viewer@b.test', ['viewer'])],
  });
  const reseller = await createOrganisationWithPeople(deps, adminId, {
    kind: 'reseller',
    name: 'Reseller R',
    people: [person('member@r.test', ['member'])],
  });
  return {
    vendor: vendor.organisation,
    admin: vendor.admin,
    reviewer,
    seller,
    partnerA: {
      organisation: partnerA.organisation,
      owner: partnerA.people[0]!,
      viewer: partnerA.people[1]!,
      manager: partnerA.people[2]!,
    },
    partnerB: {
      organisation: partnerB.organisation,
      owner: partnerB.people[0]!,
      viewer: partnerB.people[1]!,
    },
    reseller: { organisation: reseller.organisation, member: reseller.people[0]! },
  };
}
export type World = Awaited<ReturnType<typeof seedWorld>>;
