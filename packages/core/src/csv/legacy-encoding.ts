/**
 * Files that are not UTF-8: Excel's plain "CSV (Comma delimited)" writes the Windows code page
 * of the user's language — Windows-1252 (English, Swedish), Windows-1250 (Polish), GBK/GB18030
 * (Simplified Chinese), Big5 (Traditional Chinese). Such a file is read in the code page of the
 * importing user's language when its bytes leave no doubt; otherwise it is refused, naming the
 * code page it looks like, so the user saves it as "CSV UTF-8" instead of importing mojibake.
 *
 * The runtime's WHATWG `TextDecoder` decodes all four (no library: see docs/decisions).
 */

/** The legacy code pages cosell reads. */
export const LEGACY_ENCODINGS = ['windows-1252', 'windows-1250', 'gb18030', 'big5'] as const;
export type LegacyEncoding = (typeof LEGACY_ENCODINGS)[number];

/** How a message names a code page (what Windows and Excel call it). */
export const LEGACY_ENCODING_LABELS: Readonly<Record<LegacyEncoding, string>> = {
  'windows-1252': 'Windows-1252',
  'windows-1250': 'Windows-1250',
  gb18030: 'GBK/GB18030',
  big5: 'Big5',
};

/** The code page Excel uses for plain CSV in each interface language. */
const ENCODING_BY_LANGUAGE: Readonly<Record<string, LegacyEncoding>> = {
  en: 'windows-1252',
  sv: 'windows-1252',
  pl: 'windows-1250',
  'zh-cn': 'gb18030',
  'zh-tw': 'big5',
};

/** The legacy code page of a locale tag (`pl-PL` → Windows-1250); English's for others. */
export function legacyEncodingFor(locale: string): LegacyEncoding {
  const tag = locale.toLowerCase();
  return ENCODING_BY_LANGUAGE[tag] ?? ENCODING_BY_LANGUAGE[tag.split('-')[0]!] ?? 'windows-1252';
}

/** A file that is neither UTF-8 nor, without doubt, the code page of the user's language. */
export class LegacyEncodingRefused extends Error {
  constructor(
    /** The code page the bytes look like, when one does. */
    readonly found: LegacyEncoding | undefined,
    /** The code page of the user's language. */
    readonly expected: LegacyEncoding,
  ) {
    super(`not UTF-8; looks like ${found ?? 'no known code page'}, expected ${expected}`);
    this.name = 'LegacyEncodingRefused';
  }
}

/** The bytes decoded strictly, or undefined when they are not valid in `encoding`. */
function strictDecode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return undefined;
  }
}

/** True when `bytes` are UTF-8 (a character cut at the end of the sample counts as valid). */
export function isUtf8(bytes: Uint8Array): boolean {
  return strictDecode(bytes, 'utf-8') !== undefined;
}

/** Punctuation that names and titles in all the Latin code pages carry. */
const LATIN_PUNCTUATION = new Set(
  '\u00a0\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2026\u2022\u00b7\u00ab\u00bb\u20ac\u00b0\u00a9\u00ae\u2122\u00a7',
);

const isLetter = (char: string) => /\p{L}/u.test(char);

/** The letters Windows-1250 and -1252 both write with the same byte (é, ö, ü, ß, Š…). */
const SHARED_LETTERS: ReadonlySet<string> = (() => {
  const shared = new Set<string>();
  for (let byte = 0x80; byte <= 0xff; byte++) {
    const a = new TextDecoder('windows-1250').decode(Uint8Array.of(byte));
    const b = new TextDecoder('windows-1252').decode(Uint8Array.of(byte));
    if (a === b && isLetter(a)) shared.add(a);
  }
  return shared;
})();

const POLISH_LETTERS = new Set('ąćęłńóśźżĄĆĘŁŃÓŚŹŻ');

/** Letters of Western European names that Windows-1252 has; Œ, Ÿ and ƒ are too rare to vouch. */
const WESTERN_LETTER = /[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ffŠšŽž]/;

/**
 * Text read as Windows-1252 is Western European when every character beyond ASCII is such a
 * letter or common punctuation, and no three come in a row (two Chinese characters read as
 * Windows-1252 are four Latin-1 characters in a row; European names have no such runs).
 */
function westernPlausible(text: string): boolean {
  let run = 0;
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) {
      run = 0;
      continue;
    }
    if (!WESTERN_LETTER.test(char) && !LATIN_PUNCTUATION.has(char)) return false;
    run = LATIN_PUNCTUATION.has(char) ? 0 : run + 1;
    if (run >= 3) return false;
  }
  return true;
}

/** Text read as Windows-1250 is Polish when every character beyond ASCII is a Polish letter,
 * a letter both code pages share, or common punctuation. */
function polishPlausible(text: string): boolean {
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) continue;
    if (!POLISH_LETTERS.has(char) && !SHARED_LETTERS.has(char) && !LATIN_PUNCTUATION.has(char)) {
      return false;
    }
  }
  return true;
}

/** No C1 control (a byte a code page leaves undefined) and no private-use character. */
const CONTROL_OR_PRIVATE = /[\u0080-\u009f\ue000-\uf8ff]/u;

/**
 * True when every two-byte character is in GB2312, the common core of GBK that Simplified
 * Chinese text stays in (rows A1–A9 symbols, B0–F7 hanzi; second byte A1–FE). Big5 text
 * rarely does: about half of its characters have a second byte below A1.
 */
function fitsGb2312(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x80) continue;
    const trail = bytes[i + 1];
    // A character cut at the end of the sample says nothing.
    if (trail === undefined) return true;
    const leadOk = (lead >= 0xa1 && lead <= 0xa9) || (lead >= 0xb0 && lead <= 0xf7);
    if (!leadOk || trail < 0xa1 || trail > 0xfe) return false;
    i++;
  }
  return true;
}

/** The sample read in each code page, or undefined where it does not read as its language. */
function readings(bytes: Uint8Array): Record<LegacyEncoding, string | undefined> {
  const clean = (text: string | undefined) =>
    text === undefined || CONTROL_OR_PRIVATE.test(text) ? undefined : text;
  const western = clean(strictDecode(bytes, 'windows-1252'));
  const central = clean(strictDecode(bytes, 'windows-1250'));
  const gbk = clean(strictDecode(bytes, 'gb18030'));
  const big5 = clean(strictDecode(bytes, 'big5'));
  return {
    'windows-1252': western !== undefined && westernPlausible(western) ? western : undefined,
    'windows-1250': central !== undefined && polishPlausible(central) ? central : undefined,
    gb18030: gbk !== undefined && (fitsGb2312(bytes) || big5 === undefined) ? gbk : undefined,
    big5: big5 !== undefined && (!fitsGb2312(bytes) || gbk === undefined) ? big5 : undefined,
  };
}

/**
 * The code page to read a file that is not UTF-8 in, from a sample of its first bytes: the
 * code page of the user's language (`expected`) when the sample reads as text of that
 * language — Western European letters for Windows-1252, Polish for Windows-1250, GB2312
 * characters (or bytes Big5 cannot read) for GBK, and bytes that are not plain GB2312 for
 * Big5. Otherwise throws {@link LegacyEncodingRefused} naming the first code page the sample
 * does read as, in the order of {@link LEGACY_ENCODINGS}.
 */
export function chooseLegacyEncoding(sample: Uint8Array, expected: LegacyEncoding): LegacyEncoding {
  const read = readings(sample);
  if (read[expected] !== undefined) return expected;
  const found = LEGACY_ENCODINGS.find((encoding) => read[encoding] !== undefined);
  throw new LegacyEncodingRefused(found, expected);
}
