import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/access';
import type { MembershipWithOrganisation, UserRecord } from '../accounts/accounts.ports';
import type { Secrets } from '../ports';
import { actorOf, addMember, addOrganisation, createFakes, type Fakes } from '../testing';
import type { Tx, UnitOfWork } from '../transaction';
import type { ApiTokenRecord, TokenRepository } from './tokens.ports';
import * as sut from './tokens.service';
import { parseDays, scopeGrants } from './tokens.types';

/**
 * An in-memory token repository beside the shared fakes: tokens and service principals of
 * its own, the people and memberships of the fakes' state. A run that fails keeps nothing.
 */
function fakeTokens(fakes: Fakes) {
  let tokens: (ApiTokenRecord & { tokenHash: string })[] = [];
  let principals: UserRecord[] = [];
  let principalMemberships: MembershipWithOrganisation[] = [];
  const copy = <T>(v: T): T => structuredClone(v);
  const strip = ({ tokenHash: _hash, ...token }: ApiTokenRecord & { tokenHash: string }) =>
    copy(token);
  const repo: TokenRepository = {
    async createToken(input) {
      const record = {
        ...copy(input),
        id: fakes.id(),
        lastUsedAt: null,
        lastUsedIp: null,
        revokedAt: null,
      };
      tokens.push(record);
      return strip(record);
    },
    async createServicePrincipal({ organisationId, name, roles, now }) {
      const id = fakes.id();
      principals.push({
        id,
        email: `service-${id}@tokens.cosell.invalid`,
        name,
        passwordHash: '!',
        locale: 'en',
        disabledAt: null,
        mutedNotificationKinds: [],
        createdAt: now,
        version: 1,
      });
      const organisation = fakes.state.organisations.find((o) => o.id === organisationId)!;
      principalMemberships.push({
        organisationId,
        userId: id,
        roles,
        createdAt: now,
        version: 1,
        organisation: copy(organisation),
      });
      return id;
    },
    async retireServicePrincipal(organisationId, userId, at) {
      principalMemberships = principalMemberships.filter(
        (m) => !(m.organisationId === organisationId && m.userId === userId),
      );
      principals = principals.map((p) => (p.id === userId ? { ...p, disabledAt: at } : p));
    },
    async listPersonalTokens(userId) {
      return tokens.filter((t) => t.kind === 'personal' && t.userId === userId).map(strip);
    },
    async listServiceTokens(organisationId) {
      return tokens
        .filter((t) => t.kind === 'service' && t.organisationId === organisationId)
        .map(strip);
    },
    async findToken(id) {
      const found = tokens.find((t) => t.id === id);
      return found ? strip(found) : null;
    },
    async revokeToken(id, at) {
      const found = tokens.find((t) => t.id === id && !t.revokedAt);
      if (found) found.revokedAt = at;
      return Boolean(found);
    },
    async findBearer(tokenHash) {
      const token = tokens.find((t) => t.tokenHash === tokenHash);
      if (!token) return null;
      const user = [...fakes.state.users, ...principals].find((u) => u.id === token.userId)!;
      const memberships = actorOf(fakes, user.id).memberships.concat(
        principalMemberships.filter((m) => m.userId === user.id),
      );
      return { token: strip(token), user: copy(user), memberships: copy(memberships) };
    },
    async touchToken(id, at, ip) {
      const found = tokens.find((t) => t.id === id)!;
      found.lastUsedAt = at;
      found.lastUsedIp = ip;
    },
  };
  let touches = 0;
  const counted: TokenRepository = {
    ...repo,
    touchToken: async (...args) => {
      touches++;
      return repo.touchToken(...args);
    },
  };
  const uow: UnitOfWork = {
    run(work, scope, options) {
      const saved = copy({ tokens, principals, principalMemberships });
      return fakes.uow
        .run((tx) => work({ ...tx, tokens: counted } as Tx), scope, options)
        .catch((error: unknown) => {
          ({ tokens, principals, principalMemberships } = saved);
          throw error;
        });
    },
  };
  return {
    uow,
    all: () => tokens,
    touches: () => touches,
  };
}

let fakes: Fakes;
let store: ReturnType<typeof fakeTokens>;
let deps: sut.TokenDeps;
let n = 0;
const secrets: Secrets = {
  token: () => `${'s'.repeat(40)}${String(++n).padStart(3, '0')}`,
  hashToken: (token) => `sha(${token})`,
};

