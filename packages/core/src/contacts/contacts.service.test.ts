import { beforeEach, describe, expect, it } from 'vitest';
import type { OfferRecord } from '../offers/offer';
import type { OfferDeps } from '../offers/offer.service';
import {
  addContact,
  addOffer,
  contactInput,
  createFakes,
  eventsOf,
  seedProgram,
  type Fakes,
} from '../testing';
import { contactsCsvHead } from './csv';
import * as sut from './contacts.service';

const HEADER = 'Name,Email,Job title,Role,Countries/Regions,States/Provinces';

/** A contacts file: the template's header, then one line per row. */
async function* csvFile(...rows: string[]): AsyncGenerator<string> {
  yield [HEADER, ...rows].join('\r\n') + '\r\n';
}

let fakes: Fakes;
let world: ReturnType<typeof seedProgram>;
let deps: OfferDeps;
let offer: OfferRecord;

beforeEach(() => {
  fakes = createFakes();
  world = seedProgram(fakes);
  deps = { uow: fakes.uow, clock: fakes.clock, newId: fakes.newId };
  offer = addOffer(fakes, world.partner.id);
});

const contactsOf = (o: OfferRecord = offer) =>
  fakes.state.contacts
    .filter((c) => c.organisationId === o.organisationId && c.offerId === o.id)
    .sort((a, b) => a.position - b.position);
const contactsVersion = () => fakes.state.offers.find((o) => o.id === offer.id)!.contactsVersion;
const expectNothingRecorded = () => {
  expect(fakes.state.audit).toEqual([]);
  expect(fakes.state.events).toEqual([]);
};

/** Stages `rows` for the offer and returns the preview. */
const stage = (...rows: string[]) =>
  sut.stageContactImport(
    deps,
    world.owner,
    world.partner.id,
    offer.id,
    csvFile(...rows),
    'contacts.csv',
  );

