/**
 * exceljs 4.4's streaming reader decodes each inflated chunk on its own (utils/parse-sax.js), so a Chinese character
 * whose three UTF-8 bytes straddle two chunks becomes two � — a name or an organization silently garbled every few
 * thousand rows (seen here: 中共…委��会 at row 3225 of 10,000). Until exceljs decodes with a streaming decoder, the
 * bytes are handed to it cut at character boundaries: the worksheet's byte source and the shared strings' stream are
 * wrapped on the readers' prototypes, which works whichever module loaded exceljs first.
 */
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';

// Not named `require`: the bundler declares one of its own in the worker bundle.
const loadCjs = createRequire(import.meta.url);

/** Bytes at the end of `buf` that begin a character not yet complete (0–3). */
export function incompleteTail(buf: Buffer): number {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const byte = buf[buf.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? back : 0;
  }
  return 0;
}

/** The same bytes, re-cut so no chunk ends inside a UTF-8 character. */
export async function* wholeCharacters(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  let carry = Buffer.alloc(0);
  for await (const chunk of chunks) {
    const buf = carry.length ? Buffer.concat([carry, Buffer.from(chunk)]) : Buffer.from(chunk);
    const cut = buf.length - incompleteTail(buf);
    carry = buf.subarray(cut);
    if (cut > 0) yield buf.subarray(0, cut);
  }
  if (carry.length) yield carry;
}

interface WorksheetReaderProto {
  iterator: AsyncIterable<Buffer>;
  parse(): AsyncGenerator<unknown>;
}
interface WorkbookReaderProto {
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
}

const PATCHED = Symbol.for('netledger.exceljsWholeCharacters');

export function decodeExceljsStreamsWhole(): void {
  const worksheet = (loadCjs('exceljs/lib/stream/xlsx/worksheet-reader.js') as { prototype: WorksheetReaderProto }).prototype;
  const workbook = (loadCjs('exceljs/lib/stream/xlsx/workbook-reader.js') as { prototype: WorkbookReaderProto }).prototype;
  if ((worksheet as unknown as Record<symbol, boolean>)[PATCHED]) return;
  (worksheet as unknown as Record<symbol, boolean>)[PATCHED] = true;
  const parse = worksheet.parse;
  worksheet.parse = function (this: WorksheetReaderProto) {
    this.iterator = wholeCharacters(this.iterator);
    return parse.call(this);
  };
  const sharedStrings = workbook._parseSharedStrings;
  workbook._parseSharedStrings = function (this: WorkbookReaderProto, entry) {
    return sharedStrings.call(this, Readable.from(wholeCharacters(entry as unknown as AsyncIterable<Buffer>)));
  };
}
