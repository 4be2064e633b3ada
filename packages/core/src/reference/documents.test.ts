import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DOCUMENT_SIZE_LIMITS,
  DOCUMENT_EXTENSIONS,
  DOCUMENT_KIND_IDS,
  DOCUMENT_KINDS,
  DOCUMENT_MIME_TYPES,
  DocumentSizeLimitsSchema,
  MAX_OTHER_DOCUMENTS,
  maxDocumentSizeBytes,
  parseDocumentExtension,
} from './documents';

describe('document kinds', () => {
  it('allows one document of each kind except up to five others', () => {
    expect(MAX_OTHER_DOCUMENTS).toBe(5);
    for (const id of DOCUMENT_KIND_IDS) {
      expect(DOCUMENT_KINDS[id].id).toBe(id);
      expect(DOCUMENT_KINDS[id].maxCount).toBe(id === 'other' ? 5 : 1);
    }
  });

  it('requires the one-pager and pitch deck for co-sell ready', () => {
    const required = DOCUMENT_KIND_IDS.filter((id) =>
      DOCUMENT_KINDS[id].requiredFor.includes('cosell-ready'),
    );
    expect(required).toEqual(['one-pager', 'pitch-deck']);
  });
});

describe('document extensions', () => {
  it('gives every allowed extension a MIME type', () => {
    expect(DOCUMENT_EXTENSIONS).toHaveLength(10);
    for (const extension of DOCUMENT_EXTENSIONS) {
      expect(DOCUMENT_MIME_TYPES[extension]).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
    }
    expect(DOCUMENT_MIME_TYPES['.pptx']).toBe(
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    );
  });

  it('reads the extension of a file name case-insensitively', () => {
    expect(parseDocumentExtension('Pitch Deck.PPTX')).toBe('.pptx');
    expect(parseDocumentExtension('demo.v2.mp4')).toBe('.mp4');
    expect(parseDocumentExtension('photo.jpeg')).toBeUndefined();
    expect(parseDocumentExtension('archive.zip')).toBeUndefined();
    expect(parseDocumentExtension('README')).toBeUndefined();
  });
});

describe(maxDocumentSizeBytes.name, () => {
  it('allows 100 MB for video and 50 MB otherwise by default', () => {
    expect(maxDocumentSizeBytes('.mp4')).toBe(100 * 1024 * 1024);
    expect(maxDocumentSizeBytes('.pdf')).toBe(50 * 1024 * 1024);
  });

  it('uses configured limits when given', () => {
    const limits = DocumentSizeLimitsSchema.parse({ videoMaxBytes: 10, otherMaxBytes: 5 });
    expect(maxDocumentSizeBytes('.mp4', limits)).toBe(10);
    expect(maxDocumentSizeBytes('.docx', limits)).toBe(5);
    expect(
      DocumentSizeLimitsSchema.safeParse({ videoMaxBytes: -1, otherMaxBytes: 5 }).success,
    ).toBe(false);
    expect(DocumentSizeLimitsSchema.parse(DEFAULT_DOCUMENT_SIZE_LIMITS)).toEqual(
      DEFAULT_DOCUMENT_SIZE_LIMITS,
    );
  });
});
