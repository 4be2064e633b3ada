import { beforeEach, describe, expect, it } from 'vitest';
import {
  addDocument,
  addOffer,
  addVersion,
  createFakes,
  eventsOf,
  seedProgram,
  type Fakes,
} from '../testing';
import type { OfferRecord } from '../offers/offer';
import * as sut from './documents.service';

let fakes: Fakes;
let world: ReturnType<typeof seedProgram>;
let deps: sut.DocumentDeps;
let offer: OfferRecord;

beforeEach(() => {
  fakes = createFakes();
  world = seedProgram(fakes);
  deps = { uow: fakes.uow, clock: fakes.clock, newId: fakes.newId, blobs: fakes.blobs };
  offer = addOffer(fakes, world.partner.id);
});

const upload = (fileName = 'one-pager.pdf'): sut.UploadedFile => ({
  fileName,
  contentType: 'application/pdf',
  tempPath: `/tmp/upload-${fileName}`,
  sizeBytes: 2048,
  sha256: `sha-of-${fileName}`,
});

const expectNothingRecorded = () => {
  expect(fakes.state.audit).toEqual([]);
  expect(fakes.state.events).toEqual([]);
};

describe(sut.prepareDocumentUpload.name, () => {
  it('should accept an upload of a kind the offer may still take', async () => {
    await expect(
      sut.prepareDocumentUpload(deps, world.contributor, world.partner.id, offer.id, {
        kind: 'pitch-deck',
      }),
    ).resolves.toBe('pitch-deck');
  });

  it('should give a replacement the kind of the document it replaces', async () => {
    const deck = addDocument(fakes, offer, 'pitch-deck');

    await expect(
      sut.prepareDocumentUpload(deps, world.owner, world.partner.id, offer.id, {
        replaceId: deck.id,
      }),
    ).resolves.toBe('pitch-deck');
  });

  it('should refuse a sixth "other" document before the body is read', async () => {
    for (let i = 0; i < 5; i++) addDocument(fakes, offer, 'other');

    await expect(
      sut.prepareDocumentUpload(deps, world.owner, world.partner.id, offer.id, { kind: 'other' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: ['kind'], code: 'upload.tooManyOther', params: { maximum: 5 } }],
    });
  });

  it('should answer NOT_FOUND for a replacement of a document the offer does not have', async () => {
    const elsewhere = addDocument(fakes, addOffer(fakes, world.partner.id), 'pitch-deck');

    await expect(
      sut.prepareDocumentUpload(deps, world.owner, world.partner.id, offer.id, {
        replaceId: elsewhere.id,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('should refuse a viewer with FORBIDDEN and a stranger with NOT_FOUND', async () => {
    await expect(
      sut.prepareDocumentUpload(deps, world.viewer, world.partner.id, offer.id, {
        kind: 'one-pager',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      sut.prepareDocumentUpload(deps, world.otherOwner, world.partner.id, offer.id, {
        kind: 'one-pager',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe(sut.storeDocument.name, () => {
  it('should store the bytes, record the document, audit it and announce document.uploaded', async () => {
    const { document, tab } = await sut.storeDocument(
      deps,
      world.contributor,
      world.partner.id,
      offer.id,
      'one-pager',
      upload(),
      { requestId: 'req-1' },
    );

    const blobKey = `org/${world.partner.id}/offer/${offer.id}/${document.id}`;
    expect(document).toMatchObject({
      kind: 'one-pager',
      fileName: 'one-pager.pdf',
      blobKey,
      uploadedBy: world.contributor.userId,
      uploadedAt: fakes.clock.now(),
    });
    expect(fakes.blobs.blobs.get(blobKey)).toMatchObject({
      filePath: '/tmp/upload-one-pager.pdf',
      info: { sizeBytes: 2048, contentType: 'application/pdf' },
    });
    expect(fakes.state.documents).toEqual([document]);
    expect(tab.documents).toEqual([document]);
    expect(fakes.state.audit).toEqual([
      expect.objectContaining({
        action: 'offer.document.upload',
        entityType: 'offer',
        entityId: offer.id,
        before: null,
        after: {
          id: document.id,
          kind: 'one-pager',
          fileName: 'one-pager.pdf',
          contentType: 'application/pdf',
          sizeBytes: 2048,
          sha256: 'sha-of-one-pager.pdf',
        },
        requestId: 'req-1',
      }),
    ]);
    expect(eventsOf(fakes)).toEqual([
      expect.objectContaining({
        type: 'document.uploaded',
        organisationId: world.partner.id,
        subject: { type: 'offer', id: offer.id },
        data: {
          offerId: offer.id,
          documentId: document.id,
          kind: 'one-pager',
          fileName: 'one-pager.pdf',
        },
      }),
    ]);
  });

  it('should replace the one-pager the offer has, dropping its bytes after the commit', async () => {
    const old = addDocument(fakes, offer, 'one-pager');
    fakes.blobs.blobs.set(old.blobKey, {
      filePath: 'x',
      info: { sizeBytes: 1, contentType: 'application/pdf' },
      bytes: new Uint8Array(),
    });

    const { document } = await sut.storeDocument(
      deps,
      world.owner,
      world.partner.id,
      offer.id,
      'one-pager',
      upload('new.pdf'),
    );

    expect(fakes.state.documents).toEqual([document]);
    expect(fakes.blobs.blobs.has(old.blobKey)).toBe(false);
    expect(fakes.blobs.blobs.has(document.blobKey)).toBe(true);
    expect(fakes.state.audit).toEqual([
      expect.objectContaining({
        action: 'offer.document.replace',
        before: expect.objectContaining({ id: old.id, fileName: old.fileName }),
        after: expect.objectContaining({ id: document.id, fileName: 'new.pdf' }),
      }),
    ]);
    expect(eventsOf(fakes).map((e) => [e.type, e.data])).toEqual([
      ['document.deleted', { offerId: offer.id, documentId: old.id, kind: 'one-pager' }],
      [
        'document.uploaded',
        { offerId: offer.id, documentId: document.id, kind: 'one-pager', fileName: 'new.pdf' },
      ],
    ]);
  });

  it('should keep the bytes of a replaced document that a published version still shows', async () => {
    const old = addDocument(fakes, offer, 'one-pager');
    addVersion(fakes, offer);

    await sut.storeDocument(deps, world.owner, world.partner.id, offer.id, 'one-pager', upload());

    expect(fakes.blobs.deleted).not.toContain(old.blobKey);
  });

  it('should give a replacement by id the kind of the document it replaces', async () => {
    const other = addDocument(fakes, offer, 'other');

    const { document } = await sut.storeDocument(
      deps,
      world.owner,
      world.partner.id,
      offer.id,
      'pitch-deck',
      upload('video.mp4'),
      { replaceId: other.id, expected: [1] },
    );

    expect(document.kind).toBe('other');
    expect(fakes.state.documents.map((d) => d.id)).toEqual([document.id]);
  });

  it('should refuse a stale If-Match on a replacement, keep the old document and drop the new bytes', async () => {
    const old = addDocument(fakes, offer, 'pitch-deck', { version: 2 });

    await expect(
      sut.storeDocument(deps, world.owner, world.partner.id, offer.id, 'pitch-deck', upload(), {
        replaceId: old.id,
        expected: [1],
      }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });

    expect(fakes.state.documents).toEqual([old]);
    expect(fakes.blobs.blobs.size).toBe(0);
    expect(fakes.blobs.deleted).not.toContain(old.blobKey);
    expectNothingRecorded();
  });

  it('should refuse a sixth "other" document and drop its bytes', async () => {
    for (let i = 0; i < 5; i++) addDocument(fakes, offer, 'other');

    await expect(
      sut.storeDocument(deps, world.owner, world.partner.id, offer.id, 'other', upload()),
    ).rejects.toMatchObject({ code: 'VALIDATION' });

    expect(fakes.state.documents).toHaveLength(5);
    expect(fakes.blobs.blobs.size).toBe(0);
    expectNothingRecorded();
  });

  it('should refuse a viewer with FORBIDDEN and keep neither row nor bytes', async () => {
    await expect(
      sut.storeDocument(deps, world.viewer, world.partner.id, offer.id, 'one-pager', upload()),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    expect(fakes.state.documents).toEqual([]);
    expect(fakes.blobs.blobs.size).toBe(0);
    expectNothingRecorded();
  });

  it("should answer NOT_FOUND for another organisation's offer and keep no bytes", async () => {
    const theirs = addOffer(fakes, world.other.id);

    await expect(
      sut.storeDocument(deps, world.owner, world.partner.id, theirs.id, 'one-pager', upload()),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    expect(fakes.state.documents).toEqual([]);
    expect(fakes.blobs.blobs.size).toBe(0);
    expectNothingRecorded();
  });

  it('should record nothing when the bytes cannot be stored', async () => {
    fakes.blobs.failNextPut = new Error('disk full');

    await expect(
      sut.storeDocument(deps, world.owner, world.partner.id, offer.id, 'one-pager', upload()),
    ).rejects.toThrow('disk full');

    expect(fakes.state.documents).toEqual([]);
    expectNothingRecorded();
  });
});

describe(sut.deleteDocument.name, () => {
  it('should remove the document and its bytes, audit it and announce document.deleted', async () => {
    const deck = addDocument(fakes, offer, 'pitch-deck');

    const tab = await sut.deleteDocument(
      deps,
      world.contributor,
      world.partner.id,
      offer.id,
      deck.id,
      [1],
      'req-9',
    );

    expect(tab.documents).toEqual([]);
    expect(fakes.state.documents).toEqual([]);
    expect(fakes.blobs.deleted).toEqual([deck.blobKey]);
    expect(fakes.state.audit).toEqual([
      expect.objectContaining({
        action: 'offer.document.delete',
        entityId: offer.id,
        before: expect.objectContaining({ id: deck.id, kind: 'pitch-deck' }),
        after: null,
        requestId: 'req-9',
      }),
    ]);
    expect(eventsOf(fakes)).toEqual([
      expect.objectContaining({
        type: 'document.deleted',
        subject: { type: 'offer', id: offer.id },
        data: { offerId: offer.id, documentId: deck.id, kind: 'pitch-deck' },
      }),
    ]);
  });

  it('should keep the bytes a published version still shows', async () => {
    const deck = addDocument(fakes, offer, 'pitch-deck');
    addVersion(fakes, offer);

    await sut.deleteDocument(deps, world.owner, world.partner.id, offer.id, deck.id, 'any');

    expect(fakes.state.documents).toEqual([]);
    expect(fakes.blobs.deleted).toEqual([]);
  });

  it('should refuse a stale If-Match with PRECONDITION_FAILED and keep document and bytes', async () => {
    const deck = addDocument(fakes, offer, 'pitch-deck', { version: 3 });

    await expect(
      sut.deleteDocument(deps, world.owner, world.partner.id, offer.id, deck.id, [2]),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });

    expect(fakes.state.documents).toEqual([deck]);
    expect(fakes.blobs.deleted).toEqual([]);
    expectNothingRecorded();
  });

  it('should answer NOT_FOUND for a document of another offer', async () => {
    const elsewhere = addDocument(fakes, addOffer(fakes, world.partner.id), 'pitch-deck');

    await expect(
      sut.deleteDocument(deps, world.owner, world.partner.id, offer.id, elsewhere.id, 'any'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(fakes.state.documents).toEqual([elsewhere]);
  });

  it('should refuse a viewer with FORBIDDEN and a stranger with NOT_FOUND', async () => {
    const deck = addDocument(fakes, offer, 'pitch-deck');

    await expect(
      sut.deleteDocument(deps, world.viewer, world.partner.id, offer.id, deck.id, 'any'),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      sut.deleteDocument(deps, world.otherOwner, world.partner.id, offer.id, deck.id, 'any'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    expect(fakes.state.documents).toEqual([deck]);
    expectNothingRecorded();
  });
});

describe(sut.listDocuments.name, () => {
  it("should list the offer's documents to a viewer", async () => {
    const deck = addDocument(fakes, offer, 'pitch-deck');
    addDocument(fakes, addOffer(fakes, world.partner.id), 'one-pager');

    await expect(
      sut.listDocuments(deps, world.viewer, world.partner.id, offer.id),
    ).resolves.toEqual([deck]);
  });

  it("should answer NOT_FOUND to another organisation's member", async () => {
    await expect(
      sut.listDocuments(deps, world.otherOwner, world.partner.id, offer.id),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe(sut.openDocument.name, () => {
  it('should give the record and a stream of the bytes', async () => {
    const { document } = await sut.storeDocument(
      deps,
      world.owner,
      world.partner.id,
      offer.id,
      'one-pager',
      upload(),
    );

    const opened = await sut.openDocument(
      deps,
      world.viewer,
      world.partner.id,
      offer.id,
      document.id,
    );

    expect(opened.document).toEqual(document);
    const chunks: Uint8Array[] = [];
    for await (const chunk of opened.stream as AsyncIterable<Uint8Array>) chunks.push(chunk);
    expect(new TextDecoder().decode(chunks[0])).toBe('bytes of /tmp/upload-one-pager.pdf');
  });

  it("should answer NOT_FOUND for another organisation's document without opening it", async () => {
    const theirs = addOffer(fakes, world.other.id);
    const document = addDocument(fakes, theirs, 'one-pager');

    await expect(
      sut.openDocument(deps, world.owner, world.partner.id, theirs.id, document.id),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      sut.openDocument(deps, world.owner, world.other.id, theirs.id, document.id),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
