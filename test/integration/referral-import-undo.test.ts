/**
 * Undo of a co-sell opportunities CSV import over HTTP, on PGlite with row-level security: the
 * import answers its id; undo within 24 hours restores the deals it updated (with a timeline
 * entry through the channel csv) and removes those it created; it is refused (409, naming the
 * rows) once a deal changed since, a second time, or after 24 hours; another organisation gets
 * 404, and only the importer or someone who sees every deal may undo. The 24 hours run on the
 * program clock, like every time of a referral.
 */
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

type Referral = { id: string; eTag: string; name: string };
type ImportResult = { importId: string | null; created: number; updated: number };

describe('undoing a co-sell opportunities CSV import', () => {
  let ctx: TestContext;
  let world: World;
  let offerId: string;
  const A = () => world.partnerA.organisation.id;
  const refs = (org = A()) => `/api/organisations/${org}/engagements/referrals`;
  const imports = (org = A()) => `/api/organisations/${org}/engagements/referrals-imports`;
  const undo = (importId: string, org = A()) => `${imports(org)}/${importId}/undo`;
  const owner = () => as(ctx.app, world.partnerA.owner);

  beforeAll(async () => {
    // The program clock moves on its own (sessions stay valid while it jumps a day).
    ctx = await createTestContext({ CLOCK_CONTROL: 'true' });
    world = await seedWorld(ctx.deps);
    offerId = await cosellReadyOffer(ctx, world.partnerA.owner, A());
  });
  afterAll(() => ctx.close());

  /** A deal of partner A's owner, then a file renaming it (row 2) and creating another (row 3). */
  async function importChange(name: string, externalId: string) {
    const body = referralCreateBody({ name });
    body.details.requirements.solutions = [{ id: offerId, name: 'Contoso Migrate' }];
    const created = await owner().post(refs(), body);
    expect(created.statusCode, created.body).toBe(201);
    const deal = json<Referral>(created);
    const file = [
      'Id,External reference ID,Name,Customer name,Customer country/region,Deal value,Currency,Close date,Solutions,Notes',
      `${deal.id},,${name} – phase 2,,,,,,,`,
      `,${externalId},New from the CRM,Woodgrove,US,1000,USD,2027-06-30,${offerId},From the CRM`,
    ].join('\n');
    const applied = await owner().post(`${imports()}?dryRun=false`, Buffer.from(file), {
      'content-type': 'text/csv',
    });
    expect(applied.statusCode, applied.body).toBe(200);
    const result = json<ImportResult>(applied);
    expect(result).toMatchObject({ updated: 1, created: 1 });
    expect(result.importId).toEqual(expect.any(String));
    const list = json<{ value: Referral[] }>(
      await owner().get(
        `${refs()}?$filter=${encodeURIComponent(`externalReferenceId eq '${externalId}'`)}`,
      ),
    );
    return { deal, importId: result.importId!, createdId: list.value[0]!.id };
  }

  it('restores the updated deal and removes the created one, once', async () => {
    const { deal, importId, createdId } = await importChange('Lakehouse', 'CRM-1');
    expect(json<Referral>(await owner().get(`${refs()}/${deal.id}`)).name).toBe(
      'Lakehouse – phase 2',
    );

    const undone = await owner().post(undo(importId));
    expect(undone.statusCode, undone.body).toBe(200);
    expect(json(undone)).toEqual({ importId, restored: 1, removed: 1 });

    const restored = await owner().get(`${refs()}/${deal.id}`);
    expect(json<Referral>(restored).name).toBe('Lakehouse');
    expect(restored.headers.etag).toBe('"v3"');
    expect((await owner().get(`${refs()}/${createdId}`)).statusCode).toBe(404);
    const timeline = json<{ value: { action: string; channel: string }[] }>(
      await owner().get(`${refs()}/${deal.id}/timeline`),
    );
    expect(timeline.value[0]).toMatchObject({ action: 'replace', channel: 'csv' });

    const again = await owner().post(undo(importId));
    expect(again.statusCode).toBe(409);
  });

  it('refuses once a deal of the import changed since, naming its row, and changes nothing', async () => {
    const { deal, importId, createdId } = await importChange('Datacenter exit', 'CRM-2');
    const current = json<Referral>(await owner().get(`${refs()}/${deal.id}`));
    const patched = await owner().patch(
      `${refs()}/${deal.id}`,
      [{ op: 'replace', path: '/name', value: 'Renamed by hand' }],
      { 'if-match': current.eTag },
    );
    expect(patched.statusCode, patched.body).toBe(204);

    const refused = await owner().post(undo(importId));
    expect(refused.statusCode).toBe(409);
    const problem = json<{ detail: string; errors: { field: string }[] }>(refused);
    expect(problem.detail).toContain('rows 2');
    expect(problem.errors.map((e) => e.field)).toEqual(['rows.2']);
    expect(json<Referral>(await owner().get(`${refs()}/${deal.id}`)).name).toBe('Renamed by hand');
    expect((await owner().get(`${refs()}/${createdId}`)).statusCode).toBe(200);
  });

  it('refuses after 24 hours', async () => {
    const { importId } = await importChange('Analytics refresh', 'CRM-3');
    ctx.deps.adjustableClock!.advance(25 * 3_600_000);
    const late = await owner().post(undo(importId));
    expect(late.statusCode).toBe(409);
    expect(json<{ detail: string }>(late).detail).toContain('24 hours');
  });

  it('answers 404 across tenants and lets only the importer or an all-deals role undo', async () => {
    const { importId } = await importChange('Security review', 'CRM-4');
    const B = world.partnerB.organisation.id;
    const ownerB = as(ctx.app, world.partnerB.owner);
    expect((await ownerB.post(undo(importId))).statusCode).toBe(404);
    expect((await ownerB.post(undo(importId, B))).statusCode).toBe(404);

    expect((await as(ctx.app, world.partnerA.viewer).post(undo(importId))).statusCode).toBe(403);
    const user = await addPerson(ctx.deps, world.admin.user.id, A(), {
      email: 'user@a.test',
      name: 'Referrals user',
      password: PASSWORD,
      roles: ['referrals-user'],
    });
    const notTheirs = await as(ctx.app, user).post(undo(importId));
    expect(notTheirs.statusCode).toBe(403);
    expect(json<{ detail: string }>(notTheirs).detail).toContain('Only the person who imported');
    expect((await as(ctx.app, null).post(undo(importId))).statusCode).toBe(401);

    const undone = await owner().post(undo(importId));
    expect(undone.statusCode, undone.body).toBe(200);
  });
});
