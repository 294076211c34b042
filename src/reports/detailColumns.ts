/**
 * The columns the 明细表 can carry, each with its header, width and how its value is read from a row. A
 * higher level's template picks, orders and renames them (reportTemplates); the default is the set the
 * reviewers expect. ID numbers can be masked per template.
 */
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
  key: string;
  spec: ColumnSpec;
  value: (r: DetailValues) => CellValue;
}

const column = (key: string, header: string, width: number, value: DetailColumn['value'], kind?: ColumnSpec['kind']): DetailColumn => ({
  key,
  spec: { header, width, kind },
  value,
});

export const DETAIL_COLUMNS: DetailColumn[] = [
  column('index', '序号', 6, (r) => r.index, 'index'),
  column('name', '姓名', 9, (r) => r.name),
  column('idNumber', '身份证号', 21, (r) => r.id_number, 'id'),
  column('position', '职务', 12, (r) => r.position),
  column('platform', '平台', 11, (r) => r.platform),
  column('region', '境内/境外', 7, (r) => r.region, 'centred'),
  column('displayName', '账号名称', 18, (r) => r.display_name),
  column('accountRef', '账号ID', 16, (r) => r.account_ref, 'id'),
  column('capacity', '开设身份', 11, (r) => r.capacity),
  column('kind', '类型', 8, (r) => r.kind),
  column('openedOn', '开设时间', 12, (r) => r.opened_on, 'date'),
  column('audience', '粉丝数/群成员数', 10, (r) => r.audience, 'number'),
  column('administrator', '管理员', 9, (r) => r.administrator),
  column('requiredFiling', '报备类型', 7, (r) => (r.required_filing === '无' ? '无需报备' : r.required_filing), 'centred'),
  column('registeredOn', '报备（登记）日期', 12, (r) => r.registered_on, 'date'),
  column('state', '状态', 10, (r) => r.state_label),
  column('opinion', '党组织意见', 16, (r) => r.opinion),
  column('remark', '备注', 14, (r) => r.remark),
  column('organization', '所在党组织', 28, (r) => r.org),
  column('source', '来源', 24, (r) => r.source),
];

/**
 * The default choice: every column but 所在党组织 (the organization is named on its 小计 row), and 来源 only in
 * a report that also lists sub-units' packages.
 */
export function detailColumns(withSource = false): DetailColumn[] {
  return DETAIL_COLUMNS.filter((c) => c.key !== 'organization' && (withSource || c.key !== 'source'));
}
