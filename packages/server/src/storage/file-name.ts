/**
 * Validation of the name a browser or API client gives an uploaded document (QUALITY R9).
 * The name is only a hint: the content is checked separately (inspect.ts). What this file
 * refuses are names that are dangerous or misleading once a Microsoft seller downloads the
 * file: hidden second extensions ("deck.exe.pdf"), text-direction tricks ("\u202Egpj.exe"),
 * paths, control characters, and names Windows cannot store.
 */
import { DOCUMENT_EXTENSIONS, parseDocumentExtension, type DocumentExtension } from '@cosell/core';

/** Longest accepted name in UTF-8 bytes: the limit of ext4, NTFS (in UTF-16 units) and APFS. */
export const MAX_FILE_NAME_BYTES = 255;

/** Outcome of {@link validateUploadFileName}; `code` is a `document.*` message key. */
export type FileNameCheck =
  | { ok: true; extension: DocumentExtension; safeName: string }
  | { ok: false; code: string; params?: Record<string, string | number> };

/**
 * Extensions that make a file run, render as active web content or install something when
 * opened. Seen anywhere before the last dot they mark a disguise ("invoice.exe.pdf",
 * "a.html.pdf"): some systems hide the last extension, and some tools trust the first one.
 */
const ACTIVE_EXTENSIONS: ReadonlySet<string> = new Set(
  [
    // Windows programs, libraries, installers, shortcuts and disk images
    'exe dll com bat cmd scr msi msp mst msc pif cpl lnk url scf reg inf sys drv ocx gadget',
    'application appx appxbundle msix msixbundle appref-ms settingcontent-ms library-ms',
    'search-ms chm hlp xbap xll iso img vhd vhdx',
    // Script hosts and shells
    'ps1 psm1 psd1 ps1xml psc1 sh bash zsh csh ksh fish js mjs cjs jse vbs vbe vb wsf wsh ws',
    'wsc sct hta command workflow action applescript scpt desktop',
    // Active web content
    'html htm xhtml shtml mht mhtml svg svgz xml xsl xslt swf',
    // Server-side and interpreted code
    'php php3 php4 php5 phtml phar py pyc pyo pyw pl pm rb asp aspx jsp cgi lua',
    // Other platforms' programs and packages
    'jar class apk app dmg pkg deb rpm run elf so dylib',
  ].flatMap((line) => line.split(' ')),
);

/** DOS device names: a file called "con.pdf" cannot be saved on Windows. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * C0 and C1 control characters (NUL included), and the invisible formatting characters that
 * reorder or hide text: bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069,
 * the "gpj.exe" trick), marks (U+200E, U+200F, U+061C), zero-width characters, line and
 * paragraph separators, the BOM, and the deprecated format characters U+206A–U+206F.
 */
const UNSAFE_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/;

/** A UTF-16 surrogate without its partner: not a character at all. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The list shown in `document.extensionNotAllowed`. */
const ALLOWED_LIST = DOCUMENT_EXTENSIONS.join(', ');

/**
 * Checks an uploaded file's name and returns its allowed extension and the name to store
 * (NFC-normalised, so "é" typed on macOS and on Windows compare equal). The first failing rule
 * wins; codes are `document.*` message keys for a field issue on `['file']`.
 * Macro-enabled Office extensions (.docm, .pptm, .xlsm…) are simply not in the allowed list.
 */
export function validateUploadFileName(name: string): FileNameCheck {
  if (name.length === 0) return { ok: false, code: 'document.nameRequired' };
  const safeName = name.normalize('NFC');
  if (Buffer.byteLength(safeName, 'utf8') > MAX_FILE_NAME_BYTES) {
    return { ok: false, code: 'document.nameTooLong', params: { maximum: MAX_FILE_NAME_BYTES } };
  }
  if (UNSAFE_CHARACTERS.test(safeName) || LONE_SURROGATE.test(safeName)) {
    return { ok: false, code: 'document.badName' };
  }
  // Old browsers sent the whole client path; a separator in a name is either that or an attack.
  if (/[/\\]/.test(safeName) || /^\.+$/.test(safeName)) {
    return { ok: false, code: 'document.badName' };
  }
  // Windows silently strips trailing dots and spaces, so "deck.pdf." and "deck.pdf " are not
  // what they seem, and "x.exe." would become "x.exe".
  if (/[. ]$/.test(safeName)) return { ok: false, code: 'document.nameTrailing' };

  const extension = parseDocumentExtension(safeName);
  if (!extension) {
    return { ok: false, code: 'document.extensionNotAllowed', params: { allowed: ALLOWED_LIST } };
  }
  const segments = safeName.split('.');
  const stem = segments[0]!;
  if (segments.slice(0, -1).join('.').trim() === '') {
    return { ok: false, code: 'document.nameRequired' };
  }
  // Every segment between the first and the last dot is an inner extension. Spaces around it
  // ("deck.exe .pdf") do not change what a shell makes of it.
  for (const inner of segments.slice(1, -1)) {
    const candidate = inner.trim().toLowerCase();
    if (ACTIVE_EXTENSIONS.has(candidate)) {
      return {
        ok: false,
        code: 'document.doubleExtension',
        params: { extension: `.${candidate}` },
      };
    }
  }
  if (WINDOWS_RESERVED.test(stem.trim())) return { ok: false, code: 'document.badName' };
  return { ok: true, extension, safeName };
}
