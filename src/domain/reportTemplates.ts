/**
 * The 明细表's columns by key, with the header each prints under by default. A higher level's template (saved
 * in the register) picks some of them, in its own order, under its own names; the window, the contract's check
 * of a template and the report's writer all read this one list.
 */
import { normalizeText } from './text.js';
export const DETAIL_COLUMN_HEADERS = {
  index: '序号',
  name: '姓名',
  idNumber: '身份证号',
  position: '职务',
  platform: '平台',
  region: '境内/境外',
  displayName: '账号名称',
  accountRef: '账号ID',
  capacity: '开设身份',
  kind: '类型',
  openedOn: '开设时间',
  audience: '粉丝数/群成员数',
  administrator: '管理员',
  requiredFiling: '报备类型',
  registeredOn: '报备（登记）日期',
  state: '状态',
  opinion: '党组织意见',
  remark: '备注',
  organization: '所在党组织',
  source: '来源',
} as const;

export type DetailColumnKey = keyof typeof DETAIL_COLUMN_HEADERS;
export const DETAIL_COLUMN_KEYS = Object.keys(DETAIL_COLUMN_HEADERS) as [DetailColumnKey, ...DetailColumnKey[]];

/**
 * Columns filled on every row: the 小计/合计 count rows by one of them, so a template must keep at least one (a
 * count over 管理员 or 备注 would skip the rows where they are blank).
 */
export const ALWAYS_FILLED: readonly DetailColumnKey[] = ['index', 'name', 'platform', 'displayName', 'capacity', 'kind', 'region', 'requiredFiling', 'state', 'organization'];

export interface TemplateColumn {
  key: DetailColumnKey;
  /** The header printed for it (the template's own wording). */
  header: string;
}

export interface ReportTemplate {
  id: number;
  name: string;
  columns: TemplateColumn[];
  /** Whole ID numbers (only for operators who may see them) or masked (3299**********1258). */
  fullIdNumbers: boolean;
  updatedAt: string;
}

/** A template's name as stored and looked up: é typed as one character or as e + accent is one name, not two alike. */
export const templateName = (raw: string): string => normalizeText(raw).normalize('NFC');
