/**
 * The content checks one by one: the decisions the corpus does not pin down (what passes at
 * the edges, limits as options, structural damage) and the parsers' defences against
 * crafted structures (cycles, chunk boundaries, lying headers).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createDeflate } from 'node:zlib';
import type { DocumentExtension } from '@cosell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCompoundFile,
  buildOoxml,
  buildPdf,
  buildZip,
  pdfStream,
  sampleDoc,
  sampleJpg,
  sampleMp4,
  samplePdf,
  samplePdfWithObjectStream,
  samplePng,
  sampleXlsx,
  wordDocumentStream,
  workbookStream,
  writeSample,
} from '../../../../test/helpers/files';
import { inspectDocument, type InspectOptions } from './inspect';

let dir: string;
let counter = 0;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cosell-inspect-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function inspect(bytes: Buffer, extension: DocumentExtension, options?: InspectOptions) {
  const file = await writeSample(dir, `f${counter++}${extension}`, bytes);
  return inspectDocument(file, extension, options);
}

const code = async (bytes: Buffer, extension: DocumentExtension, options?: InspectOptions) => {
  const result = await inspect(bytes, extension, options);
  return result.ok ? 'ok' : result.code;
};

const MIB = 1024 * 1024;

/** zlib data of `count` repetitions of `chunk`, compressed without holding the input. */
async function deflateLazily(count: number, chunk: Buffer): Promise<Buffer> {
  const output: Buffer[] = [];
  await pipeline(
    async function* () {
      for (let i = 0; i < count; i++) yield chunk;
    },
    createDeflate({ level: 9 }),
    async (compressed: AsyncIterable<Buffer>) => {
      for await (const part of compressed) output.push(part);
    },
  );
  return Buffer.concat(output);
}

describe('programs and markup', () => {
  it('refuses markup in UTF-16 and behind whitespace, whatever the extension', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(' <html>', 'utf16le')]);
    expect(await code(utf16, '.pdf')).toBe('document.executable');
    expect(await code(Buffer.from('\n\n<svg/>'), '.jpg')).toBe('document.executable');
    expect(await code(Buffer.from('#!/usr/bin/env node\n'), '.mp4')).toBe('document.executable');
    expect(await code(Buffer.from([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 52]), '.xls')).toBe(
      'document.executable',
    );
  });

  it('does not mistake text that merely contains "<" for markup', async () => {
    expect(await code(Buffer.from('a < b'), '.pdf')).toBe('document.contentMismatch');
  });
});

