/**
 * Organisations, members, invitations, the audit log and the user's own settings, as the
 * people using them see it through the API.
 */
import type { Role } from '@cosell/core';
import { createOrganisationWithPeople, createVendor, type SeededPerson } from '@cosell/server';
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

interface Problem {
  status: number;
  code: string;
  title: string;
  errors?: { field: string; code: string; detail: string }[];
}
interface Organisation {
  id: string;
  kind: string;
  name: string;
  version: number;
}
interface Session {
  user: { id: string; email: string; locale: string };
  memberships: { organisation: Organisation; roles: string[] }[];
  activeOrganisationId: string | null;
  csrfToken: string;
}
interface AuditEntry {
  actorUserId: string | null;
  actorName: string | null;
  entityName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  at: string;
}

const problem = (response: { body: string }) => JSON.parse(response.body) as Problem;
const fields = (response: { body: string }) => (problem(response).errors ?? []).map((e) => e.field);

/** The session token in a Set-Cookie answer. */
const tokenOf = (setCookie: string | string[] | undefined) =>
  (Array.isArray(setCookie) ? setCookie[0]! : setCookie!).split(';')[0]!.split('=')[1]!;

describe('organisations, members, invitations and audit', () => {
  let ctx: TestContext;
  let world: World;
  let counter = 0;
  const unique = (prefix: string) => `${prefix}${++counter}`;

  /** A partner organisation of its own for a test that changes it. */
  const freshPartner = async (people: { roles: Role[] }[] = [{ roles: ['owner'] }]) => {
    const name = unique('Fresh Partner ');
    const made = await createOrganisationWithPeople(ctx.deps, world.admin.user.id, {
      kind: 'partner',
      name,
      people: people.map((p) => {
        const handle = unique('person');
        return { email: `${handle}@fresh.test`, name: handle, password: PASSWORD, roles: p.roles };
      }),
    });
    return { organisation: made.organisation, people: made.people };
  };

  /** Signs in through the API and returns a person usable with `as`. */
  const signIn = async (email: string, password = PASSWORD) => {
    const response = await as(ctx.app).post('/api/session', { email, password });
    expect(response.statusCode, response.body).toBe(200);
    return {
      token: tokenOf(response.headers['set-cookie']),
      csrfToken: json<Session>(response).csrfToken,
    };
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    world = await seedWorld(ctx.deps);
  });
  afterAll(() => ctx.close());

  describe('organisations', () => {
    it('lets the program admin create partner and reseller organisations, each name once', async () => {
      const admin = as(ctx.app, world.admin);
      const partner = await admin.post('/api/organisations', { kind: 'partner', name: 'Contoso' });
      expect(partner.statusCode).toBe(201);
      expect(partner.headers.etag).toBe('"v1"');
      expect(json(partner)).toMatchObject({ kind: 'partner', name: 'Contoso', version: 1 });
      const reseller = await admin.post('/api/organisations', { kind: 'reseller', name: 'Adatum' });
      expect(reseller.statusCode).toBe(201);
      expect(json(reseller)).toMatchObject({ kind: 'reseller', name: 'Adatum' });

      // Names are unique regardless of case.
      const taken = await admin.post('/api/organisations', { kind: 'reseller', name: 'contoso' });
      expect(taken.statusCode).toBe(400);
      expect(problem(taken).code).toBe('VALIDATION');
      expect(fields(taken)).toEqual(['name']);

      // There is one vendor; nobody creates another.
      const vendor = await admin.post('/api/organisations', { kind: 'vendor', name: 'Rival' });
      expect(vendor.statusCode).toBe(400);
      expect(fields(vendor)).toEqual(['kind']);

      const listed = json<{ items: Organisation[] }>(
        await admin.get('/api/organisations?search=contoso'),
      );
      expect(listed.items.map((o) => o.name)).toEqual(['Contoso']);
    });

    it('lists organisations with search, kind filter and paging; members see only their own', async () => {
      const admin = as(ctx.app, world.admin);
      for (const name of ['Paging Gamma', 'Paging Alpha', 'Paging Beta']) {
        expect((await admin.post('/api/organisations', { kind: 'partner', name })).statusCode).toBe(
          201,
        );
      }
      const first = json<{ items: Organisation[]; total: number }>(
        await admin.get('/api/organisations?search=PAGING&limit=2'),
      );
      expect(first.total).toBe(3);
      expect(first.items.map((o) => o.name)).toEqual(['Paging Alpha', 'Paging Beta']);
      const second = json<{ items: Organisation[]; total: number }>(
        await admin.get('/api/organisations?search=paging&limit=2&offset=2'),
      );
      expect(second).toMatchObject({ total: 3, items: [{ name: 'Paging Gamma' }] });

      // Search text is literal, not a LIKE pattern.
      expect(
        (await admin.post('/api/organisations', { kind: 'partner', name: '100% Cloud' }))
          .statusCode,
      ).toBe(201);
      const percent = json<{ items: Organisation[] }>(
        await admin.get('/api/organisations?search=%25'),
      );
      expect(percent.items.map((o) => o.name)).toEqual(['100% Cloud']);
      const underscore = json<{ total: number }>(await admin.get('/api/organisations?search=_'));
      expect(underscore.total).toBe(0);

      const resellers = json<{ items: Organisation[] }>(
        await admin.get('/api/organisations?kind=reseller'),
      );
      expect(resellers.items.length).toBeGreaterThan(0);
      expect(resellers.items.every((o) => o.kind === 'reseller')).toBe(true);

      const own = json<{ items: Organisation[]; total: number }>(
        await as(ctx.app, world.partnerA.owner).get('/api/organisations?search=partner'),
      );
      expect(own).toMatchObject({ total: 1, items: [{ id: world.partnerA.organisation.id }] });

      const badPage = await admin.get('/api/organisations?limit=0');
      expect(badPage.statusCode).toBe(400);
      expect(fields(badPage)).toEqual(['limit']);
    });

    it('renames with If-Match: the current ETag wins, a stale one gets 412, none gets 428', async () => {
      const { organisation, people } = await freshPartner();
      const owner = as(ctx.app, people[0]);
      const url = `/api/organisations/${organisation.id}`;
      const read = await owner.get(url);
      expect(read.headers.etag).toBe('"v1"');

      const renamed = await owner.patch(url, { name: 'Renamed Once' }, { 'if-match': '"v1"' });
      expect(renamed.statusCode).toBe(200);
      expect(renamed.headers.etag).toBe('"v2"');
      expect(json(renamed)).toMatchObject({ name: 'Renamed Once', version: 2 });

      const stale = await owner.patch(url, { name: 'Lost Update' }, { 'if-match': '"v1"' });
      expect(stale.statusCode).toBe(412);
      expect(problem(stale).code).toBe('PRECONDITION_FAILED');
      const garbage = await owner.patch(url, { name: 'Lost Update' }, { 'if-match': 'yesterday' });
      expect(garbage.statusCode).toBe(412);
      expect(json(await owner.get(url)).name).toBe('Renamed Once');

      // A rename must say which version it changes (ADR 003): without If-Match it is refused.
      const blind = await owner.patch(url, { name: 'Renamed Blindly' });
      expect(blind.statusCode).toBe(428);
      expect(problem(blind).code).toBe('PRECONDITION_REQUIRED');
      const again = await owner.patch(url, { name: 'Renamed Twice' }, { 'if-match': '"v2"' });
      expect(again.statusCode).toBe(200);
      expect(again.headers.etag).toBe('"v3"');

      const taken = await owner.patch(url, { name: 'partner b' }, { 'if-match': '"v3"' });
      expect(taken.statusCode).toBe(400);
      expect(fields(taken)).toEqual(['name']);
      expect(json(await owner.get(url))).toMatchObject({ name: 'Renamed Twice', version: 3 });

      const short = await owner.patch(url, { name: 'x' });
      expect(short.statusCode).toBe(400);
      expect(problem(short).errors).toEqual([
        expect.objectContaining({ field: 'name', code: 'organisationName.tooShort' }),
      ]);
    });

    it('lets exactly one of several concurrent renames with the same ETag win', async () => {
      const { organisation, people } = await freshPartner();
      const owner = as(ctx.app, people[0]);
      const url = `/api/organisations/${organisation.id}`;
      const answers = await Promise.all(
        [1, 2, 3, 4, 5].map((n) =>
          owner.patch(url, { name: `Racer ${n}` }, { 'if-match': '"v1"' }),
        ),
      );
      const statuses = answers.map((a) => a.statusCode).sort();
      expect(statuses).toEqual([200, 412, 412, 412, 412]);
      const winner = json(answers.find((a) => a.statusCode === 200)!);
      expect(json(await owner.get(url))).toMatchObject({ name: winner.name, version: 2 });
    });
  });

  describe('members', () => {
    it('lists members and changes their roles within the roles of the organisation kind', async () => {
      const { organisation, people } = await freshPartner([
        { roles: ['owner'] },
        { roles: ['viewer'] },
      ]);
      const [ownerPerson, viewer] = people as [SeededPerson, SeededPerson];
      const owner = as(ctx.app, ownerPerson);
      const base = `/api/organisations/${organisation.id}/members`;

      const changed = await owner.patch(
        `${base}/${viewer.user.id}`,
        { roles: ['contributor', 'referrals-user'] },
        { 'if-match': '"v1"' },
      );
      expect(changed.statusCode).toBe(200);
      expect(json(changed)).toEqual({
        userId: viewer.user.id,
        roles: ['contributor', 'referrals-user'],
        version: 2,
      });
      expect(changed.headers.etag).toBe('"v2"');
      const listed = json<{ items: { user: { id: string }; roles: string[] }[] }>(
        await owner.get(base),
      );
      expect(listed.items.find((m) => m.user.id === viewer.user.id)!.roles).toEqual([
        'contributor',
        'referrals-user',
      ]);

      const vendorRole = await owner.patch(
        `${base}/${viewer.user.id}`,
        { roles: ['seller'] },
        { 'if-match': '*' },
      );
      expect(vendorRole.statusCode).toBe(400);
      expect(problem(vendorRole).errors).toEqual([
        expect.objectContaining({ field: 'roles', code: 'error.roleNotForKind' }),
      ]);
      const unknownRole = await owner.patch(
        `${base}/${viewer.user.id}`,
        { roles: ['emperor'] },
        { 'if-match': '*' },
      );
      expect(unknownRole.statusCode).toBe(400);
      expect(fields(unknownRole)[0]).toMatch(/^roles/);
      const none = await owner.patch(
        `${base}/${viewer.user.id}`,
        { roles: [] },
        { 'if-match': '*' },
      );
      expect(none.statusCode).toBe(400);
      expect(fields(none)).toEqual(['roles']);

      // The member's next request carries the new roles.
      const session = json<Session>(await as(ctx.app, viewer).get('/api/session'));
      expect(session.memberships.find((m) => m.organisation.id === organisation.id)!.roles).toEqual(
        ['contributor', 'referrals-user'],
      );
    });

    it('keeps the last owner: demoting or removing them is refused, with a second owner it works', async () => {
      const { organisation, people } = await freshPartner([
        { roles: ['owner'] },
        { roles: ['manager'] },
      ]);
      const [first, second] = people as [SeededPerson, SeededPerson];
      const owner = as(ctx.app, first);
      const base = `/api/organisations/${organisation.id}/members`;

      const demote = await owner.patch(
        `${base}/${first.user.id}`,
        { roles: ['viewer'] },
        { 'if-match': '*' },
      );
      expect(demote.statusCode).toBe(400);
      expect(problem(demote).errors).toEqual([
        expect.objectContaining({ field: 'roles', code: 'error.lastOwner' }),
      ]);
      const remove = await owner.delete(`${base}/${first.user.id}`);
      expect(remove.statusCode).toBe(400);
      expect(problem(remove).errors).toEqual([
        expect.objectContaining({ field: 'roles', code: 'error.lastOwner' }),
      ]);

      expect(
        (await owner.patch(`${base}/${second.user.id}`, { roles: ['owner'] }, { 'if-match': '*' }))
          .statusCode,
      ).toBe(200);
      expect(
        (await owner.patch(`${base}/${first.user.id}`, { roles: ['viewer'] }, { 'if-match': '*' }))
          .statusCode,
      ).toBe(200);
      // The demoted first owner can no longer manage members.
      const refused = await owner.patch(
        `${base}/${second.user.id}`,
        { roles: ['viewer'] },
        { 'if-match': '*' },
      );
      expect(refused.statusCode).toBe(403);
      expect(problem(refused).code).toBe('FORBIDDEN');
    });

    it('removes a member, who then no longer reaches the organisation', async () => {
      const { organisation, people } = await freshPartner([
        { roles: ['owner'] },
        { roles: ['manager'] },
      ]);
      const [ownerPerson, manager] = people as [SeededPerson, SeededPerson];
      const url = `/api/organisations/${organisation.id}`;
      // A manager reads the member list but may not change it.
      expect((await as(ctx.app, manager).get(`${url}/members`)).statusCode).toBe(200);
      expect(
        (await as(ctx.app, manager).delete(`${url}/members/${ownerPerson.user.id}`)).statusCode,
      ).toBe(403);

      expect(
        (await as(ctx.app, ownerPerson).delete(`${url}/members/${manager.user.id}`)).statusCode,
      ).toBe(204);
      const gone = await as(ctx.app, manager).get(url);
      expect(gone.statusCode).toBe(404);
      expect(problem(gone).code).toBe('NOT_FOUND');
      expect(
        (await as(ctx.app, ownerPerson).delete(`${url}/members/${manager.user.id}`)).statusCode,
      ).toBe(404);
    });
  });

  describe('invitations', () => {
    it('invites by link; the link previews, signs a new person in once, then stops working', async () => {
      const owner = as(ctx.app, world.partnerA.owner);
      const orgId = world.partnerA.organisation.id;
      const created = await owner.post(`/api/organisations/${orgId}/invitations`, {
        email: 'Nia@Example.com',
        roles: ['contributor'],
      });
      expect(created.statusCode).toBe(201);
      const invitation = json<{ id: string; url: string; email: string; roles: string[] }>(created);
      expect(invitation).toMatchObject({ email: 'nia@example.com', roles: ['contributor'] });
      const [, token] = /\/invite\/([A-Za-z0-9_-]{20,})$/.exec(invitation.url) ?? [];
      expect(token, invitation.url).toBeDefined();

      // The open list shows the invitation but never its link.
      const open = json<{ items: Record<string, unknown>[] }>(
        await owner.get(`/api/organisations/${orgId}/invitations`),
      );
      const listed = open.items.find((i) => i.id === invitation.id)!;
      expect(listed).toBeDefined();
      expect(JSON.stringify(listed)).not.toContain(token!);

      const preview = await as(ctx.app).get(`/api/invitations/${token}`);
      expect(preview.statusCode).toBe(200);
      expect(json(preview)).toMatchObject({
        organisationName: 'Partner A',
        organisationKind: 'partner',
        email: 'nia@example.com',
        roles: ['contributor'],
        accountExists: false,
      });

      const accepted = await as(ctx.app).post(`/api/invitations/${token}/accept`, {
        name: 'Nia',
        password: PASSWORD,
      });
      expect(accepted.statusCode).toBe(200);
      const session = json<Session>(accepted);
      expect(session.user.email).toBe('nia@example.com');
      expect(session.activeOrganisationId).toBe(orgId);
      expect(session.memberships).toEqual([
        expect.objectContaining({
          roles: ['contributor'],
          organisation: expect.objectContaining({ id: orgId }),
        }),
      ]);
      const nia = { token: tokenOf(accepted.headers['set-cookie']), csrfToken: session.csrfToken };
      expect((await as(ctx.app, nia).get('/api/session')).statusCode).toBe(200);
      const members = json<{ items: { user: { email: string }; roles: string[] }[] }>(
        await owner.get(`/api/organisations/${orgId}/members`),
      );
      expect(members.items).toContainEqual(
        expect.objectContaining({
          user: expect.objectContaining({ email: 'nia@example.com' }),
          roles: ['contributor'],
        }),
      );

      for (const again of [
        await as(ctx.app).post(`/api/invitations/${token}/accept`, {
          name: 'Nia',
          password: PASSWORD,
        }),
        await as(ctx.app).get(`/api/invitations/${token}`),
      ]) {
        expect(again.statusCode).toBe(410);
        expect(problem(again).code).toBe('INVITATION_INVALID');
      }
      const after = json<{ items: { id: string }[] }>(
        await owner.get(`/api/organisations/${orgId}/invitations`),
      );
      expect(after.items.map((i) => i.id)).not.toContain(invitation.id);
      // An unknown token answers the same as a used one.
      expect((await as(ctx.app).get(`/api/invitations/${'x'.repeat(43)}`)).statusCode).toBe(410);
    });

    it('asks a new person for a name, and refuses roles of another kind and existing members', async () => {
      const owner = as(ctx.app, world.partnerA.owner);
      const base = `/api/organisations/${world.partnerA.organisation.id}/invitations`;
      const created = json<{ url: string }>(
        await owner.post(base, { email: 'nameless@example.com', roles: ['viewer'] }),
      );
      const token = created.url.split('/invite/')[1];
      const nameless = await as(ctx.app).post(`/api/invitations/${token}/accept`, {
        password: PASSWORD,
      });
      expect(nameless.statusCode).toBe(400);
      expect(problem(nameless).errors).toEqual([
        expect.objectContaining({ field: 'name', code: 'name.required' }),
      ]);
      // The refusal did not use the link up.
      expect((await as(ctx.app).get(`/api/invitations/${token}`)).statusCode).toBe(200);

      const wrongKind = await owner.post(base, {
        email: 'someone@example.com',
        roles: ['program-admin'],
      });
      expect(wrongKind.statusCode).toBe(400);
      expect(problem(wrongKind).errors).toEqual([
        expect.objectContaining({ field: 'roles', code: 'error.roleNotForKind' }),
      ]);
      const member = await owner.post(base, { email: 'VIEWER@a.test', roles: ['viewer'] });
      expect(member.statusCode).toBe(400);
      expect(problem(member).errors).toEqual([
        expect.objectContaining({ field: 'email', code: 'error.alreadyMember' }),
      ]);
      const badEmail = await owner.post(base, { email: 'not an address', roles: ['viewer'] });
      expect(badEmail.statusCode).toBe(400);
      expect(fields(badEmail)).toEqual(['email']);
    });

    it('stops a revoked link', async () => {
      const owner = as(ctx.app, world.partnerA.owner);
      const base = `/api/organisations/${world.partnerA.organisation.id}/invitations`;
      const created = json<{ id: string; url: string }>(
        await owner.post(base, { email: 'revoked@example.com', roles: ['viewer'] }),
      );
      const token = created.url.split('/invite/')[1];
      expect((await owner.delete(`${base}/${created.id}`)).statusCode).toBe(204);
      expect((await as(ctx.app).get(`/api/invitations/${token}`)).statusCode).toBe(410);
      const accept = await as(ctx.app).post(`/api/invitations/${token}/accept`, {
        name: 'Rev',
        password: PASSWORD,
      });
      expect(accept.statusCode).toBe(410);
      expect(problem(accept).code).toBe('INVITATION_INVALID');
      expect((await owner.delete(`${base}/${created.id}`)).statusCode).toBe(404);
    });

    it('lets an existing account accept only with its password', async () => {
      const { organisation, people } = await freshPartner();
      const owner = as(ctx.app, people[0]);
      const invitee = world.partnerB.viewer;
      const created = json<{ url: string }>(
        await owner.post(`/api/organisations/${organisation.id}/invitations`, {
          email: invitee.user.email,
          roles: ['contributor'],
        }),
      );
      const token = created.url.split('/invite/')[1];
      // The preview never says whether the address has an account; its owner, signed in, is told.
      expect(json(await as(ctx.app).get(`/api/invitations/${token}`)).accountExists).toBe(false);
      expect(json(await as(ctx.app, invitee).get(`/api/invitations/${token}`)).accountExists).toBe(
        true,
      );

      const wrong = await as(ctx.app).post(`/api/invitations/${token}/accept`, {
        name: 'Impostor',
        password: 'not the password at all',
      });
      expect(wrong.statusCode).toBe(401);
      expect(problem(wrong).code).toBe('INVALID_CREDENTIALS');
      const viewerB = json<Session>(await as(ctx.app, invitee).get('/api/session'));
      expect(viewerB.memberships.map((m) => m.organisation.id)).not.toContain(organisation.id);

      const right = await as(ctx.app).post(`/api/invitations/${token}/accept`, {
        password: PASSWORD,
      });
      expect(right.statusCode).toBe(200);
      const session = json<Session>(right);
      expect(session.user.id).toBe(invitee.user.id);
      expect(session.activeOrganisationId).toBe(organisation.id);
      expect(session.memberships.map((m) => [m.organisation.id, m.roles])).toEqual(
        expect.arrayContaining([
          [organisation.id, ['contributor']],
          [world.partnerB.organisation.id, ['viewer']],
        ]),
      );
    });
    it('lets one of several simultaneous accepts of a link win; the others are told it is used', async () => {
      const owner = as(ctx.app, world.partnerA.owner);
      const orgId = world.partnerA.organisation.id;
      const invite = async (email: string) =>
        json<{ url: string }>(
          await owner.post(`/api/organisations/${orgId}/invitations`, { email, roles: ['viewer'] }),
        ).url.split('/invite/')[1]!;
      // A new person double-clicking, and an existing account doing the same.
      for (const [email, body] of [
        ['racer@example.com', { name: 'Racer', password: PASSWORD }],
        [world.reseller.member.user.email, { password: PASSWORD }],
      ] as const) {
        const token = await invite(email);
        const answers = await Promise.all(
          [1, 2, 3, 4, 5].map(() => as(ctx.app).post(`/api/invitations/${token}/accept`, body)),
        );
        expect(answers.map((a) => a.statusCode).sort(), email).toEqual([200, 410, 410, 410, 410]);
        for (const loser of answers.filter((a) => a.statusCode !== 200)) {
          expect(problem(loser).code).toBe('INVITATION_INVALID');
        }
        const members = json<{ items: { user: { email: string } }[] }>(
          await owner.get(`/api/organisations/${orgId}/members`),
        );
        expect(members.items.filter((m) => m.user.email === email)).toHaveLength(1);
      }
    });
  });

  describe('audit log', () => {
    it('records who changed what with before and after; owners read it, viewers and other tenants do not', async () => {
      const { organisation, people } = await freshPartner([
        { roles: ['owner'] },
        { roles: ['viewer'] },
      ]);
      const [ownerPerson, viewer] = people as [SeededPerson, SeededPerson];
      const owner = as(ctx.app, ownerPerson);
      const url = `/api/organisations/${organisation.id}`;

      expect(
        (
          await owner.patch(
            url,
            { name: 'Audited Name' },
            { 'x-request-id': 'audit-rename-1', 'if-match': '"v1"' },
          )
        ).statusCode,
      ).toBe(200);
      expect(
        (
          await owner.patch(
            `${url}/members/${viewer.user.id}`,
            { roles: ['manager'] },
            { 'x-request-id': 'audit-roles-1', 'if-match': '*' },
          )
        ).statusCode,
      ).toBe(200);

      const log = json<{ items: AuditEntry[]; total: number }>(await owner.get(`${url}/audit`));
      const rename = log.items.find((e) => e.action === 'organisation.rename')!;
      expect(rename).toMatchObject({
        actorUserId: ownerPerson.user.id,
        entityType: 'organisation',
        entityId: organisation.id,
        before: { name: organisation.name },
        after: { name: 'Audited Name' },
        requestId: 'audit-rename-1',
      });
      expect(Number.isNaN(Date.parse(rename.at))).toBe(false);
      // Names, not ids: who acted, and whom or what it was about.
      expect(rename).toMatchObject({
        actorName: ownerPerson.user.name,
        entityName: 'Audited Name',
      });
      expect(log.items.find((e) => e.action === 'membership.update')).toMatchObject({
        actorName: ownerPerson.user.name,
        entityName: viewer.user.name,
      });
      expect(log.items.find((e) => e.action === 'membership.update')).toMatchObject({
        actorUserId: ownerPerson.user.id,
        entityId: viewer.user.id,
        before: { roles: ['viewer'] },
        after: { roles: ['manager'] },
        requestId: 'audit-roles-1',
      });
      // Creation and the invitations that brought the people in are there too, newest first.
      expect(log.items.map((e) => e.action)).toEqual(
        expect.arrayContaining(['organisation.create', 'invitation.create', 'invitation.accept']),
      );
      expect(log.items[0]!.action).toBe('membership.update');
      const page = json<{ items: AuditEntry[]; total: number }>(
        await owner.get(`${url}/audit?limit=1&offset=1`),
      );
      expect(page).toMatchObject({ total: log.total, items: [{ action: 'organisation.rename' }] });

      // The program admin administers partner organisations and reads their log.
      expect((await as(ctx.app, world.admin).get(`${url}/audit`)).statusCode).toBe(200);

      const demoted = await as(ctx.app, people[1]).get(`${url}/audit`);
      expect(demoted.statusCode).toBe(403); // a manager now, still not an owner
      const viewerA = await as(ctx.app, world.partnerA.viewer).get(
        `/api/organisations/${world.partnerA.organisation.id}/audit`,
      );
      expect(viewerA.statusCode).toBe(403);
      expect(problem(viewerA).code).toBe('FORBIDDEN');
      const foreign = await as(ctx.app, world.partnerA.owner).get(`${url}/audit`);
      expect(foreign.statusCode).toBe(404);
      expect(problem(foreign).code).toBe('NOT_FOUND');
    });
  });

  describe('your own session and settings', () => {
    it('switches the active organisation among your own, never into a foreign one', async () => {
      const email = `${unique('switcher')}@fresh.test`;
      const one = await createOrganisationWithPeople(ctx.deps, world.admin.user.id, {
        kind: 'partner',
        name: unique('Switch One '),
        people: [{ email, name: 'Switcher', password: PASSWORD, roles: ['owner'] }],
      });
      const two = await createOrganisationWithPeople(ctx.deps, world.admin.user.id, {
        kind: 'reseller',
        name: unique('Switch Two '),
        people: [{ email, name: 'Switcher', password: PASSWORD, roles: ['member'] }],
      });
      const me = as(ctx.app, one.people[0]);
      expect(json<Session>(await me.get('/api/session')).memberships).toHaveLength(2);

      for (const target of [two.organisation.id, one.organisation.id]) {
        const switched = await me.put('/api/session/organisation', { organisationId: target });
        expect(switched.statusCode).toBe(200);
        expect(json<Session>(switched).activeOrganisationId).toBe(target);
        expect(json<Session>(await me.get('/api/session')).activeOrganisationId).toBe(target);
      }

      for (const foreign of [
        world.partnerB.organisation.id,
        '00000000-0000-4000-8000-000000000000',
      ]) {
        const refused = await me.put('/api/session/organisation', { organisationId: foreign });
        expect(refused.statusCode).toBe(404);
        expect(problem(refused).code).toBe('NOT_FOUND');
      }
      expect(json<Session>(await me.get('/api/session')).activeOrganisationId).toBe(
        one.organisation.id,
      );
      // Not even the program admin switches into an organisation it only administers.
      const admin = await as(ctx.app, world.admin).put('/api/session/organisation', {
        organisationId: world.partnerB.organisation.id,
      });
      expect(admin.statusCode).toBe(404);
    });

    it('remembers your language: later errors come in it without Accept-Language', async () => {
      const { people } = await freshPartner();
      const me = as(ctx.app, people[0]);
      const changed = await me.patch('/api/me', { locale: 'sv-SE', name: 'Sven' });
      expect(changed.statusCode).toBe(200);
      expect(json(changed)).toMatchObject({ locale: 'sv-SE', name: 'Sven' });
      expect(json<Session>(await me.get('/api/session')).user.locale).toBe('sv-SE');

      const forbidden = await me.post('/api/organisations', {
        kind: 'partner',
        name: 'Not Allowed',
      });
      expect(forbidden.statusCode).toBe(403);
      expect(problem(forbidden).title).toBe('Din roll tillåter inte den här åtgärden.');
      const invalid = await me.patch('/api/me', { name: '' });
      expect(invalid.statusCode).toBe(400);
      expect(problem(invalid).errors).toEqual([
        expect.objectContaining({ field: 'name', detail: 'Ange ett namn.' }),
      ]);

      // A new sign-in keeps it: the preference is stored with the user, not the session.
      const again = await as(ctx.app).post('/api/session', {
        email: people[0]!.user.email,
        password: PASSWORD,
      });
      expect(json<Session>(again).user.locale).toBe('sv-SE');

      const unsupported = await me.patch('/api/me', { locale: 'tlh' });
      expect(unsupported.statusCode).toBe(400);
      expect(fields(unsupported)).toEqual(['locale']);
    });

    it('changes the password after checking the current one and ends your other sessions', async () => {
      const { people } = await freshPartner();
      const email = people[0]!.user.email;
      const seeded = people[0]!;
      const here = await signIn(email);
      const elsewhere = await signIn(email);

      const wrong = await as(ctx.app, here).post('/api/me/password', {
        currentPassword: 'not my password',
        newPassword: 'a brand new passphrase',
      });
      expect(wrong.statusCode).toBe(400);
      expect(problem(wrong).errors).toEqual([
        expect.objectContaining({ field: 'currentPassword', code: 'password.wrong' }),
      ]);
      const weak = await as(ctx.app, here).post('/api/me/password', {
        currentPassword: PASSWORD,
        newPassword: 'short',
      });
      expect(weak.statusCode).toBe(400);
      expect(fields(weak)).toEqual(['newPassword']);
      expect((await as(ctx.app, elsewhere).get('/api/session')).statusCode).toBe(200);

      const changed = await as(ctx.app, here).post('/api/me/password', {
        currentPassword: PASSWORD,
        newPassword: 'a brand new passphrase',
      });
      expect(changed.statusCode).toBe(204);
      expect((await as(ctx.app, here).get('/api/session')).statusCode).toBe(200);
      expect((await as(ctx.app, elsewhere).get('/api/session')).statusCode).toBe(401);
      expect((await as(ctx.app, seeded).get('/api/session')).statusCode).toBe(401);

      expect(
        (await as(ctx.app).post('/api/session', { email, password: PASSWORD })).statusCode,
      ).toBe(401);
      await signIn(email, 'a brand new passphrase');
    });
  });
});

