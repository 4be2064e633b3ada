/**
 * The co-sell opportunities CSV export over HTTP, on PGlite and PostgreSQL: the file holds the
 * deals the list shows (filters, search, visibility rules), in the list's order, and reads back.
 */
import { parseReferralsCsv } from '@cosell/core';
import { addPerson } from '@cosell/server';
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
import { cosellReadyOffer, referralCreateBody } from '../helpers/referrals';

describe('co-sell opportunities CSV export and import', () => {
  let ctx: TestContext;
  let world: World;
  const A = () => world.partnerA.organisation.id;
  const exportOf = (org: string, query = '') =>
    `/api/organisations/${org}/engagements/referrals-export${query}`;

  beforeAll(async () => {
    ctx = await createTestContext();
    world = await seedWorld(ctx.deps);
    const offerId = await cosellReadyOffer(ctx, world.partnerA.owner, A());
    for (const [name, country] of [
      ['Lakehouse for Contoso', 'US'],
      ['=cmd|" /C calc"!A0', 'US'],
      ['Migracja dla Fabrikam', 'PL'],
    ] as const) {
      ctx.clock.advance(60_000);
      const body = referralCreateBody({ name });
      body.customerProfile.address.country = country;
      body.details.requirements.solutions = [{ id: offerId, name: 'Contoso Migrate' }];
      const created = await as(ctx.app, world.partnerA.owner).post(
        `/api/organisations/${A()}/engagements/referrals`,
        body,
      );
      expect(created.statusCode, created.body).toBe(201);
    }
  });
  afterAll(() => ctx.close());

  async function namesIn(body: string) {
    async function* file() {
      yield body;
    }
    const names: (string | undefined)[] = [];
    for await (const row of parseReferralsCsv(file())) names.push(row.values?.name);
    return names;
  }

  it('downloads the deals the list shows, newest first, formulas neutralised', async () => {
    const response = await as(ctx.app, world.partnerA.owner).get(exportOf(A()));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/co-sell-opportunities-.*\.csv/);
    expect(response.body.startsWith('\ufeffId,External reference ID,Name,')).toBe(true);
    expect(response.body).toContain(`"'=cmd|"" /C calc""!A0"`);
    expect(await namesIn(response.body)).toEqual([
      'Migracja dla Fabrikam',
      '=cmd|" /C calc"!A0',
      'Lakehouse for Contoso',
    ]);
  });

  it('keeps the search, filter and order of the list', async () => {
    const searched = await as(ctx.app, world.partnerA.owner).get(
      exportOf(A(), `?$search=${encodeURIComponent('fabrikam')}`),
    );
    expect(await namesIn(searched.body)).toEqual(['Migracja dla Fabrikam']);
    const ordered = await as(ctx.app, world.partnerA.owner).get(
      exportOf(A(), `?$orderby=${encodeURIComponent('createdDateTime asc')}`),
    );
    expect((await namesIn(ordered.body))[0]).toBe('Lakehouse for Contoso');
    const bad = await as(ctx.app, world.partnerA.owner).get(
      exportOf(A(), `?$filter=${encodeURIComponent("colour eq 'red'")}`),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('previews and then imports an edited export, refusing a bad file whole', async () => {
    const owner = as(ctx.app, world.partnerA.owner);
    const imports = (dryRun: boolean) =>
      `/api/organisations/${A()}/engagements/referrals-imports?dryRun=${dryRun}`;
    const exported = (await owner.get(exportOf(A()))).body;
    const edited = Buffer.from(exported.replace('Migracja dla Fabrikam', 'Migracja — etap 2'));
    const preview = await owner.post(imports(true), edited, { 'content-type': 'text/csv' });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(json(preview)).toMatchObject({ dryRun: true, updated: 1, unchanged: 2, created: 0 });
    expect(await namesIn((await owner.get(exportOf(A()))).body)).toContain('Migracja dla Fabrikam');
    const applied = await owner.post(imports(false), edited, { 'content-type': 'text/csv' });
    expect(json(applied)).toMatchObject({ dryRun: false, updated: 1 });
    expect(await namesIn((await owner.get(exportOf(A()))).body)).toContain('Migracja — etap 2');

    // In Polish, naming the row and column; nothing of the file is written.
    await owner.patch('/api/me', { locale: 'pl-PL' });
    const bad = await owner.post(
      imports(false),
      Buffer.from('External reference ID,Name,Deal value\nCRM-1,Nowa,dużo\n'),
      { 'content-type': 'text/csv' },
    );
    await owner.patch('/api/me', { locale: 'en' });
    expect(bad.statusCode).toBe(400);
    const problem = json<{ detail: string; errors: { detail: string }[] }>(bad);
    expect(problem.detail).toMatch(/Nic nie zostało zaimportowane/);
    expect(problem.errors.map((e) => e.detail)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Wiersz 2, dealValue: „dużo”/)]),
    );
  });

  it('holds only what the reader may see; another organisation gets 404', async () => {
    const offTeam = await addPerson(ctx.deps, world.admin.user.id, A(), {
      email: 'off-team@a.test',
      name: 'Off Team',
      password: PASSWORD,
      roles: ['referrals-user'],
    });
    const mine = await as(ctx.app, offTeam).get(exportOf(A()));
    expect(mine.statusCode).toBe(200);
    expect(await namesIn(mine.body)).toEqual([]);
    const other = await as(ctx.app, world.partnerB.owner).get(exportOf(A()));
    expect(other.statusCode).toBe(404);
    expect((await as(ctx.app, null).get(exportOf(A()))).statusCode).toBe(401);
  });
});
