/**
 * A report's body rows written straight into the sheet's XML, while exceljs writes everything around them (title,
 * header, merges, totals, print setup, styles.xml). A 300k-row 明细表 spent most of its time in exceljs building,
 * styling and serialising one Row object per line (2.8× its bare streaming writer, issue 13); here a row is one
 * string, with the column's style id looked up once. The XML is exactly what exceljs writes for the same row
 * (test/unit/bodyRows.test.ts renders both), so every viewer that opened the reports opens them still.
 *
 * It relies on the streaming sheet writer's internals (rows committed in order, `_rowZero`, `stream`); it checks
 * they are there and refuses, rather than writing a broken file, if an exceljs upgrade changed them.
 */
import type { Style, Worksheet } from 'exceljs';
import { quotedStyle } from './quotePrefix.js';

/** What a body cell may hold: anything else (a formula) goes through exceljs. */
export type PlainValue = string | number | null;

interface SheetInternals {
  _rows: unknown[];
  _rowZero: number;
  startedData: boolean;
  stream: { write(xml: string): void };
  workbook: { styles: { addStyleModel(model: unknown, cellType?: number): number } };
}

// exceljs's ValueType: the style table gives a style without number format 'General' for numbers (and empty cells).
const NUMBER = 2;
const STRING = 3;

/** XML text as exceljs escapes it (utils.xmlEncode): the five entities; the text is already free of unsafe characters. */
const ENTITIES: Record<string, string> = { '"': '&quot;', '&': '&amp;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
const escapeXml = (text: string) => (/["&'<>]/.test(text) ? text.replace(/["&'<>]/g, (c) => ENTITIES[c]!) : text);

/** Characters of rows gathered before they go to the sheet's stream: one UTF-8 encoding and copy per ~16 rows, not per row. */
const FLUSH_CHARS = 16_384;

export class BodyRows {
  private readonly sheet: SheetInternals;
  private readonly ids = new Map<Partial<Style>, number>();
  /** Style ids by column, 写为文本 or not and cell type, looked up once: a row then costs no map look-up. */
  private readonly idCache: number[] = [];
  /** Rows not yet handed to the stream; flush() before exceljs writes anything of its own. */
  private pending = '';

  /** `styles` and `letters`: each column's body style and its letter (A, B, … AA). */
  constructor(
    sheet: Worksheet,
    private readonly styles: Partial<Style>[],
    private readonly letters: string[],
  ) {
    const s = sheet as unknown as Partial<SheetInternals>;
    if (!Array.isArray(s._rows) || typeof s._rowZero !== 'number' || typeof s.workbook?.styles?.addStyleModel !== 'function') {
      throw new Error('exceljs: the streaming sheet writer has no _rows/_rowZero/styles to write body rows beside');
    }
    this.sheet = s as SheetInternals;
  }

  /** Whether the row can be written here: every cell plain, and every earlier row already written by exceljs. */
  accepts(values: unknown[]): values is PlainValue[] {
    return this.sheet.startedData && this.sheet._rows.length === 0 && values.every((v) => v === null || typeof v !== 'object');
  }

  /** Row `number` (the next one), `height` points; `quoted[i]`: the text is written as text (写为文本). */
  write(number: number, height: number, values: PlainValue[], quoted: boolean[]): void {
    let xml = `<row r="${number}" ht="${height}" customHeight="1" spans="1:${values.length}" x14ac:dyDescent="0.25">`;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      const ref = `${this.letters[i]}${number}`;
      if (v === null) xml += `<c r="${ref}" s="${this.styleId(i, quoted[i]!, NUMBER)}"/>`;
      else if (typeof v === 'number') xml += `<c r="${ref}" s="${this.styleId(i, quoted[i]!, NUMBER)}"><v>${v}</v></c>`;
      else xml += `<c r="${ref}" s="${this.styleId(i, quoted[i]!, STRING)}" t="str"><v>${escapeXml(v)}</v></c>`;
    }
    this.pending += `${xml}</row>`;
    if (this.pending.length >= FLUSH_CHARS) this.flush();
    // exceljs's next row (a 小计) must follow this one.
    this.sheet._rowZero = number + 1;
  }

  /** Hands the gathered rows to the sheet's stream: before any row exceljs writes, and before the sheet ends. */
  flush(): void {
    if (this.pending === '') return;
    this.sheet.stream.write(this.pending);
    this.pending = '';
  }

  /** The style table's id, registered the first time as exceljs would for that cell (it then remembers the object). */
  private styleId(column: number, quoted: boolean, cellType: number): number {
    const key = column * 4 + (quoted ? 2 : 0) + (cellType === STRING ? 1 : 0);
    const cached = this.idCache[key];
    if (cached !== undefined) return cached;
    const style = quoted ? quotedStyle(this.styles[column]!) : this.styles[column]!;
    let id = this.ids.get(style);
    if (id === undefined) {
      id = this.sheet.workbook.styles.addStyleModel(style, cellType);
      this.ids.set(style, id);
    }
    this.idCache[key] = id;
    return id;
  }
}