describe('PDF', () => {
  it('accepts PDF 1.x and 2.0, compressed object streams and titles that mention scripts', async () => {
    expect(await code(samplePdf(), '.pdf')).toBe('ok');
    expect(await code(samplePdfWithObjectStream(), '.pdf')).toBe('ok');
    const v2 = samplePdf();
    v2.write('%PDF-2.0', 0, 'latin1');
    expect(await code(v2, '.pdf')).toBe('ok');
    // In strings and comments, "/JavaScript" is text, not a key.
    const titled = samplePdf({ info: '<< /Title (How we use /JavaScript and /Launch) >>' });
    expect(await code(titled, '.pdf')).toBe('ok');
    const commented = Buffer.concat([
      Buffer.from('%PDF-1.7\n% /JavaScript\n'),
      samplePdf().subarray(9),
    ]);
    expect(await code(commented, '.pdf')).toBe('ok');
  });

  it('refuses a header that is not at offset 0 or names an unknown version', async () => {
    expect(await code(Buffer.concat([Buffer.from(' '), samplePdf()]), '.pdf')).toBe(
      'document.contentMismatch',
    );
    const v19 = samplePdf();
    v19.write('%PDF-1.9', 0, 'latin1');
    expect(await code(v19, '.pdf')).toBe('document.contentMismatch');
  });

  it('refuses a %%EOF that is further than 2 KiB from the end', async () => {
    const padded = Buffer.concat([samplePdf(), Buffer.alloc(3000, 0x20)]);
    expect(await code(padded, '.pdf')).toBe('document.corrupt');
    expect(await code(Buffer.concat([samplePdf(), Buffer.alloc(1000, 0x20)]), '.pdf')).toBe('ok');
  });

  it('finds an active name split across two read chunks', async () => {
    // Place "/JavaScript" so that it straddles the 64 KiB chunk boundary.
    const build = (padding: number) =>
      samplePdf({
        catalogExtra: `/Pad (${'x'.repeat(padding)}) /OpenAction << /S /JavaScript >> `,
      });
    const first = build(70_000);
    const at = first.indexOf('/JavaScript');
    const pdf = build(70_000 - (at - (64 * 1024 - 5)));
    expect(pdf.indexOf('/JavaScript')).toBe(64 * 1024 - 5);
    expect(await code(pdf, '.pdf')).toBe('document.activeContent');
  });

  it('skips short names in binary stream data but finds long ones there', async () => {
    // "/JS " occurs by chance in compressed images; it is not a key there.
    const image = Buffer.concat([
      Buffer.alloc(5000, 0x80),
      Buffer.from('/JS /AA '),
      Buffer.alloc(5000, 0x80),
    ]);
    const withImage = (data: Buffer) =>
      buildPdf([
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 4 0 R >> >> >>',
        pdfStream('/Type /XObject /Subtype /Image /Width 10 /Height 10', data),
      ]);
    expect(await code(withImage(image), '.pdf')).toBe('ok');
    // An object hidden inside stream data but reachable through the xref table.
    const hidden = Buffer.from('\n9 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj\n');
    expect(await code(withImage(hidden), '.pdf')).toBe('document.activeContent');
  });

  it('refuses a stream that never ends', async () => {
    const pdf = samplePdf();
    const cut = pdf.indexOf('endstream');
    const broken = Buffer.concat([pdf.subarray(0, cut), Buffer.from('\n%%EOF\n')]);
    expect(await code(broken, '.pdf')).toBe('document.corrupt');
  });

  it('refuses object streams it cannot inflate: encrypted, or corrupt', async () => {
    const objects = (trailer: string) =>
      buildPdf(
        [
          '<< /Type /Catalog /Pages 2 0 R >>',
          '<< /Type /Pages /Kids [] /Count 0 >>',
          pdfStream('/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', randomBytes(300)),
        ],
        { trailer },
      );
    expect(await code(objects('/Encrypt 9 0 R '), '.pdf')).toBe('document.encrypted');
    expect(await code(objects(''), '.pdf')).toBe('document.corrupt');
  });

  it('bounds what object streams may inflate to', async () => {
    const bomb = await deflateLazily(100, Buffer.alloc(MIB, 0x20));
    const pdf = buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [] /Count 0 >>',
      pdfStream('/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', bomb),
    ]);
    expect(await code(pdf, '.pdf')).toBe('document.zipBomb');
  });
});