beforeEach(() => {
  fakes = createFakes();
  store = fakeTokens(fakes);
  deps = { uow: store.uow, clock: fakes.clock, secrets, newId: fakes.newId };
});

const DAY = 24 * 60 * 60 * 1000;
const personal = { name: 'crm', scopes: ['offers:read' as const], expiresInDays: 90 };
const service = {
  name: 'connector',
  scopes: ['offers:write' as const],
  roles: ['contributor' as const],
  expiresInDays: 90,
};

function partner() {
  const organisation = addOrganisation(fakes, 'partner', 'Contoso');
  return {
    organisation,
    owner: addMember(fakes, organisation, ['owner']),
    viewer: addMember(fakes, organisation, ['viewer']),
  };
}

describe(sut.createPersonalToken.name, () => {
  it('should return the secret once and keep only its hash, expiring in the days asked', async () => {
    const { owner } = partner();
    const issued = await sut.createPersonalToken(deps, owner, personal);

    expect(issued.secret).toMatch(/^cosell_pat_s{40}\d{3}$/);
    expect(issued.token).toMatchObject({ kind: 'personal', userId: owner.userId, name: 'crm' });
    expect(issued.token.expiresAt).toEqual(new Date(fakes.clock.now().getTime() + 90 * DAY));
    expect(store.all()[0]!.tokenHash).toBe(`sha(${issued.secret})`);
    expect(JSON.stringify(store.all())).not.toContain(`"${issued.secret}"`);
    expect(fakes.uow.runs[0]!.scope).toEqual({ userId: owner.userId });
  });

  it('should refuse an actor that is itself a token', async () => {
    const { owner } = partner();
    const asToken: Actor = {
      ...owner,
      token: { id: 't', kind: 'personal', name: 'x', scopes: [] },
    };
    await expect(sut.createPersonalToken(deps, asToken, personal)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(store.all()).toEqual([]);
  });
});

describe(sut.authenticateBearer.name, () => {
  it('should resolve a secret to its person, with the token, recording the use once a minute', async () => {
    const { owner } = partner();
    const { secret, token } = await sut.createPersonalToken(deps, owner, personal);

    const first = await sut.authenticateBearer(deps, secret, { ip: '192.0.2.1' });
    expect(first?.actor).toEqual({
      ...owner,
      sessionId: null,
      token: { id: token.id, kind: 'personal', name: 'crm', scopes: ['offers:read'] },
    });
    await sut.authenticateBearer(deps, secret, { ip: '192.0.2.1' });
    expect(store.touches()).toBe(1);
    await sut.authenticateBearer(deps, secret, { ip: '192.0.2.2' });
    expect(store.touches()).toBe(2);
    fakes.clock.advance(61_000);
    await sut.authenticateBearer(deps, secret, { ip: '192.0.2.2' });
    expect(store.touches()).toBe(3);
    expect(fakes.uow.runs.at(-1)!.scope).toEqual({ apiTokenHash: `sha(${secret})` });
  });

  it('should refuse a malformed, unknown, revoked or expired secret and a disabled person', async () => {
    const { owner } = partner();
    const { secret } = await sut.createPersonalToken(deps, owner, {
      ...personal,
      expiresInDays: 1,
    });
    expect(await sut.authenticateBearer(deps, 'cosell_pat_short', { ip: null })).toBeNull();
    expect(
      await sut.authenticateBearer(deps, `cosell_pat_${'x'.repeat(43)}`, { ip: null }),
    ).toBeNull();

    fakes.clock.advance(DAY);
    expect(await sut.authenticateBearer(deps, secret, { ip: null })).toBeNull();

    const other = await sut.createPersonalToken(deps, owner, personal);
    await sut.revokePersonalToken(deps, owner, other.token.id);
    expect(await sut.authenticateBearer(deps, other.secret, { ip: null })).toBeNull();

    const third = await sut.createPersonalToken(deps, owner, personal);
    fakes.state.users.find((u) => u.id === owner.userId)!.disabledAt = fakes.clock.now();
    expect(await sut.authenticateBearer(deps, third.secret, { ip: null })).toBeNull();
  });
});

describe(sut.revokePersonalToken.name, () => {
  it("should answer NOT_FOUND for another person's token and leave it working", async () => {
    const { owner, viewer } = partner();
    const { secret, token } = await sut.createPersonalToken(deps, owner, personal);
    await expect(sut.revokePersonalToken(deps, viewer, token.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await sut.authenticateBearer(deps, secret, { ip: null })).not.toBeNull();
  });
});

describe(sut.createServiceToken.name, () => {
  it('should create a service principal member of the organisation, audited as token.create', async () => {
    const { organisation, owner } = partner();
    const issued = await sut.createServiceToken(deps, owner, organisation.id, service, 'req-1');

    expect(issued.secret).toMatch(/^cosell_sat_/);
    const resolved = await sut.authenticateBearer(deps, issued.secret, { ip: null });
    expect(resolved?.actor.userId).not.toBe(owner.userId);
    expect(resolved?.actor.memberships.map((m) => [m.organisationId, m.roles])).toEqual([
      [organisation.id, ['contributor']],
    ]);
    expect(fakes.state.audit).toEqual([
      expect.objectContaining({
        organisationId: organisation.id,
        actorUserId: owner.userId,
        action: 'token.create',
        entityType: 'api-token',
        entityId: issued.token.id,
        requestId: 'req-1',
      }),
    ]);
  });

  it('should keep nothing when the audit entry cannot be written', async () => {
    const { organisation, owner } = partner();
    fakes.failNext('audit.appendAudit');
    await expect(sut.createServiceToken(deps, owner, organisation.id, service)).rejects.toThrow(
      /injected/,
    );
    expect(store.all()).toEqual([]);
  });

  it('should let only owners create them, within the organisation kind, never as owner', async () => {
    const { organisation, owner, viewer } = partner();
    const stranger = addMember(fakes, addOrganisation(fakes, 'partner', 'Fabrikam'), ['owner']);
    await expect(
      sut.createServiceToken(deps, viewer, organisation.id, service),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      sut.createServiceToken(deps, stranger, organisation.id, service),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      sut.createServiceToken(deps, owner, organisation.id, { ...service, roles: ['owner'] }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      sut.createServiceToken(deps, owner, organisation.id, { ...service, roles: ['reviewer'] }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(store.all()).toEqual([]);
  });

  it("should let a vendor program admin manage the vendor's service tokens", async () => {
    const vendor = addOrganisation(fakes, 'vendor', 'Microsoft');
    const admin = addMember(fakes, vendor, ['program-admin']);
    const reviewer = addMember(fakes, vendor, ['reviewer']);
    const issued = await sut.createServiceToken(deps, admin, vendor.id, {
      ...service,
      roles: ['reviewer'],
    });
    await expect(
      sut.createServiceToken(deps, reviewer, vendor.id, { ...service, roles: ['reviewer'] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    await sut.revokeServiceToken(deps, admin, vendor.id, issued.token.id);
    expect(await sut.authenticateBearer(deps, issued.secret, { ip: null })).toBeNull();
    expect(fakes.state.audit.map((a) => a.action)).toEqual(['token.create', 'token.revoke']);
    // Both are domain events of the organisation (for webhooks and its activity), never with
    // the secret.
    expect(
      fakes.state.events.map((e) => [e.type, e.organisationId, e.subject.id, e.actor.kind]),
    ).toEqual([
      ['service-token.created', vendor.id, issued.token.id, 'user'],
      ['service-token.revoked', vendor.id, issued.token.id, 'user'],
    ]);
    expect(JSON.stringify(fakes.state.events)).not.toContain(issued.secret);
  });
});

describe('scopes and durations', () => {
  it('should let a write scope include the read of its area only', () => {
    expect(scopeGrants(['offers:write'], 'offers:read')).toBe(true);
    expect(scopeGrants(['offers:read'], 'offers:write')).toBe(false);
    expect(scopeGrants(['offers:write'], 'contacts:read')).toBe(false);
  });

  it('should read durations in days, weeks and years', () => {
    expect(parseDays('90d')).toBe(90);
    expect(parseDays('12')).toBe(12);
    expect(parseDays('2w')).toBe(14);
    expect(parseDays('1y')).toBe(365);
    expect(parseDays('soon')).toBeNull();
  });
});
