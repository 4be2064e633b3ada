import { describe, expect, it } from 'vitest';
import { ACCEPT, checkUpload, extensionOf, maxBytesFor } from './upload-checks';

const MB = 1024 * 1024;
const limits = { videoMaxBytes: 100 * MB, otherMaxBytes: 50 * MB };

describe('upload checks', () => {
  it('reads extensions case-insensitively and only after a name', () => {
    expect(extensionOf('Deck.PPTX')).toBe('.pptx');
    expect(extensionOf('archive.tar.gz')).toBe('.gz');
    expect(extensionOf('.pdf')).toBe('');
    expect(extensionOf('README')).toBe('');
  });

  it('accepts the published file types and refuses others', () => {
    expect(ACCEPT).toBe('.pdf,.ppt,.pptx,.doc,.docx,.xls,.xlsx,.jpg,.png,.mp4');
    expect(checkUpload({ name: 'one-pager.pdf', size: 10 }, limits)).toBeNull();
    expect(checkUpload({ name: 'script.exe', size: 10 }, limits)).toEqual({ code: 'extension' });
    expect(checkUpload({ name: 'photo.jpeg', size: 10 }, limits)).toEqual({ code: 'extension' });
  });

  it('refuses empty files and files over the limit of their kind', () => {
    expect(checkUpload({ name: 'a.pdf', size: 0 }, limits)).toEqual({ code: 'empty' });
    expect(checkUpload({ name: 'a.pdf', size: 50 * MB + 1 }, limits)).toEqual({
      code: 'tooLarge',
      maxBytes: 50 * MB,
    });
    expect(checkUpload({ name: 'demo.mp4', size: 60 * MB }, limits)).toBeNull();
    expect(maxBytesFor('demo.MP4', limits)).toBe(100 * MB);
  });
});
