/**
 * "Forgot password?": with a mail server, a link by e-mail that works once for 30 minutes and
 * ends every session of the account; the answer never tells whether an account exists; asks
 * are limited per e-mail address and per network address. Without a mail server, the API says
 * to ask an owner or the operator.
 */
import type { Mail } from '@cosell/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  as,
  createTestContext,
  json,
  PASSWORD,
  seedWorld,
  type TestContext,
  type World,
} from '../helpers/context';

const NEW_PASSWORD = 'a brand new passphrase';
const MINUTE = 60_000;

describe('forgot password, with a mail server', () => {
  let ctx: TestContext;
  let world: World;
  const mails: Mail[] = [];
  /** A network address of its own per test: the per-address limit stays out of the way. */
  let ip = 0;

  beforeAll(async () => {
    ctx = await createTestContext({ SMTP_URL: 'smtp://mail.test:25', RATE_LIMITS: 'false' });
    ctx.deps.mailer = { send: async (mail) => void mails.push(mail) };
    world = await seedWorld(ctx.deps);
  });
  afterAll(() => ctx?.close());
  beforeEach(() => {
    mails.length = 0;
    ip++;
  });

  const ask = (email: string) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/password-reset',
      payload: { email },
      remoteAddress: `203.0.113.${ip}`,
    });
  const reset = (token: string, password = NEW_PASSWORD) =>
    as(ctx.app).post(`/api/password-reset/${token}`, { password });
  const signIn = (email: string, password: string) =>
    as(ctx.app).post('/api/session', { email, password });
  /** The token of the link in the last mail to `to`. */
  const linkTo = async (to: string) => {
    await expect.poll(() => mails.filter((m) => m.to === to).length).toBeGreaterThan(0);
    const mail = mails.filter((m) => m.to === to).at(-1)!;
    const match = /\/reset-password\/([\w-]{20,100})\s/.exec(mail.text);
    expect(match, mail.text).not.toBeNull();
    return { token: match![1]!, mail };
  };

  it('says that reset links are e-mailed', async () => {
    const options = await as(ctx.app).get('/api/password-reset');
    expect(options.statusCode).toBe(200);
    expect(json(options)).toEqual({ byEmail: true });
  });

  it('resets once with the e-mailed link, and ends every session of the account', async () => {
    const person = world.partnerA.viewer;
    const email = 'viewer@a.test';
    // Another browser is signed in too.
    const other = await signIn(email, PASSWORD);
    expect(other.statusCode, other.body).toBe(200);

    const asked = await ask(email);
    expect(asked.statusCode, asked.body).toBe(202);
    const { token, mail } = await linkTo(email);
    expect(mail.subject).toBe('Reset your cosell password');
    expect(mail.text).toContain(`${ctx.deps.config.publicUrl}/reset-password/${token}`);
    expect(mail.text).toContain('30 minutes');

    const done = await reset(token);
    expect(done.statusCode, done.body).toBe(204);
    // Every session ended: the seeded one and the other browser's.
    expect((await as(ctx.app, person).get('/api/session')).statusCode).toBe(401);
    const otherCookie = String(other.headers['set-cookie']).split(';')[0]!;
    const stale = await ctx.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: otherCookie },
    });
    expect(stale.statusCode).toBe(401);
    // The new password signs in; the old one no longer does.
    expect((await signIn(email, NEW_PASSWORD)).statusCode).toBe(200);
    expect((await signIn(email, PASSWORD)).statusCode).toBe(401);

    // A link works once.
    const again = await reset(token, 'yet another passphrase');
    expect(again.statusCode).toBe(410);
    expect(json<{ code: string }>(again).code).toBe('RESET_LINK_INVALID');
    expect((await signIn(email, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses a link after 30 minutes, and one it never issued', async () => {
    const email = 'viewer@b.test';
    expect((await ask(email)).statusCode).toBe(202);
    const { token } = await linkTo(email);
    ctx.clock.advance(30 * MINUTE + 1000);
    const late = await reset(token);
    expect(late.statusCode).toBe(410);
    expect(json<{ code: string }>(late).code).toBe('RESET_LINK_INVALID');
    expect((await signIn(email, PASSWORD)).statusCode).toBe(200);

    const unknown = await reset('x'.repeat(43));
    expect(unknown.statusCode).toBe(410);
  });

  it('withdraws the other open links once one is used', async () => {
    const email = 'manager@a.test';
    expect((await ask(email)).statusCode).toBe(202);
    const first = (await linkTo(email)).token;
    expect((await ask(email)).statusCode).toBe(202);
    const second = (await linkTo(email)).token;
    expect(second).not.toBe(first);
    expect((await reset(second)).statusCode).toBe(204);
    expect((await reset(first, 'yet another passphrase')).statusCode).toBe(410);
  });

  it('answers an unknown address exactly as a known one, and sends nothing', async () => {
    const known = await ask('owner@b.test');
    const unknown = await ask('nobody@nowhere.test');
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    expect(unknown.headers['content-type']).toBe(known.headers['content-type']);
    await expect.poll(() => mails.length).toBe(1);
    expect(mails[0]!.to).toBe('owner@b.test');
  });

  it('limits the links asked per e-mail address, known or not', async () => {
    for (const email of ['owner@a.test', 'ghost@a.test']) {
      for (let i = 0; i < 3; i++) {
        ip++;
        expect((await ask(email)).statusCode).toBe(202);
      }
      ip++;
      const refused = await ask(email);
      expect(refused.statusCode).toBe(429);
      expect(json<{ code: string }>(refused).code).toBe('RATE_LIMITED');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    }
    // An hour later the address may ask again.
    ctx.clock.advance(61 * MINUTE);
    expect((await ask('owner@a.test')).statusCode).toBe(202);
  });

  it('limits the links asked from one network address', async () => {
    const limit = ctx.deps.account.settings.passwordResetsPerAddress;
    for (let i = 0; i < limit; i++)
      expect((await ask(`someone-${i}@elsewhere.test`)).statusCode).toBe(202);
    expect((await ask('someone-else@elsewhere.test')).statusCode).toBe(429);
  });

  it('holds a new password to the same rules as everywhere, naming the field', async () => {
    const short = await as(ctx.app).post(`/api/password-reset/${'y'.repeat(43)}`, {
      password: 'short',
    });
    expect(short.statusCode).toBe(400);
    expect(JSON.stringify(json(short))).toContain('password');
  });
});

describe('forgot password, without a mail server', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ RATE_LIMITS: 'false' });
    await seedWorld(ctx.deps);
  });
  afterAll(() => ctx?.close());

  it('says to ask an owner or the operator, and sends no link', async () => {
    expect(json(await as(ctx.app).get('/api/password-reset'))).toEqual({ byEmail: false });
    const asked = await as(ctx.app).post('/api/password-reset', { email: 'owner@a.test' });
    expect(asked.statusCode).toBe(409);
    expect(json<{ detail: string }>(asked).detail).toMatch(/owner of your organisation/);
  });
});
