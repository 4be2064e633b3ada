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
 * Text of a byte or string stream, chunk by chunk. The encoding is chosen from the first bytes,
 * which may arrive split across chunks; the decoder runs in streaming mode, so a character split
 * by a chunk boundary is decoded whole, and it drops the BOM itself. Bytes that are not valid in
 * the encoding become U+FFFD, which the importer's row validation reports (a file saved in a
 * legacy code page). A source yields either bytes or strings; strings lose a leading BOM.
 */
export class TextDecoding {
  private decoder: TextDecoder | undefined;
  private head: Uint8Array | undefined;
  private atStart = true;

  /** The text of `chunk`, possibly empty while a BOM or character is incomplete. */
  decode(chunk: Uint8Array | string): string {
    if (typeof chunk === 'string') {
      const text = this.atStart && chunk.startsWith(BOM) ? chunk.slice(1) : chunk;
      this.atStart &&= chunk === '';
      return text;
    }
    if (this.decoder) return this.decoder.decode(chunk, { stream: true });
    const head = concatBytes(this.head, chunk);
    if (head.length < BOM_SNIFF_BYTES) {
      this.head = head;
      return '';
    }
    this.head = undefined;
    this.atStart = false;
    this.decoder = new TextDecoder(sniffEncoding(head));
    return this.decoder.decode(head, { stream: true });
  }

  /** The text still held at the end of input. */
  end(): string {
    const head = this.head;
    this.head = undefined;
    if (head) return new TextDecoder(sniffEncoding(head)).decode(head);
    return this.decoder?.decode() ?? '';
  }
}
