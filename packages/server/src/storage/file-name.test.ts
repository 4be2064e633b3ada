/**
 * Upload file names: what passes (real-world names in every script our locales use) and the
 * edges of each refusal rule; the corpus (corpus.test.ts) holds the classic attacks.
 */
import { describe, expect, it } from 'vitest';
import { validateUploadFileName } from './file-name';

const codeOf = (name: string) => {
  const result = validateUploadFileName(name);
  return result.ok ? 'ok' : result.code;
};

describe(validateUploadFileName.name, () => {
  it.each([
    ['Contoso one-pager.pdf', '.pdf'],
    ['Contoso – pitch deck (FY26) v1.2.pptx', '.pptx'],
    ['季度报告.PDF', '.pdf'],
    ['簡報.pptx', '.pptx'],
    ['Översikt och åtgärder.docx', '.docx'],
    ['Prezentacja źródłowa.XLSX', '.xlsx'],
    ['architecture.diagram.final.png', '.png'],
    ['demo.MP4', '.mp4'],
    ['report.2024.10.doc', '.doc'],
    ['.hidden deck.ppt', '.ppt'],
  ] as const)('accepts %s as %s', (name, extension) => {
    expect(validateUploadFileName(name)).toEqual({ ok: true, extension, safeName: name });
  });

  it('returns the name NFC-normalised', () => {
    const decomposed = 'Pre\u0301sentation.pptx'; // "é" as e + combining acute (macOS)
    const result = validateUploadFileName(decomposed);
    expect(result).toEqual({ ok: true, extension: '.pptx', safeName: 'Présentation.pptx' });
    expect(result.ok && result.safeName.length).toBe(decomposed.length - 1);
  });

  it('counts the 255-byte limit in UTF-8 bytes', () => {
    expect(codeOf(`${'x'.repeat(251)}.pdf`)).toBe('ok');
    expect(codeOf(`${'x'.repeat(252)}.pdf`)).toBe('document.nameTooLong');
    expect(codeOf(`${'中'.repeat(83)}.pdf`)).toBe('ok'); // 249 + 4 bytes
    expect(codeOf(`${'中'.repeat(84)}.pdf`)).toBe('document.nameTooLong'); // 256 bytes
    expect(validateUploadFileName(`${'x'.repeat(300)}.pdf`)).toEqual({
      ok: false,
      code: 'document.nameTooLong',
      params: { maximum: 255 },
    });
  });

  it.each([
    ['U+202E right-to-left override', 'photo\u202egpj.exe'],
    ['U+202D left-to-right override', 'deck\u202d.pdf'],
    ['U+2066 isolate', 'deck\u2066.pdf'],
    ['U+200F right-to-left mark', 'deck\u200f.pdf'],
    ['U+200B zero-width space', 'deck\u200b.exe.pdf'],
    ['U+FEFF byte-order mark', '\ufeffdeck.pdf'],
    ['U+061C Arabic letter mark', 'deck\u061c.pdf'],
    ['a tab', 'deck\t.pdf'],
    ['a newline', 'deck\n.pdf'],
    ['DEL', 'deck\u007f.pdf'],
    ['a C1 control', 'deck\u0085.pdf'],
    ['a lone surrogate', 'deck\ud800.pdf'],
    ['a backslash', 'deck\\x.pdf'],
    ['only dots', '...'],
    ['a Windows device name', 'NUL.pdf'],
    ['a Windows device name with spaces', 'com1 .pdf'],
  ])('refuses %s', (_what, name) => {
    expect(codeOf(name)).toBe('document.badName');
  });

  it('keeps surrogate pairs (emoji) that are whole', () => {
    expect(codeOf('launch 🚀.pdf')).toBe('ok');
  });

  it.each(['docm', 'dotm', 'pptm', 'potm', 'ppsm', 'ppam', 'sldm', 'xlsm', 'xltm', 'xlam', 'xlsb'])(
    'refuses the macro-capable extension .%s',
    (extension) => {
      expect(codeOf(`deck.${extension}`)).toBe('document.extensionNotAllowed');
    },
  );

  it('lists the allowed extensions when refusing one', () => {
    expect(validateUploadFileName('deck.key')).toEqual({
      ok: false,
      code: 'document.extensionNotAllowed',
      params: { allowed: '.pdf, .ppt, .pptx, .doc, .docx, .xls, .xlsx, .jpg, .png, .mp4' },
    });
  });

  it('names the hidden extension, whatever its case or the spaces around it', () => {
    expect(validateUploadFileName('deck.EXE.pdf')).toEqual({
      ok: false,
      code: 'document.doubleExtension',
      params: { extension: '.exe' },
    });
    expect(codeOf('deck.exe .pdf')).toBe('document.doubleExtension');
    expect(codeOf('deck.pdf.js.pdf')).toBe('document.doubleExtension');
    expect(codeOf('deck.final.v2.pdf')).toBe('ok');
    // The first segment is the name itself, not an extension.
    expect(codeOf('exe.pdf')).toBe('ok');
  });

  it('needs a name before the extension', () => {
    expect(codeOf('.pdf')).toBe('document.nameRequired');
    expect(codeOf('  .pdf')).toBe('document.nameRequired');
    expect(codeOf('')).toBe('document.nameRequired');
  });

  it('refuses trailing dots and spaces, which Windows strips', () => {
    expect(codeOf('deck.pdf..')).toBe('document.nameTrailing');
    expect(codeOf('deck.exe. ')).toBe('document.nameTrailing');
  });
});
