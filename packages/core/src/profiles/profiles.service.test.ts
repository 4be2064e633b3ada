import { beforeEach, describe, expect, it } from 'vitest';
import {
  READY_PROFILE,
  addProfile,
  addReadyOffer,
  createFakes,
  eventsOf,
  publishOffer,
  seedProgram,
  type Fakes,
} from '../testing';
import * as sut from './profiles.service';

let fakes: Fakes;
let world: ReturnType<typeof seedProgram>;
let deps: sut.ProfileDeps & { newId: () => string };

beforeEach(() => {
  fakes = createFakes();
  world = seedProgram(fakes);
  deps = { uow: fakes.uow, clock: fakes.clock, newId: fakes.newId };
});

const profileOf = (organisationId: string) =>
  fakes.state.profiles.find((p) => p.organisationId === organisationId);
const expectNothingRecorded = () => {
  expect(fakes.state.audit).toEqual([]);
  expect(fakes.state.events).toEqual([]);
};

async function* csvFile(...lines: string[]): AsyncGenerator<string> {
  yield lines.join('\r\n') + '\r\n';
}

describe(sut.updateProgramProfile.name, () => {
  it('should let the partner enter its own facts, unverified, audit them and announce profile.updated', async () => {
    const saved = await sut.updateProgramProfile(
      deps,
      world.owner,
      world.partner.id,
      { partnerId: '1234567', marketplaceAccountActive: true },
      [0],
      'req-1',
    );

    expect(saved).toMatchObject({
      organisationId: world.partner.id,
      partnerId: '1234567',
      marketplaceAccountActive: true,
      azureConsumedRevenueUsd: 0,
      version: 1,
    });
    expect(saved.provenance.partnerId).toEqual({
      setBy: world.owner.userId,
      setAt: fakes.clock.now().toISOString(),
      source: 'partner',
      verifiedBy: null,
      verifiedAt: null,
    });
    expect(fakes.state.audit).toEqual([
      expect.objectContaining({
        organisationId: world.partner.id,
        actorUserId: world.owner.userId,
        action: 'program.profile.update',
        entityType: 'organisation',
        entityId: world.partner.id,
        before: null,
        after: {
          partnerId: '1234567',
          marketplaceAccountActive: true,
          source: 'partner',
          verify: [],
        },
        requestId: 'req-1',
      }),
    ]);
    expect(eventsOf(fakes)).toEqual([
      expect.objectContaining({
        type: 'profile.updated',
        organisationId: world.partner.id,
        subject: { type: 'organisation', id: world.partner.id },
        data: { fields: ['partnerId', 'marketplaceAccountActive'] },
      }),
    ]);
  });

  it('should refuse the partner the fields only the program sets, naming each, and save nothing', async () => {
    await expect(
      sut.updateProgramProfile(
        deps,
        world.owner,
        world.partner.id,
        { partnerId: '1234567', azureConsumedRevenueUsd: 500_000, verify: ['partnerId'] },
        'any',
      ),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      messageKey: 'programProfile.programOnly',
      issues: [
        { path: ['azureConsumedRevenueUsd'], code: 'programProfile.programOnly' },
        { path: ['verify'], code: 'programProfile.programOnly' },
      ],
    });
    expect(fakes.state.profiles).toEqual([]);
    expectNothingRecorded();
  });

  it('should let the program admin set program facts and verify what the partner entered', async () => {
    await sut.updateProgramProfile(
      deps,
      world.owner,
      world.partner.id,
      { partnerId: '1234567' },
      'any',
    );
    fakes.clock.advance(60_000);

    const saved = await sut.updateProgramProfile(
      deps,
      world.programAdmin,
      world.partner.id,
      { azureConsumedRevenueUsd: 150_000, verify: ['partnerId'] },
      [1],
    );

    const at = fakes.clock.now().toISOString();
    expect(saved).toMatchObject({ azureConsumedRevenueUsd: 150_000, version: 2 });
    expect(saved.provenance.azureConsumedRevenueUsd).toMatchObject({
      source: 'program',
      verifiedBy: world.programAdmin.userId,
      verifiedAt: at,
    });
    expect(saved.provenance.partnerId).toMatchObject({
      source: 'partner',
      setBy: world.owner.userId,
      verifiedBy: world.programAdmin.userId,
      verifiedAt: at,
    });
  });

  it('should keep the verification of a value the partner sends again unchanged', async () => {
    await sut.updateProgramProfile(
      deps,
      world.owner,
      world.partner.id,
      { partnerId: '1234567' },
      'any',
    );
    await sut.updateProgramProfile(
      deps,
      world.programAdmin,
      world.partner.id,
      { verify: ['partnerId'] },
      'any',
    );

    const saved = await sut.updateProgramProfile(
      deps,
      world.manager,
      world.partner.id,
      { partnerId: '1234567' },
      'any',
    );

    expect(saved.provenance.partnerId?.verifiedBy).toBe(world.programAdmin.userId);
  });

  it("should re-evaluate the partner's live offers in the same command", async () => {
    const { offer } = publishOffer(fakes, addReadyOffer(fakes, world.partner.id));

    await sut.updateProgramProfile(deps, world.owner, world.partner.id, READY_PROFILE, 'any');

    expect(fakes.state.statuses).toEqual([
      expect.objectContaining({ offerId: offer.id, status: 'cosell-ready' }),
    ]);
    expect(eventsOf(fakes).map((e) => [e.type, e.subject.id])).toEqual([
      ['profile.updated', world.partner.id],
      ['status.changed', offer.id],
    ]);
    expect(eventsOf(fakes)[1]!.data).toMatchObject({ to: 'cosell-ready', cause: 'profile' });
  });

  it('should keep neither the profile nor the statuses when the re-evaluation fails', async () => {
    publishOffer(fakes, addReadyOffer(fakes, world.partner.id));
    fakes.failNext('statuses.saveOfferStatus');

    await expect(
      sut.updateProgramProfile(deps, world.owner, world.partner.id, READY_PROFILE, 'any'),
    ).rejects.toThrow('injected failure');

    expect(fakes.state.profiles).toEqual([]);
    expect(fakes.state.statuses).toEqual([]);
    expectNothingRecorded();
  });

  it('should refuse a stale If-Match with PRECONDITION_FAILED and keep the profile', async () => {
    const profile = addProfile(fakes, world.partner.id, { partnerId: '1234567', version: 2 });

    await expect(
      sut.updateProgramProfile(deps, world.owner, world.partner.id, { partnerId: '7654321' }, [1]),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await expect(
      sut.updateProgramProfile(deps, world.owner, world.partner.id, { partnerId: '7654321' }, [0]),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });

    expect(profileOf(world.partner.id)).toEqual(profile);
    expectNothingRecorded();
  });

  it('should let owners and managers write, and refuse contributors and viewers with FORBIDDEN', async () => {
    await sut.updateProgramProfile(
      deps,
      world.manager,
      world.partner.id,
      { partnerId: '1234567' },
      'any',
    );

    for (const actor of [world.contributor, world.viewer]) {
      await expect(
        sut.updateProgramProfile(deps, actor, world.partner.id, { partnerId: '7654321' }, 'any'),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(profileOf(world.partner.id)!.partnerId).toBe('1234567');
  });

  it('should let reviewers read but not write a partner profile', async () => {
    await expect(
      sut.updateProgramProfile(
        deps,
        world.reviewer,
        world.partner.id,
        { goldCompetency: true },
        'any',
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expectNothingRecorded();
  });

  it('should answer NOT_FOUND to another partner and for organisations that are not partners', async () => {
    await expect(
      sut.updateProgramProfile(
        deps,
        world.otherOwner,
        world.partner.id,
        { partnerId: '1234567' },
        'any',
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      sut.updateProgramProfile(
        deps,
        world.programAdmin,
        world.reseller.id,
        { goldCompetency: true },
        'any',
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(fakes.state.profiles).toEqual([]);
    expectNothingRecorded();
  });
});

describe(sut.getProgramProfile.name, () => {
  it('should show the profile to every partner role and to the program staff', async () => {
    const profile = addProfile(fakes, world.partner.id, READY_PROFILE);

    for (const actor of [world.viewer, world.reviewer, world.programAdmin]) {
      await expect(sut.getProgramProfile(deps, actor, world.partner.id)).resolves.toEqual(profile);
    }
  });

  it('should answer null while the partner has no profile', async () => {
    await expect(sut.getProgramProfile(deps, world.owner, world.partner.id)).resolves.toBeNull();
  });

  it('should answer NOT_FOUND to another partner and to the vendor’s sellers', async () => {
    addProfile(fakes, world.partner.id, READY_PROFILE);

    for (const actor of [world.otherOwner, world.seller]) {
      await expect(sut.getProgramProfile(deps, actor, world.partner.id)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }
  });
});

describe(sut.listProgramProfiles.name, () => {
  it('should list every partner with its profile, found by name or PartnerID', async () => {
    const profile = addProfile(fakes, world.other.id, { partnerId: '7654321' });

    const all = await sut.listProgramProfiles(deps, world.reviewer, { limit: 10, offset: 0 });
    const found = await sut.listProgramProfiles(deps, world.reviewer, {
      search: '76543',
      limit: 10,
      offset: 0,
    });

    expect(all).toEqual({
      items: [
        { organisationId: world.partner.id, organisationName: 'Contoso', profile: null },
        { organisationId: world.other.id, organisationName: 'Fabrikam', profile },
      ],
      total: 2,
    });
    expect(found.items.map((i) => i.organisationName)).toEqual(['Fabrikam']);
    expect(fakes.uow.runs.at(-1)!.scope).toMatchObject({ programStaff: true });
  });

  it('should refuse partners with FORBIDDEN', async () => {
    await expect(
      sut.listProgramProfiles(deps, world.owner, { limit: 10, offset: 0 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe(sut.importProfilesCsv.name, () => {
  const HEADER =
    'Organisation ID,PartnerID,Azure consumed revenue (USD),Gold competency,ISV Connect';

  it('should set the facts of every row, found by organisation or PartnerID, and announce the import', async () => {
    addProfile(fakes, world.other.id, { partnerId: '7654321' });

    const result = await sut.importProfilesCsv(
      deps,
      world.programAdmin,
      csvFile(HEADER, `${world.partner.id},1234567,"150 000",yes,standard`, ',7654321,100000.50,,'),
      'req-2',
    );

    expect(result).toEqual({ rows: 2, updated: 2 });
    expect(profileOf(world.partner.id)).toMatchObject({
      partnerId: '1234567',
      azureConsumedRevenueUsd: 150_000,
      goldCompetency: true,
      isvConnect: 'standard',
    });
    expect(profileOf(world.partner.id)!.provenance.goldCompetency).toMatchObject({
      source: 'import',
      setBy: world.programAdmin.userId,
      verifiedBy: world.programAdmin.userId,
    });
    expect(profileOf(world.other.id)).toMatchObject({
      partnerId: '7654321',
      azureConsumedRevenueUsd: 100_000.5,
    });
    expect(fakes.state.audit.map((a) => [a.organisationId, a.action, a.actorUserId])).toEqual([
      [world.partner.id, 'program.profile.update', world.programAdmin.userId],
      [world.other.id, 'program.profile.update', world.programAdmin.userId],
    ]);
    expect(eventsOf(fakes).map((e) => [e.type, e.organisationId])).toEqual([
      ['profile.updated', world.partner.id],
      ['profile.updated', world.other.id],
      ['profiles.imported', world.vendor.id],
    ]);
    expect(eventsOf(fakes).at(-1)).toMatchObject({
      subject: { type: 'program', id: world.vendor.id },
      data: { organisations: 2 },
      requestId: 'req-2',
    });
  });

  it('should leave the fields of empty cells as they are', async () => {
    addProfile(fakes, world.partner.id, { goldCompetency: true, isvConnect: 'premium' });

    await sut.importProfilesCsv(
      deps,
      world.programAdmin,
      csvFile(HEADER, `${world.partner.id},,5000,,`),
    );

    expect(profileOf(world.partner.id)).toMatchObject({
      azureConsumedRevenueUsd: 5000,
      goldCompetency: true,
      isvConnect: 'premium',
    });
  });

  it('should refuse the whole file when any row is malformed, listing every problem', async () => {
    const error = await sut
      .importProfilesCsv(
        deps,
        world.programAdmin,
        csvFile(
          HEADER,
          `${world.partner.id},1234567,lots,yes,standard`,
          `${world.other.id},,100,maybe,gold`,
          ',,100,yes,none',
        ),
      )
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'VALIDATION', messageKey: 'profileImport.refused' });
    expect((error as { issues: { code: string }[] }).issues.map((i) => i.code)).toEqual([
      'programProfile.amountInvalid',
      'profileImport.booleanInvalid',
      'profileImport.isvConnectInvalid',
      'profileImport.keyMissingRow',
    ]);
    expect(fakes.state.profiles).toEqual([]);
    expectNothingRecorded();
  });

  it('should refuse rows naming no partner it knows, or the same partner twice, before saving any', async () => {
    const error = await sut
      .importProfilesCsv(
        deps,
        world.programAdmin,
        csvFile(
          HEADER,
          `${world.partner.id},,100,,`,
          `${world.vendor.id},,100,,`,
          ',9999999,100,,',
          `${world.partner.id},,200,,`,
        ),
      )
      .catch((e: unknown) => e);

    expect((error as { issues: { code: string }[] }).issues.map((i) => i.code)).toEqual([
      'profileImport.organisationUnknown',
      'profileImport.partnerUnknown',
      'profileImport.duplicate',
    ]);
    expect(fakes.state.profiles).toEqual([]);
    expectNothingRecorded();
  });

  it('should refuse a file without a key column, and an empty file', async () => {
    await expect(
      sut.importProfilesCsv(deps, world.programAdmin, csvFile('Gold competency', 'yes')),
    ).rejects.toMatchObject({ issues: [{ path: ['header'], code: 'profileImport.keyMissing' }] });
    await expect(
      sut.importProfilesCsv(deps, world.programAdmin, csvFile('')),
    ).rejects.toMatchObject({ issues: [{ path: ['file'], code: 'profileImport.empty' }] });
  });

  it('should refuse anyone but a program admin with FORBIDDEN', async () => {
    for (const actor of [world.reviewer, world.owner]) {
      await expect(
        sut.importProfilesCsv(deps, actor, csvFile(HEADER, `${world.partner.id},,100,,`)),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(fakes.state.profiles).toEqual([]);
  });
});
