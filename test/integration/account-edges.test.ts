/**
 * Account edges an integrator found: invitation previews reveal nothing about whether an
 * account exists, identical concurrent invitations collapse into one, and invitation links
 * come from PUBLIC_URL only (which the server requires outside loopback).
 */
import { loadConfig } from '@cosell/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createTestContext,
  json,
  PASSWORD,
  seedWorld,
  type TestContext,
  type World,
} from '../helpers/context';

describe('invitations', () => {
  let ctx: TestContext;
  let world: World;
  beforeAll(async () => {
    ctx = await createTestContext({ PUBLIC_URL: 'https://cosell.example.com/' });
    world = await seedWorld(ctx.deps);
  });
  afterAll(() => ctx.close());

  const invite = (email: string, headers: Record<string, string> = {}) =>
    as(ctx.app, world.partnerA.owner).post(
      `/api/organisations/${world.partnerA.organisation.id}/invitations`,
      { email, roles: ['viewer'] },
      headers,
    );
  const tokenOf = (url: string) => url.split('/invite/')[1]!;

  it('previews a link the same way whether or not the address has an account', async () => {
    const existing = json<{ url: string }>(await invite(world.partnerB.owner.user.email));
    const fresh = json<{ url: string }>(await invite('newcomer@example.com'));
    const shape = (body: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(body).map(([k, v]) => [k, k === 'email' ? '' : v]));
    const a = json(await as(ctx.app).get(`/api/invitations/${tokenOf(existing.url)}`));
    const b = json(await as(ctx.app).get(`/api/invitations/${tokenOf(fresh.url)}`));
    expect({ ...shape(a), expiresAt: '' }).toEqual({ ...shape(b), expiresAt: '' });
    expect(a.accountExists).toBe(false);

    // Accepting handles both: the existing account with its password (name ignored) …
    const joined = await as(ctx.app).post(`/api/invitations/${tokenOf(existing.url)}/accept`, {
      name: 'Whatever',
      password: PASSWORD,
    });
    expect(joined.statusCode).toBe(200);
    // … and the newcomer with a name and a new password.
    const created = await as(ctx.app).post(`/api/invitations/${tokenOf(fresh.url)}/accept`, {
      name: 'New Comer',
      password: 'a long new password',
    });
    expect(created.statusCode).toBe(200);
  });

  it('builds links from PUBLIC_URL, never from the Host header', async () => {
    const response = await invite('host-header@example.com', { host: 'evil.example.net' });
    expect(response.statusCode).toBe(201);
    expect(json<{ url: string }>(response).url).toMatch(
      /^https:\/\/cosell\.example\.com\/invite\/[\w-]+$/,
    );
  });

  it('collapses 20 identical concurrent invitations into one', async () => {
    const email = 'twenty@example.com';
    const answers = await Promise.all(Array.from({ length: 20 }, () => invite(email)));
    const statuses = answers.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(json(answers.find((r) => r.statusCode === 409)!)).toMatchObject({
      code: 'CONFLICT',
      errors: [{ field: 'email', code: 'error.alreadyInvited' }],
    });
    const open = json<{ items: { email: string }[] }>(
      await as(ctx.app, world.partnerA.owner).get(
        `/api/organisations/${world.partnerA.organisation.id}/invitations`,
      ),
    );
    expect(open.items.filter((i) => i.email === email)).toHaveLength(1);
  });

  it('lets a revoked invitation be sent again', async () => {
    const first = json<{ id: string }>(await invite('again@example.com'));
    await as(ctx.app, world.partnerA.owner).delete(
      `/api/organisations/${world.partnerA.organisation.id}/invitations/${first.id}`,
    );
    expect((await invite('again@example.com')).statusCode).toBe(201);
  });
});

describe('PUBLIC_URL', () => {
  it('is required when the server listens beyond loopback', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/PUBLIC_URL: required when HOST/);
    expect(() => loadConfig({ HOST: '::' })).toThrow(/PUBLIC_URL/);
    expect(
      loadConfig({ HOST: '0.0.0.0', PUBLIC_URL: 'https://cosell.example.com/' }).publicUrl,
    ).toBe('https://cosell.example.com');
  });

  it('defaults to localhost on a loopback host', () => {
    expect(loadConfig({ HOST: '127.0.0.1', PORT: '4000' }).publicUrl).toBe('http://localhost:4000');
    expect(loadConfig({ HOST: 'localhost' }).publicUrl).toBe('http://localhost:3000');
  });

  it('must be an http or https address', () => {
    expect(() => loadConfig({ PUBLIC_URL: 'javascript:alert(1)' })).toThrow(/PUBLIC_URL/);
  });
});
