/**
 * Looks at an .xlsx before any parser does: a workbook is a zip, and a hostile zip (a bomb, thousands of entries, an
 * encrypted or truncated archive, an XML part that declares entities) must be refused from its central directory
 * and a bounded inflate, never discovered by exceljs running out of memory. Written here rather than taken from npm:
 * the readers there (yauzl, unzipper) inflate lazily and trust the declared sizes; this one reads the central
 * directory (60 lines), then inflates each entry bounded by its declared size, so a size that lies is caught too.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { msg } from '../i18n/messages.js';
import { ImportRefused, LIMITS } from './limits.js';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** How much of each XML part is kept for the prolog check: a DOCTYPE can only come before the root element. */
const PROLOG_BYTES = 4096;

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

/** Refuses what is not a zip at all, with the message that fits what it is instead. */
export function refuseForeignFormat(head: Buffer, whole: () => Buffer): void {
  if (head.subarray(0, 8).equals(OLE_MAGIC)) {
    // Excel and WPS put a password-protected .xlsx into the same OLE container as an old .xls.
    const utf16 = Buffer.from('EncryptionInfo', 'utf16le');
    throw new ImportRefused(whole().includes(utf16) ? msg.imports.encrypted : msg.imports.oldFormat);
  }
  if (head.readUInt32LE(0) !== LOCAL) throw new ImportRefused(msg.imports.notWorkbook);
}

/** The central directory's entries; throws ImportRefused for a truncated, oversized or encrypted archive. */
export function readCentralDirectory(buf: Buffer): ZipEntry[] {
  const from = Math.max(0, buf.length - 22 - 0xffff);
  let end = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ImportRefused(msg.imports.truncated);
  const count = buf.readUInt16LE(end + 10);
  const size = buf.readUInt32LE(end + 12);
  const offset = buf.readUInt32LE(end + 16);
  // 0xFFFF / 0xFFFFFFFF mean Zip64: no workbook within our size limit needs it.
  if (count === 0xffff || offset === 0xffffffff || offset + size > end) throw new ImportRefused(msg.imports.truncated);
  if (count > LIMITS.zipEntries) throw new ImportRefused(msg.imports.tooManyEntries(count, LIMITS.zipEntries));
  const entries: ZipEntry[] = [];
  let at = offset;
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || buf.readUInt32LE(at) !== CENTRAL) throw new ImportRefused(msg.imports.truncated);
    const nameLength = buf.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      flags: buf.readUInt16LE(at + 8),
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      uncompressedSize: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
    };
    if (entry.flags & 1) throw new ImportRefused(msg.imports.encrypted);
    if (entry.method !== 0 && entry.method !== 8) throw new ImportRefused(msg.imports.notWorkbook);
    total += entry.uncompressedSize;
    if (total > LIMITS.uncompressedBytes) throw new ImportRefused(msg.imports.tooLargeUnpacked(LIMITS.uncompressedBytes));
    entries.push(entry);
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) throw new ImportRefused(msg.imports.notWorkbook);
  return entries;
}

function entryData(buf: Buffer, e: ZipEntry): Buffer {
  if (e.localOffset + 30 > buf.length || buf.readUInt32LE(e.localOffset) !== LOCAL) throw new ImportRefused(msg.imports.truncated);
  const start = e.localOffset + 30 + buf.readUInt16LE(e.localOffset + 26) + buf.readUInt16LE(e.localOffset + 28);
  if (start + e.compressedSize > buf.length) throw new ImportRefused(msg.imports.truncated);
  return buf.subarray(start, start + e.compressedSize);
}

/**
 * Inflates one entry, bounded by the size the directory declared: more bytes (a bomb that lies about its size)
 * or a broken stream refuses the file. Keeps only the first bytes, for the prolog check.
 */
function inflateCounting(buf: Buffer, e: ZipEntry): Buffer {
  const data = entryData(buf, e);
  if (e.method === 0) return data.subarray(0, PROLOG_BYTES);
  let out: Buffer;
  try {
    // maxOutputLength bounds what one call may produce: a lie about the size fails here, never after filling memory.
    out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressedSize), chunkSize: 64 * 1024 });
  } catch (err) {
    throw new ImportRefused((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? msg.imports.bomb : msg.imports.truncated);
  }
  if (out.length !== e.uncompressedSize) throw new ImportRefused(msg.imports.truncated);
  return out.subarray(0, PROLOG_BYTES);
}

/** Entities are never expanded: a part that declares a DOCTYPE or ENTITY refuses the whole file. */
function refuseDoctype(prolog: Buffer): void {
  // A part may be UTF-16 (legal XML): look at it both ways.
  const even = prolog.subarray(0, prolog.length - (prolog.length % 2));
  const texts = [prolog.toString('latin1'), even.toString('utf16le'), Buffer.from(even).swap16().toString('utf16le')];
  if (texts.some((t) => /<!DOCTYPE|<!ENTITY/i.test(t))) throw new ImportRefused(msg.imports.doctype);
}

/** A sheet's <dimension ref="A1:XFD1048576"/> is only a claim, but a claim beyond the limits is not a register. */
function refuseHugeDimension(prolog: Buffer): void {
  const ref = /<dimension\s+ref="[A-Z]*\d*:?([A-Z]+)(\d+)"/.exec(prolog.toString('utf8'));
  if (!ref) return;
  const column = [...ref[1]!].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  const row = Number(ref[2]);
  if (row > LIMITS.rows + LIMITS.headerSearchRows || column > LIMITS.columns) throw new ImportRefused(msg.imports.dimension(ref[1]! + ref[2]!, LIMITS.rows, LIMITS.columns));
}

/** Every check before exceljs opens the file; throws ImportRefused with the person's message. */
export function checkWorkbookFile(file: string): void {
  const size = fs.statSync(file).size;
  if (size === 0) throw new ImportRefused(msg.imports.empty);
  if (size > LIMITS.fileBytes) throw new ImportRefused(msg.imports.tooLarge(LIMITS.fileBytes));
  const buf = fs.readFileSync(file);
  if (buf.length < 30) throw new ImportRefused(msg.imports.notWorkbook);
  refuseForeignFormat(buf, () => buf);
  for (const entry of readCentralDirectory(buf)) {
    if (entry.name.endsWith('/')) continue;
    const prolog = inflateCounting(buf, entry);
    if (/\.(xml|rels|vml)$/i.test(entry.name)) refuseDoctype(prolog);
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name)) refuseHugeDimension(prolog);
  }
}
