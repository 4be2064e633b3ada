import { beforeEach, describe, expect, it } from 'vitest';
import { addOffer, addOrganisation } from './builders';
import { createFakes, FakeUnitOfWork, type Fakes } from './fakes';

let fakes: Fakes;

beforeEach(() => {
  fakes = createFakes();
});

describe(FakeUnitOfWork.name, () => {
  it("should keep a run's changes when its work succeeds", async () => {
    await fakes.uow.run((tx) =>
      tx.organisations.createOrganisation({ kind: 'partner', name: 'A' }),
    );

    expect(fakes.state.organisations.map((o) => o.name)).toEqual(['A']);
    expect(fakes.uow.runs[0]!.outcome).toBe('committed');
  });

  it('should discard every change of a run whose work throws', async () => {
    const partner = addOrganisation(fakes, 'partner', 'A');
    addOffer(fakes, partner.id, { name: 'Before' });

    await expect(
      fakes.uow.run(async (tx) => {
        await tx.organisations.createOrganisation({ kind: 'partner', name: 'B' });
        await tx.offers.updateOffer(
          partner.id,
          fakes.state.offers[0]!.id,
          { name: 'After' },
          'any',
          fakes.clock.now(),
        );
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');

    expect(fakes.state.organisations.map((o) => o.name)).toEqual(['A']);
    expect(fakes.state.offers[0]!.name).toBe('Before');
    expect(fakes.uow.runs[0]!.outcome).toBe('rolled-back');
  });

  it('should refuse a write in a snapshot run', async () => {
    await expect(
      fakes.uow.run(
        (tx) => tx.organisations.createOrganisation({ kind: 'partner', name: 'A' }),
        {},
        { snapshot: true },
      ),
    ).rejects.toThrow('read-only');
    expect(fakes.state.organisations).toEqual([]);
  });

  it('should run transactions one at a time', async () => {
    const order: string[] = [];
    const slow = fakes.uow.run(async () => {
      order.push('first starts');
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push('first ends');
    });
    const fast = fakes.uow.run(async () => {
      order.push('second starts');
    });

    await Promise.all([slow, fast]);

    expect(order).toEqual(['first starts', 'first ends', 'second starts']);
  });
});

describe('fake repositories', () => {
  it('should fail loudly on a method that is not faked', async () => {
    await expect(
      fakes.uow.run((tx) => tx.jobs.claimJob('w', new Date(), new Date())),
    ).rejects.toThrow('not faked: jobs.claimJob');
  });

  it('should apply a conditional write only at an expected version, and bump it', async () => {
    const partner = addOrganisation(fakes, 'partner', 'A');
    const offer = addOffer(fakes, partner.id);
    const update = (expected: 'any' | number[]) =>
      fakes.uow.run((tx) =>
        tx.offers.updateOffer(partner.id, offer.id, { name: 'X' }, expected, fakes.clock.now()),
      );

    await expect(update([])).resolves.toBeNull();
    await expect(update([2])).resolves.toBeNull();
    await expect(update([1, 2])).resolves.toMatchObject({ version: 2 });
    await expect(update('any')).resolves.toMatchObject({ version: 3 });
  });

  it('should find rows only within the organisation named', async () => {
    const a = addOrganisation(fakes, 'partner', 'A');
    const b = addOrganisation(fakes, 'partner', 'B');
    const offer = addOffer(fakes, a.id);

    await expect(fakes.uow.run((tx) => tx.offers.findOffer(b.id, offer.id))).resolves.toBeNull();
  });

  it('should hand out copies, so changing a result changes nothing stored', async () => {
    const a = addOrganisation(fakes, 'partner', 'A');
    addOffer(fakes, a.id, { name: 'Stored' });

    const [found] = (
      await fakes.uow.run((tx) =>
        tx.offers.listOffers(a.id, {
          sort: 'name',
          direction: 'asc',
          archived: 'all',
          limit: 10,
          offset: 0,
        }),
      )
    ).items;
    found!.name = 'Changed';

    expect(fakes.state.offers[0]!.name).toBe('Stored');
  });

  it('should fail an injected method once', async () => {
    fakes.failNext('organisations.findVendorOrganisation');

    await expect(fakes.uow.run((tx) => tx.organisations.findVendorOrganisation())).rejects.toThrow(
      'injected failure',
    );
    await expect(
      fakes.uow.run((tx) => tx.organisations.findVendorOrganisation()),
    ).resolves.toBeNull();
  });
});
