/**
 * Content inspection of an uploaded document (QUALITY R9): the bytes must be what the
 * extension says, and must not carry active content a Microsoft seller's machine would run.
 *
 * Everything is read through one file handle at the offsets that matter (zip central
 * directory, compound-file directory, box and segment headers); the only full pass is the PDF
 * syntax scan, which streams in 64 KiB chunks. Nothing holds the whole file in memory.
 *
 * The checks are structural, not a full parser or an antivirus: they refuse renamed
 * programs, web content, macro-enabled Office files, PDF scripts and zip bombs, and they
 * make the stored file's type trustworthy. Downloads must still be served as attachments
 * with `X-Content-Type-Options: nosniff`.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createInflate, inflateRawSync } from 'node:zlib';
import { DOCUMENT_MIME_TYPES, type DocumentExtension } from '@cosell/core';
import { toMegabytes } from './receive-upload';

/** Limits of the zip (OOXML) checks. */
export interface InspectOptions {
  /** Most entries a .docx/.pptx/.xlsx may have (default 5000). */
  maxZipEntries?: number;
  /** Largest sum of declared uncompressed entry sizes (default 512 MiB). */
  maxUncompressedBytes?: number;
  /** Largest uncompressed/compressed ratio of one entry of 1 MiB or more (default 200). */
  maxCompressionRatio?: number;
}

/** Outcome of {@link inspectDocument}; `code` is a `document.*` message key. */
export type InspectResult =
  | { ok: true; contentType: string }
  | { ok: false; code: string; params?: Record<string, string | number> };

const KIB = 1024;
const MIB = 1024 * KIB;

const DEFAULTS: Required<InspectOptions> = {
  maxZipEntries: 5000,
  maxUncompressedBytes: 512 * MIB,
  maxCompressionRatio: 200,
};

/**
 * The ratio rule applies from this declared size up. Small parts of repetitive XML (an empty
 * sheet, a style list) legitimately compress 300:1 and more and are harmless at that size.
 */
const RATIO_MIN_UNCOMPRESSED = MIB;

/** A refusal raised deep inside a parser; turned into the result at the top. */
class Refusal extends Error {
  constructor(
    readonly code: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(code);
  }
}

const corrupt = () => new Refusal('document.corrupt');
const mismatch = (extension: DocumentExtension) =>
  new Refusal('document.contentMismatch', { extension });

/**
 * Checks that the finished temp file at `filePath` really is a file of type `extension` and
 * carries no active content. Returns the IANA content type to store, or the refusal.
 * Unreadable files (I/O errors) throw; every malformed content is a refusal.
 */