describe('Office Open XML', () => {
  it('accepts stored entries and ZIP64 end records', async () => {
    expect(await code(buildOoxml('pptx', { method: 'store' }), '.pptx')).toBe('ok');
    expect(await code(buildOoxml('docx', { zip64: true }), '.docx')).toBe('ok');
    expect(await code(buildOoxml('xlsx', { zip64: true, method: 'store' }), '.xlsx')).toBe('ok');
  });

  it('takes its limits as options and says which limit in the params', async () => {
    expect(await inspect(sampleXlsx(), '.xlsx', { maxZipEntries: 3 })).toEqual({
      ok: false,
      code: 'document.zipTooManyEntries',
      params: { maximum: 3 },
    });

    const padded = buildOoxml('docx', {
      extraParts: [{ name: 'word/media/a.bin', data: Buffer.alloc(2 * MIB) }],
    });
    expect(await code(padded, '.docx', { maxCompressionRatio: 2000 })).toBe('ok');
    expect(
      await inspect(padded, '.docx', { maxCompressionRatio: 2000, maxUncompressedBytes: MIB }),
    ).toEqual({ ok: false, code: 'document.zipTooLarge', params: { maximum: 1 } });
    expect(await code(padded, '.docx')).toBe('document.zipBomb');
  });

  it('leaves the ratio rule to entries of 1 MiB and more', async () => {
    // 512 KiB of one byte compresses about 1000:1: harmless at that size.
    const small = buildOoxml('docx', {
      extraParts: [{ name: 'word/media/a.bin', data: Buffer.alloc(512 * 1024) }],
    });
    expect(await code(small, '.docx')).toBe('ok');
  });

  it('refuses duplicate part names, also differing only in case', async () => {
    const twice = buildOoxml('docx', {
      extraParts: [{ name: 'WORD/DOCUMENT.XML', data: '<w:document/>' }],
    });
    expect(await code(twice, '.docx')).toBe('document.corrupt');
  });

  it('refuses a main part that the content types declare but the zip lacks', async () => {
    const types =
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
    const zip = buildZip([{ name: '[Content_Types].xml', data: types }]);
    expect(await code(zip, '.docx')).toBe('document.contentMismatch');
    const complete = buildZip([
      { name: '[Content_Types].xml', data: types },
      { name: 'word/document.xml', data: '<w:document/>' },
    ]);
    expect(await code(complete, '.docx')).toBe('ok');
  });

  it('refuses a content-types part whose CRC does not match', async () => {
    const zip = buildOoxml('docx', { method: 'store' });
    const at = zip.indexOf('<Types');
    zip.write('<Tipos', at, 'latin1');
    expect(await code(zip, '.docx')).toBe('document.corrupt');
  });

  it('refuses a zip comment that does not end the file', async () => {
    const zip = buildOoxml('docx');
    expect(await code(Buffer.concat([zip, Buffer.from('trailing')]), '.docx')).toBe(
      'document.corrupt',
    );
  });

  it('refuses a Word document with macros declared only by a macro-enabled template type', async () => {
    const dotm = buildOoxml('docx', {
      mainContentType: 'application/vnd.ms-word.template.macroEnabledTemplate.main+xml',
    });
    expect(await code(dotm, '.docx')).toBe('document.macros');
  });
});

describe('compound files', () => {
  it('refuses a directory chain that loops', async () => {
    const doc = sampleDoc();
    // Sector 0 is the FAT; the directory starts at sector 1. Point sector 1 at itself.
    expect(doc.readUInt32LE(0x30)).toBe(1);
    doc.writeUInt32LE(1, 512 + 4);
    expect(await code(doc, '.doc')).toBe('document.corrupt');
  });

  it('refuses a sibling tree that loops', async () => {
    const doc = sampleDoc();
    const directory = 2 * 512;
    // Entry 1's left sibling points back at the root's child.
    const rootChild = doc.readUInt32LE(directory + 0x4c);
    doc.writeUInt32LE(rootChild, directory + 128 * rootChild + 0x44);
    expect(await code(doc, '.doc')).toBe('document.corrupt');
  });

  it('refuses an inconsistent header', async () => {
    const doc = sampleDoc();
    doc.writeUInt16LE(12, 0x1e); // 4096-byte sectors in a version 3 file
    expect(await code(doc, '.doc')).toBe('document.corrupt');
  });

  it('refuses a WordDocument stream without a FIB, and an encrypted one', async () => {
    const noFib = buildCompoundFile([{ name: 'WordDocument', data: Buffer.alloc(4096) }]);
    expect(await code(noFib, '.doc')).toBe('document.corrupt');
    const encrypted = buildCompoundFile([
      { name: 'WordDocument', data: wordDocumentStream({ encrypted: true }) },
    ]);
    expect(await code(encrypted, '.doc')).toBe('document.encrypted');
  });

  it('reads workbook records from regular sectors as well as the mini stream', async () => {
    const padded = (stream: Buffer) => Buffer.concat([stream, Buffer.alloc(5000)]);
    // Over 4096 bytes the stream lives in regular sectors.
    expect(
      await code(buildCompoundFile([{ name: 'Workbook', data: padded(workbookStream()) }]), '.xls'),
    ).toBe('ok');
    const macro = padded(workbookStream({ sheetType: 1 }));
    expect(await code(buildCompoundFile([{ name: 'Workbook', data: macro }]), '.xls')).toBe(
      'document.macros',
    );
    const protectedBook = buildCompoundFile([
      { name: 'Workbook', data: workbookStream({ filePass: true }) },
    ]);
    expect(await code(protectedBook, '.xls')).toBe('document.encrypted');
  });

  it('accepts a BIFF5 "Book" stream', async () => {
    expect(await code(buildCompoundFile([{ name: 'Book', data: workbookStream() }]), '.xls')).toBe(
      'ok',
    );
  });

  it('requires the main stream at the top level, not inside a storage', async () => {
    const nested = buildCompoundFile([
      { name: 'Attachment', children: [{ name: 'Workbook', data: workbookStream() }] },
    ]);
    expect(await code(nested, '.xls')).toBe('document.contentMismatch');
  });
});

