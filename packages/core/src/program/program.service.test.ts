import { beforeEach, describe, expect, it } from 'vitest';
import { createFakes, eventsOf, seedProgram, type Fakes } from '../testing';
import * as sut from './program.service';
import { sampleTaxonomy } from './taxonomy';

let fakes: Fakes;
let world: ReturnType<typeof seedProgram>;
let deps: { uow: Fakes['uow']; clock: Fakes['clock']; newId: () => string };

beforeEach(() => {
  fakes = createFakes();
  world = seedProgram(fakes);
  deps = { uow: fakes.uow, clock: fakes.clock, newId: fakes.newId };
});

const smaller = () => {
  const taxonomy = sampleTaxonomy();
  return { ...taxonomy, solutionAreas: taxonomy.solutionAreas.slice(0, 2) };
};

describe(sut.getProgram.name, () => {
  it('should read the taxonomy and the active policy of the installation', async () => {
    const program = await sut.getProgram(deps);

    expect(program.organisationId).toBe(world.vendor.id);
    expect(program.taxonomy.solutionAreas.length).toBeGreaterThan(0);
  });
});

describe(sut.updateTaxonomy.name, () => {
  it('should replace the taxonomy, audit it and announce program.taxonomy-updated', async () => {
    const { version } = await sut.getProgram(deps);

    const updated = await sut.updateTaxonomy(deps, world.programAdmin, smaller(), [version]);

    expect(updated.taxonomy.solutionAreas).toHaveLength(2);
    expect(updated.version).toBe(version + 1);
    expect(fakes.state.audit.at(-1)).toMatchObject({
      organisationId: world.vendor.id,
      action: 'program.taxonomy.update',
      entityType: 'program',
    });
    expect(eventsOf(fakes).at(-1)).toMatchObject({
      type: 'program.taxonomy-updated',
      organisationId: world.vendor.id,
      data: { solutionAreas: 2 },
    });
  });

  it('should refuse a stale version and change nothing', async () => {
    const { version } = await sut.getProgram(deps);

    await expect(
      sut.updateTaxonomy(deps, world.programAdmin, smaller(), [version + 7]),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });

    expect((await sut.getProgram(deps)).version).toBe(version);
    expect(eventsOf(fakes)).toEqual([]);
  });

  it('should refuse anyone but a program admin', async () => {
    for (const actor of [world.reviewer, world.seller, world.owner]) {
      await expect(sut.updateTaxonomy(deps, actor, smaller(), 'any')).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    expect(fakes.state.audit).toEqual([]);
  });
});

describe(sut.updateProgramContact.name, () => {
  it('should set the address partners contact about program-set requirements, and audit it', async () => {
    const before = await sut.getProgram(deps);
    expect(before.contactEmail).toBeNull();

    const updated = await sut.updateProgramContact(
      deps,
      world.programAdmin,
      'partners@contoso.example',
      [before.version],
    );

    expect(updated.contactEmail).toBe('partners@contoso.example');
    expect((await sut.getProgram(deps)).contactEmail).toBe('partners@contoso.example');
    expect(fakes.state.audit.at(-1)).toMatchObject({
      action: 'program.contact.update',
      after: { contactEmail: 'partners@contoso.example' },
    });
  });

  it('should refuse a stale version and anyone but a program admin', async () => {
    const { version } = await sut.getProgram(deps);

    await expect(
      sut.updateProgramContact(deps, world.programAdmin, 'a@b.example', [version + 1]),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await expect(
      sut.updateProgramContact(deps, world.owner, 'a@b.example', [version]),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await sut.getProgram(deps)).contactEmail).toBeNull();
  });
});
