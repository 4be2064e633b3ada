import { beforeEach, describe, expect, it } from 'vitest';
import type { ContactImportRecord } from '../contacts/contacts.ports';
import {
  COMPLETE_DRAFT,
  addOffer,
  addReadyOffer,
  createFakes,
  eventsOf,
  seedProgram,
  type Fakes,
} from '../testing';
import { EMPTY_COSELL_DRAFT, type CosellDraft, type OfferFields } from './offer';
import * as sut from './offer.service';

const FIELDS: Omit<OfferFields, 'lifecycleState'> = {
  name: 'Contoso Analytics',
  alias: 'analytics',
  offerType: 'saas',
  summary: 'Analytics for everyone',
  description: '',
  markets: ['US', 'SE'],
  transactable: false,
  pricedAboveZero: false,
  cspOptIn: false,
};

let fakes: Fakes;
let world: ReturnType<typeof seedProgram>;
let deps: sut.OfferDeps;

beforeEach(() => {
  fakes = createFakes();
  world = seedProgram(fakes);
  deps = { uow: fakes.uow, clock: fakes.clock, newId: fakes.newId };
});

/** Nothing was recorded: no audit entry, no event. */
const expectNothingRecorded = () => {
  expect(fakes.state.audit).toEqual([]);
  expect(fakes.state.events).toEqual([]);
};

