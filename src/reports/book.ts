/**
 * A report workbook streamed to a temporary file beside the target and renamed into place only when
 * complete: a cancelled or failed export never leaves half a file under the name the user chose.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { ReportSheet, sheetOptions, type SheetHeading } from './style.js';

export class ReportCancelled extends Error {}

export interface Progress {
  /** Rows written so far and the expected total; called every few hundred rows. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export class ReportBook {
  private readonly temp: string;
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private sheets: ExcelJS.Worksheet[] = [];
  private written = 0;

  constructor(
    private readonly target: string,
    private readonly total: number,
    private readonly progress: Progress = {},
  ) {
    fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    this.temp = `${target}.${process.pid}.${Date.now()}.part`;
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: this.temp, useStyles: true, useSharedStrings: false });
    this.workbook.creator = '网络账号报备台账';
  }

  addSheet(name: string, heading: SheetHeading): ReportSheet {
    const sheet = this.workbook.addWorksheet(name, sheetOptions(heading));
    centreOnPage(sheet);
    this.sheets.push(sheet);
    return new ReportSheet(sheet, heading);
  }

  /**
   * Called once per data row: reports progress, honours cancellation, and every 100 rows gives the event loop
   * a turn so the zip stream drains (without it the streaming writer's memory grows with the sheet).
   */
  async tick(): Promise<void> {
    this.written++;
    if (this.written % 100 !== 0) return;
    if (this.progress.signal?.aborted) throw new ReportCancelled();
    if (this.written % 500 === 0) this.progress.onProgress?.(this.written, this.total);
    await new Promise((resolve) => setImmediate(resolve));
  }

  async commit(): Promise<void> {
    try {
      if (this.progress.signal?.aborted) throw new ReportCancelled();
      for (const sheet of this.sheets) (sheet as ExcelJS.Worksheet & { commit: () => void }).commit();
      await this.workbook.commit();
      const fd = fs.openSync(this.temp, 'r+');
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      fs.renameSync(this.temp, this.target);
      this.progress.onProgress?.(this.total, this.total);
    } catch (err) {
      this.discard();
      throw err;
    }
  }

  discard(): void {
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
