/**
 * The last owner of an organisation cannot be removed by a race: owner changes are serialised
 * per organisation (its row is locked before the remaining owners are counted), so owners
 * demoting or removing each other at the same moment always leave one. On PostgreSQL the
 * requests really run at once; on the embedded default they queue, and the rule holds too.
 */
import { createOrganisationWithPeople, type SeededPerson } from '@cosell/server';
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

interface Member {
  user: { id: string };
  roles: string[];
  version: number;
}

describe('owner changes under concurrency', () => {
  let ctx: TestContext;
  let world: World;
  let round = 0;

  beforeAll(async () => {
    ctx = await createTestContext();
    world = await seedWorld(ctx.deps);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  /** A partner organisation with `count` owners, each signed in. */
  async function organisationWithOwners(count: number) {
    round += 1;
    const created = await createOrganisationWithPeople(ctx.deps, world.admin.user.id, {
      kind: 'partner',
      name: `Race ${round}`,
      people: Array.from({ length: count }, (_, i) => ({
        email: `owner${i}@race${round}.test`,
        name: `Owner ${i}`,
        password: PASSWORD,
        roles: ['owner' as const],
      })),
    });
    return { id: created.organisation.id, owners: created.people };
  }

  const members = async (organisationId: string, person: SeededPerson) => {
    const response = await as(ctx.app, person).get(`/api/organisations/${organisationId}/members`);
    expect(response.statusCode).toBe(200);
    return json<{ items: Member[] }>(response).items;
  };
  const ownersOf = async (organisationId: string) =>
    (await members(organisationId, world.admin)).filter((m) => m.roles.includes('owner'));

  const demote = (organisationId: string, by: SeededPerson, member: Member) =>
    as(ctx.app, by).patch(
      `/api/organisations/${organisationId}/members/${member.user.id}`,
      { roles: ['manager'] },
      { 'if-match': `"v${member.version}"` },
    );

  it('20 owners demoting themselves at once leave exactly one owner', async () => {
    const org = await organisationWithOwners(20);
    const before = await members(org.id, org.owners[0]!);
    const answers = await Promise.all(
      org.owners.map((owner) =>
        demote(
          org.id,
          owner,
          before.find((m) => m.user.id === owner.user.id)!,
        ),
      ),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    const refused = answers.filter((a) => a.statusCode !== 200);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.statusCode).toBe(400);
    expect(refused[0]!.body).toContain('error.lastOwner');
    expect(await ownersOf(org.id)).toHaveLength(1);
  });

  it('two owners demoting each other at once leave one of them an owner (10 rounds)', async () => {
    for (let i = 0; i < 10; i += 1) {
      const org = await organisationWithOwners(2);
      const [a, b] = org.owners as [SeededPerson, SeededPerson];
      const list = await members(org.id, a);
      const memberOf = (p: SeededPerson) => list.find((m) => m.user.id === p.user.id)!;
      const answers = await Promise.all([
        demote(org.id, a, memberOf(b)),
        demote(org.id, b, memberOf(a)),
      ]);
      expect(answers.map((x) => x.statusCode).sort()).toEqual([200, 400]);
      expect(await ownersOf(org.id)).toHaveLength(1);
    }
  });

  it('owners removing each other at once leave one owner (20 owners)', async () => {
    const org = await organisationWithOwners(20);
    // Each owner removes the next one; whatever the order, one owner is left.
    const answers = await Promise.all(
      org.owners.map((owner, i) => {
        const next = org.owners[(i + 1) % org.owners.length]!;
        return as(ctx.app, owner).delete(`/api/organisations/${org.id}/members/${next.user.id}`);
      }),
    );
    for (const answer of answers) expect([204, 400], answer.body).toContain(answer.statusCode);
    expect(answers.some((a) => a.statusCode === 204)).toBe(true);
    expect(await ownersOf(org.id)).toHaveLength(1);
  });
});
