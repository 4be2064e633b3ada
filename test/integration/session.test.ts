import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, json, type TestContext } from '../helpers/context';

const SETUP = {
  organisationName: 'Microsoft',
  name: 'Ada Admin',
  email: 'Ada@Example.com',
  password: 'a long enough password',
};

const cookieOf = (setCookie: string | string[] | undefined) => {
  const header = Array.isArray(setCookie) ? setCookie[0]! : setCookie!;
  return { header, token: header.split(';')[0]!.split('=')[1]! };
};

describe('first run, sign-in and sessions', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('asks for set-up on an empty database and refuses a second set-up', async () => {
    const anon = as(ctx.app);
    expect(json(await anon.get('/api/setup'))).toEqual({ needed: true });
    const first = await anon.post('/api/setup', SETUP);
    expect(first.statusCode).toBe(201);
    const body = json<{
      user: { email: string };
      memberships: { roles: string[]; organisation: { kind: string } }[];
    }>(first);
    expect(body.user.email).toBe('ada@example.com');
    expect(body.memberships).toEqual([
      expect.objectContaining({
        roles: ['program-admin'],
        organisation: expect.objectContaining({ kind: 'vendor' }),
      }),
    ]);
    expect(json(await anon.get('/api/setup'))).toEqual({ needed: false });
    const second = await anon.post('/api/setup', { ...SETUP, email: 'eve@example.com' });
    expect(second.statusCode).toBe(409);
    expect(json(second)).toMatchObject({ code: 'SETUP_DONE' });
  });

  it('sets a __Host- cookie that is Secure, HttpOnly and SameSite=Lax', async () => {
    const response = await as(ctx.app).post('/api/session', {
      email: SETUP.email,
      password: SETUP.password,
    });
    expect(response.statusCode).toBe(200);
    const { header, token } = cookieOf(response.headers['set-cookie']);
    expect(header).toMatch(/^__Host-cosell_session=/);
    expect(header).toMatch(/; Secure/);
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; SameSite=Lax/);
    expect(header).toMatch(/; Path=\//);
    expect(header).not.toMatch(/Domain=/);
    // 256 random bits, base64url.
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('rotates the session id on sign-in and ends the old one', async () => {
    const first = cookieOf(
      (await as(ctx.app).post('/api/session', { email: SETUP.email, password: SETUP.password }))
        .headers['set-cookie'],
    ).token;
    const second = await ctx.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: {
        cookie: `__Host-cosell_session=${first}`,
        'content-type': 'application/json',
        'x-csrf-token': 'irrelevant',
      },
      payload: JSON.stringify({ email: SETUP.email, password: SETUP.password }),
    });
    // A signed-in write without the right CSRF token is refused, even sign-in.
    expect(second.statusCode).toBe(403);
    const session = json<{ csrfToken: string }>(
      await ctx.app.inject({
        url: '/api/session',
        headers: { cookie: `__Host-cosell_session=${first}` },
      }),
    );
    const rotated = await as(ctx.app, { token: first, csrfToken: session.csrfToken }).post(
      '/api/session',
      { email: SETUP.email, password: SETUP.password },
    );
    expect(rotated.statusCode).toBe(200);
    const next = cookieOf(rotated.headers['set-cookie']).token;
    expect(next).not.toBe(first);
    expect(
      (
        await ctx.app.inject({
          url: '/api/session',
          headers: { cookie: `__Host-cosell_session=${first}` },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await ctx.app.inject({
          url: '/api/session',
          headers: { cookie: `__Host-cosell_session=${next}` },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('reads no session for what is the same for everyone: the web app, health checks', async () => {
    const token = cookieOf(
      (await as(ctx.app).post('/api/session', { email: SETUP.email, password: SETUP.password }))
        .headers['set-cookie'],
    ).token;
    const account = ctx.deps.account;
    const real = account.sessions;
    let lookups = 0;
    account.sessions = {
      resolveSession: (...args) => {
        lookups += 1;
        return (real ?? { resolveSession: () => Promise.resolve(null) }).resolveSession(...args);
      },
    };
    try {
      const cookie = { cookie: `__Host-cosell_session=${token}` };
      // A signed-in page loads some 70 files of the web app at once (QUALITY W2).
      for (const url of ['/assets/index-abc123.js', '/offers/1', '/healthz'])
        await ctx.app.inject({ method: 'GET', url, headers: cookie });
      expect(lookups).toBe(0);
      const session = await ctx.app.inject({ method: 'GET', url: '/api/session', headers: cookie });
      expect(session.statusCode).toBe(200);
      expect(lookups).toBe(1);
    } finally {
      account.sessions = real;
    }
  });

  it('refuses writes with a session cookie but no CSRF token', async () => {
    const signIn = await as(ctx.app).post('/api/session', {
      email: SETUP.email,
      password: SETUP.password,
    });
    const token = cookieOf(signIn.headers['set-cookie']).token;
    const response = await ctx.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie: `__Host-cosell_session=${token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'Mallory' }),
    });
    expect(response.statusCode).toBe(403);
    expect(json(response)).toMatchObject({ code: 'CSRF' });
  });

  it('refuses a write from another origin', async () => {
    const response = await as(ctx.app).post(
      '/api/session',
      { email: SETUP.email, password: SETUP.password },
      { origin: 'https://evil.example' },
    );
    expect(response.statusCode).toBe(403);
  });

  it('signs out on the server: the old cookie no longer works', async () => {
    const signIn = await as(ctx.app).post('/api/session', {
      email: SETUP.email,
      password: SETUP.password,
    });
    const person = {
      token: cookieOf(signIn.headers['set-cookie']).token,
      csrfToken: json<{ csrfToken: string }>(signIn).csrfToken,
    };
    expect((await as(ctx.app, person).delete('/api/session')).statusCode).toBe(204);
    expect((await as(ctx.app, person).get('/api/session')).statusCode).toBe(401);
  });

  it('ends idle sessions and sessions past their absolute lifetime', async () => {
    const signIn = async () => {
      const r = await as(ctx.app).post('/api/session', {
        email: SETUP.email,
        password: SETUP.password,
      });
      return {
        token: cookieOf(r.headers['set-cookie']).token,
        csrfToken: json<{ csrfToken: string }>(r).csrfToken,
      };
    };
    const idle = await signIn();
    ctx.clock.advance(ctx.deps.config.sessionIdleMs + 1000);
    expect((await as(ctx.app, idle).get('/api/session')).statusCode).toBe(401);

    const busy = await signIn();
    const step = ctx.deps.config.sessionIdleMs / 2;
    let elapsed = 0;
    while (elapsed + step < ctx.deps.config.sessionAbsoluteMs) {
      ctx.clock.advance(step);
      elapsed += step;
      expect((await as(ctx.app, busy).get('/api/session')).statusCode).toBe(200);
    }
    ctx.clock.advance(step);
    expect((await as(ctx.app, busy).get('/api/session')).statusCode).toBe(401);
  });

  it('throttles repeated failed sign-ins with a localized 429', async () => {
    const anon = as(ctx.app);
    for (let i = 0; i < ctx.deps.account.settings.throttleMaxFailures; i++) {
      const r = await anon.post('/api/session', {
        email: SETUP.email,
        password: 'wrong password!',
      });
      expect(r.statusCode).toBe(401);
    }
    const locked = await anon.post(
      '/api/session',
      { email: SETUP.email, password: SETUP.password },
      { 'accept-language': 'pl-PL' },
    );
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBeDefined();
    expect(json<{ title: string }>(locked).title).toMatch(/Zbyt wiele prób/);
    ctx.clock.advance(ctx.deps.account.settings.throttleLockMs + 1000);
    expect(
      (await anon.post('/api/session', { email: SETUP.email, password: SETUP.password }))
        .statusCode,
    ).toBe(200);
  });

  it('names every bad field in the caller language', async () => {
    const response = await as(ctx.app).post(
      '/api/setup',
      { organisationName: '', email: 'nope', password: 'x' },
      { 'accept-language': 'zh-CN' },
    );
    expect(response.statusCode).toBe(400);
    const problem = json<{ errors: { field: string; detail: string }[] }>(response);
    const fields = problem.errors.map((e) => e.field).sort();
    expect(fields).toEqual(['email', 'name', 'organisationName', 'password']);
    expect(problem.errors.find((e) => e.field === 'password')!.detail).toBe('至少使用 10 个字符。');
  });
});
