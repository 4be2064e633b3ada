import { chooseLegacyEncoding, isUtf8, type LegacyEncoding } from './legacy-encoding';

/** The byte order mark: written first so that Excel reads UTF-8, dropped on reading. */
export const BOM = '\ufeff';

/** How many bytes identify a BOM (UTF-8: 3, UTF-16: 2). */
const BOM_SNIFF_BYTES = 3;

/** UTF-16LE or UTF-16BE when the bytes start with that BOM; UTF-8 (with or without BOM) otherwise. */
function sniffEncoding(head: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

function concatBytes(a: Uint8Array | undefined, b: Uint8Array): Uint8Array {
  if (!a) return b;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/**
 * How many first bytes decide whether a file without BOM is UTF-8 or a legacy code page. The
 * sample is held until then (or the end of input), never the file.
 */
export const ENCODING_SAMPLE_BYTES = 64 * 1024;

/** Options of {@link TextDecoding}. */
export interface TextDecodingOptions {
  /**
   * The code page of the user's language: a file whose first bytes are not UTF-8 is read in it
   * when they leave no doubt, and refused otherwise ({@link LegacyEncodingRefused} is thrown).
   * Without it such bytes become U+FFFD, which row validation reports.
   */
  legacy?: LegacyEncoding;
}

/**
 * Text of a byte or string stream, chunk by chunk. The encoding is chosen from the first bytes,
 * which may arrive split across chunks; the decoder runs in streaming mode, so a character split
 * by a chunk boundary is decoded whole, and it drops the BOM itself. With a `legacy` code page,
 * a file without BOM is sampled first: UTF-8 when the sample is, else that code page (see
 * {@link chooseLegacyEncoding}). Bytes that are not valid in the chosen encoding become U+FFFD,
 * which the importer's row validation reports. A source yields either bytes or strings;
 * strings lose a leading BOM.
 */
export class TextDecoding {
  private decoder: TextDecoder | undefined;
  private head: Uint8Array | undefined;
  private atStart = true;

  constructor(private readonly options: TextDecodingOptions = {}) {}

  /** The text of `chunk`, possibly empty while a BOM, a sample or a character is incomplete. */
  decode(chunk: Uint8Array | string): string {
    if (typeof chunk === 'string') {
      const text = this.atStart && chunk.startsWith(BOM) ? chunk.slice(1) : chunk;
      this.atStart &&= chunk === '';
      return text;
    }
    if (this.decoder) return this.decoder.decode(chunk, { stream: true });
    const head = concatBytes(this.head, chunk);
    if (head.length < this.sampleSize(head)) {
      this.head = head;
      return '';
    }
    return this.start(head).decode(head, { stream: true });
  }

  /** The text still held at the end of input. */
  end(): string {
    const head = this.head;
    this.head = undefined;
    if (head) return this.start(head).decode(head);
    return this.decoder?.decode() ?? '';
  }

  /** How many bytes decide the encoding: the BOM's, or with a legacy code page the sample. */
  private sampleSize(head: Uint8Array): number {
    if (head.length < BOM_SNIFF_BYTES || !this.options.legacy) return BOM_SNIFF_BYTES;
    return sniffEncoding(head) === 'utf-8' && !hasUtf8Bom(head) ? ENCODING_SAMPLE_BYTES : 0;
  }

  private start(head: Uint8Array): TextDecoder {
    this.head = undefined;
    this.atStart = false;
    this.decoder = new TextDecoder(this.encodingOf(head));
    return this.decoder;
  }

  private encodingOf(head: Uint8Array): string {
    const sniffed = sniffEncoding(head);
    const legacy = this.options.legacy;
    if (sniffed !== 'utf-8' || !legacy || hasUtf8Bom(head)) return sniffed;
    // The same first bytes decide however the file arrives in chunks.
    const sample = head.subarray(0, ENCODING_SAMPLE_BYTES);
    return isUtf8(sample) ? sniffed : chooseLegacyEncoding(sample, legacy);
  }
}

function hasUtf8Bom(head: Uint8Array): boolean {
  return head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
}