export async function inspectDocument(
  filePath: string,
  extension: DocumentExtension,
  options: InspectOptions = {},
): Promise<InspectResult> {
  const limits = { ...DEFAULTS, ...options };
  const handle = await open(filePath, 'r');
  try {
    const file = new ByteReader(handle, (await handle.stat()).size);
    if (file.size === 0) return { ok: false, code: 'document.empty' };
    const head = await file.read(0, Math.min(file.size, 4 * KIB));
    // Before the type checks: "this is a program" is clearer than "this is not a PDF".
    if (isExecutableOrMarkup(head)) return { ok: false, code: 'document.executable' };
    switch (extension) {
      case '.pdf':
        await inspectPdf(file, head);
        break;
      case '.docx':
      case '.pptx':
      case '.xlsx':
        await inspectOoxml(file, head, extension, limits);
        break;
      case '.doc':
      case '.ppt':
      case '.xls':
        await inspectLegacyOffice(file, head, extension);
        break;
      case '.jpg':
        await inspectJpeg(file, head);
        break;
      case '.png':
        await inspectPng(file, head);
        break;
      case '.mp4':
        await inspectMp4(file, head);
        break;
    }
    return { ok: true, contentType: DOCUMENT_MIME_TYPES[extension] };
  } catch (error) {
    if (error instanceof Refusal) {
      return error.params
        ? { ok: false, code: error.code, params: error.params }
        : { ok: false, code: error.code };
    }
    throw error;
  } finally {
    await handle.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Bounded random access: a read past the end of the file means the content is broken. */
class ByteReader {
  constructor(
    private readonly handle: FileHandle,
    readonly size: number,
  ) {}

  async read(offset: number, length: number): Promise<Buffer> {
    if (
      !Number.isSafeInteger(offset) ||
      !Number.isSafeInteger(length) ||
      offset < 0 ||
      length < 0 ||
      offset + length > this.size
    ) {
      throw corrupt();
    }
    const buffer = Buffer.alloc(length);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await this.handle.read(buffer, done, length - done, offset + done);
      if (bytesRead === 0) throw corrupt();
      done += bytesRead;
    }
    return buffer;
  }

  /** The bytes in [start, end) in chunks: one chunk in memory at a time. */
  async *chunks(start: number, end: number, chunkSize = 64 * KIB): AsyncGenerator<Buffer> {
    for (let offset = start; offset < end; offset += chunkSize) {
      yield await this.read(offset, Math.min(chunkSize, end - offset));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Programs and markup, whatever the extension

/**
 * Windows PE ("MZ"), ELF, Mach-O (both byte orders, 32/64-bit, fat; the fat magic is also a
 * Java class file), a script's "#!", or markup: "<" after an optional BOM and whitespace
 * (HTML, SVG, XML, XHTML), also in UTF-16. None of the allowed formats can start so.
 */
function isExecutableOrMarkup(head: Buffer): boolean {
  const magic4 = head.length >= 4 ? head.readUInt32BE(0) : -1;
  if (head[0] === 0x4d && head[1] === 0x5a) return true; // MZ
  if (head[0] === 0x23 && head[1] === 0x21) return true; // #!
  if ([0x7f454c46, 0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(magic4)) {
    return true;
  }
  let text: string;
  if (head[0] === 0xff && head[1] === 0xfe) text = head.subarray(2).toString('utf16le');
  else if (head[0] === 0xfe && head[1] === 0xff) text = swapUtf16(head.subarray(2));
  else if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    text = head.subarray(3).toString('latin1');
  } else text = head.toString('latin1');
  return /^[\t\n\f\r ]*</.test(text);
}

function swapUtf16(bytes: Buffer): string {
  const even = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  return even.swap16().toString('utf16le');
}

// ---------------------------------------------------------------------------------------------
// PDF

const PDF_HEADER = /^%PDF-(?:1\.[0-7]|2\.0)/;

/**
 * Names that make a PDF active: scripts (/JavaScript, /JS), starting programs (/Launch),
 * attached files (/EmbeddedFile, /EmbeddedFiles) and Flash/3D media (/RichMedia). A one-pager
 * or deck needs none of them; the seller's reader would run or offer them.
 */
const PDF_ACTIVE_NAMES: ReadonlySet<string> = new Set([
  'JavaScript',
  'JS',
  'Launch',
  'EmbeddedFile',
  'EmbeddedFiles',
  'RichMedia',
]);

/**
 * Inside stream data (binary) only the long names are looked for: "/JS" followed by a
 * delimiter occurs by chance in a few MB of compressed images, "/JavaScript" never does.
 */
const PDF_ACTIVE_NAMES_IN_STREAMS: ReadonlySet<string> = new Set(
  [...PDF_ACTIVE_NAMES].filter((name) => name.length >= 6),
);

/** Most object streams inflated and their total output (beyond: a decompression bomb). */
const PDF_MAX_OBJECT_STREAMS = 20_000;
const PDF_MAX_INFLATED_BYTES = 64 * MIB;

/**
 * Header at offset 0, "%%EOF" in the last 2 KiB, then a scan of the whole file's syntax.
 *
 * Why a full tokenising scan and not a byte search in the first 64 KiB: active content can
 * sit anywhere (incremental updates append at the end), names can be hex-escaped
 * ("/J#61vaScript"), and since PDF 1.5 most dictionaries live in compressed object streams.
 * So the scan decodes names, skips strings and comments (a title mentioning "/JavaScript" is
 * not a script), and afterwards inflates every object stream (/Type /ObjStm) and scans it
 * too. Other stream data (page content, images, fonts) is not PDF syntax; it is only searched
 * for the long active names, which also catches objects hidden inside another stream's data
 * but reachable through the cross-reference table.
 *
 * Encrypted PDFs: dictionaries stay readable, but object streams are encrypted; when one
 * cannot be inflated the file is refused as encrypted rather than passed unchecked.
 */
async function inspectPdf(file: ByteReader, head: Buffer): Promise<void> {
  if (!PDF_HEADER.test(head.subarray(0, 8).toString('latin1'))) throw mismatch('.pdf');
  const tailLength = Math.min(file.size, 2 * KIB);
  const tail = await file.read(file.size - tailLength, tailLength);
  if (tail.indexOf('%%EOF', 0, 'latin1') < 0) throw corrupt();

  const scanner = new PdfScanner();
  let base = 0;
  for await (const chunk of file.chunks(0, file.size)) {
    scanner.feed(chunk, base);
    base += chunk.length;
  }
  scanner.finish();
  if (scanner.objectStreams.length > PDF_MAX_OBJECT_STREAMS) throw corrupt();

  let inflated = 0;
  for (const { start, end } of scanner.objectStreams) {
    const inner = new PdfScanner();
    try {
      await pipeline(
        file.chunks(start, end),
        createInflate(),
        async (output: AsyncIterable<Buffer>) => {
          for await (const chunk of output) {
            inflated += chunk.length;
            if (inflated > PDF_MAX_INFLATED_BYTES) throw new Refusal('document.zipBomb');
            inner.feed(chunk, 0);
          }
        },
      );
      inner.finish();
    } catch (error) {
      if (error instanceof Refusal) throw error;
      // Not Flate data: encrypted, or another filter we do not decode. Either way unchecked.
      throw scanner.encrypted ? new Refusal('document.encrypted') : corrupt();
    }
  }
}

// Scanner states.
const S_NORMAL = 0;
const S_COMMENT = 1;
const S_NAME = 2;
const S_STRING = 3;
const S_STRING_ESCAPE = 4;
const S_ANGLE = 5;
const S_HEX = 6;
const S_TOKEN = 7;
const S_STREAM_CR = 8;
const S_STREAM = 9;

const ENDSTREAM = Buffer.from('endstream', 'latin1');
/** KMP failure function of "endstream" (only the second "e" restarts a match). */
const ENDSTREAM_FAILURE = [0, 0, 0, 0, 0, 0, 1, 0, 0];
/** Names are at most 127 bytes (ISO 32000 limit); longer ones cannot be an active name. */
const MAX_NAME_BYTES = 256;
/** In stream data: first bytes of the long active names (or "#" of an escape), and their
 *  longest spelling, every byte escaped ("#45#6D…" for EmbeddedFiles). */
const STREAM_NAME_FIRST_BYTES: ReadonlySet<number> = new Set(
  [...'JLER#'].map((c) => c.charCodeAt(0)),
);
const MAX_STREAM_NAME_BYTES = 3 * 'EmbeddedFiles'.length;

const isPdfWhitespace = (b: number) =>
  b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0x00;
const isPdfDelimiter = (b: number) =>
  b === 0x2f || // /
  b === 0x25 || // %
  b === 0x28 || // (
  b === 0x29 || // )
  b === 0x3c || // <
  b === 0x3e || // >
  b === 0x5b || // [
  b === 0x5d || // ]
  b === 0x7b || // {
  b === 0x7d; //   }

/**
 * A streaming tokeniser of PDF syntax that keeps only what the checks need: names (decoded),
 * the keywords stream/endstream/endobj, and the data ranges of object streams.
 */
class PdfScanner {
  /** Data ranges [start, end) of the object streams, to inflate and scan afterwards. */
  readonly objectStreams: { start: number; end: number }[] = [];
  /** An /Encrypt entry was seen (trailer or cross-reference stream). */
  encrypted = false;

  private state = S_NORMAL;
  private name: number[] = [];
  private token = '';
  private stringDepth = 0;
  private endMatched = 0;
  /** The current object declared /Type /ObjStm: its stream is an object stream. */
  private objectIsObjStm = false;
  private streamIsObjStm = false;
  private streamStart = 0;
  /** A name being read inside stream data, or null. */
  private streamName: number[] | null = null;

  feed(chunk: Buffer, base: number): void {
    // Stream data (most of a PDF) is skipped up to the next "/" or "endstream"; the last 8
    // bytes of a chunk go byte by byte so that a keyword split across chunks is still seen.
    let nextSlash = -1;
    let nextEnd = -1;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      switch (this.state) {
        case S_NORMAL:
          if (isPdfWhitespace(b)) break;
          if (b === 0x25) this.state = S_COMMENT;
          else if (b === 0x2f) {
            this.name = [];
            this.state = S_NAME;
          } else if (b === 0x28) {
            this.stringDepth = 1;
            this.state = S_STRING;
          } else if (b === 0x3c) this.state = S_ANGLE;
          else if (!isPdfDelimiter(b)) {
            this.token = String.fromCharCode(b);
            this.state = S_TOKEN;
          }
          break;
        case S_COMMENT:
          if (b === 0x0a || b === 0x0d) this.state = S_NORMAL;
          break;
        case S_NAME:
          if (isPdfWhitespace(b) || isPdfDelimiter(b)) {
            this.endName(this.name, false);
            this.state = S_NORMAL;
            i--; // the delimiter starts the next token
          } else if (this.name.length < MAX_NAME_BYTES) this.name.push(b);
          break;
        case S_STRING:
          if (b === 0x5c) this.state = S_STRING_ESCAPE;
          else if (b === 0x28) this.stringDepth++;
          else if (b === 0x29 && --this.stringDepth === 0) this.state = S_NORMAL;
          break;
        case S_STRING_ESCAPE:
          this.state = S_STRING;
          break;
        case S_ANGLE:
          // "<<" opens a dictionary; anything else is a hex string.
          this.state = b === 0x3c ? S_NORMAL : b === 0x3e ? S_NORMAL : S_HEX;
          break;
        case S_HEX:
          if (b === 0x3e) this.state = S_NORMAL;
          break;
        case S_TOKEN:
          if (isPdfWhitespace(b) || isPdfDelimiter(b)) {
            this.state = S_NORMAL;
            if (this.token === 'stream') {
              this.streamIsObjStm = this.objectIsObjStm;
              this.objectIsObjStm = false;
              this.endMatched = 0;
              this.streamName = null;
              // The keyword is followed by CRLF or LF; the data starts after it.
              if (b === 0x0d) this.state = S_STREAM_CR;
              else {
                this.state = S_STREAM;
                this.streamStart = base + i + (b === 0x0a ? 1 : 0);
                if (b !== 0x0a) i--;
              }
              break;
            }
            if (this.token === 'endobj') this.objectIsObjStm = false;
            i--;
          } else if (this.token.length < 16) this.token += String.fromCharCode(b);
          break;
        case S_STREAM_CR:
          this.state = S_STREAM;
          this.streamStart = base + i + (b === 0x0a ? 1 : 0);
          if (b !== 0x0a) i--;
          break;
        case S_STREAM: {
          if (this.streamName === null && this.endMatched === 0) {
            // Only a name or the start of "endstream" matters here.
            if (nextSlash < i) nextSlash = indexOrEnd(chunk, 0x2f, i);
            if (nextEnd < i) {
              const at = chunk.indexOf(ENDSTREAM, i);
              nextEnd = at >= 0 ? at : Math.max(i, chunk.length - (ENDSTREAM.length - 1));
            }
            i = Math.min(nextSlash, nextEnd);
            if (i >= chunk.length) break;
          }
          this.streamByte(chunk[i]!, base + i);
          break;
        }
      }
    }
  }

  finish(): void {
    if (this.state === S_NAME) this.endName(this.name, false);
    // A stream without "endstream" hides the rest of the file from a reader and from us.
    if (this.state === S_STREAM || this.state === S_STREAM_CR) throw corrupt();
    this.state = S_NORMAL;
  }

  private streamByte(b: number, offset: number): void {
    if (this.streamName !== null) {
      if (isPdfWhitespace(b) || isPdfDelimiter(b)) {
        this.endName(this.streamName, true);
        this.streamName = null;
      } else if (
        (this.streamName.length === 0 && !STREAM_NAME_FIRST_BYTES.has(b)) ||
        this.streamName.length >= MAX_STREAM_NAME_BYTES
      ) {
        // Cannot become an active name: stop collecting (binary data is full of "/").
        this.streamName = null;
      } else this.streamName.push(b);
    }
    if (this.streamName === null && b === 0x2f) this.streamName = [];

    let matched = this.endMatched;
    while (matched > 0 && b !== ENDSTREAM[matched]) matched = ENDSTREAM_FAILURE[matched - 1]!;
    if (b === ENDSTREAM[matched]) matched++;
    if (matched === ENDSTREAM.length) {
      const end = offset + 1 - ENDSTREAM.length;
      if (this.streamIsObjStm) this.objectStreams.push({ start: this.streamStart, end });
      if (this.streamName !== null) this.endName(this.streamName, true);
      this.streamName = null;
      this.state = S_NORMAL;
      matched = 0;
    }
    this.endMatched = matched;
  }

  /** `inStreamData`: the name was found in stream data, which is not PDF syntax. */
  private endName(bytes: number[], inStreamData: boolean): void {
    if (bytes.length >= MAX_NAME_BYTES) return;
    const name = decodePdfName(bytes);
    if (inStreamData) {
      if (PDF_ACTIVE_NAMES_IN_STREAMS.has(name)) throw new Refusal('document.activeContent');
      return;
    }
    if (PDF_ACTIVE_NAMES.has(name)) throw new Refusal('document.activeContent');
    if (name === 'ObjStm') this.objectIsObjStm = true;
    else if (name === 'Encrypt') this.encrypted = true;
  }
}

function indexOrEnd(chunk: Buffer, byte: number, from: number): number {
  if (from >= chunk.length) return chunk.length;
  const at = chunk.indexOf(byte, from);
  return at < 0 ? chunk.length : at;
}

/** "#xx" in a name is the byte xx (ISO 32000-1 §7.3.5): "/J#61vaScript" is /JavaScript. */
function decodePdfName(bytes: number[]): string {
  let name = '';
  for (let k = 0; k < bytes.length; k++) {
    const high = bytes[k] === 0x23 ? hexValue(bytes[k + 1]) : -1;
    const low = high >= 0 ? hexValue(bytes[k + 2]) : -1;
    if (low >= 0) {
      name += String.fromCharCode(high * 16 + low);
      k += 2;
    } else name += String.fromCharCode(bytes[k]!);
  }
  return name;
}

function hexValue(byte: number | undefined): number {
  if (byte === undefined) return -1;
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  const lower = byte | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

// ---------------------------------------------------------------------------------------------
// Zip (OOXML)

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;
/** Central directories beyond this are refused unread (5000 entries need well under 1 MiB). */
const MAX_CENTRAL_DIRECTORY_BYTES = 16 * MIB;

/**
 * Reads a zip's central directory only (not the entries) and applies the bomb and path
 * rules to the sizes it declares. Nothing but [Content_Types].xml is ever inflated here, so
 * the declared sizes are what the seller's Office would face: refusing large declarations
 * is what protects it. ZIP64 is read (some OOXML writers emit it for small files).
 */
async function readZipDirectory(
  file: ByteReader,
  limits: Required<InspectOptions>,
): Promise<ZipEntry[]> {
  if (file.size < EOCD_SIZE) throw corrupt();
  const tailLength = Math.min(file.size, U16_MAX + EOCD_SIZE);
  const tailStart = file.size - tailLength;
  const tail = await file.read(tailStart, tailLength);
  // The record ends the file, after a comment of its declared length (strict: no trailer).
  let at = -1;
  for (let i = tailLength - EOCD_SIZE; i >= 0; i--) {
    if (
      tail.readUInt32LE(i) === SIG_EOCD &&
      i + EOCD_SIZE + tail.readUInt16LE(i + 20) === tailLength
    ) {
      at = i;
      break;
    }
  }
  if (at < 0) throw corrupt();
  const eocdOffset = tailStart + at;
  if (tail.readUInt16LE(at + 4) !== 0 || tail.readUInt16LE(at + 6) !== 0) throw corrupt();
  let entryCount = tail.readUInt16LE(at + 10);
  let cdSize = tail.readUInt32LE(at + 12);
  let cdOffset = tail.readUInt32LE(at + 16);
  let cdEnd = eocdOffset;

  if (eocdOffset >= 20) {
    const locator = await file.read(eocdOffset - 20, 20);
    if (locator.readUInt32LE(0) === SIG_ZIP64_LOCATOR) {
      const recordOffset = safeNumber(locator.readBigUInt64LE(8));
      if (recordOffset + 56 > eocdOffset - 20) throw corrupt();
      const record = await file.read(recordOffset, 56);
      if (record.readUInt32LE(0) !== SIG_ZIP64_EOCD) throw corrupt();
      entryCount = safeNumber(record.readBigUInt64LE(32));
      cdSize = safeNumber(record.readBigUInt64LE(40));
      cdOffset = safeNumber(record.readBigUInt64LE(48));
      cdEnd = recordOffset;
    }
  }
  if (entryCount > limits.maxZipEntries) {
    throw new Refusal('document.zipTooManyEntries', { maximum: limits.maxZipEntries });
  }
  if (cdOffset + cdSize > cdEnd || cdSize > MAX_CENTRAL_DIRECTORY_BYTES) throw corrupt();

  const cd = await file.read(cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let totalUncompressed = 0;
  let tooCompressed = false;
  let p = 0;
  for (let n = 0; n < entryCount; n++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== SIG_CENTRAL) throw corrupt();
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const next = p + 46 + nameLength + extraLength + commentLength;
    if (next > cd.length) throw corrupt();
    const rawName = cd.subarray(p + 46, p + 46 + nameLength);
    // Bit 11: UTF-8 names; otherwise CP437, whose ASCII part is all the checks look at.
    const name = rawName.toString(flags & 0x800 ? 'utf8' : 'latin1');
    const entry: ZipEntry = {
      name,
      flags,
      method,
      crc32: cd.readUInt32LE(p + 16),
      compressedSize: cd.readUInt32LE(p + 20),
      uncompressedSize: cd.readUInt32LE(p + 24),
      localHeaderOffset: cd.readUInt32LE(p + 42),
    };
    applyZip64Extra(entry, cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength));
    p = next;

    if (isUnsafeZipPath(name)) throw new Refusal('document.zipUnsafePath');
    // Bit 0: encrypted; bit 6: strong encryption; method 99: WinZip AES.
    if (flags & 0x41 || method === 99) throw new Refusal('document.encrypted');
    // Office writes stored and deflated entries only.
    if (method !== 0 && method !== 8) throw corrupt();
    if (method === 0 && entry.compressedSize !== entry.uncompressedSize) throw corrupt();
    if (entry.localHeaderOffset + 30 + entry.compressedSize > cdOffset) throw corrupt();
    // Two parts with one name (OPC names are case-insensitive): we would check one and
    // Office might read the other.
    const key = name.toLowerCase();
    if (seen.has(key)) throw corrupt();
    seen.add(key);

    totalUncompressed += entry.uncompressedSize;
    if (
      entry.uncompressedSize >= RATIO_MIN_UNCOMPRESSED &&
      entry.uncompressedSize > limits.maxCompressionRatio * Math.max(entry.compressedSize, 1)
    ) {
      tooCompressed = true;
    }
    entries.push(entry);
  }
  if (totalUncompressed > limits.maxUncompressedBytes) {
    throw new Refusal('document.zipTooLarge', {
      maximum: toMegabytes(limits.maxUncompressedBytes),
    });
  }
  if (tooCompressed) throw new Refusal('document.zipBomb');
  return entries;
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt();
  return Number(value);
}

/** The ZIP64 extra field (id 1) holds the 64-bit values of fields set to all ones. */
function applyZip64Extra(entry: ZipEntry, extra: Buffer): void {
  for (let q = 0; q + 4 <= extra.length;) {
    const id = extra.readUInt16LE(q);
    const size = extra.readUInt16LE(q + 2);
    if (q + 4 + size > extra.length) throw corrupt();
    if (id === 0x0001) {
      let r = q + 4;
      const take = () => {
        if (r + 8 > q + 4 + size) throw corrupt();
        const value = safeNumber(extra.readBigUInt64LE(r));
        r += 8;
        return value;
      };
      if (entry.uncompressedSize === U32_MAX) entry.uncompressedSize = take();
      if (entry.compressedSize === U32_MAX) entry.compressedSize = take();
      if (entry.localHeaderOffset === U32_MAX) entry.localHeaderOffset = take();
    }
    q += 4 + size;
  }
}

/** "..", absolute paths, drive letters, backslashes used as separators, NUL. */
function isUnsafeZipPath(name: string): boolean {
  const normalised = name.replace(/\\/g, '/');
  return (
    name.length === 0 ||
    name.includes('\0') ||
    normalised.startsWith('/') ||
    /^[A-Za-z]:/.test(normalised) ||
    normalised.split('/').some((segment) => segment === '..')
  );
}

/** The main part's content type of each OOXML extension (ECMA-376 Part 1 / OPC). */
const OOXML_MAIN_TYPES: Readonly<Record<'.docx' | '.pptx' | '.xlsx', string>> = {
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
};

const CONTENT_TYPES_PART = '[content_types].xml';
const MAX_CONTENT_TYPES_BYTES = MIB;

/**
 * A .docx/.pptx/.xlsx is a zip whose [Content_Types].xml declares the main part of that
 * application (so a renamed .docx is not a .pptx, and a jar or plain zip is neither). Macro
 * projects (vbaProject.bin, the macroEnabled content types) and ActiveX controls are refused.
 * A password-protected Office file is not a zip but a compound file with "EncryptedPackage".
 */
async function inspectOoxml(
  file: ByteReader,
  head: Buffer,
  extension: '.docx' | '.pptx' | '.xlsx',
  limits: Required<InspectOptions>,
): Promise<void> {
  if (isCompoundFile(head)) {
    const cfb = await readCompoundFile(file);
    if (
      cfb.entries.some((e) => e.path.length === 0 && e.name.toLowerCase() === 'encryptedpackage')
    ) {
      throw new Refusal('document.encrypted');
    }
    throw mismatch(extension);
  }
  if (head.length < 4 || head.readUInt32LE(0) !== SIG_LOCAL) throw mismatch(extension);

  const entries = await readZipDirectory(file, limits);
  if (
    entries.some((e) => /(^|\/)vbaproject\.bin$|(^|\/)vbadata\.xml$|(^|\/)activex\//i.test(e.name))
  ) {
    throw new Refusal('document.macros');
  }
  const typesEntry = entries.find((e) => e.name.toLowerCase() === CONTENT_TYPES_PART);
  if (!typesEntry) throw mismatch(extension);
  const xml = decodeXml(await readZipEntry(file, typesEntry));

  const types: { partName?: string; extension?: string; contentType: string }[] = [];
  for (const element of xml.matchAll(/<(?:\w+:)?(Override|Default)\b[^>]*>/g)) {
    const contentType = xmlAttribute(element[0], 'ContentType');
    if (contentType === undefined) continue;
    if (element[1] === 'Override') {
      types.push({ partName: xmlAttribute(element[0], 'PartName') ?? '', contentType });
    } else types.push({ extension: xmlAttribute(element[0], 'Extension') ?? '', contentType });
  }
  if (types.some((t) => /macroenabled|vbaproject|activex/i.test(t.contentType))) {
    throw new Refusal('document.macros');
  }
  // The declared main part must exist: a content-types file alone proves nothing.
  const names = new Set(entries.map((e) => e.name.toLowerCase()));
  const expected = OOXML_MAIN_TYPES[extension];
  const hasMainPart = types.some((t) => {
    if (t.contentType.trim().toLowerCase() !== expected) return false;
    if (t.partName !== undefined) return names.has(partNameToEntry(t.partName));
    const suffix = `.${(t.extension ?? '').toLowerCase()}`;
    return [...names].some((name) => name.endsWith(suffix));
  });
  if (!hasMainPart) throw mismatch(extension);
}

/** "/word/document.xml" → "word/document.xml" (part names are percent-encoded URIs). */
function partNameToEntry(partName: string): string {
  let decoded = partName;
  try {
    decoded = decodeURIComponent(partName);
  } catch {
    // keep it as written
  }
  return decoded.replace(/^\//, '').toLowerCase();
}

function xmlAttribute(element: string, attribute: string): string | undefined {
  const match = new RegExp(`\\s${attribute}\\s*=\\s*(["'])(.*?)\\1`).exec(element);
  return match?.[2];
}

/** XML parts are UTF-8 or UTF-16 (OPC §9.1.3). */
function decodeXml(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return swapUtf16(bytes.subarray(2));
  return bytes.toString('utf8');
}

/** One small entry's bytes, inflated with a hard output bound and checked against its CRC. */
async function readZipEntry(file: ByteReader, entry: ZipEntry): Promise<Buffer> {
  if (entry.compressedSize > MAX_CONTENT_TYPES_BYTES) throw corrupt();
  const local = await file.read(entry.localHeaderOffset, 30);
  if (local.readUInt32LE(0) !== SIG_LOCAL) throw corrupt();
  const dataStart = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  const raw = await file.read(dataStart, entry.compressedSize);
  let data: Buffer;
  if (entry.method === 0) data = raw;
  else {
    try {
      data = inflateRawSync(raw, { maxOutputLength: MAX_CONTENT_TYPES_BYTES });
    } catch {
      throw corrupt();
    }
  }
  if (data.length !== entry.uncompressedSize || crc32(data) !== entry.crc32) throw corrupt();
  return data;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309) as zip and PNG use it; node:zlib has crc32 only from Node 22. */
function crc32(bytes: Uint8Array, initial = 0): number {
  let crc = ~initial >>> 0;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Compound files (.doc .ppt .xls), [MS-CFB]

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;
const NO_STREAM = 0xffffffff;
const MAX_DIRECTORY_ENTRIES = 100_000;

const isCompoundFile = (head: Buffer) => head.subarray(0, 8).equals(CFB_MAGIC);

interface CfbEntry {
  /** Names of the storages above this entry; empty for children of the root. */
  path: string[];
  name: string;
  /** 1 storage, 2 stream. */
  type: number;
  startSector: number;
  size: number;
}

interface CompoundFile {
  entries: CfbEntry[];
  /** A stream's bytes by random access through its sector chain. */
  open(entry: CfbEntry): Promise<CfbStream>;
}

/** Reads ranges of one stream, mapping stream offsets to file offsets sector by sector. */
class CfbStream {
  constructor(
    private readonly file: ByteReader,
    /** File offset of each unit (sector or mini sector) of the stream, in order. */
    private readonly units: number[],
    private readonly unitSize: number,
    readonly size: number,
  ) {}

  async read(offset: number, length: number): Promise<Buffer> {
    if (offset < 0 || length < 0 || offset + length > this.size) throw corrupt();
    const parts: Buffer[] = [];
    for (let position = offset; position < offset + length;) {
      const unit = this.units[Math.floor(position / this.unitSize)];
      if (unit === undefined) throw corrupt();
      const within = position % this.unitSize;
      const take = Math.min(this.unitSize - within, offset + length - position);
      parts.push(await this.file.read(unit + within, take));
      position += take;
    }
    return Buffer.concat(parts);
  }
}

/**
 * Parses the header, the FAT (through the DIFAT), the directory and the mini FAT of a
 * compound file. Every chain walk is bounded by the number of sectors in the file and
 * refuses cycles, so a crafted file cannot make it loop.
 */
async function readCompoundFile(file: ByteReader): Promise<CompoundFile> {
  const header = await file.read(0, 512);
  if (!header.subarray(0, 8).equals(CFB_MAGIC) || header.readUInt16LE(0x1c) !== 0xfffe) {
    throw corrupt();
  }
  const major = header.readUInt16LE(0x1a);
  const sectorShift = header.readUInt16LE(0x1e);
  if (!((major === 3 && sectorShift === 9) || (major === 4 && sectorShift === 12))) {
    throw corrupt();
  }
  if (header.readUInt16LE(0x20) !== 6 || header.readUInt32LE(0x38) !== 4096) throw corrupt();
  const sectorSize = 1 << sectorShift;
  const sectorCount = Math.ceil((file.size - sectorSize) / sectorSize);
  if (sectorCount <= 0) throw corrupt();
  const sectorOffset = (sector: number) => {
    if (sector >= sectorCount) throw corrupt();
    return (sector + 1) * sectorSize;
  };
  const perSector = sectorSize / 4;

  // FAT sector numbers: 109 in the header, the rest in the DIFAT chain.
  const fatSectorCount = header.readUInt32LE(0x2c);
  if (fatSectorCount === 0 || fatSectorCount > sectorCount) throw corrupt();
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < fatSectorCount; i++) {
    fatSectors.push(header.readUInt32LE(0x4c + i * 4));
  }
  const visitedDifat = new Set<number>();
  for (
    let difat = header.readUInt32LE(0x44);
    fatSectors.length < fatSectorCount && difat !== END_OF_CHAIN && difat !== FREE_SECTOR;
  ) {
    if (visitedDifat.has(difat)) throw corrupt();
    visitedDifat.add(difat);
    const sector = await file.read(sectorOffset(difat), sectorSize);
    for (let i = 0; i < perSector - 1 && fatSectors.length < fatSectorCount; i++) {
      fatSectors.push(sector.readUInt32LE(i * 4));
    }
    difat = sector.readUInt32LE(sectorSize - 4);
  }
  if (fatSectors.length < fatSectorCount) throw corrupt();

  const fatCache = new Map<number, Buffer>();
  const fatEntry = async (sector: number): Promise<number> => {
    const index = Math.floor(sector / perSector);
    const fatSector = fatSectors[index];
    if (fatSector === undefined) throw corrupt();
    let buffer = fatCache.get(index);
    if (!buffer) {
      buffer = await file.read(sectorOffset(fatSector), sectorSize);
      fatCache.set(index, buffer);
    }
    return buffer.readUInt32LE((sector % perSector) * 4);
  };
  const chain = async (
    start: number,
    next: (sector: number) => Promise<number>,
    limit: number,
  ): Promise<number[]> => {
    const sectors: number[] = [];
    const visited = new Set<number>();
    for (let s = start; s !== END_OF_CHAIN; s = await next(s)) {
      if (s >= limit || visited.has(s)) throw corrupt();
      visited.add(s);
      sectors.push(s);
    }
    return sectors;
  };

  // Directory: 128-byte entries in the directory chain.
  const directorySectors = await chain(header.readUInt32LE(0x30), fatEntry, sectorCount);
  if (directorySectors.length * (sectorSize / 128) > MAX_DIRECTORY_ENTRIES) throw corrupt();
  const raw: Buffer[] = [];
  for (const sector of directorySectors) {
    const buffer = await file.read(sectorOffset(sector), sectorSize);
    for (let i = 0; i < sectorSize; i += 128) raw.push(buffer.subarray(i, i + 128));
  }
  const rootRaw = raw[0];
  if (!rootRaw || rootRaw.readUInt8(0x42) !== 5) throw corrupt();
  const field = (index: number) => {
    const entry = raw[index];
    if (!entry) throw corrupt();
    const nameLength = Math.min(entry.readUInt16LE(0x40), 64);
    return {
      name: entry.subarray(0, Math.max(nameLength - 2, 0)).toString('utf16le'),
      type: entry.readUInt8(0x42),
      left: entry.readUInt32LE(0x44),
      right: entry.readUInt32LE(0x48),
      child: entry.readUInt32LE(0x4c),
      startSector: entry.readUInt32LE(0x74),
      // Version 3 files ignore the high 32 bits of the size.
      size: major === 3 ? entry.readUInt32LE(0x78) : safeNumber(entry.readBigUInt64LE(0x78)),
    };
  };

  // Walk the tree from the root: siblings are a binary tree, storages have a child tree.
  const entries: CfbEntry[] = [];
  const visited = new Set<number>([0]);
  const pending: { index: number; path: string[] }[] = [{ index: field(0).child, path: [] }];
  while (pending.length > 0) {
    const { index, path } = pending.pop()!;
    if (index === NO_STREAM) continue;
    if (visited.has(index)) throw corrupt();
    visited.add(index);
    const entry = field(index);
    pending.push({ index: entry.left, path }, { index: entry.right, path });
    if (entry.type !== 1 && entry.type !== 2) continue;
    entries.push({ path, ...entry });
    if (entry.type === 1) pending.push({ index: entry.child, path: [...path, entry.name] });
  }

  const root = field(0);
  const miniFatStart = header.readUInt32LE(0x3c);
  let miniFatSectors: number[] | undefined;
  let miniStreamSectors: number[] | undefined;

  return {
    entries,
    async open(entry: CfbEntry): Promise<CfbStream> {
      if (entry.size >= 4096) {
        const sectors = await chain(entry.startSector, fatEntry, sectorCount);
        if (sectors.length * sectorSize < entry.size) throw corrupt();
        return new CfbStream(file, sectors.map(sectorOffset), sectorSize, entry.size);
      }
      // Small streams live in 64-byte mini sectors inside the root entry's stream.
      miniFatSectors ??= await chain(miniFatStart, fatEntry, sectorCount);
      miniStreamSectors ??= await chain(root.startSector, fatEntry, sectorCount);
      const miniSectorCount = Math.floor((miniStreamSectors.length * sectorSize) / 64);
      const miniFat = miniFatSectors;
      const miniStream = miniStreamSectors;
      const nextMini = async (mini: number) => {
        const fatSector = miniFat[Math.floor(mini / perSector)];
        if (fatSector === undefined) throw corrupt();
        const bytes = await file.read(sectorOffset(fatSector) + (mini % perSector) * 4, 4);
        return bytes.readUInt32LE(0);
      };
      const minis =
        entry.size === 0 ? [] : await chain(entry.startSector, nextMini, miniSectorCount);
      if (minis.length * 64 < entry.size) throw corrupt();
      const units = minis.map((mini) => {
        const position = mini * 64;
        const container = miniStream[Math.floor(position / sectorSize)];
        if (container === undefined) throw corrupt();
        return sectorOffset(container) + (position % sectorSize);
      });
      return new CfbStream(file, units, 64, entry.size);
    },
  };
}

/** Storages and streams of VBA projects: Word ("Macros"), Excel ("_VBA_PROJECT_CUR"). */
const CFB_MACRO_NAMES: ReadonlySet<string> = new Set([
  'macros',
  '_vba_project_cur',
  'vba',
  '_vba_project',
]);

const LEGACY_MAIN_STREAMS: Readonly<Record<'.doc' | '.ppt' | '.xls', readonly string[]>> = {
  '.doc': ['worddocument'],
  '.ppt': ['powerpoint document'],
  '.xls': ['workbook', 'book'],
};

/**
 * A .doc/.ppt/.xls is a compound file with the application's main stream at the top level.
 * Refused as macros: a VBA storage anywhere (Word, Excel), an Excel 4.0 macro sheet or VBA
 * module sheet in the workbook (the classic XLM malware carrier), and a VBA project declared
 * in a PowerPoint document (PowerPoint keeps it inside its main stream, not as a storage).
 */
async function inspectLegacyOffice(
  file: ByteReader,
  head: Buffer,
  extension: '.doc' | '.ppt' | '.xls',
): Promise<void> {
  if (!isCompoundFile(head)) throw mismatch(extension);
  const cfb = await readCompoundFile(file);
  if (cfb.entries.some((e) => CFB_MACRO_NAMES.has(e.name.toLowerCase()))) {
    throw new Refusal('document.macros');
  }
  const main = cfb.entries.find(
    (e) =>
      e.type === 2 &&
      e.path.length === 0 &&
      LEGACY_MAIN_STREAMS[extension].includes(e.name.toLowerCase()),
  );
  if (!main) throw mismatch(extension);
  const stream = await cfb.open(main);
  if (extension === '.doc') await checkWordStream(stream);
  else if (extension === '.xls') await checkWorkbookStream(stream);
  else await checkPowerPointStream(stream);
}

/** The FIB starts the WordDocument stream: its magic, and the encryption flag. */
async function checkWordStream(stream: CfbStream): Promise<void> {
  if (stream.size < 12) throw corrupt();
  const fib = await stream.read(0, 12);
  const ident = fib.readUInt16LE(0);
  if (ident !== 0xa5ec && ident !== 0xa5dc) throw corrupt();
  if (fib.readUInt16LE(0x0a) & 0x0100) throw new Refusal('document.encrypted');
}

const MAX_RECORDS = 200_000;

/**
 * BIFF records of the workbook globals, up to their EOF: BOUNDSHEET sheet types 1 (Excel 4.0
 * macro sheet) and 6 (VBA module) are macros; FILEPASS means the workbook is encrypted.
 */
async function checkWorkbookStream(stream: CfbStream): Promise<void> {
  let offset = 0;
  for (let n = 0; n < MAX_RECORDS; n++) {
    if (offset + 4 > stream.size) throw corrupt();
    const header = await stream.read(offset, 4);
    const type = header.readUInt16LE(0);
    const length = header.readUInt16LE(2);
    if (n === 0 && type !== 0x0809) throw corrupt(); // BOF
    if (type === 0x002f) throw new Refusal('document.encrypted'); // FILEPASS
    if (type === 0x0085) {
      // BOUNDSHEET: lbPlyPos (4), hsState (1), dt (1), name
      if (length < 6) throw corrupt();
      const sheetType = (await stream.read(offset + 4, 6)).readUInt8(5);
      if (sheetType === 0x01 || sheetType === 0x06) throw new Refusal('document.macros');
    }
    if (type === 0x000a) return; // EOF of the globals substream
    offset += 4 + length;
  }
  throw corrupt();
}

/**
 * Top-level records of the PowerPoint Document stream; a DocumentContainer (0x03E8) with a
 * VBAInfoContainer (0x03FF) child holds a VBA project ([MS-PPT] 2.4.1).
 */
async function checkPowerPointStream(stream: CfbStream): Promise<void> {
  let sawDocument = false;
  let offset = 0;
  // Fewer than 8 bytes left: padding after the last record.
  for (let n = 0; offset + 8 <= stream.size; n++) {
    if (n >= MAX_RECORDS) throw corrupt();
    const header = await stream.read(offset, 8);
    const type = header.readUInt16LE(2);
    const length = header.readUInt32LE(4);
    const end = offset + 8 + length;
    if (end > stream.size) throw corrupt();
    if (type === 0x03e8) {
      sawDocument = true;
      for (let child = offset + 8, m = 0; child < end; m++) {
        if (m >= MAX_RECORDS || child + 8 > end) throw corrupt();
        const childHeader = await stream.read(child, 8);
        if (childHeader.readUInt16LE(2) === 0x03ff) throw new Refusal('document.macros');
        child += 8 + childHeader.readUInt32LE(4);
      }
    }
    offset = end;
  }
  if (!sawDocument) throw corrupt();
}

// ---------------------------------------------------------------------------------------------
// Images and video

/**
 * How much may follow an image's end marker. Some cameras and editors pad files; anything
 * longer (a zip or script glued to a picture, or a phone's "motion photo" video) is refused,
 * and the padding must be padding, so a polyglot cannot hide there either.
 */
const MAX_TRAILING_PADDING = KIB;
const isPadding = (b: number) => b === 0x00 || b === 0xff || b === 0x0a || b === 0x0d || b === 0x20;

async function tailAfter(file: ByteReader, marker: Buffer): Promise<Buffer | undefined> {
  const length = Math.min(file.size, MAX_TRAILING_PADDING + marker.length);
  const tail = await file.read(file.size - length, length);
  const at = tail.lastIndexOf(marker);
  return at < 0 ? undefined : tail.subarray(at + marker.length);
}

/**
 * SOI (FF D8 FF), then the marker segments up to the first SOS, each with a consistent
 * length and one frame header among them; at the end EOI (FF D9), followed by at most 1 KiB
 * of padding.
 */
async function inspectJpeg(file: ByteReader, head: Buffer): Promise<void> {
  if (head.length < 4 || head[0] !== 0xff || head[1] !== 0xd8 || head[2] !== 0xff) {
    throw mismatch('.jpg');
  }
  let offset = 2;
  let sawFrame = false;
  for (let n = 0; ; n++) {
    if (n > 10_000) throw corrupt();
    const marker = await file.read(offset, 4);
    if (marker[0] !== 0xff) throw corrupt();
    const code = marker[1]!;
    if (code === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (code === 0xda) break; // SOS: entropy-coded data follows
    if (code === 0xd9 || code === 0xd8 || code < 0xc0) throw corrupt();
    if (code >= 0xd0 && code <= 0xd7) {
      offset += 2;
      continue;
    }
    const length = marker.readUInt16BE(2);
    if (length < 2) throw corrupt();
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (code >= 0xc0 && code <= 0xcf && code !== 0xc4 && code !== 0xc8 && code !== 0xcc) {
      sawFrame = true;
    }
    offset += 2 + length;
  }
  if (!sawFrame) throw corrupt();
  const after = await tailAfter(file, Buffer.from([0xff, 0xd9]));
  if (!after || !after.every(isPadding)) throw corrupt();
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_IEND = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/** The signature, a first IHDR chunk with a valid CRC and non-zero size, IEND at the end. */
async function inspectPng(file: ByteReader, head: Buffer): Promise<void> {
  if (!head.subarray(0, 8).equals(PNG_SIGNATURE)) throw mismatch('.png');
  const ihdr = await file.read(8, 25);
  if (ihdr.readUInt32BE(0) !== 13 || ihdr.toString('latin1', 4, 8) !== 'IHDR') throw corrupt();
  if (crc32(ihdr.subarray(4, 21)) !== ihdr.readUInt32BE(21)) throw corrupt();
  if (ihdr.readUInt32BE(8) === 0 || ihdr.readUInt32BE(12) === 0) throw corrupt();
  const after = await tailAfter(file, PNG_IEND);
  if (!after || !after.every(isPadding)) throw corrupt();
}

/** Brands of still images (HEIF, AVIF) and raw photos that share the ISO box format. */
const IMAGE_BRANDS: ReadonlySet<string> = new Set([
  'heic',
  'heix',
  'heim',
  'heis',
  'hevc',
  'hevx',
  'mif1',
  'msf1',
  'avif',
  'avis',
  'crx ',
]);
const isPrintable = (text: string) => /^[\x20-\x7e]+$/.test(text);
const MAX_BOXES = 100_000;

/**
 * An ISO base media file: an "ftyp" box first (size 16..256, printable brands, not an image
 * brand), then top-level boxes whose sizes chain exactly to the end of the file, one of
 * them the "moov" that makes it playable.
 */
async function inspectMp4(file: ByteReader, head: Buffer): Promise<void> {
  if (head.length < 16 || head.toString('latin1', 4, 8) !== 'ftyp') throw mismatch('.mp4');
  const ftypSize = head.readUInt32BE(0);
  if (ftypSize < 16 || ftypSize > 256 || ftypSize % 4 !== 0 || ftypSize > file.size) {
    throw corrupt();
  }
  const ftyp = await file.read(0, ftypSize);
  const brands = [ftyp.toString('latin1', 8, 12)];
  for (let p = 16; p < ftypSize; p += 4) brands.push(ftyp.toString('latin1', p, p + 4));
  if (!brands.every(isPrintable)) throw corrupt();
  if (IMAGE_BRANDS.has(brands[0]!)) throw mismatch('.mp4');

  let sawMovie = false;
  let offset = ftypSize;
  for (let n = 0; offset < file.size; n++) {
    if (n >= MAX_BOXES || offset + 8 > file.size) throw corrupt();
    const box = await file.read(offset, 8);
    const type = box.toString('latin1', 4, 8);
    if (!isPrintable(type)) throw corrupt();
    let size = box.readUInt32BE(0);
    if (size === 1) size = safeNumber((await file.read(offset + 8, 8)).readBigUInt64BE(0));
    else if (size === 0) size = file.size - offset; // extends to the end of the file
    if (size < 8 || offset + size > file.size) throw corrupt();
    if (type === 'moov') sawMovie = true;
    offset += size;
  }
  if (!sawMovie) throw corrupt();
}
