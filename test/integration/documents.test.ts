/**
 * Co-sell documents through the API: upload, replace, delete, download; every file of the
 * bad-upload corpus refused over HTTP with nothing stored; 413 before an oversize body is read.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badUploads, sampleDocx, sampleMp4, samplePdf, samplePptx } from '../helpers/files';
import {
  as,
  createTestContext,
  json,
  seedWorld,
  type TestContext,
  type World,
} from '../helpers/context';

interface DocumentAnswer {
  id: string;
  kind: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  version: number;
}
interface Tab {
  documents: DocumentAnswer[];
  sections: Record<string, string>;
  checklist: { id: string; met: boolean }[];
}
interface Problem {
  code: string;
  detail?: string;
  errors?: { field: string; code: string; detail: string }[];
}

/** Every file under `dir`, recursively (the blob store's contents). */
function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

describe('co-sell documents', () => {
  let ctx: TestContext;
  let world: World;
  let base: string;
  beforeAll(async () => {
    ctx = await createTestContext();
    world = await seedWorld(ctx.deps);
    const offers = `/api/organisations/${world.partnerA.organisation.id}/offers`;
    const created = await as(ctx.app, world.partnerA.owner).post(offers, {
      name: 'Documents',
      alias: 'documents',
      offerType: 'saas',
      markets: ['US'],
    });
    base = `${offers}/${json<{ id: string }>(created).id}`;
  });
  afterAll(() => ctx.close());

  const owner = () => as(ctx.app, world.partnerA.owner);
  const upload = (kind: string, fileName: string, bytes: Buffer, who = owner()) =>
    who.post(`${base}/documents?kind=${kind}&fileName=${encodeURIComponent(fileName)}`, bytes);
  const blobs = () => filesUnder(ctx.deps.config.blobDir);
  const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

  it('uploads a pdf, records its sha256 and size, and serves it back as an attachment', async () => {
    const pdf = samplePdf();
    const response = await upload('one-pager', 'One pager – Contoso.PDF', pdf);
    expect(response.statusCode, response.body).toBe(201);
    const { document, tab } = json<{ document: DocumentAnswer; tab: Tab }>(response);
    expect(document).toMatchObject({
      kind: 'one-pager',
      fileName: 'One pager – Contoso.PDF',
      contentType: 'application/pdf',
      sizeBytes: pdf.length,
      sha256: sha(pdf),
    });
    expect(tab.checklist.find((i) => i.id === 'documents/one-pager')!.met).toBe(true);
    expect(tab.sections.documents).toBe('incomplete');

    const download = await owner().get(`${base}/documents/${document.id}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="One pager _ Contoso.PDF"; filename*=UTF-8''One%20pager%20%E2%80%93%20Contoso.PDF`,
    );
    // Viewers read documents too.
    const asViewer = await as(ctx.app, world.partnerA.viewer).get(
      `${base}/documents/${document.id}/content`,
    );
    expect(asViewer.statusCode).toBe(200);
    // …but may not upload.
    expect(
      (await upload('pitch-deck', 'deck.pptx', samplePptx(), as(ctx.app, world.partnerA.viewer)))
        .statusCode,
    ).toBe(403);
  });

  it('replaces a single-kind document and removes the old bytes', async () => {
    const first = json<{ document: DocumentAnswer }>(
      await upload('pitch-deck', 'deck-v1.pptx', samplePptx()),
    ).document;
    const before = blobs().length;
    const second = await upload('pitch-deck', 'deck-v2.pptx', samplePptx());
    expect(second.statusCode, second.body).toBe(201);
    const { document, tab } = json<{ document: DocumentAnswer; tab: Tab }>(second);
    expect(tab.documents.filter((d) => d.kind === 'pitch-deck').map((d) => d.fileName)).toEqual([
      'deck-v2.pptx',
    ]);
    expect(blobs().length).toBe(before);
    expect((await owner().get(`${base}/documents/${first.id}/content`)).statusCode).toBe(404);
    expect(tab.sections.documents).toBe('complete');

    // Replacing by id keeps the kind.
    const replaced = await owner().put(
      `${base}/documents/${document.id}/content?fileName=deck-v3.pptx`,
      samplePptx(),
      { 'if-match': `"v${document.version}"` },
    );
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(json<{ document: DocumentAnswer }>(replaced).document).toMatchObject({
      kind: 'pitch-deck',
      fileName: 'deck-v3.pptx',
    });
  });

  it('holds up to five other documents or videos', async () => {
    for (let i = 1; i <= 5; i++) {
      const bytes = i % 2 ? sampleDocx() : sampleMp4();
      const name = i % 2 ? `notes-${i}.docx` : `demo-${i}.mp4`;
      expect((await upload('other', name, bytes)).statusCode).toBe(201);
    }
    const sixth = await upload('other', 'too-many.docx', sampleDocx());
    expect(sixth.statusCode).toBe(400);
    expect(json<Problem>(sixth).errors![0]).toMatchObject({
      field: 'kind',
      code: 'upload.tooManyOther',
    });
  });

  it('deletes a document with its bytes', async () => {
    const { document } = json<{ document: DocumentAnswer }>(
      await upload('customer-case-study', 'case.pdf', samplePdf()),
    );
    const count = blobs().length;
    const deleted = await owner().delete(`${base}/documents/${document.id}`);
    expect(deleted.statusCode).toBe(200);
    expect(json<Tab>(deleted).documents.some((d) => d.id === document.id)).toBe(false);
    expect(blobs().length).toBe(count - 1);
    expect((await owner().delete(`${base}/documents/${document.id}`)).statusCode).toBe(404);
  });

  const corpus = badUploads().filter((bad) => bad.stage !== 'size');
  it(`refuses every file of the bad-upload corpus over HTTP (${corpus.length} files), storing nothing`, async () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    const before = {
      blobs: blobs(),
      tab: json<Tab>(await owner().get(`${base}/cosell`)).documents,
    };
    const wrong: string[] = [];
    for (const bad of corpus) {
      const response = await upload('channel-pitch-deck', bad.fileName, bad.bytes());
      const codes =
        response.statusCode === 400
          ? (json<Problem>(response).errors ?? []).map((e) => e.code)
          : [];
      // A NUL anywhere in a request is refused at the edge, before the upload's own checks.
      const refusedAtEdge = bad.fileName.includes('\0') && codes.includes('input.nul');
      if (!codes.includes(bad.code) && !refusedAtEdge)
        wrong.push(`${bad.label}: ${response.statusCode} ${codes.join()}`);
    }
    expect(wrong).toEqual([]);
    expect(blobs()).toEqual(before.blobs);
    expect(json<Tab>(await owner().get(`${base}/cosell`)).documents).toEqual(before.tab);
    // No temporary file is left behind either.
    expect(filesUnder(path.join(ctx.deps.config.dataDir, 'tmp'))).toEqual([]);
  });

  it('refuses an oversize body with 413 before reading it, by declared length or by count', async () => {
    const limited = await createTestContext({ UPLOAD_MAX_MB: '1' });
    try {
      const w = await seedWorld(limited.deps);
      const url = `/api/organisations/${w.partnerA.organisation.id}/offers`;
      const offer = json<{ id: string }>(
        await as(limited.app, w.partnerA.owner).post(url, {
          name: 'Big',
          alias: 'big',
          offerType: 'saas',
        }),
      );
      const big = Buffer.concat([samplePdf(), Buffer.alloc(1024 * 1024)]);
      const response = await as(limited.app, w.partnerA.owner).post(
        `${url}/${offer.id}/documents?kind=one-pager&fileName=big.pdf`,
        big,
      );
      expect(response.statusCode).toBe(413);
      expect(json<Problem>(response).code).toBe('PAYLOAD_TOO_LARGE');
      expect(json<Problem>(response).detail).toBe('The file is larger than 1 MB.');
      expect(response.headers.connection).toBe('close');
      expect(filesUnder(limited.deps.config.blobDir)).toEqual([]);
    } finally {
      await limited.close();
    }
  });

  it('keeps other organisations out', async () => {
    const { document } = json<{ document: DocumentAnswer }>(
      await upload('verifiable-customer-wins', 'wins.pdf', samplePdf()),
    );
    const b = as(ctx.app, world.partnerB.owner);
    expect((await b.get(`${base}/documents/${document.id}/content`)).statusCode).toBe(404);
    expect((await b.delete(`${base}/documents/${document.id}`)).statusCode).toBe(404);
    // Partner B's own organisation in the path, A's document id: not found either.
    const bOffers = `/api/organisations/${world.partnerB.organisation.id}/offers`;
    const bOffer = json<{ id: string }>(
      await b.post(bOffers, { name: 'B', alias: 'b-docs', offerType: 'saas' }),
    );
    expect(
      (await b.get(`${bOffers}/${bOffer.id}/documents/${document.id}/content`)).statusCode,
    ).toBe(404);
  });
});
