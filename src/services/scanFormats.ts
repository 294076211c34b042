/**
 * What counts as a scanned form: PDF, PNG, JPEG or TIFF, recognised by content rather than trusted by name.
 * The first bytes only say what a file claims to be; a file that is also a ZIP or a web page (a "polyglot")
 * starts the same way. So a new scan must also be complete in its own format (PDF: startxref pointing at a
 * cross-reference and %%EOF at the end; PNG: IHDR first, chunks that add up, IEND last; JPEG: FFD9 last;
 * TIFF: a first IFD inside the file) and must not carry a ZIP directory or HTML/script in its last bytes.
 */
import path from 'node:path';
import { LedgerError } from '../contract/errors.js';
import { msg } from '../i18n/messages.js';

export interface ScanFormat {
  ext: string[];
  mime: string;
  magic: (b: Buffer) => boolean;
  complete: (b: Buffer) => boolean;
}

/** A PDF ends with `startxref <offset> %%EOF` (line ends after it at most), and the offset lands on its xref. */
function pdfComplete(b: Buffer): boolean {
  const tail = b.subarray(Math.max(0, b.length - 1024)).toString('latin1');
  const end = /startxref\s+(\d{1,10})\s+%%EOF[\r\n\t \0]*$/.exec(tail);
  if (!end) return false;
  const xref = Number(end[1]);
  return xref < b.length && /^\s*(xref|\d+\s+\d+\s+obj)\b/.test(b.subarray(xref, xref + 40).toString('latin1'));
}

/** A PNG is its signature, IHDR first, then chunks whose lengths add up exactly to IEND at the last byte. */
function pngComplete(b: Buffer): boolean {
  if (b.length < 8 + 25 + 12 || b.readUInt32BE(8) !== 13 || b.toString('latin1', 12, 16) !== 'IHDR') return false;
  let at = 8;
  while (at + 12 <= b.length) {
    const length = b.readUInt32BE(at);
    const next = at + 12 + length;
    if (next > b.length) return false;
    if (b.toString('latin1', at + 4, at + 8) === 'IEND') return length === 0 && next === b.length;
    at = next;
  }
  return false;
}

const jpegComplete = (b: Buffer) => b[b.length - 2] === 0xff && b[b.length - 1] === 0xd9;

/** A TIFF's header points at its first directory: at least one 12-byte entry, all inside the file. */
function tiffComplete(b: Buffer): boolean {
  const le = b[0] === 0x49;
  const ifd = le ? b.readUInt32LE(4) : b.readUInt32BE(4);
  if (ifd < 8 || ifd + 2 > b.length) return false;
  const entries = le ? b.readUInt16LE(ifd) : b.readUInt16BE(ifd);
  return entries > 0 && ifd + 2 + entries * 12 + 4 <= b.length;
}

const FORMATS: ScanFormat[] = [
  { ext: ['.pdf'], mime: 'application/pdf', magic: (b) => b.toString('latin1', 0, 5) === '%PDF-', complete: pdfComplete },
  { ext: ['.png'], mime: 'image/png', magic: (b) => b.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex')), complete: pngComplete },
  { ext: ['.jpg', '.jpeg'], mime: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff, complete: jpegComplete },
  {
    ext: ['.tif', '.tiff'],
    mime: 'image/tiff',
    magic: (b) => ['49492a00', '4d4d002a'].includes(b.subarray(0, 4).toString('hex')),
    complete: tiffComplete,
  },
];

/** A ZIP reader looks for its end record in the last 64 KiB + 22 bytes; a browser sniffs markup anywhere. */
const TAIL_BYTES = 65_557;
const ZIP_MARKERS = ['PK\x03\x04', 'PK\x05\x06'];
const MARKUP_MARKERS = ['<script', '<html', '<!doctype html', '<?php', '<iframe'];

function carriesForeignTail(b: Buffer): boolean {
  const tail = b.subarray(Math.max(0, b.length - TAIL_BYTES)).toString('latin1');
  const lower = tail.toLowerCase();
  return ZIP_MARKERS.some((m) => tail.includes(m)) || MARKUP_MARKERS.some((m) => lower.includes(m));
}

/** The format a stored file is served as: by its name and first bytes (it was checked fully when added). */
export function scanFormatOf(fileName: string, content: Buffer): ScanFormat {
  const ext = path.extname(fileName).toLowerCase();
  const format = FORMATS.find((f) => f.ext.includes(ext));
  if (!format || content.length < 8 || !format.magic(content)) throw new LedgerError('VALIDATION', msg.filing.attachmentBadType);
  return format;
}

/** A new scan: its claimed format, complete, and nothing else hidden at its end. */
export function checkNewScan(fileName: string, content: Buffer): ScanFormat {
  const format = scanFormatOf(fileName, content);
  if (carriesForeignTail(content)) throw new LedgerError('VALIDATION', msg.scan.foreignContent);
  if (!format.complete(content)) throw new LedgerError('VALIDATION', msg.scan.incomplete(format.ext[0]!.slice(1).toUpperCase()));
  return format;
}