describe('images and video', () => {
  it('allows up to 1 KiB of padding after the JPEG end marker, and nothing else', async () => {
    expect(await code(Buffer.concat([sampleJpg(), Buffer.alloc(1000)]), '.jpg')).toBe('ok');
    expect(await code(Buffer.concat([sampleJpg(), Buffer.alloc(2000)]), '.jpg')).toBe(
      'document.corrupt',
    );
    expect(await code(Buffer.concat([sampleJpg(), Buffer.from('<?php')]), '.jpg')).toBe(
      'document.corrupt',
    );
  });

  it('refuses a JPEG without a frame header or with a broken segment', async () => {
    const jpg = sampleJpg();
    const sof = jpg.indexOf(Buffer.from([0xff, 0xc0]));
    const noFrame = Buffer.from(jpg);
    noFrame[sof + 1] = 0xfe; // the frame becomes a comment
    expect(await code(noFrame, '.jpg')).toBe('document.corrupt');
    const broken = Buffer.from(jpg);
    broken[sof] = 0x00;
    expect(await code(broken, '.jpg')).toBe('document.corrupt');
  });

  it('refuses a PNG with a bad IHDR checksum or data after IEND', async () => {
    const png = samplePng();
    png[20] = png[20]! ^ 0xff;
    expect(await code(png, '.png')).toBe('document.corrupt');
    expect(await code(Buffer.concat([samplePng(), Buffer.from('PK\x03\x04')]), '.png')).toBe(
      'document.corrupt',
    );
  });

  it('refuses an MP4 whose boxes do not chain to the end, or without a movie', async () => {
    expect(await code(Buffer.concat([sampleMp4(), Buffer.from('<script>')]), '.mp4')).toBe(
      'document.corrupt',
    );
    const mp4 = sampleMp4();
    const moov = mp4.indexOf('moov');
    const noMovie = Buffer.from(mp4);
    noMovie.write('free', moov, 'latin1');
    expect(await code(noMovie, '.mp4')).toBe('document.corrupt');
    const hugeFtyp = sampleMp4();
    hugeFtyp.writeUInt32BE(300, 0);
    expect(await code(hugeFtyp, '.mp4')).toBe('document.corrupt');
  });

  it('accepts an MP4 with a 64-bit box size', async () => {
    const mp4 = sampleMp4();
    const free = Buffer.concat([
      Buffer.from([0, 0, 0, 1]),
      Buffer.from('free'),
      Buffer.from([0, 0, 0, 0, 0, 0, 0, 24]),
      Buffer.alloc(8),
    ]);
    expect(await code(Buffer.concat([mp4, free]), '.mp4')).toBe('ok');
  });
});