describe(sut.createOffer.name, () => {
  it("should run the request's commitWith last inside its transaction, with the offer", async () => {
    const seen: { offers: number; events: number; name: string }[] = [];
    const offer = await sut.createOffer(deps, world.owner, world.partner.id, FIELDS, {
      id: 'req-2',
      commitWith: async (tx, result) => {
        const { id } = result as { id: string };
        seen.push({
          offers: (await tx.offers.findOffer(world.partner.id, id)) ? 1 : 0,
          events: fakes.state.events.length,
          name: (result as { name: string }).name,
        });
      },
    });

    // Inside the transaction the offer is there and nothing has committed yet.
    expect(seen).toEqual([{ offers: 1, events: 0, name: 'Contoso Analytics' }]);
    expect(fakes.state.offers).toEqual([offer]);
    expect(fakes.uow.runs.at(-1)?.outcome).toBe('committed');
  });

  it("should keep nothing when the request's commitWith refuses (an answer that cannot be stored)", async () => {
    await expect(
      sut.createOffer(deps, world.owner, world.partner.id, FIELDS, {
        id: 'req-3',
        commitWith: () => Promise.reject(new Error('claim lost')),
      }),
    ).rejects.toThrow('claim lost');

    expect(fakes.state.offers).toEqual([]);
    expectNothingRecorded();
  });

  it('should create a draft offer, audit it and announce offer.created', async () => {
    const offer = await sut.createOffer(deps, world.owner, world.partner.id, FIELDS, 'req-1');

    expect(offer).toMatchObject({
      organisationId: world.partner.id,
      name: 'Contoso Analytics',
      lifecycleState: 'draft',
      publishStatus: 'draft',
      version: 1,
      cosell: EMPTY_COSELL_DRAFT,
    });
    expect(fakes.state.offers).toEqual([offer]);
    expect(fakes.state.audit).toEqual([
      expect.objectContaining({
        organisationId: world.partner.id,
        actorUserId: world.owner.userId,
        action: 'offer.create',
        entityType: 'offer',
        entityId: offer.id,
        before: null,
        after: expect.objectContaining({ name: 'Contoso Analytics', alias: 'analytics' }),
        requestId: 'req-1',
      }),
    ]);
    expect(fakes.state.audit[0]!.after).not.toHaveProperty('cosell');
    expect(eventsOf(fakes)).toEqual([
      {
        id: 'event-1',
        type: 'offer.created',
        version: 1,
        organisationId: world.partner.id,
        subject: { type: 'offer', id: offer.id },
        data: { offerId: offer.id, name: 'Contoso Analytics', offerType: 'saas' },
        actor: { kind: 'user', id: world.owner.userId },
        requestId: 'req-1',
        occurredAt: fakes.clock.now(),
      },
    ]);
  });

  it('should not price an offer above zero unless it is transactable', async () => {
    const offer = await sut.createOffer(deps, world.owner, world.partner.id, {
      ...FIELDS,
      transactable: false,
      pricedAboveZero: true,
    });

    expect(offer.pricedAboveZero).toBe(false);
  });

  it.each(['manager', 'contributor'] as const)('should let a %s create offers', async (role) => {
    await sut.createOffer(deps, world[role], world.partner.id, FIELDS);

    expect(fakes.state.offers).toHaveLength(1);
  });

  it('should refuse a viewer with FORBIDDEN and record nothing', async () => {
    await expect(
      sut.createOffer(deps, world.viewer, world.partner.id, FIELDS),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    expect(fakes.state.offers).toEqual([]);
    expectNothingRecorded();
  });

  it('should answer NOT_FOUND in an organisation the actor does not belong to', async () => {
    await expect(
      sut.createOffer(deps, world.otherOwner, world.partner.id, FIELDS),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    expect(fakes.state.offers).toEqual([]);
    expectNothingRecorded();
  });

  it('should refuse an alias the organisation already uses, in any case, on the alias field', async () => {
    addOffer(fakes, world.partner.id, { alias: 'Analytics' });

    await expect(
      sut.createOffer(deps, world.owner, world.partner.id, FIELDS),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      issues: [{ path: ['alias'], code: 'alias.taken' }],
    });
    expect(fakes.state.offers).toHaveLength(1);
    expectNothingRecorded();
  });

  it('should allow an alias another organisation uses', async () => {
    addOffer(fakes, world.other.id, { alias: 'analytics' });

    await sut.createOffer(deps, world.owner, world.partner.id, FIELDS);

    expect(fakes.state.offers).toHaveLength(2);
  });

  it('should keep no offer when its audit entry cannot be written', async () => {
    fakes.failNext('audit.appendAudit');

    await expect(sut.createOffer(deps, world.owner, world.partner.id, FIELDS)).rejects.toThrow(
      'injected failure',
    );
    expect(fakes.state.offers).toEqual([]);
    expectNothingRecorded();
  });
});

describe(sut.listOffers.name, () => {
  const query = {
    sort: 'name',
    direction: 'asc',
    archived: 'active',
    limit: 50,
    offset: 0,
  } as const;

  it("should list only the organisation's own active offers", async () => {
    const mine = addOffer(fakes, world.partner.id, { name: 'Mine' });
    addOffer(fakes, world.partner.id, { name: 'Archived', archivedAt: fakes.clock.now() });
    addOffer(fakes, world.other.id, { name: 'Theirs' });

    const page = await sut.listOffers(deps, world.viewer, world.partner.id, query);

    expect(page).toEqual({
      items: [{ ...mine, cosellStatus: 'not-cosell-ready' }],
      total: 1,
      namingEra: '2021',
    });
  });

  it('should give each offer the status its status page shows: the stored one once live', async () => {
    const live = addOffer(fakes, world.partner.id, {
      name: 'Live',
      liveVersionId: fakes.id(),
      lifecycleState: 'live',
      publishStatus: 'live',
    });
    const draft = addOffer(fakes, world.partner.id, { name: 'Draft' });
    addOffer(fakes, world.partner.id, {
      name: 'Unrated',
      liveVersionId: fakes.id(),
    });
    const stored = (offerId: string) => ({
      organisationId: world.partner.id,
      offerId,
      status: 'cosell-ready' as const,
      policyId: '2021-09' as const,
      qualifiedSince: null,
      badgeGrantedAt: null,
      evaluatedAt: fakes.clock.now(),
    });
    // A status row left from a live version that is gone does not count.
    fakes.state.statuses.push(stored(live.id), stored(draft.id));

    const page = await sut.listOffers(deps, world.viewer, world.partner.id, query);

    expect(page.items.map((o) => [o.name, o.cosellStatus])).toEqual([
      ['Draft', 'not-cosell-ready'],
      ['Live', 'cosell-ready'],
      ['Unrated', 'not-cosell-ready'],
    ]);
  });

  it('should name the statuses as the active policy does', async () => {
    fakes.state.programs[0]!.activePolicy = '2023';

    const page = await sut.listOffers(deps, world.viewer, world.partner.id, query);

    expect(page.namingEra).toBe('2023');
  });

  it('should answer NOT_FOUND for an organisation the actor does not belong to', async () => {
    addOffer(fakes, world.other.id);

    await expect(sut.listOffers(deps, world.owner, world.other.id, query)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('should run in the tenant scope of the actor', async () => {
    await sut.listOffers(deps, world.owner, world.partner.id, query);

    expect(fakes.uow.runs.at(-1)!.scope).toMatchObject({
      organisationIds: [world.partner.id],
      userId: world.owner.userId,
      programStaff: false,
    });
  });
});

describe(sut.getOffer.name, () => {
  it('should return the offer to any partner role', async () => {
    const offer = addOffer(fakes, world.partner.id);

    await expect(sut.getOffer(deps, world.viewer, world.partner.id, offer.id)).resolves.toEqual(
      offer,
    );
  });

  it("should answer NOT_FOUND for another organisation's offer asked through one's own", async () => {
    const theirs = addOffer(fakes, world.other.id);

    await expect(
      sut.getOffer(deps, world.owner, world.partner.id, theirs.id),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("should answer NOT_FOUND for another organisation's offer asked through theirs", async () => {
    const theirs = addOffer(fakes, world.other.id);

    await expect(sut.getOffer(deps, world.owner, world.other.id, theirs.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it("should not open a partner's offers to the vendor's program admin", async () => {
    const offer = addOffer(fakes, world.partner.id);

    await expect(
      sut.getOffer(deps, world.programAdmin, world.partner.id, offer.id),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe(sut.updateOffer.name, () => {
  it('should change the fields, bump the version and audit only what changed', async () => {
    const offer = addOffer(fakes, world.partner.id, { name: 'Old name', summary: 'Same' });
    fakes.clock.advance(60_000);

    const updated = await sut.updateOffer(
      deps,
      world.contributor,
      world.partner.id,
      offer.id,
      { name: 'New name', summary: 'Same' },
      [1],
      'req-2',
    );

    expect(updated).toMatchObject({ name: 'New name', version: 2, updatedAt: fakes.clock.now() });
    expect(fakes.state.offers[0]).toEqual(updated);
    expect(fakes.state.audit).toEqual([
      expect.objectContaining({
        action: 'offer.update',
        entityId: offer.id,
        before: { name: 'Old name' },
        after: { name: 'New name' },
        requestId: 'req-2',
      }),
    ]);
    expect(eventsOf(fakes)).toEqual([
      expect.objectContaining({
        type: 'offer.updated',
        subject: { type: 'offer', id: offer.id },
        data: { offerId: offer.id, fields: ['name'] },
        actor: { kind: 'user', id: world.contributor.userId },
      }),
    ]);
  });

  it('should refuse a stale If-Match with PRECONDITION_FAILED and change nothing', async () => {
    const offer = addOffer(fakes, world.partner.id, { name: 'Old name', version: 3 });

    await expect(
      sut.updateOffer(deps, world.owner, world.partner.id, offer.id, { name: 'New' }, [2]),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });

    expect(fakes.state.offers).toEqual([offer]);
    expectNothingRecorded();
  });

  it('should not let a patch price a non-transactable offer above zero', async () => {
    const offer = addOffer(fakes, world.partner.id, { transactable: false });

    const updated = await sut.updateOffer(
      deps,
      world.owner,
      world.partner.id,
      offer.id,
      { pricedAboveZero: true },
      'any',
    );

    expect(updated.pricedAboveZero).toBe(false);
  });

  it('should drop the price flag when the patch makes the offer non-transactable', async () => {
    const offer = addOffer(fakes, world.partner.id, {
      transactable: true,
      pricedAboveZero: true,
    });

    const updated = await sut.updateOffer(
      deps,
      world.owner,
      world.partner.id,
      offer.id,
      { transactable: false },
      'any',
    );

    expect(updated).toMatchObject({ transactable: false, pricedAboveZero: false });
  });

  it('should keep the price flag of a transactable offer', async () => {
    const offer = addOffer(fakes, world.partner.id, { transactable: true });

    const updated = await sut.updateOffer(
      deps,
      world.owner,
      world.partner.id,
      offer.id,
      { pricedAboveZero: true },
      'any',
    );

    expect(updated.pricedAboveZero).toBe(true);
  });

  it('should refuse a viewer with FORBIDDEN and change nothing', async () => {
    const offer = addOffer(fakes, world.partner.id);

    await expect(
      sut.updateOffer(deps, world.viewer, world.partner.id, offer.id, { name: 'X' }, 'any'),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    expect(fakes.state.offers).toEqual([offer]);
    expectNothingRecorded();
  });

  it("should answer NOT_FOUND for another organisation's offer and change nothing", async () => {
    const theirs = addOffer(fakes, world.other.id);

    await expect(
      sut.updateOffer(deps, world.owner, world.partner.id, theirs.id, { name: 'X' }, 'any'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      sut.updateOffer(deps, world.owner, world.other.id, theirs.id, { name: 'X' }, 'any'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    expect(fakes.state.offers).toEqual([theirs]);
    expectNothingRecorded();
  });

  it('should refuse an alias another offer of the organisation holds', async () => {
    addOffer(fakes, world.partner.id, { alias: 'taken' });
    const offer = addOffer(fakes, world.partner.id, { alias: 'mine' });

    await expect(
      sut.updateOffer(deps, world.owner, world.partner.id, offer.id, { alias: 'TAKEN' }, 'any'),
    ).rejects.toMatchObject({ code: 'CONFLICT', issues: [{ path: ['alias'] }] });
    expectNothingRecorded();
  });
});

describe(sut.setOfferArchived.name, () => {
  it('should archive the offer, audit it and announce offer.archived', async () => {
    const offer = addOffer(fakes, world.partner.id);

    const archived = await sut.setOfferArchived(
      deps,
      world.owner,
      world.partner.id,
      offer.id,
      true,
      [1],
    );

    expect(archived).toMatchObject({ archivedAt: fakes.clock.now(), version: 2 });
    expect(fakes.state.audit).toEqual([
      expect.objectContaining({
        action: 'offer.archive',
        entityId: offer.id,
        before: { archivedAt: null },
        after: { archivedAt: fakes.clock.now() },
      }),
    ]);
    expect(eventsOf(fakes)).toEqual([
      expect.objectContaining({ type: 'offer.archived', data: { offerId: offer.id } }),
    ]);
  });

  it('should restore an archived offer and announce offer.restored', async () => {
    const offer = addOffer(fakes, world.partner.id, { archivedAt: fakes.clock.now() });

    const restored = await sut.setOfferArchived(
      deps,
      world.owner,
      world.partner.id,
      offer.id,
      false,
      'any',
    );

    expect(restored.archivedAt).toBeNull();
    expect(fakes.state.audit.map((a) => a.action)).toEqual(['offer.restore']);
    expect(eventsOf(fakes).map((e) => e.type)).toEqual(['offer.restored']);
  });

  it('should leave an offer that is already archived as it is', async () => {
    const offer = addOffer(fakes, world.partner.id, { archivedAt: fakes.clock.now() });

    await sut.setOfferArchived(deps, world.owner, world.partner.id, offer.id, true, 'any');

    expect(fakes.state.offers).toEqual([offer]);
    expectNothingRecorded();
  });

  it('should refuse a stale If-Match with PRECONDITION_FAILED and keep the offer active', async () => {
    const offer = addOffer(fakes, world.partner.id, { version: 2 });

    await expect(
      sut.setOfferArchived(deps, world.owner, world.partner.id, offer.id, true, [1]),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });

    expect(fakes.state.offers[0]!.archivedAt).toBeNull();
    expectNothingRecorded();
  });

  it('should refuse a viewer with FORBIDDEN', async () => {
    const offer = addOffer(fakes, world.partner.id);

    await expect(
      sut.setOfferArchived(deps, world.viewer, world.partner.id, offer.id, true, 'any'),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expectNothingRecorded();
  });
});

describe(sut.saveCosellDraft.name, () => {
  it('should store a draft that fits the taxonomy and answer with the fresh tab', async () => {
    const offer = addOffer(fakes, world.partner.id);

    const tab = await sut.saveCosellDraft(
      deps,
      world.contributor,
      world.partner.id,
      offer.id,
      COMPLETE_DRAFT,
      [1],
      'req-3',
    );

    expect(tab.offer).toMatchObject({ cosell: COMPLETE_DRAFT, version: 2 });
    expect(tab.evaluation.sections).toMatchObject({
      listing: 'complete',
      landingPage: 'complete',
    });
    expect(fakes.state.offers[0]!.cosell).toEqual(COMPLETE_DRAFT);
    expect(fakes.state.audit).toEqual([
      expect.objectContaining({
        action: 'offer.cosell.save',
        entityId: offer.id,
        before: EMPTY_COSELL_DRAFT,
        after: COMPLETE_DRAFT,
        requestId: 'req-3',
      }),
    ]);
    expect(eventsOf(fakes)).toEqual([
      expect.objectContaining({
        type: 'offer.draft-saved',
        subject: { type: 'offer', id: offer.id },
        data: { offerId: offer.id },
      }),
    ]);
  });

  it('should report every problem of a draft at once and store nothing', async () => {
    const offer = addOffer(fakes, world.partner.id);
    const draft: CosellDraft = {
      listing: {
        platforms: ['azure', 'mainframe'],
        segments: ['smb', 'smb'],
        solutionType: 'ip',
        solutionAreas: [{ areaId: 'astrology', subAreaIds: [] }],
      },
      landingPageUrl: 'ftp://contoso.example',
    };

    const error = await sut
      .saveCosellDraft(deps, world.owner, world.partner.id, offer.id, draft, 'any')
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'VALIDATION' });
    expect((error as { issues: unknown[] }).issues).toEqual([
      expect.objectContaining({
        path: ['listing', 'platforms', 1],
        code: 'listing.unknownPlatform',
      }),
      expect.objectContaining({ path: ['listing', 'segments', 1], code: 'listing.duplicate' }),
      expect.objectContaining({
        path: ['listing', 'solutionAreas', 0, 'areaId'],
        code: 'listing.unknownArea',
      }),
      { path: ['landingPageUrl'], code: 'listing.landingPageInvalid' },
    ]);
    expect(fakes.state.offers).toEqual([offer]);
    expectNothingRecorded();
  });

  it("should hold the draft to the active policy's limits", async () => {
    fakes.state.programs[0]!.activePolicy = '2019';
    const offer = addOffer(fakes, world.partner.id);
    const threeSubAreas: CosellDraft = {
      ...COMPLETE_DRAFT,
      listing: {
        ...COMPLETE_DRAFT.listing,
        solutionAreas: [{ areaId: 'data-ai', subAreaIds: ['analytics', 'ai-apps', 'databases'] }],
      },
    };

    await expect(
      sut.saveCosellDraft(deps, world.owner, world.partner.id, offer.id, threeSubAreas, 'any'),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [{ code: 'listing.tooManySubAreas', params: { maximum: 2 } }],
    });

    fakes.state.programs[0]!.activePolicy = '2021-09';
    await sut.saveCosellDraft(deps, world.owner, world.partner.id, offer.id, threeSubAreas, 'any');
    expect(fakes.state.offers[0]!.cosell).toEqual(threeSubAreas);
  });

  it('should refuse a stale If-Match with PRECONDITION_FAILED and keep the old draft', async () => {
    const offer = addOffer(fakes, world.partner.id, { version: 4 });

    await expect(
      sut.saveCosellDraft(deps, world.owner, world.partner.id, offer.id, COMPLETE_DRAFT, [3]),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });

    expect(fakes.state.offers).toEqual([offer]);
    expectNothingRecorded();
  });

  it('should refuse a viewer with FORBIDDEN', async () => {
    const offer = addOffer(fakes, world.partner.id);

    await expect(
      sut.saveCosellDraft(deps, world.viewer, world.partner.id, offer.id, COMPLETE_DRAFT, 'any'),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expectNothingRecorded();
  });

  it('should answer NOT_FOUND before the program is set up', async () => {
    fakes.state.programs = [];
    const offer = addOffer(fakes, world.partner.id);

    await expect(
      sut.saveCosellDraft(deps, world.owner, world.partner.id, offer.id, COMPLETE_DRAFT, 'any'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expectNothingRecorded();
  });
});

describe(sut.getCosellTab.name, () => {
  const appliedImport = (offerId: string, resultingContactsVersion: number) => {
    const record: ContactImportRecord = {
      organisationId: world.partner.id,
      offerId,
      id: fakes.id(),
      state: 'applied',
      fileName: 'contacts.csv',
      rowCount: 1,
      baseContactsVersion: resultingContactsVersion - 1,
      resultingContactsVersion,
      createdBy: world.owner.userId,
      createdAt: fakes.clock.now(),
      appliedAt: fakes.clock.now(),
      undoneAt: null,
    };
    fakes.state.contactImports.push(record);
    return record;
  };

  it('should show the documents, the contacts and a met checklist for a ready offer', async () => {
    const offer = addReadyOffer(fakes, world.partner.id);

    const tab = await sut.getCosellTab(deps, world.viewer, world.partner.id, offer.id);

    expect(tab.documents.map((d) => d.kind)).toEqual(['one-pager', 'pitch-deck']);
    expect(tab.contactCount).toBe(1);
    expect(tab.policy.id).toBe('2021-09');
    expect(tab.evaluation.readyToSubmit).toBe(true);
  });

  it('should name what is missing for an empty tab', async () => {
    const offer = addOffer(fakes, world.partner.id);

    const tab = await sut.getCosellTab(deps, world.owner, world.partner.id, offer.id);

    expect(tab.evaluation.readyToSubmit).toBe(false);
    expect(tab.evaluation.checklist.filter((item) => !item.met).map((item) => item.id)).toEqual(
      expect.arrayContaining(['listing/platforms', 'documents/one-pager', 'contacts/partnerSales']),
    );
  });

  it('should offer undo only for the import that produced the current contacts', async () => {
    const offer = addOffer(fakes, world.partner.id, { contactsVersion: 2 });
    const applied = appliedImport(offer.id, 2);

    const tab = await sut.getCosellTab(deps, world.owner, world.partner.id, offer.id);
    expect(tab.undoableImport).toEqual(applied);

    fakes.state.offers[0]!.contactsVersion = 3;
    const later = await sut.getCosellTab(deps, world.owner, world.partner.id, offer.id);
    expect(later.undoableImport).toBeNull();
  });

  it("should answer NOT_FOUND for another organisation's offer", async () => {
    const theirs = addOffer(fakes, world.other.id);

    await expect(
      sut.getCosellTab(deps, world.owner, world.partner.id, theirs.id),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