describe(sut.listContacts.name, () => {
  it("should list the offer's contacts in order with the list's version", async () => {
    const ann = addContact(fakes, offer, { email: 'ann@contoso.example' });
    const bob = addContact(fakes, offer, { email: 'bob@contoso.example' });
    addContact(fakes, addOffer(fakes, world.partner.id), { email: 'elsewhere@contoso.example' });

    await expect(sut.listContacts(deps, world.viewer, world.partner.id, offer.id)).resolves.toEqual(
      { contacts: [ann, bob], contactsVersion: 1 },
    );
  });

  it("should answer NOT_FOUND to another organisation's member", async () => {
    await expect(
      sut.listContacts(deps, world.otherOwner, world.partner.id, offer.id),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe(sut.addContact.name, () => {
  it('should append the contact, bump the list version, audit it and announce contact.added', async () => {
    const input = contactInput({ name: 'Ann', countries: ['US', 'CA'] });

    const change = await sut.addContact(
      deps,
      world.contributor,
      world.partner.id,
      offer.id,
      input,
      'req-1',
    );

    expect(change).toEqual({
      contact: expect.objectContaining({ ...input, position: 1, version: 1 }),
      contactsVersion: 2,
    });
    expect(contactsOf()).toEqual([change.contact]);
    expect(contactsVersion()).toBe(2);
    expect(fakes.state.audit).toEqual([
      expect.objectContaining({
        organisationId: world.partner.id,
        actorUserId: world.contributor.userId,
        action: 'offer.contact.create',
        entityType: 'offer',
        entityId: offer.id,
        before: null,
        after: input,
        requestId: 'req-1',
      }),
    ]);
    expect(eventsOf(fakes)).toEqual([
      expect.objectContaining({
        type: 'contact.added',
        organisationId: world.partner.id,
        subject: { type: 'offer', id: offer.id },
        data: { offerId: offer.id, contactId: change.contact.id },
      }),
    ]);
  });

  it('should refuse a second contact with the same e-mail (any case) in the same role', async () => {
    addContact(fakes, offer, { email: 'ann@contoso.example', role: 'partner-sales' });

    await expect(
      sut.addContact(
        deps,
        world.owner,
        world.partner.id,
        offer.id,
        contactInput({ email: 'ANN@contoso.example', role: 'partner-sales' }),
      ),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      messageKey: 'import.duplicateContact',
      issues: [{ path: ['email'], code: 'import.duplicateContact' }],
    });
    expect(contactsOf()).toHaveLength(1);
    expect(contactsVersion()).toBe(1);
    expectNothingRecorded();
  });

  it('should accept the same person in another role', async () => {
    addContact(fakes, offer, { email: 'ann@contoso.example', role: 'partner-sales' });

    await sut.addContact(
      deps,
      world.owner,
      world.partner.id,
      offer.id,
      contactInput({ email: 'ann@contoso.example', role: 'partner-marketing' }),
    );

    expect(contactsOf()).toHaveLength(2);
  });

  it('should refuse a viewer with FORBIDDEN and a stranger with NOT_FOUND', async () => {
    await expect(
      sut.addContact(deps, world.viewer, world.partner.id, offer.id, contactInput()),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      sut.addContact(deps, world.otherOwner, world.partner.id, offer.id, contactInput()),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    expect(contactsOf()).toEqual([]);
    expectNothingRecorded();
  });

  it("should answer NOT_FOUND for another organisation's offer named through one's own", async () => {
    const theirs = addOffer(fakes, world.other.id);

    await expect(
      sut.addContact(deps, world.owner, world.partner.id, theirs.id, contactInput()),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(fakes.state.contacts).toEqual([]);
    expectNothingRecorded();
  });

  it('should keep no contact when the list version cannot be bumped', async () => {
    fakes.failNext('offers.bumpContactsVersion');

    await expect(
      sut.addContact(deps, world.owner, world.partner.id, offer.id, contactInput()),
    ).rejects.toThrow('injected failure');
    expect(contactsOf()).toEqual([]);
    expectNothingRecorded();
  });
});

describe(sut.updateContact.name, () => {
  it('should change the contact, bump both versions, audit before and after, and announce contact.updated', async () => {
    const ann = addContact(fakes, offer, { jobTitle: 'Account executive' });
    const input = contactInput({ jobTitle: 'Sales director' });

    const change = await sut.updateContact(
      deps,
      world.owner,
      world.partner.id,
      offer.id,
      ann.id,
      input,
      [1],
    );

    expect(change.contact).toMatchObject({ id: ann.id, jobTitle: 'Sales director', version: 2 });
    expect(change.contactsVersion).toBe(2);
    expect(fakes.state.audit).toEqual([
      expect.objectContaining({
        action: 'offer.contact.update',
        before: expect.objectContaining({ jobTitle: 'Account executive' }),
        after: input,
      }),
    ]);
    expect(eventsOf(fakes)).toEqual([
      expect.objectContaining({
        type: 'contact.updated',
        data: { offerId: offer.id, contactId: ann.id },
      }),
    ]);
  });

  it('should refuse a stale If-Match with PRECONDITION_FAILED and change nothing', async () => {
    const ann = addContact(fakes, offer, { version: 2 });

    await expect(
      sut.updateContact(
        deps,
        world.owner,
        world.partner.id,
        offer.id,
        ann.id,
        contactInput({ name: 'Changed' }),
        [1],
      ),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });

    expect(contactsOf()).toEqual([ann]);
    expect(contactsVersion()).toBe(1);
    expectNothingRecorded();
  });

  it("should refuse taking another contact's e-mail and role", async () => {
    addContact(fakes, offer, { email: 'ann@contoso.example' });
    const bob = addContact(fakes, offer, { email: 'bob@contoso.example' });

    await expect(
      sut.updateContact(
        deps,
        world.owner,
        world.partner.id,
        offer.id,
        bob.id,
        contactInput({ email: 'ann@contoso.example' }),
        'any',
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expectNothingRecorded();
  });

  it('should answer NOT_FOUND for a contact of another offer', async () => {
    const elsewhere = addContact(fakes, addOffer(fakes, world.partner.id));

    await expect(
      sut.updateContact(
        deps,
        world.owner,
        world.partner.id,
        offer.id,
        elsewhere.id,
        contactInput(),
        'any',
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expectNothingRecorded();
  });

  it('should refuse a viewer with FORBIDDEN', async () => {
    const ann = addContact(fakes, offer);

    await expect(
      sut.updateContact(
        deps,
        world.viewer,
        world.partner.id,
        offer.id,
        ann.id,
        contactInput({ name: 'X' }),
        'any',
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(contactsOf()).toEqual([ann]);
  });
});

describe(sut.removeContact.name, () => {
  it('should remove the contact, bump the list version, audit it and announce contact.removed', async () => {
    const ann = addContact(fakes, offer);

    await expect(
      sut.removeContact(deps, world.owner, world.partner.id, offer.id, ann.id, [1]),
    ).resolves.toEqual({ contactsVersion: 2 });

    expect(contactsOf()).toEqual([]);
    expect(fakes.state.audit).toEqual([
      expect.objectContaining({
        action: 'offer.contact.delete',
        before: expect.objectContaining({ email: ann.email }),
        after: null,
      }),
    ]);
    expect(eventsOf(fakes)).toEqual([
      expect.objectContaining({
        type: 'contact.removed',
        data: { offerId: offer.id, contactId: ann.id },
      }),
    ]);
  });

  it('should refuse a stale If-Match with PRECONDITION_FAILED and keep the contact', async () => {
    const ann = addContact(fakes, offer, { version: 3 });

    await expect(
      sut.removeContact(deps, world.owner, world.partner.id, offer.id, ann.id, [2]),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });

    expect(contactsOf()).toEqual([ann]);
    expect(contactsVersion()).toBe(1);
    expectNothingRecorded();
  });

  it('should refuse a viewer with FORBIDDEN and a stranger with NOT_FOUND', async () => {
    const ann = addContact(fakes, offer);

    await expect(
      sut.removeContact(deps, world.viewer, world.partner.id, offer.id, ann.id, 'any'),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      sut.removeContact(deps, world.otherOwner, world.partner.id, offer.id, ann.id, 'any'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    expect(contactsOf()).toEqual([ann]);
    expectNothingRecorded();
  });
});

describe(sut.stageContactImport.name, () => {
  it('should stage a valid file and preview what confirming it would change, changing nothing yet', async () => {
    const ann = addContact(fakes, offer, { name: 'Ann', email: 'ann@contoso.example' });
    addContact(fakes, offer, {
      name: 'Bob',
      email: 'bob@contoso.example',
      role: 'partner-marketing',
    });

    const preview = await stage(
      'Ann,ann@contoso.example,Sales director,Partner sales,US,',
      'Cid,cid@contoso.example,Engineer,Partner technical sales,"US, CA",',
    );

    expect(preview.import).toMatchObject({
      state: 'pending',
      fileName: 'contacts.csv',
      rowCount: 2,
      baseContactsVersion: 1,
      createdBy: world.owner.userId,
    });
    expect(preview.diff).toEqual({
      added: { count: 1, sample: [expect.objectContaining({ email: 'cid@contoso.example' })] },
      removed: { count: 1, sample: [expect.objectContaining({ email: 'bob@contoso.example' })] },
      changed: {
        count: 1,
        sample: [
          {
            before: expect.objectContaining({ jobTitle: ann.jobTitle }),
            after: expect.objectContaining({ jobTitle: 'Sales director' }),
          },
        ],
      },
      unchanged: 0,
    });
    expect(contactsOf().map((c) => c.name)).toEqual(['Ann', 'Bob']);
    expect(contactsVersion()).toBe(1);
    expectNothingRecorded();
  });

  it('should refuse a file with bad rows, listing every problem, and keep nothing staged', async () => {
    const error = await stage(
      'Ann,ann@contoso.example,AE,Partner sales,US,',
      'Bob,not-an-email,AE,Partner sales,US,',
      'Cid,cid@contoso.example,AE,Chief,US,',
    ).catch((e: unknown) => e);

    expect(error).toMatchObject({
      code: 'VALIDATION',
      messageKey: 'import.refused',
      params: { badRows: 2 },
      issues: [
        { path: ['rows', 3, 'email'], code: 'contacts.csv.emailInvalid' },
        { path: ['rows', 4, 'role'], code: 'contacts.csv.roleUnknown' },
      ],
    });
    expect(fakes.state.contactImports).toEqual([]);
    expect(fakes.state.contactImportRows).toEqual([]);
  });

  it('should refuse rows that repeat an e-mail and role of an earlier row', async () => {
    await expect(
      stage(
        'Ann,ann@contoso.example,AE,Partner sales,US,',
        'Ann again,ANN@contoso.example,AE,Partner sales,CA,',
      ),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [
        {
          path: ['rows', 3, 'email'],
          code: 'import.duplicateRow',
          params: { row: 3, firstRow: 2 },
        },
      ],
    });
    expect(fakes.state.contactImports).toEqual([]);
    expect(fakes.state.contactImportRows).toEqual([]);
  });

  it('should refuse a file without rows as a problem of the file, not of a row', async () => {
    await expect(stage()).rejects.toMatchObject({
      code: 'VALIDATION',
      messageKey: 'import.refusedFile',
      issues: [{ path: ['file'], code: 'import.empty' }],
    });
    expect(fakes.state.contactImports).toEqual([]);
  });

  describe('a file saved in Windows-1250 (Polish Excel, plain CSV)', () => {
    // "Paweł" with ł as Windows-1250 writes it (0xB3): not UTF-8.
    const bytes = Uint8Array.of(
      ...new TextEncoder().encode(`${HEADER}\r\nPawe`),
      0xb3,
      ...new TextEncoder().encode(',pawel@contoso.example,AE,Sprzeda'),
      0xbf,
      ...new TextEncoder().encode(' partnera,Polska,\r\n'),
    );
    async function* file() {
      yield bytes;
    }
    const stageAs = (locale: 'pl-PL' | 'en') =>
      sut.stageContactImport(deps, world.owner, world.partner.id, offer.id, file(), 'pl.csv', {
        ...sut.DEFAULT_CONTACT_IMPORT_SETTINGS,
        locale,
      });

    it('should be read for a Polish user', async () => {
      const preview = await stageAs('pl-PL');
      expect(preview.diff.added.sample).toMatchObject([
        { name: 'Paweł', role: 'partner-sales', countries: ['PL'] },
      ]);
    });

    it('should be refused for an English user, naming the code page, and keep nothing', async () => {
      await expect(stageAs('en')).rejects.toMatchObject({
        code: 'VALIDATION',
        messageKey: 'import.refusedFile',
        issues: [
          { path: ['file'], code: 'contacts.csv.encoding', params: { encoding: 'Windows-1250' } },
        ],
      });
      expect(fakes.state.contactImports).toEqual([]);
      expect(fakes.state.contactImportRows).toEqual([]);
    });
  });

  it('should stage a large file in batches and still preview all of it', async () => {
    const rows = Array.from(
      { length: 5 },
      (_, i) => `P${i},p${i}@contoso.example,AE,Partner sales,US,`,
    );

    const preview = await sut.stageContactImport(
      deps,
      world.owner,
      world.partner.id,
      offer.id,
      csvFile(...rows),
      null,
      { batchSize: 2, maxIssues: 10, sampleSize: 3 },
    );

    expect(preview.diff.added).toMatchObject({ count: 5 });
    expect(preview.diff.added.sample).toHaveLength(3);
    expect(fakes.state.contactImportRows).toHaveLength(5);
  });

  it('should drop older staged files but keep the import that undo may still revert', async () => {
    const first = await stage('Ann,ann@contoso.example,AE,Partner sales,US,');
    await sut.applyContactImport(
      deps,
      world.owner,
      world.partner.id,
      offer.id,
      first.import.id,
      'any',
    );
    const abandoned = await stage('Bob,bob@contoso.example,AE,Partner sales,US,');

    const latest = await stage('Cid,cid@contoso.example,AE,Partner sales,US,');

    expect(fakes.state.contactImports.map((i) => i.id).sort()).toEqual(
      [first.import.id, latest.import.id].sort(),
    );
    expect(fakes.state.contactImportRows.some((r) => r.importId === abandoned.import.id)).toBe(
      false,
    );
  });

  it('should refuse a viewer with FORBIDDEN before staging anything', async () => {
    await expect(
      sut.stageContactImport(
        deps,
        world.viewer,
        world.partner.id,
        offer.id,
        csvFile('Ann,ann@contoso.example,AE,Partner sales,US,'),
        null,
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(fakes.state.contactImports).toEqual([]);
  });
});

describe(sut.applyContactImport.name, () => {
  it("should make the file's rows the contacts, audit it and announce contacts.imported", async () => {
    addContact(fakes, offer, { name: 'Old', email: 'old@contoso.example' });
    const { import: staged } = await stage(
      'Ann,ann@contoso.example,AE,Partner sales,US,',
      'Bob,bob@contoso.example,AE,Partner marketing,US,',
    );

    const applied = await sut.applyContactImport(
      deps,
      world.owner,
      world.partner.id,
      offer.id,
      staged.id,
      'any',
      'req-7',
    );

    expect(applied).toMatchObject({
      state: 'applied',
      appliedAt: fakes.clock.now(),
      resultingContactsVersion: 2,
    });
    expect(contactsOf().map((c) => c.name)).toEqual(['Ann', 'Bob']);
    expect(contactsVersion()).toBe(2);
    expect(fakes.state.audit).toEqual([
      expect.objectContaining({
        action: 'offer.contacts.import',
        entityId: offer.id,
        before: { contacts: 1 },
        after: { contacts: 2, importId: staged.id, fileName: 'contacts.csv' },
        requestId: 'req-7',
      }),
    ]);
    expect(eventsOf(fakes)).toEqual([
      expect.objectContaining({
        type: 'contacts.imported',
        subject: { type: 'offer', id: offer.id },
        data: { offerId: offer.id, importId: staged.id, contacts: 2, previousContacts: 1 },
      }),
    ]);
  });

  it('should refuse the confirmation once the contacts changed after the preview', async () => {
    const { import: staged } = await stage('Ann,ann@contoso.example,AE,Partner sales,US,');
    await sut.addContact(
      deps,
      world.owner,
      world.partner.id,
      offer.id,
      contactInput({ email: 'new@contoso.example' }),
    );
    const recorded = { audit: fakes.state.audit.length, events: fakes.state.events.length };

    await expect(
      sut.applyContactImport(deps, world.owner, world.partner.id, offer.id, staged.id, 'any'),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });

    expect(contactsOf().map((c) => c.email)).toEqual(['new@contoso.example']);
    expect(fakes.state.contactImports.find((i) => i.id === staged.id)!.state).toBe('pending');
    expect(fakes.state.audit).toHaveLength(recorded.audit);
    expect(fakes.state.events).toHaveLength(recorded.events);
  });

  it('should refuse a stale If-Match with PRECONDITION_FAILED', async () => {
    const { import: staged } = await stage('Ann,ann@contoso.example,AE,Partner sales,US,');

    await expect(
      sut.applyContactImport(deps, world.owner, world.partner.id, offer.id, staged.id, [7]),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect(contactsOf()).toEqual([]);
    expectNothingRecorded();
  });

  it('should refuse to apply an import twice', async () => {
    const { import: staged } = await stage('Ann,ann@contoso.example,AE,Partner sales,US,');
    await sut.applyContactImport(deps, world.owner, world.partner.id, offer.id, staged.id, 'any');

    await expect(
      sut.applyContactImport(deps, world.owner, world.partner.id, offer.id, staged.id, 'any'),
    ).rejects.toMatchObject({ code: 'CONFLICT', messageKey: 'import.notPending' });
    expect(fakes.state.events).toHaveLength(1);
  });

  it('should refuse a viewer with FORBIDDEN and change nothing', async () => {
    const { import: staged } = await stage('Ann,ann@contoso.example,AE,Partner sales,US,');

    await expect(
      sut.applyContactImport(deps, world.viewer, world.partner.id, offer.id, staged.id, 'any'),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(contactsOf()).toEqual([]);
    expectNothingRecorded();
  });

  it('should answer NOT_FOUND for an import of another offer', async () => {
    const { import: staged } = await stage('Ann,ann@contoso.example,AE,Partner sales,US,');
    const second = addOffer(fakes, world.partner.id);

    await expect(
      sut.applyContactImport(deps, world.owner, world.partner.id, second.id, staged.id, 'any'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(contactsOf(second)).toEqual([]);
  });
});

describe(sut.undoContactImport.name, () => {
  const stageAndApply = async () => {
    const { import: staged } = await stage('Ann,ann@contoso.example,AE,Partner sales,US,');
    return sut.applyContactImport(deps, world.owner, world.partner.id, offer.id, staged.id, 'any');
  };

  it('should put back the contacts the import replaced, audit it and announce contacts.import-undone', async () => {
    addContact(fakes, offer, { name: 'Old 1', email: 'old1@contoso.example' });
    addContact(fakes, offer, { name: 'Old 2', email: 'old2@contoso.example' });
    const applied = await stageAndApply();

    const undone = await sut.undoContactImport(
      deps,
      world.owner,
      world.partner.id,
      offer.id,
      applied.id,
      'req-8',
    );

    expect(undone).toMatchObject({ state: 'undone', undoneAt: fakes.clock.now() });
    expect(contactsOf().map((c) => c.name)).toEqual(['Old 1', 'Old 2']);
    expect(contactsVersion()).toBe(3);
    expect(fakes.state.audit.at(-1)).toMatchObject({
      action: 'offer.contacts.importUndo',
      before: { contacts: 1, importId: applied.id },
      after: { contacts: 2 },
      requestId: 'req-8',
    });
    expect(eventsOf(fakes).at(-1)).toMatchObject({
      type: 'contacts.import-undone',
      subject: { type: 'offer', id: offer.id },
      data: { offerId: offer.id, importId: applied.id },
    });
  });

  it('should refuse once someone changed the contacts after the import', async () => {
    const applied = await stageAndApply();
    await sut.addContact(
      deps,
      world.owner,
      world.partner.id,
      offer.id,
      contactInput({ email: 'new@contoso.example' }),
    );
    const events = fakes.state.events.length;

    await expect(
      sut.undoContactImport(deps, world.owner, world.partner.id, offer.id, applied.id),
    ).rejects.toMatchObject({ code: 'CONFLICT', messageKey: 'import.undoStale' });

    expect(contactsOf().map((c) => c.email)).toEqual([
      'ann@contoso.example',
      'new@contoso.example',
    ]);
    expect(fakes.state.events).toHaveLength(events);
  });

  it('should refuse an import that was never applied', async () => {
    const { import: staged } = await stage('Ann,ann@contoso.example,AE,Partner sales,US,');

    await expect(
      sut.undoContactImport(deps, world.owner, world.partner.id, offer.id, staged.id),
    ).rejects.toMatchObject({ code: 'CONFLICT', messageKey: 'import.notApplied' });
  });

  it('should refuse a viewer with FORBIDDEN', async () => {
    const applied = await stageAndApply();

    await expect(
      sut.undoContactImport(deps, world.viewer, world.partner.id, offer.id, applied.id),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(contactsOf().map((c) => c.name)).toEqual(['Ann']);
  });
});

describe(sut.exportContacts.name, () => {
  const read = async (chunks: AsyncIterable<string>) => {
    let text = '';
    for await (const chunk of chunks) text += chunk;
    return text;
  };

  it("should export every contact, page by page, in the template's shape", async () => {
    addContact(fakes, offer, { name: 'Ann', email: 'ann@contoso.example' });
    addContact(fakes, offer, {
      name: 'Bob',
      email: 'bob@contoso.example',
      countries: ['US', 'CA'],
    });
    addContact(fakes, offer, { name: 'Cid', email: 'cid@contoso.example' });

    const text = await read(
      await sut.exportContacts(deps, world.viewer, world.partner.id, offer.id, 2),
    );

    expect(text.startsWith(contactsCsvHead())).toBe(true);
    expect(text.slice(contactsCsvHead().length).split('\r\n')).toEqual([
      'Ann,ann@contoso.example,Account executive,Partner sales,US,',
      'Bob,bob@contoso.example,Account executive,Partner sales,"US, CA",',
      'Cid,cid@contoso.example,Account executive,Partner sales,US,',
      '',
    ]);
  });

  it('should refuse a stranger before the first chunk', async () => {
    await expect(
      sut.exportContacts(deps, world.otherOwner, world.partner.id, offer.id),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
