/**
 * QUALITY R9: uploads are checked by content, not by name. Every bad upload of the corpus in
 * test/helpers/files.ts goes through the whole pipeline (name check, streamed receive,
 * content inspection) and must be refused by the check and for the reason the corpus names;
 * every good sample must pass under its own extension, in lower and upper case.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import {
  DOCUMENT_EXTENSIONS,
  DOCUMENT_MIME_TYPES,
  isMessageKey,
  maxDocumentSizeBytes,
  type DocumentExtension,
} from '@cosell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badUploads, GOOD_SAMPLES, type BadUpload } from '../../../../test/helpers/files';
import {
  inspectDocument,
  receiveUpload,
  UploadTooLargeError,
  validateUploadFileName,
} from './index';

let tempDir: string;
beforeAll(async () => {
  tempDir = await mkdtemp(path.join(os.tmpdir(), 'cosell-corpus-'));
});
afterAll(async () => {
  await rm(tempDir, { recursive: true, force: true });
});

/** 64 KiB chunks, as an HTTP body arrives. */
function chunked(bytes: Buffer): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 64 * 1024) chunks.push(bytes.subarray(i, i + 64 * 1024));
  return Readable.from(chunks);
}

type Outcome =
  { stage: 'accepted'; contentType: string } | { stage: 'name' | 'content' | 'size'; code: string };

/** What the upload route does, minus HTTP: name, streamed receive, inspection. */
async function upload(
  fileName: string,
  bytes: Buffer,
  size: { maxBytes?: number; declaredLength?: number } = {},
): Promise<Outcome> {
  const name = validateUploadFileName(fileName);
  if (!name.ok) return { stage: 'name', code: name.code };
  let received;
  try {
    received = await receiveUpload(chunked(bytes), {
      tempDir,
      maxBytes: size.maxBytes ?? maxDocumentSizeBytes(name.extension),
      ...(size.declaredLength === undefined ? {} : { declaredLength: size.declaredLength }),
    });
  } catch (error) {
    if (error instanceof UploadTooLargeError) return { stage: 'size', code: error.messageKey };
    throw error;
  }
  try {
    const result = await inspectDocument(received.path, name.extension);
    return result.ok
      ? { stage: 'accepted', contentType: result.contentType }
      : { stage: 'content', code: result.code };
  } finally {
    await rm(received.path);
  }
}

const corpus = badUploads();

describe('the bad-upload corpus', () => {
  it('holds at least 30 distinct bad uploads, each with a catalogued reason', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    expect(new Set(corpus.map((entry) => entry.label)).size).toBe(corpus.length);
    expect(corpus.filter((entry) => !isMessageKey(entry.code)).map((e) => e.code)).toEqual([]);
    // Each stage is exercised, so no single check carries the whole corpus.
    const stages = new Set(corpus.map((entry) => entry.stage));
    expect([...stages].sort()).toEqual(['content', 'name', 'size']);
  });

  it.each(corpus.map((entry) => [entry.label, entry] as const))(
    'refuses %s',
    async (_label, entry: BadUpload) => {
      const outcome = await upload(entry.fileName, entry.bytes(), entry);
      expect(outcome).toEqual({ stage: entry.stage, code: entry.code });
      // Nothing is left behind, whichever check refused it.
      expect(await readdir(tempDir)).toEqual([]);
    },
  );
});

describe('good samples', () => {
  const extensions = DOCUMENT_EXTENSIONS.map((ext) => [ext] as const);

  it.each(extensions)('accepts a sample %s', async (extension: DocumentExtension) => {
    const outcome = await upload(`Contoso one-pager${extension}`, GOOD_SAMPLES[extension]());
    expect(outcome).toEqual({ stage: 'accepted', contentType: DOCUMENT_MIME_TYPES[extension] });
  });

  it.each(extensions)('accepts a sample %s named in upper case', async (extension) => {
    const outcome = await upload(`DECK${extension.toUpperCase()}`, GOOD_SAMPLES[extension]());
    expect(outcome).toEqual({ stage: 'accepted', contentType: DOCUMENT_MIME_TYPES[extension] });
  });

  it('refuses each sample under every other extension', async () => {
    // The content decides: no sample passes as another type (the three OOXML kinds and the
    // three compound-file kinds included).
    const accepted: string[] = [];
    for (const [sampleExtension, build] of Object.entries(GOOD_SAMPLES)) {
      const bytes = build();
      for (const extension of DOCUMENT_EXTENSIONS) {
        if (extension === sampleExtension) continue;
        const outcome = await upload(`sample${extension}`, bytes);
        if (outcome.stage === 'accepted') accepted.push(`${sampleExtension} as ${extension}`);
      }
    }
    expect(accepted).toEqual([]);
  });
});
