import { describe, expect, it } from 'vitest';
import { call, etagOf } from './client';

const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers });

describe('call', () => {
  it('returns the data of a successful answer', async () => {
    const response = answer(200, { ok: true }, { etag: '"v3"' });
    const result = await call(Promise.resolve({ data: { ok: true }, response }));
    expect(result.ok && result.data).toEqual({ ok: true });
    expect(etagOf(response)).toBe('"v3"');
  });

  it('keeps the localized problem and indexes field messages by field', async () => {
    const problem = {
      type: 'urn:cosell:problem:validation',
      title: 'Some fields need your attention.',
      status: 400,
      code: 'VALIDATION',
      requestId: 'r1',
      errors: [
        {
          pointer: '/body/email',
          field: 'email',
          code: 'email.invalid',
          detail: 'Enter a valid e-mail address.',
        },
        { pointer: '/body/email', field: 'email', code: 'x', detail: 'Second.' },
        {
          pointer: '/body/platforms/0/name',
          field: 'platforms.0.name',
          code: 'issue.required',
          detail: 'Required.',
        },
      ],
    };
    const result = await call(Promise.resolve({ error: problem, response: answer(400, problem) }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatchObject({ status: 400, code: 'VALIDATION', title: problem.title });
    expect(result.problem.fields).toEqual({
      email: 'Enter a valid e-mail address. Second.',
      'platforms.0.name': 'Required.',
    });
  });

  it('turns a non-problem failure and a network failure into client problems', async () => {
    const failed = await call(
      Promise.resolve({ error: 'Bad gateway', response: new Response('x', { status: 502 }) }),
    );
    expect(!failed.ok && failed.problem).toMatchObject({ status: 502, code: 'UNEXPECTED' });
    const offline = await call(Promise.reject(new TypeError('Failed to fetch')));
    expect(!offline.ok && offline.problem).toMatchObject({ status: 0, code: 'NETWORK' });
  });
});
