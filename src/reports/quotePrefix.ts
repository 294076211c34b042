/**
 * Excel's 写为文本 (the xf attribute quotePrefix="1"): a cell whose text starts like a formula stays text when
 * a person edits it, and prints without the apostrophe we used to put in front of it. exceljs 4.4 cannot write
 * it: its xf writer (lib/xlsx/xform/style/style-xform.js) renders numFmt, font, fill, border, alignment and
 * protection only, and StylesXform.addStyleModel copies only those from a cell's style.
 *
 * The one patch: on one workbook's style table (the streaming writer's `workbook.styles`), addStyleModel is
 * wrapped. A style object made by quotedStyle() gets the xf exceljs builds for its look, copied once with
 * quotePrefix="1" into the table's list of xf XML strings (`model.styles`); its index is what the cell refers to.
 */
import type { Style } from 'exceljs';

interface StyleTable {
  addStyleModel(model: unknown, cellType?: number): number;
  model: { styles: string[] };
}

const QUOTED = new WeakSet<object>();
const twins = new WeakMap<object, Partial<Style>>();
const patched = new WeakSet<object>();

/** The same look as `style`, written as text: one twin per style object, so a style shared by a column stays shared. */
export function quotedStyle(style: Partial<Style>): Partial<Style> {
  let twin = twins.get(style);
  if (!twin) {
    twin = { ...style };
    QUOTED.add(twin);
    twins.set(style, twin);
  }
  return twin;
}

/** Lets cells of this workbook carry quotedStyle()s; refuses, rather than silently printing formulas, if exceljs changed. */
export function enableQuotePrefix(workbook: unknown): void {
  const styles = (workbook as { styles?: Partial<StyleTable> }).styles;
  if (typeof styles?.addStyleModel !== 'function' || !Array.isArray(styles.model?.styles)) {
    throw new Error('exceljs: no streaming style table (workbook.styles.addStyleModel, model.styles) to add quotePrefix to');
  }
  if (patched.has(styles)) return;
  patched.add(styles);
  const table = styles as StyleTable;
  const add = table.addStyleModel.bind(table);
  const quotedIds = new Map<number, number>();
  table.addStyleModel = (model, cellType) => {
    const id = add(model, cellType);
    if (!model || !QUOTED.has(model as object)) return id;
    let quoted = quotedIds.get(id);
    if (quoted === undefined) {
      quoted = table.model.styles.push(table.model.styles[id]!.replace(/^<xf /, '<xf quotePrefix="1" ')) - 1;
      quotedIds.set(id, quoted);
    }
    return quoted;
  };
}