describe('invitation expiry', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('answers 410 to a link older than its seven days', async () => {
    const vendor = await createVendor(ctx.deps, {
      name: 'Microsoft',
      admin: { email: 'admin@vendor.test', name: 'Admin', password: PASSWORD },
    });
    const admin = as(ctx.app, vendor.admin);
    const invite = async (email: string) => {
      const created = await admin.post(`/api/organisations/${vendor.organisation.id}/invitations`, {
        email,
        roles: ['seller'],
      });
      expect(created.statusCode).toBe(201);
      return json<{ url: string; expiresAt: string }>(created);
    };
    const late = await invite('late@vendor.test');
    expect(Date.parse(late.expiresAt) - ctx.clock.now().getTime()).toBe(7 * 24 * 60 * 60 * 1000);
    const token = late.url.split('/invite/')[1];

    ctx.clock.advance(6 * 24 * 60 * 60 * 1000);
    expect((await as(ctx.app).get(`/api/invitations/${token}`)).statusCode).toBe(200);
    ctx.clock.advance(2 * 24 * 60 * 60 * 1000);
    const preview = await as(ctx.app).get(`/api/invitations/${token}`);
    expect(preview.statusCode).toBe(410);
    expect(problem(preview).code).toBe('INVITATION_INVALID');
    const accept = await as(ctx.app).post(`/api/invitations/${token}/accept`, {
      name: 'Late',
      password: PASSWORD,
    });
    expect(accept.statusCode).toBe(410);
    expect(
      (await as(ctx.app).post('/api/session', { email: 'late@vendor.test', password: PASSWORD }))
        .statusCode,
    ).toBe(401);
  });
});

