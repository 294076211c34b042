/**
 * The columns the 明细表 can carry, each with its header, width and how its value is read from a row. A
 * higher level's template picks, orders and renames them (reportTemplates); the default is the set the
 * reviewers expect. ID numbers can be masked per template.
 */
import { ALWAYS_FILLED, DETAIL_COLUMN_HEADERS, type DetailColumnKey, type ReportTemplate } from '../domain/reportTemplates.js';
import type { CellValue, ColumnSpec } from './style.js';

export interface DetailRow {
  id: number;
  name: string;
  id_number: string;
  position: string | null;
  org: string;
  platform: string;
  region: string;
  display_name: string;
  account_ref: string | null;
  capacity: string;
  kind: string;
  opened_on: string | null;
  audience: number | null;
  administrator: string | null;
  required_filing: string;
  filing_state: string;
  due_on: string | null;
  closed_on: string | null;
  closed_reason: string | null;
  registered_on: string | null;
  opinion: string | null;
}

/** A row as the columns read it: the stored fields plus what the report derives. */
export type DetailValues = DetailRow & { index: number; state_label: string; remark: string; source: string };

export interface DetailColumn {
  key: DetailColumnKey;
  spec: ColumnSpec;
  value: (r: DetailValues) => CellValue;
}

const column = (key: DetailColumnKey, width: number, value: DetailColumn['value'], kind?: ColumnSpec['kind']): DetailColumn => ({
  key,
  spec: { header: DETAIL_COLUMN_HEADERS[key], width, kind },
  value,
});

export const DETAIL_COLUMNS: DetailColumn[] = [
  column('index', 6, (r) => r.index, 'index'),
  column('name', 9, (r) => r.name),
  column('idNumber', 21, (r) => r.id_number, 'id'),
  column('position', 12, (r) => r.position),
  column('platform', 11, (r) => r.platform),
  column('region', 7, (r) => r.region, 'centred'),
  column('displayName', 18, (r) => r.display_name),
  column('accountRef', 16, (r) => r.account_ref, 'id'),
  column('capacity', 11, (r) => r.capacity),
  column('kind', 8, (r) => r.kind),
  column('openedOn', 12, (r) => r.opened_on, 'date'),
  column('audience', 10, (r) => r.audience, 'number'),
  column('administrator', 9, (r) => r.administrator),
  column('requiredFiling', 7, (r) => (r.required_filing === '无' ? '无需报备' : r.required_filing), 'centred'),
  column('registeredOn', 12, (r) => r.registered_on, 'date'),
  column('state', 10, (r) => r.state_label),
  column('opinion', 16, (r) => r.opinion),
  column('remark', 14, (r) => r.remark),
  // Wide enough for a 支部's full name (about 25 characters) on one line: a template prints it on every row.
  column('organization', 50, (r) => r.org),
  column('source', 24, (r) => r.source),
];

const byKey = new Map(DETAIL_COLUMNS.map((c) => [c.key, c]));

/**
 * The columns a 明细表 prints. By default every column but 所在党组织 (the organization is named on its 小计
 * row). A template's columns in its order under its headers, each as wide as its header needs at least. 来源
 * only in a report that also lists sub-units' packages — added at the end when a template left it out, since a
 * consolidated row must say where it came from.
 */
export function detailColumns(withSource = false, template: ReportTemplate | null = null): DetailColumn[] {
  if (!template) return DETAIL_COLUMNS.filter((c) => c.key !== 'organization' && (withSource || c.key !== 'source'));
  const chosen = template.columns
    .filter((t) => withSource || t.key !== 'source')
    .map((t) => {
      const c = byKey.get(t.key)!;
      return { ...c, spec: { ...c.spec, header: t.header, width: Math.max(c.spec.width, Math.min(30, [...t.header].length + 2)) } };
    });
  return withSource && !chosen.some((c) => c.key === 'source') ? [...chosen, byKey.get('source')!] : chosen;
}

/**
 * Where the 小计/合计 of some columns go: the label over the leading columns (at most four, always leaving one),
 * the count (共N个) right after it, counted over a column filled on every row.
 */
export function detailTotals(columns: DetailColumn[]): { labelSpan: number; tally: { of: number; at: number; unit: string } } {
  const labelSpan = Math.max(1, Math.min(4, columns.length - 1));
  // Not the first column: it holds the 小计 labels, which a count over it would take for rows.
  const of = columns.findIndex((c, i) => i > 0 && ALWAYS_FILLED.includes(c.key)) + 1;
  return { labelSpan, tally: { of, at: labelSpan + 1, unit: '个' } };
}
