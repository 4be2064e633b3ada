import { beforeEach, describe, expect, it } from 'vitest';
import { sampleTaxonomy } from '../program/taxonomy';
import {
  actorOf,
  addMember,
  addMembership,
  addUser,
  createFakes,
  eventsOf,
  seedProgram,
  type Fakes,
} from '../testing';
import * as sut from './accounts.service';

const HOUR = 3_600_000;
const ORIGIN: sut.RequestOrigin = { ip: '203.0.113.7', userAgent: 'Test browser' };
const PASSWORD = 'correct horse battery';

let fakes: Fakes;
let deps: sut.AccountDeps & { newId: () => string };

beforeEach(() => {
  fakes = createFakes();
  deps = {
    uow: fakes.uow,
    clock: fakes.clock,
    passwords: fakes.passwords,
    secrets: fakes.secrets,
    settings: sut.DEFAULT_ACCOUNT_SETTINGS,
    initialTaxonomy: sampleTaxonomy,
    newId: fakes.newId,
  };
});

const SETUP = {
  organisationName: 'Northwind Program',
  name: 'Pat Admin',
  email: 'pat@northwind.example',
  password: PASSWORD,
  locale: 'en',
} as const;

describe(sut.isSetupNeeded.name, () => {
  it('should say so on a fresh installation, and not once someone has an account', async () => {
    await expect(sut.isSetupNeeded(deps)).resolves.toBe(true);

    addUser(fakes);

    await expect(sut.isSetupNeeded(deps)).resolves.toBe(false);
  });
});

describe(sut.completeSetup.name, () => {
  it('should create the vendor, its program and the first program admin, audit it, announce it and sign them in', async () => {
    const issued = await sut.completeSetup(deps, SETUP, ORIGIN);

    const [vendor] = fakes.state.organisations;
    const [user] = fakes.state.users;
    expect(vendor).toMatchObject({ kind: 'vendor', name: 'Northwind Program' });
    expect(fakes.state.programs).toEqual([
      expect.objectContaining({
        organisationId: vendor!.id,
        activePolicy: '2021-09',
        taxonomy: sampleTaxonomy(),
      }),
    ]);
    expect(user).toMatchObject({ email: SETUP.email, passwordHash: `hash(${PASSWORD})` });
    expect(fakes.state.memberships).toEqual([
      expect.objectContaining({
        organisationId: vendor!.id,
        userId: user!.id,
        roles: ['program-admin'],
      }),
    ]);
    expect(issued.token).toBe('token-1');
    expect(issued.session).toMatchObject({
      id: 'sha(token-1)',
      userId: user!.id,
      activeOrganisationId: vendor!.id,
      expiresAt: new Date(fakes.clock.now().getTime() + 12 * HOUR),
    });
    expect(fakes.state.audit).toEqual([
      expect.objectContaining({
        organisationId: vendor!.id,
        actorUserId: user!.id,
        action: 'program.setup',
        entityType: 'organisation',
        entityId: vendor!.id,
      }),
    ]);
    expect(eventsOf(fakes)).toEqual([
      expect.objectContaining({
        type: 'setup.completed',
        organisationId: vendor!.id,
        subject: { type: 'organisation', id: vendor!.id },
        data: { vendorName: 'Northwind Program', adminUserId: user!.id },
        actor: { kind: 'user', id: user!.id },
      }),
    ]);
  });

  it('should refuse a second set-up with SETUP_DONE and change nothing', async () => {
    await sut.completeSetup(deps, SETUP, ORIGIN);
    const before = structuredClone(fakes.state);

    await expect(
      sut.completeSetup(
        deps,
        { ...SETUP, organisationName: 'Other', email: 'x@y.example' },
        ORIGIN,
      ),
    ).rejects.toMatchObject({ code: 'SETUP_DONE' });
    expect(fakes.state).toEqual(before);
  });

  it('should leave no half-made installation when a step fails', async () => {
    fakes.failNext('memberships.createMembership');

    await expect(sut.completeSetup(deps, SETUP, ORIGIN)).rejects.toThrow('injected failure');

    expect(fakes.state.organisations).toEqual([]);
    expect(fakes.state.users).toEqual([]);
    expect(fakes.state.programs).toEqual([]);
    await expect(sut.isSetupNeeded(deps)).resolves.toBe(true);
  });
});

