/**
 * Nobody can lock anyone out (QUALITY R14): wrong passwords slow the address they come from,
 * with growing refusals, while the account's owner signs in from another address; the
 * current-password check of a password change counts on the same counters.
 */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  json,
  PASSWORD,
  seedWorld,
  type TestContext,
  type World,
} from '../helpers/context';

describe('sign-in throttling', () => {
  let ctx: TestContext;
  let world: World;
  beforeAll(async () => {
    ctx = await createTestContext();
    world = await seedWorld(ctx.deps);
  });
  afterAll(() => ctx.close());

  const signIn = (email: string, password: string, from: string, headers = {}) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/session',
      remoteAddress: from,
      headers: { 'content-type': 'application/json', ...headers },
      payload: JSON.stringify({ email, password }),
    } satisfies InjectOptions);

  it('refuses the attacking address, not the owner signing in from elsewhere', async () => {
    const email = world.partnerA.owner.user.email;
    const { throttleMaxFailures, throttleLockMs } = ctx.deps.account.settings;
    for (let i = 0; i < throttleMaxFailures; i++) {
      expect((await signIn(email, `guess ${i}`, '203.0.113.66')).statusCode).toBe(401);
    }
    const refused = await signIn(email, PASSWORD, '203.0.113.66', { 'accept-language': 'pl-PL' });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe(String(throttleLockMs / 1000));
    expect(json<{ title: string }>(refused).title).toMatch(/Zbyt wiele prób/);

    // The owner, from home, is not affected at all.
    expect((await signIn(email, PASSWORD, '198.51.100.7')).statusCode).toBe(200);
    // The attacker still is.
    expect((await signIn(email, 'another guess', '203.0.113.66')).statusCode).toBe(429);
  });

  it('refuses an address for longer after each further failure', async () => {
    const email = world.partnerA.viewer.user.email;
    const { throttleMaxFailures } = ctx.deps.account.settings;
    const from = '203.0.113.77';
    for (let i = 0; i < throttleMaxFailures; i++) await signIn(email, `guess ${i}`, from);
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      const refused = await signIn(email, 'still guessing', from);
      expect(refused.statusCode).toBe(429);
      waits.push(Number(refused.headers['retry-after']));
      ctx.clock.advance(waits.at(-1)! * 1000 + 1000);
      // One more try after each refusal ends; wrong, it doubles the next.
      expect((await signIn(email, `guess after ${round}`, from)).statusCode).toBe(401);
    }
    expect(waits).toEqual([900, 1800, 3600]);
    // The right password from that address, once allowed again, works and starts afresh.
    ctx.clock.advance(7200 * 1000 + 1000);
    expect((await signIn(email, PASSWORD, from)).statusCode).toBe(200);
    expect((await signIn(email, 'one slip', from)).statusCode).toBe(401);
  });

  it('lets simultaneous guesses from one address check no more passwords than allowed', async () => {
    const email = world.partnerB.viewer.user.email;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signIn(email, `parallel guess ${i}`, '203.0.113.88')),
    );
    const statuses = answers.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(
      ctx.deps.account.settings.throttleMaxFailures,
    );
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect((await signIn(email, PASSWORD, '198.51.100.8')).statusCode).toBe(200);
  });

  it('under attack from many addresses, gives each one try and still lets the owner in', async () => {
    const email = world.partnerB.owner.user.email;
    const { throttleAccountCeiling } = ctx.deps.account.settings;
    for (let i = 0; i <= throttleAccountCeiling; i++) {
      const from = `10.1.${Math.floor(i / 3)}.${i % 3}`;
      expect([401, 429]).toContain((await signIn(email, `botnet ${i}`, from)).statusCode);
    }
    expect((await signIn(email, 'fresh bot', '10.9.9.9')).statusCode).toBe(401);
    expect((await signIn(email, 'fresh bot again', '10.9.9.9')).statusCode).toBe(429);

    expect((await signIn(email, PASSWORD, '198.51.100.9')).statusCode).toBe(200);
  });

  it('throttles the current-password check of a password change on the same counters', async () => {
    const manager = world.partnerA.manager;
    // Signed in afresh: earlier tests moved the clock past the idle timeout.
    const signedIn = await signIn(manager.user.email, PASSWORD, '192.0.2.45');
    const person = {
      user: manager.user,
      token: String(signedIn.headers['set-cookie']).split(';')[0]!.split('=')[1]!,
      csrfToken: json<{ csrfToken: string }>(signedIn).csrfToken,
    };
    const change = (currentPassword: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/me/password',
        remoteAddress: '192.0.2.44',
        headers: {
          cookie: `__Host-cosell_session=${person.token}`,
          'x-csrf-token': person.csrfToken,
          'content-type': 'application/json',
        },
        payload: JSON.stringify({ currentPassword, newPassword: 'a brand new passphrase' }),
      });
    for (let i = 0; i < ctx.deps.account.settings.throttleMaxFailures; i++) {
      const wrong = await change(`guess ${i}`);
      expect(wrong.statusCode).toBe(400);
      expect(json(wrong)).toMatchObject({ errors: [{ field: 'currentPassword' }] });
    }
    const refused = await change(PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    // Signing in from that address to that account is refused as well; from another it is not.
    expect((await signIn(person.user.email, PASSWORD, '192.0.2.44')).statusCode).toBe(429);
    expect((await signIn(person.user.email, PASSWORD, '192.0.2.45')).statusCode).toBe(200);
  });

  it('says the same for an unknown e-mail as for a wrong password', async () => {
    const unknown = await signIn('nobody@nowhere.test', 'whatever password', '192.0.2.99');
    const wrong = await signIn(world.reviewer.user.email, 'whatever password', '192.0.2.99');
    expect(unknown.statusCode).toBe(401);
    expect(json(unknown)).toEqual({ ...json(wrong), requestId: json(unknown).requestId });
  });
});
