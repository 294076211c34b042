/** What an import reads (the columns a sheet may have) and what a preview or an import reports: types the job status carries. */
export const IMPORT_KINDS = ['members', 'accounts'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportField {
  key: string;
  /** The header our template writes, and what the window shows in the mapping. */
  label: string;
  required: boolean;
}

/** Every column an import understands, in the template's order. */
export const IMPORT_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  members: [
    { key: 'name', label: '姓名', required: true },
    { key: 'idNumber', label: '身份证号', required: true },
    { key: 'organization', label: '所在党组织', required: false },
    { key: 'workUnit', label: '工作单位', required: false },
    { key: 'position', label: '职务', required: false },
    { key: 'rank', label: '职务层次', required: false },
    { key: 'partyStatus', label: '党籍状态', required: false },
    { key: 'phone', label: '联系电话', required: false },
    { key: 'joinedOn', label: '入党时间', required: false },
    { key: 'notes', label: '备注', required: false },
  ],
  accounts: [
    { key: 'ownerIdNumber', label: '身份证号', required: true },
    { key: 'ownerName', label: '姓名', required: false },
    { key: 'platform', label: '平台', required: true },
    { key: 'region', label: '境内/境外', required: false },
    { key: 'capacity', label: '开设身份', required: true },
    { key: 'kind', label: '类型', required: true },
    { key: 'displayName', label: '账号名称', required: true },
    { key: 'accountRef', label: '账号ID或网址', required: false },
    { key: 'openedOn', label: '开设时间', required: false },
    { key: 'verifiedSubject', label: '认证主体', required: false },
    { key: 'audience', label: '粉丝数/群成员数', required: false },
    { key: 'audienceAsOf', label: '统计日期', required: false },
    { key: 'mainContent', label: '主要内容', required: false },
    { key: 'supervisor', label: '分管领导', required: false },
    { key: 'administrator', label: '管理员', required: false },
    /** Known filing of a new account: 已登记 or 待审核 on that date (an existing account's filings are left alone). */
    { key: 'filingState', label: '报备状态', required: false },
    { key: 'filedOn', label: '报备日期', required: false },
  ],
};

export type RowAction = 'add' | 'update' | 'unchanged' | 'skip' | 'refused';

export interface RowProblem {
  /** The column's header as the file has it (or the field's label when the column is missing). */
  column: string;
  problem: string;
  suggestion: string;
}

export interface RowOutcome {
  /** The row number in the file, as WPS/Excel shows it. */
  row: number;
  action: RowAction;
  /** Who or what the row is about (姓名, or 平台「账号名称」). */
  label: string;
  problems: RowProblem[];
}

export interface ImportOutcome {
  kind: ImportKind;
  fileName: string;
  sha256: string;
  mode: 'preview' | 'run';
  /** The header's row number, its cells, and the column chosen for each field (null: none). */
  headerRow: number;
  columns: string[];
  mapping: Record<string, number | null>;
  /** Required fields no column is mapped to (organization: neither a column nor a chosen organization); nothing is checked until they are. */
  missingFields: string[];
  /** True when the mapping came from an earlier import of a file with the same header. */
  rememberedMapping: boolean;
  counts: Record<RowAction, number> & { rows: number };
  /** Row outcomes: every refused one first, then the others, up to a limit (see listedAll). */
  rows: RowOutcome[];
  listedAll: boolean;
  /** Whether the register was changed (run: all rows valid, or valid rows only when chosen). */
  imported: boolean;
  /** Whether an error workbook (refused rows plus 错误说明) was written. */
  errorFile: boolean;
}

export interface ImportUploaded {
  uploadId: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
}