describe(sut.signIn.name, () => {
  let world: ReturnType<typeof seedProgram>;
  let email: string;

  beforeEach(() => {
    world = seedProgram(fakes);
    email = fakes.state.users.find((u) => u.id === world.owner.userId)!.email;
  });

  const signIn = (password = PASSWORD, previousToken?: string, origin = ORIGIN) =>
    sut.signIn(deps, { email, password, previousToken }, origin);

  it('should sign the person in to their organisation with a fresh session', async () => {
    const issued = await signIn();

    expect(issued.user.id).toBe(world.owner.userId);
    expect(fakes.state.sessions).toEqual([
      expect.objectContaining({
        id: `sha(${issued.token})`,
        userId: world.owner.userId,
        activeOrganisationId: world.partner.id,
        userAgent: 'Test browser',
      }),
    ]);
  });

  it('should accept the e-mail in any case', async () => {
    await expect(
      sut.signIn(deps, { email: email.toUpperCase(), password: PASSWORD }, ORIGIN),
    ).resolves.toMatchObject({ user: { id: world.owner.userId } });
  });

  it('should end the previous session of the browser', async () => {
    const first = await signIn();

    const second = await signIn(PASSWORD, first.token);

    expect(fakes.state.sessions.map((s) => s.id)).toEqual([`sha(${second.token})`]);
  });

  it('should refuse a wrong password with INVALID_CREDENTIALS and count the failure by account, address and both', async () => {
    await expect(signIn('wrong')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });

    expect(fakes.state.sessions).toEqual([]);
    expect(fakes.state.throttles.map((t) => [t.key, t.failures]).sort()).toEqual([
      [`account:${email}`, 1],
      ['address:203.0.113.7', 1],
      [`pair:${email}|203.0.113.7`, 1],
    ]);
  });

  it('should give an unknown e-mail and a disabled account the same answer', async () => {
    await expect(
      sut.signIn(deps, { email: 'nobody@example.com', password: PASSWORD }, ORIGIN),
    ).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    fakes.state.users.find((u) => u.id === world.owner.userId)!.disabledAt = fakes.clock.now();
    await expect(signIn()).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });

  it('should refuse the address after too many failures, even with the right password', async () => {
    for (let i = 0; i < 5; i++) await signIn('wrong').catch(() => {});

    await expect(signIn()).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 900 });

    fakes.clock.advance(15 * 60_000 + 1000);
    await expect(signIn()).resolves.toMatchObject({ user: { id: world.owner.userId } });
  });

  it('should let the owner sign in from another address while one address is refused', async () => {
    for (let i = 0; i < 5; i++) await signIn('wrong').catch(() => {});

    await expect(
      sut.signIn(deps, { email, password: PASSWORD }, { ip: '198.51.100.1' }),
    ).resolves.toMatchObject({ user: { id: world.owner.userId } });
    await expect(signIn()).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('should refuse an address longer after each further failure', async () => {
    const retries: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < (round === 0 ? 5 : 1); i++) await signIn('wrong').catch(() => {});
      const refused = await signIn().catch((error: { retryAfterSeconds: number }) => error);
      retries.push((refused as { retryAfterSeconds: number }).retryAfterSeconds);
      fakes.clock.advance(retries.at(-1)! * 1000 + 1000);
    }

    expect(retries).toEqual([900, 1800, 3600]);
  });

  it('should give each address one try while an account is under attack, and a clean one still succeeds', async () => {
    const ceiling = deps.settings.throttleAccountCeiling;
    for (let i = 0; i <= ceiling; i++) {
      await sut
        .signIn(deps, { email, password: 'wrong' }, { ip: `10.0.${Math.floor(i / 4)}.${i % 4}` })
        .catch(() => {});
    }
    const attacker = { ip: '192.0.2.50' };
    await expect(sut.signIn(deps, { email, password: 'wrong' }, attacker)).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    await expect(sut.signIn(deps, { email, password: 'wrong' }, attacker)).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });

    await expect(
      sut.signIn(deps, { email, password: PASSWORD }, { ip: '198.51.100.1' }),
    ).resolves.toMatchObject({ user: { id: world.owner.userId } });
  });

  it('should refuse an address that guesses many accounts', async () => {
    const other = fakes.state.users.find((u) => u.id === world.viewer.userId)!;
    for (let i = 0; i < deps.settings.throttleAddressMaxFailures; i++) {
      await sut
        .signIn(deps, { email: `nobody${i}@example.com`, password: 'wrong' }, ORIGIN)
        .catch(() => {});
    }

    await expect(
      sut.signIn(deps, { email: other.email, password: PASSWORD }, ORIGIN),
    ).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(
      sut.signIn(deps, { email: other.email, password: PASSWORD }, { ip: '198.51.100.1' }),
    ).resolves.toMatchObject({ user: { id: other.id } });
  });

  it('should throttle the current-password check of a password change on the same counters', async () => {
    const actor = actorOf(fakes, world.owner.userId);
    const change = (currentPassword: string) =>
      sut.changePassword(
        deps,
        actor,
        { currentPassword, newPassword: 'a brand new passphrase' },
        ORIGIN,
      );
    for (let i = 0; i < 5; i++) {
      await expect(change('wrong')).rejects.toMatchObject({ code: 'VALIDATION' });
    }

    await expect(change(PASSWORD)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(signIn()).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('should forget the failures of this address after a successful sign-in', async () => {
    await signIn('wrong').catch(() => {});

    await signIn();

    expect(fakes.state.throttles.map((t) => [t.key, t.failures]).sort()).toEqual([
      [`account:${email}`, 1],
      ['address:203.0.113.7', 1],
    ]);
  });
});

describe(sut.authenticate.name, () => {
  let world: ReturnType<typeof seedProgram>;
  let token: string;

  beforeEach(async () => {
    world = seedProgram(fakes);
    const email = fakes.state.users.find((u) => u.id === world.owner.userId)!.email;
    ({ token } = await sut.signIn(deps, { email, password: PASSWORD }, ORIGIN));
  });

  it('should load the session with the person and their memberships', async () => {
    const found = await sut.authenticate(deps, token);

    expect(found).toMatchObject({
      session: { userId: world.owner.userId },
      user: { id: world.owner.userId },
      memberships: [
        { organisationId: world.partner.id, roles: ['owner'], organisation: { name: 'Contoso' } },
      ],
    });
  });

  it('should note activity at most once a minute', async () => {
    const signedInAt = fakes.clock.now();
    fakes.clock.advance(30_000);
    await sut.authenticate(deps, token);
    expect(fakes.state.sessions[0]!.lastSeenAt).toEqual(signedInAt);

    fakes.clock.advance(60_000);
    await sut.authenticate(deps, token);
    expect(fakes.state.sessions[0]!.lastSeenAt).toEqual(fakes.clock.now());
  });

  it('should end a session left idle too long', async () => {
    fakes.clock.advance(HOUR + 1);

    await expect(sut.authenticate(deps, token)).resolves.toBeNull();
    expect(fakes.state.sessions).toEqual([]);
  });

  it('should end a session past its absolute lifetime, however active', async () => {
    for (let i = 0; i < 25; i++) {
      fakes.clock.advance(30 * 60_000);
      await sut.authenticate(deps, token);
    }

    await expect(sut.authenticate(deps, token)).resolves.toBeNull();
    expect(fakes.state.sessions).toEqual([]);
  });

  it('should not let a disabled person in', async () => {
    fakes.state.users.find((u) => u.id === world.owner.userId)!.disabledAt = fakes.clock.now();

    await expect(sut.authenticate(deps, token)).resolves.toBeNull();
  });

  it('should know nothing of an unknown token', async () => {
    await expect(sut.authenticate(deps, 'forged')).resolves.toBeNull();
  });
});

describe(sut.signOut.name, () => {
  it('should end the session on the server', async () => {
    const world = seedProgram(fakes);
    const email = fakes.state.users.find((u) => u.id === world.owner.userId)!.email;
    const { token } = await sut.signIn(deps, { email, password: PASSWORD }, ORIGIN);

    await sut.signOut(deps, token);

    expect(fakes.state.sessions).toEqual([]);
    await expect(sut.authenticate(deps, token)).resolves.toBeNull();
  });
});

describe(sut.switchOrganisation.name, () => {
  it("should make another of the person's organisations the session's active one", async () => {
    const world = seedProgram(fakes);
    const email = fakes.state.users.find((u) => u.id === world.owner.userId)!.email;
    const { session } = await sut.signIn(deps, { email, password: PASSWORD }, ORIGIN);
    addMembership(fakes, world.other, world.owner.userId, ['viewer']);
    const actor = actorOf(fakes, world.owner.userId, session.id);

    await sut.switchOrganisation(deps, actor, world.other.id);

    expect(fakes.state.sessions[0]!.activeOrganisationId).toBe(world.other.id);
  });

  it('should answer NOT_FOUND for an organisation the person does not belong to', async () => {
    const world = seedProgram(fakes);

    await expect(sut.switchOrganisation(deps, world.owner, world.other.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('should answer UNAUTHENTICATED without a session', async () => {
    const world = seedProgram(fakes);

    await expect(
      sut.switchOrganisation(deps, { ...world.owner, sessionId: null }, world.partner.id),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe(sut.updateProfile.name, () => {
  it("should change the person's own name and language", async () => {
    const world = seedProgram(fakes);

    const user = await sut.updateProfile(
      deps,
      world.owner,
      { name: 'Olive O.', locale: 'sv-SE' },
      [1],
    );

    expect(user).toMatchObject({ name: 'Olive O.', locale: 'sv-SE', version: 2 });
  });

  it('should refuse a stale If-Match with PRECONDITION_FAILED', async () => {
    const world = seedProgram(fakes);

    await expect(
      sut.updateProfile(deps, world.owner, { name: 'Olive O.' }, [7]),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect(fakes.state.users.find((u) => u.id === world.owner.userId)!.name).toBe('Olive Owner');
  });
});

describe(sut.changePassword.name, () => {
  it('should change the password and end every other session', async () => {
    const world = seedProgram(fakes);
    const email = fakes.state.users.find((u) => u.id === world.owner.userId)!.email;
    const here = await sut.signIn(deps, { email, password: PASSWORD }, ORIGIN);
    await sut.signIn(deps, { email, password: PASSWORD }, { ip: '198.51.100.1' });

    await sut.changePassword(
      deps,
      actorOf(fakes, world.owner.userId, here.session.id),
      { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' },
      ORIGIN,
    );

    expect(fakes.state.users.find((u) => u.id === world.owner.userId)!.passwordHash).toBe(
      'hash(a brand new passphrase)',
    );
    expect(fakes.state.sessions.map((s) => s.id)).toEqual([here.session.id]);
  });

  it('should refuse a wrong current password on its field', async () => {
    const world = seedProgram(fakes);

    await expect(
      sut.changePassword(
        deps,
        world.owner,
        { currentPassword: 'wrong', newPassword: 'x'.repeat(12) },
        ORIGIN,
      ),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: ['currentPassword'], code: 'password.wrong' }],
    });
    expect(fakes.state.users.find((u) => u.id === world.owner.userId)!.passwordHash).toBe(
      `hash(${PASSWORD})`,
    );
  });
});

describe(sut.createOrganisation.name, () => {
  it('should create a partner organisation, audit it there and announce organisation.created', async () => {
    const world = seedProgram(fakes);

    const created = await sut.createOrganisation(
      deps,
      world.programAdmin,
      { kind: 'partner', name: 'Adatum' },
      'req-1',
    );

    expect(created).toMatchObject({ kind: 'partner', name: 'Adatum', version: 1 });
    expect(fakes.state.audit).toEqual([
      expect.objectContaining({
        organisationId: created.id,
        actorUserId: world.programAdmin.userId,
        action: 'organisation.create',
        entityType: 'organisation',
        entityId: created.id,
        after: { kind: 'partner', name: 'Adatum' },
        requestId: 'req-1',
      }),
    ]);
    expect(eventsOf(fakes)).toEqual([
      expect.objectContaining({
        type: 'organisation.created',
        organisationId: created.id,
        subject: { type: 'organisation', id: created.id },
        data: { kind: 'partner', name: 'Adatum' },
      }),
    ]);
  });

  it('should refuse a name in use, in any case, on the name field', async () => {
    const world = seedProgram(fakes);

    await expect(
      sut.createOrganisation(deps, world.programAdmin, { kind: 'reseller', name: 'CONTOSO' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: ['name'], code: 'error.CONFLICT' }],
    });
    expect(fakes.state.organisations).toHaveLength(4);
    expect(fakes.state.events).toEqual([]);
  });

  it('should refuse everyone but a program admin with FORBIDDEN', async () => {
    const world = seedProgram(fakes);

    for (const actor of [world.reviewer, world.owner]) {
      await expect(
        sut.createOrganisation(deps, actor, { kind: 'partner', name: 'Adatum' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(fakes.state.organisations).toHaveLength(4);
    expect(fakes.state.audit).toEqual([]);
  });
});

describe(sut.renameOrganisation.name, () => {
  let world: ReturnType<typeof seedProgram>;
  beforeEach(() => {
    world = seedProgram(fakes);
  });

  it('should rename the organisation, audit the old and new name and announce organisation.renamed', async () => {
    const renamed = await sut.renameOrganisation(
      deps,
      world.owner,
      world.partner.id,
      'Contoso Ltd',
      [1],
    );

    expect(renamed).toMatchObject({ name: 'Contoso Ltd', version: 2 });
    expect(fakes.state.audit).toEqual([
      expect.objectContaining({
        action: 'organisation.rename',
        before: { name: 'Contoso' },
        after: { name: 'Contoso Ltd' },
      }),
    ]);
    expect(eventsOf(fakes)).toEqual([
      expect.objectContaining({
        type: 'organisation.renamed',
        organisationId: world.partner.id,
        data: { from: 'Contoso', to: 'Contoso Ltd' },
      }),
    ]);
  });

  it('should let the program admin rename a partner it administers', async () => {
    await sut.renameOrganisation(deps, world.programAdmin, world.partner.id, 'Contoso Ltd', 'any');

    expect(fakes.state.organisations.find((o) => o.id === world.partner.id)!.name).toBe(
      'Contoso Ltd',
    );
  });

  it('should refuse a stale If-Match with PRECONDITION_FAILED and keep the name', async () => {
    await expect(
      sut.renameOrganisation(deps, world.owner, world.partner.id, 'Contoso Ltd', [0]),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });

    expect(fakes.state.organisations.find((o) => o.id === world.partner.id)!.name).toBe('Contoso');
    expect(fakes.state.audit).toEqual([]);
    expect(fakes.state.events).toEqual([]);
  });

  it('should refuse a manager with FORBIDDEN and another partner with NOT_FOUND', async () => {
    await expect(
      sut.renameOrganisation(deps, world.manager, world.partner.id, 'X Corp', 'any'),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      sut.renameOrganisation(deps, world.otherOwner, world.partner.id, 'X Corp', 'any'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(fakes.state.events).toEqual([]);
  });

  it('should refuse a name another organisation holds', async () => {
    await expect(
      sut.renameOrganisation(deps, world.owner, world.partner.id, 'fabrikam', 'any'),
    ).rejects.toMatchObject({ code: 'VALIDATION', issues: [{ path: ['name'] }] });
  });
});

describe(sut.inviteMember.name, () => {
  let world: ReturnType<typeof seedProgram>;
  beforeEach(() => {
    world = seedProgram(fakes);
  });

  it('should issue a link that expires in a week, audit it and announce member.invited', async () => {
    const { token, invitation } = await sut.inviteMember(
      deps,
      world.owner,
      world.partner.id,
      { email: 'new@contoso.example', roles: ['contributor'] },
      'req-2',
    );

    expect(token).toBe('token-1');
    expect(invitation).toMatchObject({
      organisationId: world.partner.id,
      email: 'new@contoso.example',
      roles: ['contributor'],
      tokenHash: 'sha(token-1)',
      invitedBy: world.owner.userId,
      expiresAt: new Date(fakes.clock.now().getTime() + 7 * 24 * HOUR),
    });
    expect(fakes.state.audit).toEqual([
      expect.objectContaining({
        action: 'invitation.create',
        entityType: 'invitation',
        entityId: invitation.id,
        after: { email: 'new@contoso.example', roles: ['contributor'] },
        requestId: 'req-2',
      }),
    ]);
    expect(eventsOf(fakes)).toEqual([
      expect.objectContaining({
        type: 'member.invited',
        subject: { type: 'invitation', id: invitation.id },
        data: {
          invitationId: invitation.id,
          email: 'new@contoso.example',
          roles: ['contributor'],
        },
      }),
    ]);
  });

  it("should refuse roles that the organisation's kind does not have", async () => {
    await expect(
      sut.inviteMember(deps, world.owner, world.partner.id, {
        email: 'new@contoso.example',
        roles: ['reviewer'],
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: ['roles'], code: 'error.roleNotForKind', params: { role: 'reviewer' } }],
    });
    expect(fakes.state.invitations).toEqual([]);
  });

  it('should refuse to invite someone who is already a member', async () => {
    const viewer = fakes.state.users.find((u) => u.id === world.viewer.userId)!;

    await expect(
      sut.inviteMember(deps, world.owner, world.partner.id, {
        email: viewer.email.toUpperCase(),
        roles: ['manager'],
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: ['email'], code: 'error.alreadyMember' }],
    });
  });

  it("should let the program admin invite a partner's first owner", async () => {
    const adatum = await sut.createOrganisation(deps, world.programAdmin, {
      kind: 'partner',
      name: 'Adatum',
    });

    const { invitation } = await sut.inviteMember(deps, world.programAdmin, adatum.id, {
      email: 'owner@adatum.example',
      roles: ['owner'],
    });

    expect(invitation.organisationId).toBe(adatum.id);
  });

  it('should refuse a manager with FORBIDDEN and another partner with NOT_FOUND', async () => {
    const input = { email: 'new@contoso.example', roles: ['viewer' as const] };

    await expect(
      sut.inviteMember(deps, world.manager, world.partner.id, input),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      sut.inviteMember(deps, world.otherOwner, world.partner.id, input),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(fakes.state.invitations).toEqual([]);
    expect(fakes.state.events).toEqual([]);
  });
});

describe(sut.previewInvitation.name, () => {
  it('should show where the link leads and whether the person already has an account', async () => {
    const world = seedProgram(fakes);
    const { token } = await sut.inviteMember(deps, world.owner, world.partner.id, {
      email: 'new@contoso.example',
      roles: ['viewer'],
    });

    await expect(sut.previewInvitation(deps, token)).resolves.toMatchObject({
      organisationName: 'Contoso',
      organisationKind: 'partner',
      email: 'new@contoso.example',
      roles: ['viewer'],
      accountExists: false,
    });
  });

  it('should answer INVITATION_INVALID for an unknown, expired or revoked link', async () => {
    const world = seedProgram(fakes);
    const { token, invitation } = await sut.inviteMember(deps, world.owner, world.partner.id, {
      email: 'new@contoso.example',
      roles: ['viewer'],
    });

    await expect(sut.previewInvitation(deps, 'token-forged')).rejects.toMatchObject({
      code: 'INVITATION_INVALID',
    });
    fakes.clock.advance(7 * 24 * HOUR);
    await expect(sut.previewInvitation(deps, token)).rejects.toMatchObject({
      code: 'INVITATION_INVALID',
    });
    fakes.clock.advance(-1);
    await sut.revokeInvitation(deps, world.owner, world.partner.id, invitation.id);
    await expect(sut.previewInvitation(deps, token)).rejects.toMatchObject({
      code: 'INVITATION_INVALID',
    });
  });
});

describe(sut.acceptInvitation.name, () => {
  let world: ReturnType<typeof seedProgram>;
  beforeEach(() => {
    world = seedProgram(fakes);
  });

  const invite = (email = 'new@contoso.example') =>
    sut.inviteMember(deps, world.owner, world.partner.id, { email, roles: ['contributor'] });

  it('should create the account and membership of a new person, audit it, announce member.joined and sign them in', async () => {
    const { token, invitation } = await invite();

    const issued = await sut.acceptInvitation(
      deps,
      token,
      { name: 'Nia New', password: PASSWORD, locale: 'pl-PL' },
      ORIGIN,
    );

    expect(issued.user).toMatchObject({
      email: 'new@contoso.example',
      name: 'Nia New',
      locale: 'pl-PL',
      passwordHash: `hash(${PASSWORD})`,
    });
    expect(issued.session.activeOrganisationId).toBe(world.partner.id);
    expect(fakes.state.memberships).toContainEqual(
      expect.objectContaining({
        organisationId: world.partner.id,
        userId: issued.user.id,
        roles: ['contributor'],
      }),
    );
    expect(fakes.state.invitations[0]!.acceptedAt).toEqual(fakes.clock.now());
    expect(fakes.state.audit.at(-1)).toMatchObject({
      organisationId: world.partner.id,
      actorUserId: issued.user.id,
      action: 'invitation.accept',
      entityType: 'membership',
      entityId: issued.user.id,
      after: { roles: ['contributor'] },
    });
    expect(eventsOf(fakes).at(-1)).toMatchObject({
      type: 'member.joined',
      organisationId: world.partner.id,
      subject: { type: 'membership', id: issued.user.id },
      data: { userId: issued.user.id, roles: ['contributor'] },
      actor: { kind: 'user', id: issued.user.id },
    });
    expect(invitation.id).toBe(fakes.state.invitations[0]!.id);
  });

  it('should want a name from a new person, and keep the link usable', async () => {
    const { token } = await invite();

    await expect(
      sut.acceptInvitation(deps, token, { password: PASSWORD, locale: 'en' }, ORIGIN),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: ['name'], code: 'name.required' }],
    });
    expect(fakes.state.users.some((u) => u.email === 'new@contoso.example')).toBe(false);
    await expect(sut.previewInvitation(deps, token)).resolves.toBeTruthy();
  });

  it('should let an existing account join once it proves its password', async () => {
    const existing = addUser(fakes, { email: 'known@example.com' });
    const { token } = await invite('known@example.com');
    const users = fakes.state.users.length;

    const issued = await sut.acceptInvitation(
      deps,
      token,
      { password: PASSWORD, locale: 'en' },
      ORIGIN,
    );

    expect(issued.user.id).toBe(existing.id);
    expect(fakes.state.users).toHaveLength(users);
    expect(actorOf(fakes, existing.id).memberships.map((m) => m.organisationId)).toEqual([
      world.partner.id,
    ]);
  });

  it('should refuse an existing account with a wrong password, count it, and keep the link open', async () => {
    addUser(fakes, { email: 'known@example.com' });
    const { token } = await invite('known@example.com');

    await expect(
      sut.acceptInvitation(deps, token, { password: 'guess', locale: 'en' }, ORIGIN),
    ).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });

    expect(fakes.state.throttles.map((t) => t.key)).toContain('pair:known@example.com|203.0.113.7');
    expect(fakes.state.invitations[0]!.acceptedAt).toBeNull();
    expect(fakes.state.events.map((e) => e.type)).toEqual(['member.invited']);
  });

  it('should refuse a disabled account even with its right password, and keep the link unused', async () => {
    const existing = addUser(fakes, { email: 'known@example.com', disabledAt: fakes.clock.now() });
    const { token } = await invite('known@example.com');

    await expect(
      sut.acceptInvitation(deps, token, { password: PASSWORD, locale: 'en' }, ORIGIN),
    ).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });

    expect(fakes.state.invitations[0]!.acceptedAt).toBeNull();
    expect(fakes.state.memberships.some((m) => m.userId === existing.id)).toBe(false);
  });

  it('should forget sign-in failures once an existing account proves its password', async () => {
    addUser(fakes, { email: 'known@example.com' });
    const { token } = await invite('known@example.com');
    await sut
      .acceptInvitation(deps, token, { password: 'guess', locale: 'en' }, ORIGIN)
      .catch(() => {});

    await sut.acceptInvitation(deps, token, { password: PASSWORD, locale: 'en' }, ORIGIN);

    expect(fakes.state.throttles.map((t) => t.key)).not.toContain(
      'pair:known@example.com|203.0.113.7',
    );
  });

  it('should not let a new person join as an account someone created meanwhile', async () => {
    const { token } = await invite();
    // The new person's password is hashed between the link check and the join: an account
    // with the invited address appears in that moment.
    const passwords = {
      ...fakes.passwords,
      hash: async (password: string) => {
        addUser(fakes, { email: 'new@contoso.example' });
        return fakes.passwords.hash(password);
      },
    };

    await expect(
      sut.acceptInvitation(
        { ...deps, passwords },
        token,
        { name: 'Nia', password: PASSWORD, locale: 'en' },
        ORIGIN,
      ),
    ).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(fakes.state.invitations[0]!.acceptedAt).toBeNull();
    const meanwhile = fakes.state.users.find((u) => u.email === 'new@contoso.example')!;
    expect(actorOf(fakes, meanwhile.id).memberships).toEqual([]);
  });

  it('should work once only', async () => {
    const { token } = await invite();
    await sut.acceptInvitation(
      deps,
      token,
      { name: 'Nia', password: PASSWORD, locale: 'en' },
      ORIGIN,
    );

    await expect(
      sut.acceptInvitation(deps, token, { name: 'Nia', password: PASSWORD, locale: 'en' }, ORIGIN),
    ).rejects.toMatchObject({ code: 'INVITATION_INVALID' });
  });
});

describe(sut.revokeInvitation.name, () => {
  let world: ReturnType<typeof seedProgram>;
  beforeEach(() => {
    world = seedProgram(fakes);
  });

  it('should stop the link working, audit it and announce invitation.revoked', async () => {
    const { token, invitation } = await sut.inviteMember(deps, world.owner, world.partner.id, {
      email: 'new@contoso.example',
      roles: ['viewer'],
    });

    await sut.revokeInvitation(deps, world.owner, world.partner.id, invitation.id, 'req-3');

    await expect(sut.previewInvitation(deps, token)).rejects.toMatchObject({
      code: 'INVITATION_INVALID',
    });
    expect(fakes.state.audit.at(-1)).toMatchObject({
      action: 'invitation.revoke',
      entityType: 'invitation',
      entityId: invitation.id,
      requestId: 'req-3',
    });
    expect(eventsOf(fakes).at(-1)).toMatchObject({
      type: 'invitation.revoked',
      subject: { type: 'invitation', id: invitation.id },
      data: { invitationId: invitation.id },
    });
  });

  it("should answer NOT_FOUND for another organisation's invitation", async () => {
    const { invitation } = await sut.inviteMember(deps, world.otherOwner, world.other.id, {
      email: 'new@fabrikam.example',
      roles: ['viewer'],
    });

    await expect(
      sut.revokeInvitation(deps, world.owner, world.partner.id, invitation.id),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(fakes.state.invitations[0]!.revokedAt).toBeNull();
  });

  it('should refuse a manager with FORBIDDEN', async () => {
    const { invitation } = await sut.inviteMember(deps, world.owner, world.partner.id, {
      email: 'new@contoso.example',
      roles: ['viewer'],
    });

    await expect(
      sut.revokeInvitation(deps, world.manager, world.partner.id, invitation.id),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(fakes.state.invitations[0]!.revokedAt).toBeNull();
  });
});

describe(sut.changeMemberRoles.name, () => {
  let world: ReturnType<typeof seedProgram>;
  beforeEach(() => {
    world = seedProgram(fakes);
  });
  const rolesOf = (userId: string) =>
    fakes.state.memberships.find(
      (m) => m.organisationId === world.partner.id && m.userId === userId,
    )!.roles;

  it('should change the roles, audit before and after and announce member.roles-changed', async () => {
    const updated = await sut.changeMemberRoles(
      deps,
      world.owner,
      world.partner.id,
      world.manager.userId,
      ['contributor'],
      [1],
      'req-4',
    );

    expect(updated).toMatchObject({ roles: ['contributor'], version: 2 });
    expect(fakes.state.audit).toEqual([
      expect.objectContaining({
        action: 'membership.update',
        entityType: 'membership',
        entityId: world.manager.userId,
        before: { roles: ['manager'] },
        after: { roles: ['contributor'] },
        requestId: 'req-4',
      }),
    ]);
    expect(eventsOf(fakes)).toEqual([
      expect.objectContaining({
        type: 'member.roles-changed',
        subject: { type: 'membership', id: world.manager.userId },
        data: { userId: world.manager.userId, from: ['manager'], to: ['contributor'] },
      }),
    ]);
  });

  it('should keep the last owner an owner', async () => {
    await expect(
      sut.changeMemberRoles(
        deps,
        world.owner,
        world.partner.id,
        world.owner.userId,
        ['manager'],
        'any',
      ),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: ['roles'], code: 'error.lastOwner' }],
    });
    expect(rolesOf(world.owner.userId)).toEqual(['owner']);
    expect(fakes.state.audit).toEqual([]);
    expect(fakes.state.events).toEqual([]);
  });

  it('should let an owner step down while another owner remains', async () => {
    const second = addMember(fakes, world.partner, ['owner']);

    await sut.changeMemberRoles(
      deps,
      second,
      world.partner.id,
      world.owner.userId,
      ['manager'],
      'any',
    );

    expect(rolesOf(world.owner.userId)).toEqual(['manager']);
  });

  it('should refuse a stale If-Match with PRECONDITION_FAILED and keep the roles', async () => {
    await expect(
      sut.changeMemberRoles(
        deps,
        world.owner,
        world.partner.id,
        world.manager.userId,
        ['viewer'],
        [2],
      ),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect(rolesOf(world.manager.userId)).toEqual(['manager']);
    expect(fakes.state.events).toEqual([]);
  });

  it("should refuse roles that the organisation's kind does not have", async () => {
    await expect(
      sut.changeMemberRoles(
        deps,
        world.owner,
        world.partner.id,
        world.manager.userId,
        ['program-admin'],
        'any',
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION', issues: [{ code: 'error.roleNotForKind' }] });
  });

  it('should answer NOT_FOUND for someone who is not a member', async () => {
    await expect(
      sut.changeMemberRoles(
        deps,
        world.owner,
        world.partner.id,
        world.otherOwner.userId,
        ['viewer'],
        'any',
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('should refuse a manager with FORBIDDEN and another partner with NOT_FOUND', async () => {
    await expect(
      sut.changeMemberRoles(
        deps,
        world.manager,
        world.partner.id,
        world.viewer.userId,
        ['owner'],
        'any',
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      sut.changeMemberRoles(
        deps,
        world.otherOwner,
        world.partner.id,
        world.viewer.userId,
        ['owner'],
        'any',
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(rolesOf(world.viewer.userId)).toEqual(['viewer']);
  });

  it("should let the program admin change a partner's roles, but not touch the vendor's own last admin", async () => {
    await sut.changeMemberRoles(
      deps,
      world.programAdmin,
      world.partner.id,
      world.viewer.userId,
      ['manager'],
      'any',
    );
    expect(rolesOf(world.viewer.userId)).toEqual(['manager']);

    await expect(
      sut.changeMemberRoles(
        deps,
        world.programAdmin,
        world.vendor.id,
        world.programAdmin.userId,
        ['reviewer'],
        'any',
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION', issues: [{ code: 'error.lastOwner' }] });
  });
});

describe(sut.removeMember.name, () => {
  let world: ReturnType<typeof seedProgram>;
  beforeEach(() => {
    world = seedProgram(fakes);
  });
  const isMember = (userId: string) =>
    fakes.state.memberships.some(
      (m) => m.organisationId === world.partner.id && m.userId === userId,
    );

  it('should remove the member, audit their roles and announce member.removed', async () => {
    await sut.removeMember(deps, world.owner, world.partner.id, world.viewer.userId, [1], 'req-5');

    expect(isMember(world.viewer.userId)).toBe(false);
    expect(fakes.state.users.some((u) => u.id === world.viewer.userId)).toBe(true);
    expect(fakes.state.audit).toEqual([
      expect.objectContaining({
        action: 'membership.delete',
        entityId: world.viewer.userId,
        before: { roles: ['viewer'] },
        requestId: 'req-5',
      }),
    ]);
    expect(eventsOf(fakes)).toEqual([
      expect.objectContaining({
        type: 'member.removed',
        data: { userId: world.viewer.userId, roles: ['viewer'] },
      }),
    ]);
  });

  it('should keep the last owner', async () => {
    await expect(
      sut.removeMember(deps, world.owner, world.partner.id, world.owner.userId),
    ).rejects.toMatchObject({ code: 'VALIDATION', issues: [{ code: 'error.lastOwner' }] });
    expect(isMember(world.owner.userId)).toBe(true);
    expect(fakes.state.events).toEqual([]);
  });

  it('should refuse a stale If-Match with PRECONDITION_FAILED', async () => {
    await expect(
      sut.removeMember(deps, world.owner, world.partner.id, world.viewer.userId, [3]),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect(isMember(world.viewer.userId)).toBe(true);
    expect(fakes.state.audit).toEqual([]);
  });

  it('should refuse a viewer with FORBIDDEN and answer NOT_FOUND for a non-member', async () => {
    await expect(
      sut.removeMember(deps, world.viewer, world.partner.id, world.manager.userId),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      sut.removeMember(deps, world.owner, world.partner.id, world.otherOwner.userId),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(isMember(world.manager.userId)).toBe(true);
  });
});
