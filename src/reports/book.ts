/**
 * A report workbook streamed to a temporary file beside the target and renamed into place only when
 * complete: a cancelled or failed export never leaves half a file under the name the user chose.
 * The book owns its write stream: exceljs's own file stream has no error listener, so a full disk stalled
 * the zip and left the export waiting forever. Here the first write error stops the row loop at its next
 * row and fails the commit, and the temporary file is removed.
 */
import { once } from 'node:events';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { ReportSheet, sheetOptions, type SheetHeading } from './style.js';
import { tempPathFor } from './targets.js';

export class ReportCancelled extends Error {}

/**
 * zlib's level 4 rather than its default 6: deflating a 125k-row 明细表's 117 MB of sheet XML took 1.6 s of CPU at
 * level 6 and 0.66 s at level 4, for a file 12% larger (14.3 MB against 12.8 MB; level 1: 0.5 s, 30% larger).
 */
const DEFLATE_LEVEL = 4;

/**
 * Sheet XML let queue in front of deflate before the row loop waits for it. exceljs's sheet stream hands its 64 KB
 * buffers to the zip entry's stream without looking at write()'s answer, and deflate took one buffer per turn of the
 * event loop while a row loop made more: a 125k-row 明细表 had 60 MB of XML queued by its end, a 754k-row one a few
 * hundred. With a bound the queue is a few MB however long the table.
 */
export const QUEUED_XML_BYTES = 2 * 1024 * 1024;

/**
 * Rows written between two turns of the event loop. Deflate runs beside the row loop (in libuv's pool) but takes
 * its next 64 KB buffer only when the loop turns: at ~1 KB of XML a row, 100 rows a turn left it behind (and the row
 * loop waiting for it), 25 keep it up with the rows.
 */
const ROWS_PER_TURN = 25;

/** A readable-stream Writable (archiver's own copy, older than node's: no writableLength). */
type ZipInput = NodeJS.EventEmitter & { _writableState?: { length: number } };

/** The stream a streamed sheet's XML waits in for deflate (the zip entry's input), once the zip has reached the sheet. */
function zipInput(sheet: ExcelJS.Worksheet | undefined): ZipInput | undefined {
  return (sheet as unknown as { _stream?: { pipes?: ZipInput[] } } | undefined)?._stream?.pipes?.[0];
}

export interface Progress {
  /** Rows written so far and the expected total; called every few hundred rows. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** The temporary file to write before the rename: the export job names it, so it can remove it if the worker dies. */
  temp?: string;
}

export class ReportBook {
  private readonly temp: string;
  private readonly out: fs.WriteStream;
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private sheets: ExcelJS.Worksheet[] = [];
  private written = 0;
  /** The first error of the write stream (disk full, folder gone…): everything after it is pointless. */
  private failure: Error | null = null;
  /** Rejects with that error: a wait for deflate must not outlast the file it writes into. */
  private readonly failed: Promise<never>;

  constructor(
    private readonly target: string,
    private readonly total: number,
    private readonly progress: Progress = {},
    properties: Pick<ExcelJS.Workbook, 'keywords' | 'description'> | Record<string, never> = {},
  ) {
    this.temp = progress.temp ?? tempPathFor(target, `${process.pid}-${Date.now()}`);
    // Readable only by this user: a report lists members' ID numbers and accounts.
    this.out = fs.createWriteStream(this.temp, { flags: 'wx', mode: 0o600 });
    this.out.on('error', (err) => (this.failure ??= err));
    this.failed = new Promise<never>((_, reject) => this.out.once('error', reject));
    this.failed.catch(() => undefined);
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: this.out, useStyles: true, useSharedStrings: false, zip: { zlib: { level: DEFLATE_LEVEL } } });
    this.workbook.creator = '网络账号报备台账';
    Object.assign(this.workbook, properties);
  }

  addSheet(name: string, heading: SheetHeading): ReportSheet {
    const sheet = this.workbook.addWorksheet(name, sheetOptions(heading));
    centreOnPage(sheet);
    this.sheets.push(sheet);
    return new ReportSheet(sheet, heading);
  }

  /** A sheet laid out by hand (a form to sign, see formSheet.ts), printed centred like every report. */
  addRawSheet(name: string, options: Partial<ExcelJS.AddWorksheetOptions>): ExcelJS.Worksheet {
    const sheet = this.workbook.addWorksheet(name, options);
    centreOnPage(sheet);
    this.sheets.push(sheet);
    return sheet;
  }

  /**
   * Called once per data row: every ROWS_PER_TURN rows reports progress, honours cancellation and gives the event
   * loop a turn — waiting for deflate to catch up when the sheet's XML queued in front of it passed QUEUED_XML_BYTES.
   */
  async tick(): Promise<void> {
    if (this.failure) throw this.failure;
    this.written++;
    if (this.written % ROWS_PER_TURN !== 0) return;
    if (this.progress.signal?.aborted) throw new ReportCancelled();
    if (this.written % 500 === 0) this.progress.onProgress?.(this.written, this.total);
    const input = zipInput(this.sheets.at(-1));
    if ((input?._writableState?.length ?? 0) > QUEUED_XML_BYTES) await Promise.race([once(input!, 'drain'), this.failed]);
    else await new Promise((resolve) => setImmediate(resolve));
  }

  /**
   * Ends the sheets written so far, so the zip takes the next one's XML as it comes: the zip writes one entry at a
   * time, and a sheet begun while the one before stays open would be held whole in memory (a 明细表 continued past
   * Excel's row limit).
   */
  commitSheets(): void {
    for (const sheet of this.sheets) (sheet as ExcelJS.Worksheet & { commit: () => void }).commit();
  }

  async commit(): Promise<void> {
    try {
      if (this.failure) throw this.failure;
      if (this.progress.signal?.aborted) throw new ReportCancelled();
      this.commitSheets();
      // exceljs waits for the zip to drain into the stream, which never happens once the stream has failed.
      await Promise.race([this.workbook.commit(), this.failed]);
      const fd = fs.openSync(this.temp, 'r+');
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      fs.renameSync(this.temp, this.target);
      this.progress.onProgress?.(this.total, this.total);
    } catch (err) {
      await this.discard();
      throw err;
    }
  }

  /** Closes the stream (so the disk space is really freed, and Windows lets the file go) and removes the temporary file. */
  async discard(): Promise<void> {
    if (!this.out.closed) {
      await new Promise<void>((resolve) => {
        this.out.once('close', () => resolve());
        this.out.destroy();
      });
    }
    fs.rmSync(this.temp, { force: true });
  }
}

/**
 * exceljs's streaming sheet writer never writes <printOptions>, so a report would not print centred.
 * The element belongs just before <pageMargins>; this writes it there for this one sheet.
 */
function centreOnPage(sheet: ExcelJS.Worksheet): void {
  const writer = sheet as ExcelJS.Worksheet & { _writePageMargins(): void; stream: { write(xml: string): void } };
  const writeMargins = writer._writePageMargins.bind(writer);
  writer._writePageMargins = () => {
    writer.stream.write('<printOptions horizontalCentered="1"/>');
    writeMargins();
  };
}