describe('invitation links are no way around the sign-in throttle', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('counts wrong passwords of an existing account and locks it like sign-in does', async () => {
    const vendor = await createVendor(ctx.deps, {
      name: 'Microsoft',
      admin: { email: 'admin@vendor.test', name: 'Admin', password: PASSWORD },
    });
    const victim = await createOrganisationWithPeople(ctx.deps, vendor.admin.user.id, {
      kind: 'partner',
      name: 'Victim Partner',
      people: [{ email: 'victim@v.test', name: 'Victim', password: PASSWORD, roles: ['owner'] }],
    });
    const rogue = await createOrganisationWithPeople(ctx.deps, vendor.admin.user.id, {
      kind: 'partner',
      name: 'Rogue Partner',
      people: [{ email: 'rogue@r.test', name: 'Rogue', password: PASSWORD, roles: ['owner'] }],
    });
    // Any owner may invite any address and holds the link it gets back.
    const created = await as(ctx.app, rogue.people[0]).post(
      `/api/organisations/${rogue.organisation.id}/invitations`,
      { email: 'victim@v.test', roles: ['viewer'] },
    );
    const token = json<{ url: string }>(created).url.split('/invite/')[1];
    const guess = (password: string) =>
      as(ctx.app).post(`/api/invitations/${token}/accept`, { password });

    const { throttleMaxFailures, throttleLockMs } = ctx.deps.account.settings;
    for (let i = 0; i < throttleMaxFailures; i++) {
      expect((await guess(`wrong guess number ${i}`)).statusCode).toBe(401);
    }
    const locked = await guess(PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(problem(locked).code).toBe('RATE_LIMITED');
    expect(locked.headers['retry-after']).toBeDefined();
    // The same lock holds for signing in to that account.
    const signIn = await as(ctx.app).post('/api/session', {
      email: 'victim@v.test',
      password: PASSWORD,
    });
    expect(signIn.statusCode).toBe(429);
    expect(
      json<Session>(await as(ctx.app, victim.people[0]).get('/api/session')).memberships,
    ).toHaveLength(1);

    ctx.clock.advance(throttleLockMs + 1000);
    expect((await guess(PASSWORD)).statusCode).toBe(200);
  });
});
