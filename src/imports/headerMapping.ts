/**
 * Finds the header below title rows and merged group headers, and maps each column to a field by the names branches
 * give it (姓名/党员姓名, 身份证号/公民身份号码/证件号码 …). A mapping the person fixed is remembered for files with the
 * same header (settings key by a fingerprint of the header row), so next month's sheet from that branch just works.
 */
import crypto from 'node:crypto';
import { IMPORT_FIELDS, type ImportKind } from '../contract/importOutcome.js';
import { normalizeText } from '../domain/text.js';
import type { ServiceContext } from '../services/context.js';
import { readSetting, writeSetting } from '../services/storedSettings.js';
import { cellText } from './cellValues.js';
import type { SheetRow } from './sheetReader.js';

const ID_NUMBER = ['身份证号', '身份证号码', '公民身份号码', '公民身份证号码', '证件号码', '身份证', '身份证件号码', '居民身份证号码'];
const NAME = ['姓名', '党员姓名', '名字', '人员姓名', '党员干部姓名'];

/** Header names per field, compared after normalising (spaces, notes in brackets, * marks removed). */
const SYNONYMS: Record<ImportKind, Record<string, string[]>> = {
  members: {
    name: NAME,
    idNumber: ID_NUMBER,
    organization: ['所在党组织', '所属支部', '所在支部', '所属党组织', '党组织', '党支部', '所在党支部', '支部', '党组织名称', '组织代码', '党组织代码'],
    workUnit: ['工作单位', '单位', '所在单位', '单位名称'],
    position: ['职务', '现任职务', '职位', '现职务'],
    rank: ['职级', '职务层次', '职务级别', '级别'],
    partyStatus: ['党籍状态', '人员类别', '党员类别', '党员身份'],
    phone: ['联系电话', '手机', '手机号', '手机号码', '电话', '联系方式', '电话号码'],
    joinedOn: ['入党时间', '入党日期', '入党年月'],
    notes: ['备注', '说明'],
  },
  accounts: {
    ownerIdNumber: ID_NUMBER,
    ownerName: [...NAME, '开设人', '账号开设人', '所有人', '持有人'],
    platform: ['平台', '网络平台', '平台名称', '所在平台', '账号平台'],
    region: ['境内/境外', '境内外', '境内或境外', '区域', '地域'],
    capacity: ['开设身份', '身份', '开设方式', '以职务身份/个人', '开设性质'],
    kind: ['类型', '账号类型', '账号类别', '类别', '账号/群组'],
    displayName: ['账号名称', '名称', '群组名称', '账号/群组名称', '公众号名称', '昵称', '账号名'],
    accountRef: ['账号ID或网址', '账号ID', '账号id', '网址', '链接', '微信号', 'ID', '账号地址'],
    openedOn: ['开设时间', '开设日期', '注册时间', '创建时间', '开通时间'],
    verifiedSubject: ['认证主体'],
    audience: ['粉丝数/群成员数', '粉丝数', '关注数', '群成员数', '成员数', '粉丝量', '关注人数', '粉丝数（群成员数）'],
    audienceAsOf: ['统计日期', '截至日期', '粉丝统计日期', '粉丝数统计日期'],
    mainContent: ['主要内容', '发布内容', '内容'],
    supervisor: ['分管领导'],
    administrator: ['管理员', '管理人', '运营人', '运维人员'],
    filingState: ['报备状态', '报告备案状态', '报备情况', '是否报备'],
    filedOn: ['报备日期', '报备时间', '报告日期', '备案日期', '登记日期'],
  },
};

export function headerKey(text: string): string {
  return normalizeText(text)
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s*＊:：]/g, '')
    .toLowerCase();
}

const LOOKUP: Record<ImportKind, Map<string, string>> = {
  members: lookupOf('members'),
  accounts: lookupOf('accounts'),
};

function lookupOf(kind: ImportKind): Map<string, string> {
  const map = new Map<string, string>();
  for (const [field, names] of Object.entries(SYNONYMS[kind])) for (const n of names) map.set(headerKey(n), field);
  // The template's own labels (with notes like “（必填）” stripped) always map.
  for (const f of IMPORT_FIELDS[kind]) map.set(headerKey(f.label), f.key);
  return map;
}

export interface Header {
  row: number;
  columns: string[];
}

/** Maps a header's columns to fields (first column wins when two say the same). */
export function proposeMapping(kind: ImportKind, columns: string[]): Record<string, number | null> {
  const mapping: Record<string, number | null> = Object.fromEntries(IMPORT_FIELDS[kind].map((f) => [f.key, null]));
  columns.forEach((label, i) => {
    const field = LOOKUP[kind].get(headerKey(label));
    if (field && mapping[field] === null) mapping[field] = i;
  });
  return mapping;
}

/**
 * The header is the row among the first ones with the most recognised names; where it has an empty cell under a
 * merged group header, the row above names that column (and counts for it). With no recognised name at all, the
 * first row with text is taken, for the person to map by hand.
 */
export function findHeader(kind: ImportKind, top: SheetRow[]): Header | null {
  let best: { header: Header; score: number } | null = null;
  top.forEach((r, index) => {
    const above = index > 0 ? top[index - 1]!.cells : [];
    const width = Math.max(r.cells.length, above.length);
    const columns = Array.from({ length: width }, (_, i) => cellText(r.cells[i] ?? null) || cellText(above[i] ?? null));
    while (columns.length && columns[columns.length - 1] === '') columns.pop();
    if (!columns.length || !r.cells.some((c) => cellText(c) !== '')) return;
    const score = new Set(columns.map((c) => LOOKUP[kind].get(headerKey(c))).filter(Boolean)).size;
    if (!best || score > best.score) best = { header: { row: r.row, columns }, score };
  });
  return (best as { header: Header } | null)?.header ?? null;
}

export function headerFingerprint(kind: ImportKind, columns: string[]): string {
  return crypto.createHash('sha256').update(kind + '\u0001' + columns.map(headerKey).join('\u0001')).digest('hex').slice(0, 24);
}

const settingKey = (fingerprint: string) => `importMapping:${fingerprint}`;

export function rememberedMapping(ctx: ServiceContext, fingerprint: string): Record<string, number | null> | null {
  return readSetting<{ mapping: Record<string, number | null> | null }>(ctx, settingKey(fingerprint), { mapping: null }).mapping;
}

export function rememberMapping(ctx: ServiceContext, fingerprint: string, mapping: Record<string, number | null>): void {
  writeSetting(ctx, settingKey(fingerprint), { mapping });
}
