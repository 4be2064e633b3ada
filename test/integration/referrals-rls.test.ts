/**
 * Row-level security of co-sell opportunities (ADR 016, QUALITY S1): a participant reads its own
 * referral in full and only the shared fields of the other referrals of its engagements; another
 * organisation's referral is invisible; nobody writes another organisation's row; the expiry
 * scope finds Received referrals only.
 */
import { newOutboundReferral, parseReferralQuery, type TenantScope, type Tx } from '@cosell/core';
import { referralCreateBody } from '../helpers/referrals';
import { createRepositories, withTenantScope } from '@cosell/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, seedWorld, type TestContext, type World } from '../helpers/context';

describe('referrals in the database', () => {
  let ctx: TestContext;
  let world: World;
  const ids = {
    engagement: '7f000000-0000-4000-8000-000000000001',
    a: '7f000000-0000-4000-8000-0000000000a1',
    b: '7f000000-0000-4000-8000-0000000000b1',
    lonely: '7f000000-0000-4000-8000-0000000000b2',
    lonelyEngagement: '7f000000-0000-4000-8000-000000000002',
  };
  const at = new Date('2026-11-22T09:00:00Z');

  const run = async <T>(scope: TenantScope, work: (tx: Tx) => Promise<T>) =>
    withTenantScope((await ctx.deps.database.ready).db, scope, (tx) =>
      work(createRepositories(tx, scope)),
    );
  const orgA = () => world.partnerA.organisation;
  const orgB = () => world.partnerB.organisation;

  beforeAll(async () => {
    ctx = await createTestContext();
    world = await seedWorld(ctx.deps);
    const referral = (id: string, engagementId: string, org: { id: string; name: string }) =>
      newOutboundReferral(
        referralCreateBody({
          name: `Deal of ${org.name}`,
          details: {
            ...referralCreateBody().details,
            notes: `secret notes of ${org.name}`,
          },
        }),
        { id, engagementId, organization: org, now: at },
      );
    // A creates an engagement and, with B in scope (the widened pattern), B's row in it.
    await run({ organisationIds: [orgA().id] }, async (tx) => {
      await tx.referrals.createEngagement(ids.engagement, orgA().id, at);
      await tx.referrals.insert([referral(ids.a, ids.engagement, orgA())]);
      await tx.widenScope({ organisationIds: [orgB().id] });
      await tx.referrals.insert([referral(ids.b, ids.engagement, orgB())]);
    });
    // B also has a deal of its own that A takes no part in.
    await run({ organisationIds: [orgB().id] }, async (tx) => {
      await tx.referrals.createEngagement(ids.lonelyEngagement, orgB().id, at);
      await tx.referrals.insert([referral(ids.lonely, ids.lonelyEngagement, orgB())]);
    });
  });
  afterAll(() => ctx.close());

  it("shows a participant its own referral in full and never the other's row", async () => {
    const { own, foreign } = await run({ organisationIds: [orgA().id] }, async (tx) => ({
      own: await tx.referrals.get(orgA().id, ids.a),
      foreign: await tx.referrals.get(orgB().id, ids.b),
    }));
    expect(own?.details.notes).toBe('secret notes of Partner A');
    expect(foreign).toBeNull();
    const unfiltered = await withTenantScope(
      (await ctx.deps.database.ready).db,
      { organisationIds: [orgA().id] },
      async (tx) =>
        (
          (await tx.execute(sql`select id, document from referrals`)) as unknown as {
            rows: { id: string; document: { details: { notes: string } } }[];
          }
        ).rows,
    );
    expect(unfiltered.map((r) => r.id)).toEqual([ids.a]);
    expect(JSON.stringify(unfiltered)).not.toContain('secret notes of Partner B');
  });

  it('shows the shared fields of the other referrals of its engagements only', async () => {
    const participants = await run({ organisationIds: [orgA().id] }, (tx) =>
      tx.referrals.listEngagement(orgA().id, ids.engagement),
    );
    expect(participants.map((p) => [p.organizationName, p.substatus])).toEqual([
      ['Partner A', 'Accepted'],
      ['Partner B', 'Accepted'],
    ]);
    expect(JSON.stringify(participants)).not.toContain('secret notes');
    // B's deal without A: nothing of it reaches A, not even through the shared table.
    const other = await run({ organisationIds: [orgA().id] }, (tx) =>
      tx.referrals.listEngagement(orgA().id, ids.lonelyEngagement),
    );
    expect(other).toEqual([]);
    const shares = await withTenantScope(
      (await ctx.deps.database.ready).db,
      { organisationIds: [orgA().id] },
      async (tx) =>
        (
          (await tx.execute(sql`select id from referral_shares`)) as unknown as {
            rows: { id: string }[];
          }
        ).rows,
    );
    expect(shares.map((s) => s.id).sort()).toEqual([ids.a, ids.b].sort());
  });

  it('keeps the shared fields in step with the referral', async () => {
    await run({ organisationIds: [orgB().id] }, async (tx) => {
      const current = (await tx.referrals.get(orgB().id, ids.b))!;
      const ok = await tx.referrals.update(
        { ...current, substatus: 'Won', status: 'Closed', eTag: '"v2"' },
        [1],
      );
      expect(ok).toBe(true);
    });
    const participants = await run({ organisationIds: [orgA().id] }, (tx) =>
      tx.referrals.listEngagement(orgA().id, ids.engagement),
    );
    expect(participants.find((p) => p.id === ids.b)?.substatus).toBe('Won');
  });

  it('lists only its own referrals, and refuses writes into another organisation', async () => {
    const page = await run({ organisationIds: [orgA().id] }, (tx) =>
      tx.referrals.list(orgB().id, parseReferralQuery({ $count: 'true' }), {
        rule: { kind: 'all' },
        view: 'all',
        userId: world.partnerA.owner.user.id,
      }),
    );
    expect(page).toEqual({ items: [], total: 0 });
    await expect(
      run({ organisationIds: [orgA().id] }, async (tx) => {
        const mine = (await tx.referrals.get(orgA().id, ids.a))!;
        await tx.referrals.insert([
          { ...mine, id: '7f000000-0000-4000-8000-0000000000c1', organizationId: orgB().id },
        ]);
      }),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/row-level security/) } });
    const changed = await run({ organisationIds: [orgA().id] }, async (tx) =>
      tx.referrals.update(
        { ...(await tx.referrals.get(orgA().id, ids.a))!, organizationId: orgB().id, id: ids.b },
        'any',
      ),
    );
    expect(changed).toBe(false);
  });

  it('lets the expiry scope find Received referrals only', async () => {
    const due = await run({ referralExpiry: true }, (tx) =>
      tx.referrals.listExpiryDue(new Date('2030-01-01T00:00:00Z'), 10),
    );
    // Every referral here is Accepted or Won: none is due, and none is readable.
    expect(due).toEqual([]);
  });

  it('applies OData filters and the role rules in SQL', async () => {
    const list = (filter: string, rule: Parameters<Tx['referrals']['list']>[2]['rule']) =>
      run({ organisationIds: [orgB().id] }, (tx) =>
        tx.referrals.list(orgB().id, parseReferralQuery({ $filter: filter, $count: 'true' }), {
          rule,
          view: 'all',
          userId: world.partnerB.owner.user.id,
        }),
      );
    expect((await list("substatus eq 'Won'", { kind: 'all' })).total).toBe(1);
    expect((await list("engagementId eq 'not-a-uuid'", { kind: 'all' })).total).toBe(0);
    expect((await list("customerProfile/name eq 'Contoso Ltd'", { kind: 'all' })).total).toBe(2);
    expect((await list("status ne 'Closed'", { kind: 'countries', countries: ['US'] })).total).toBe(
      1,
    );
    expect((await list("status ne 'Closed'", { kind: 'countries', countries: ['PL'] })).total).toBe(
      0,
    );
    expect(
      (await list("status ne 'Closed'", { kind: 'team', email: 'ADA@partner-a.test' })).total,
    ).toBe(1);
    expect((await list("status ne 'Closed'", { kind: 'team', email: 'bob@b.test' })).total).toBe(0);
  });
});
