/** Small but complete scan files of each accepted format, built byte by byte (invented content). */
import zlib from 'node:zlib';

/** A one-page PDF whose xref table and startxref offset are right, as a scanner's "save as PDF" writes it. */
export function minimalPdf(note = '备案表扫描件'): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'];
  let body = `%PDF-1.4\n% ${note}\n`;
  const offsets = objects.map((o, i) => {
    const at = Buffer.byteLength(body);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A 1×1 grey PNG; `extra` chunks go between IHDR and IDAT. */
export function minimalPng(extra: Buffer[] = []): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', ihdr),
    ...extra,
    chunk('IDAT', zlib.deflateSync(Buffer.from([0, 0x80]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const pngChunk = chunk;

/** The markers of a JPEG around a comment: readers need more to show a picture, the check needs no more. */
export function minimalJpeg(comment = 'scan'): Buffer {
  const com = Buffer.from(comment, 'latin1');
  const length = Buffer.alloc(2);
  length.writeUInt16BE(com.length + 2, 0);
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xfe]), length, com, Buffer.from([0xff, 0xd9])]);
}

/** A little-endian TIFF header whose first IFD (one entry: ImageWidth = 1) follows it. */
export function minimalTiff(ifdOffset = 8): Buffer {
  const b = Buffer.alloc(8 + 2 + 12 + 4);
  b.write('II*\0', 0, 'latin1');
  b.writeUInt32LE(ifdOffset, 4);
  b.writeUInt16LE(1, 8);
  b.writeUInt16LE(256, 10);
  b.writeUInt16LE(3, 12);
  b.writeUInt32LE(1, 14);
  b.writeUInt16LE(1, 18);
  return b;
}

/** The first bytes of a ZIP archive and its end-of-directory record, as a polyglot carries them. */
export function zipBytes(): Buffer {
  const local = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(26), Buffer.from('a.js')]);
  const end = Buffer.concat([Buffer.from('PK\x05\x06', 'latin1'), Buffer.alloc(18)]);
  return Buffer.concat([local, end]);
}
