/**
 * Housekeeping jobs: blobs that no document and no published version refers to (left by a
 * process killed between storing a blob and committing its row) are removed once they are an
 * hour old; blobs still in use, and recent ones, stay. Finished jobs are pruned after 7 days;
 * expired sessions, invitations spent a week ago and contact imports staged and never applied
 * for a day go too, across organisations, while open work stays.
 */
import { mkdtempSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../helpers/files';
import {
  as,
  createTestContext,
  json,
  PASSWORD,
  seedWorld,
  type TestContext,
  type World,
} from '../helpers/context';

const HOUR = 3_600_000;

const rowsOf = <T>(result: unknown): T[] =>
  ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];

describe('maintenance sweep', () => {
  let ctx: TestContext;
  let world: World;
  beforeAll(async () => {
    ctx = await createTestContext();
    world = await seedWorld(ctx.deps);
  });
  afterAll(() => ctx?.close());

  async function putBlob(key: string, ageMs: number) {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'cosell-blob-')), 'x.pdf');
    const bytes = samplePdf();
    writeFileSync(file, bytes);
    await ctx.deps.offers.blobs.putFile(key, file, {
      sizeBytes: bytes.length,
      contentType: 'application/pdf',
    });
    const at = new Date(ctx.clock.now().getTime() - ageMs);
    utimesSync(path.join(ctx.deps.config.blobDir, key), at, at);
  }
  const sweep = async () => {
    await ctx.deps.offers.uow.run(
      (repos) =>
        repos.jobs.enqueueJob({
          kind: 'maintenance.sweep',
          payload: {},
          organisationId: null,
          runAt: ctx.clock.now(),
          dedupeKey: crypto.randomUUID(),
        }),
      {},
    );
    await ctx.deps.jobs.drain();
  };

  it('removes old orphaned blobs and keeps the ones in use', async () => {
    const owner = as(ctx.app, world.partnerA.owner);
    const url = `/api/organisations/${world.partnerA.organisation.id}/offers`;
    const offer = json<{ id: string }>(
      await owner.post(url, { name: 'Sweep', alias: 'sweep', offerType: 'saas' }),
    );
    const uploaded = await owner.post(
      `${url}/${offer.id}/documents?kind=one-pager&fileName=one.pdf`,
      samplePdf(),
    );
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const inUse = json<{ document: { id: string } }>(uploaded);
    const usedKey = `org/${world.partnerA.organisation.id}/offer/${offer.id}/${inUse.document.id}`;
    utimesSync(path.join(ctx.deps.config.blobDir, usedKey), new Date(0), new Date(0));

    const orphan = `org/${world.partnerA.organisation.id}/offer/${offer.id}/${crypto.randomUUID()}`;
    const fresh = `org/${world.partnerA.organisation.id}/offer/${offer.id}/${crypto.randomUUID()}`;
    await putBlob(orphan, 2 * HOUR);
    await putBlob(fresh, 5 * 60_000);
    await sweep();
    const blobPath = (key: string) => path.join(ctx.deps.config.blobDir, key);
    expect(existsSync(blobPath(orphan))).toBe(false);
    expect(existsSync(blobPath(fresh))).toBe(true);
    expect(existsSync(blobPath(usedKey))).toBe(true);
  });

  it('prunes finished jobs after seven days', async () => {
    await ctx.deps.offers.uow.run(
      (repos) =>
        repos.jobs.enqueueJob({
          kind: 'no-such-kind',
          payload: {},
          organisationId: null,
          runAt: ctx.clock.now(),
          dedupeKey: 'prune-me',
        }),
      {},
    );
    await ctx.deps.jobs.drain();
    const left = async () =>
      rowsOf<{ n: number }>(
        await ctx.database.db.execute(
          sql`select count(*)::int as n from jobs where dedupe_key = 'prune-me'`,
        ),
      )[0]!.n;
    // Finished (with no handler) and kept for now.
    expect(await left()).toBe(1);
    ctx.clock.advance(8 * 24 * HOUR);
    await sweep();
    expect(await left()).toBe(0);
  });

  it('deletes expired sessions, spent invitations and abandoned imports, and keeps open work', async () => {
    /** A fresh session of Partner A's owner (earlier tests moved the clock past the seeded one). */
    const signIn = async () => {
      const answer = await as(ctx.app).post('/api/session', {
        email: world.partnerA.owner.user.email,
        password: PASSWORD,
      });
      expect(answer.statusCode, answer.body).toBe(200);
      const cookie = ([] as string[]).concat(answer.headers['set-cookie'] ?? [])[0]!;
      return as(ctx.app, {
        token: cookie.split(';')[0]!.split('=')[1]!,
        csrfToken: json<{ csrfToken: string }>(answer).csrfToken,
      });
    };
    let owner = await signIn();
    const org = `/api/organisations/${world.partnerA.organisation.id}`;
    const invite = async (email: string) => {
      const answer = await owner.post(`${org}/invitations`, { email, roles: ['viewer'] });
      expect(answer.statusCode, answer.body).toBe(201);
      return json<{ id: string }>(answer).id;
    };
    const revoked = await invite('revoked@a.test');
    expect((await owner.delete(`${org}/invitations/${revoked}`)).statusCode).toBe(204);
    const offer = await owner.post(`${org}/offers`, {
      name: 'Housekeeping',
      alias: 'housekeeping',
      offerType: 'saas',
      markets: ['US'],
    });
    expect(offer.statusCode, offer.body).toBe(201);
    const imports = `${org}/offers/${json<{ id: string }>(offer).id}/contact-imports`;
    const stage = async () => {
      const csv = Buffer.from(
        'Name,Email,Job title,Role,Countries/Regions,States/Provinces\r\n' +
          'Ada Lovelace,ada@a.test,Seller,Partner sales,US,\r\n',
      );
      const answer = await owner.post(`${imports}?fileName=contacts.csv`, csv, {
        'content-type': 'text/csv',
      });
      expect(answer.statusCode, answer.body).toBe(201);
      return json<{ import: { id: string } }>(answer).import.id;
    };
    const abandoned = await stage();

    // Eight days on: the revoked invitation is a week old, the import a week unconfirmed, and
    // every session (12 hours at most) has expired.
    ctx.clock.advance(8 * 24 * HOUR);
    owner = await signIn();
    const open = await invite('open@a.test');
    const fresh = await stage();
    const count = async (query: ReturnType<typeof sql>) =>
      rowsOf<{ n: number }>(await ctx.database.db.execute(query))[0]!.n;
    const sessionsExpired = () =>
      count(
        sql`select count(*)::int as n from sessions where expires_at <= ${ctx.clock.now().toISOString()}::timestamptz`,
      );
    expect(await sessionsExpired()).toBeGreaterThan(0);

    await sweep();

    expect(await sessionsExpired()).toBe(0);
    const invitations = rowsOf<{ id: string }>(
      await ctx.database.db.execute(sql`select id from invitations`),
    ).map((r) => r.id);
    expect(invitations).not.toContain(revoked);
    expect(invitations).toContain(open);
    const importIds = rowsOf<{ id: string }>(
      await ctx.database.db.execute(sql`select id from contact_imports`),
    ).map((r) => r.id);
    expect(importIds).not.toContain(abandoned);
    expect(importIds).toContain(fresh);
    expect(
      await count(
        sql`select count(*)::int as n from contact_import_rows where import_id = ${abandoned}`,
      ),
    ).toBe(0);
  });
});
