import { beforeEach, describe, expect, it, vi } from 'vitest';

let locale = 'en';
vi.mock('../i18n/i18n', () => ({ currentLocale: () => locale }));
const { formatFileSize } = await import('./format');

describe('formatFileSize', () => {
  beforeEach(() => {
    locale = 'en';
  });

  it('counts in kB and MB of 1,024, not in bytes', () => {
    expect(formatFileSize(2048)).toBe('2 kB');
    expect(formatFileSize(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(formatFileSize(25 * 1024 * 1024)).toBe('25 MB');
  });

  it("writes the number the reader's way", () => {
    locale = 'pl-PL';
    expect(formatFileSize(1.5 * 1024 * 1024)).toMatch(/^1,5\sMB$/);
    locale = 'sv-SE';
    expect(formatFileSize(1.5 * 1024 * 1024)).toMatch(/^1,5\sMB$/);
  });
});
