/**
 * The application's own tenant filters, tested apart from row-level security: with a scope
 * that lets the database show two tenants (a program admin's), every repository method that
 * takes an organisation id returns and changes only that organisation's rows. Together with
 * tenancy.test.ts, removing either wall makes a test fail.
 */
import { createRepositories, withTenantScope } from '@cosell/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createTestContext,
  json,
  seedWorld,
  type TestContext,
  type World,
} from '../helpers/context';

describe('repository tenant filters', () => {
  let ctx: TestContext;
  let world: World;
  let invitationOfB: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    world = await seedWorld(ctx.deps);
    const r = await as(ctx.app, world.partnerB.owner).post(
      `/api/organisations/${world.partnerB.organisation.id}/invitations`,
      { email: 'someone@b.test', roles: ['viewer'] },
    );
    invitationOfB = json<{ id: string }>(r).id;
  });
  afterAll(() => ctx.close());

  /** Repositories in a transaction that the database lets see both partners. */
  async function broad<T>(
    work: (repos: ReturnType<typeof createRepositories>) => Promise<T>,
  ): Promise<T> {
    const db = (await ctx.deps.database.ready).db;
    const scope = {
      organisationIds: [world.partnerA.organisation.id, world.partnerB.organisation.id],
      programAdmin: true,
    };
    return withTenantScope(db, scope, (tx) => work(createRepositories(tx, scope)));
  }

  it('lists members, invitations and audit entries of the named organisation only', async () => {
    const a = world.partnerA.organisation.id;
    await broad(async (repos) => {
      const members = await repos.memberships.listMembers(a);
      expect(members.length).toBeGreaterThan(0);
      expect(members.every((m) => m.organisationId === a)).toBe(true);
      const invitations = await repos.invitations.listOpenInvitations(a, ctx.clock.now());
      expect(invitations.every((i) => i.organisationId === a)).toBe(true);
      const audit = await repos.audit.listAudit(a, { limit: 500, offset: 0 });
      expect(audit.items.length).toBeGreaterThan(0);
      expect(audit.items.every((e) => e.organisationId === a)).toBe(true);
    });
  });

  it('does not find, change or delete another organisation’s rows through this organisation’s id', async () => {
    const a = world.partnerA.organisation.id;
    const userOfB = world.partnerB.viewer.user.id;
    await broad(async (repos) => {
      expect(await repos.memberships.findMembership(a, userOfB)).toBeNull();
      expect(
        await repos.memberships.updateMembershipRoles(a, userOfB, ['owner'], 'any'),
      ).toBeNull();
      expect(await repos.memberships.deleteMembership(a, userOfB)).toBe(false);
      expect(await repos.invitations.revokeInvitation(a, invitationOfB, ctx.clock.now())).toBe(
        false,
      );
      expect(
        await repos.invitations.markInvitationAccepted(a, invitationOfB, ctx.clock.now()),
      ).toBe(false);
    });
    await broad(async (repos) => {
      expect(
        (await repos.memberships.findMembership(world.partnerB.organisation.id, userOfB))?.roles,
      ).toEqual(['viewer']);
      const open = await repos.invitations.listOpenInvitations(
        world.partnerB.organisation.id,
        ctx.clock.now(),
      );
      expect(open.map((i) => i.id)).toContain(invitationOfB);
    });
  });
});
