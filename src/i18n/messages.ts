/**
 * Every message the core shows to a person, in one place so it can be reworded or translated.
 * Functions build messages that carry values.
 */
import { handoverMessages } from './handoverMessages.js';
import { cryptMessages } from './cryptMessages.js';
import { operatorMessages } from './operatorMessages.js';
import { paperMessages } from './paperMessages.js';
/** On what a package's source was matched to one of our organizations (汇总上报). */
const MAPPING_BASIS: Record<string, string> = { remembered: '上次已确认', partyCode: '党组织代码相同', fullName: '全称相同' };

/** The sections of a 上报数据包, as people call them. */
const PACKAGE_SECTIONS: Record<string, string> = {
  organizations: '党组织',
  members: '党员',
  accounts: '网络账号',
  filings: '报备记录',
  commendations: '表彰激励',
  protectionCases: '保护支持',
  publicationRequests: '发布信息请示',
};

export const msg = {
  idNumber: {
    format: '身份证号应为18位：前17位是数字，最后一位是数字或X。',
    fifteenDigits: '这是15位的旧身份证号，请填写18位身份证号。',
    scientific: '身份证号被Excel当成了数字（科学计数法），后几位已经丢失。请把该列设为“文本”格式后重新填写。',
    birthDate: '身份证号中的出生日期不存在，请核对第7至14位。',
    future: '身份证号中的出生日期晚于今天，请核对。',
    checkDigit: '身份证号校验位不对，可能有数字录错，请逐位核对。',
    duplicate: (name: string) => `这个身份证号已经登记给“${name}”，同一人不能重复登记。`,
  },
  phone: {
    format: '电话应为11位手机号，或带区号的固定电话（如 0512-65221234）。',
  },
  date: {
    format: '日期格式应为 年-月-日，如 2026-04-12。',
    notReal: '这个日期不存在，请核对。',
    future: '日期不能晚于今天。',
  },
  member: {
    notFound: '找不到这名党员，可能已被其他操作更改，请刷新后重试。',
    joinedBefore18: '入党时间应在年满18周岁之后，请核对入党时间或身份证号。',
    nameRequired: '请填写姓名。',
    sameOrganization: '该党员已在这个党组织，无需转移。',
    moveBeforeLast: (day: string) => `调整日期不能早于该党员在册起始或上次变动的日期（${day}）。`,
    statusBeforeLast: (day: string) => `状态变更日期不能早于该党员在册起始或上次变动的日期（${day}）。`,
    statusUnchanged: (status: string) => `该党员当前状态已经是“${status}”。`,
  },
  organization: {
    notFound: '找不到这个党组织，可能已被其他操作更改，请刷新后重试。',
    parentNotFound: '找不到上级党组织，请重新选择。',
    duplicateCode: (code: string) => `组织代码“${code}”已被使用，请换一个。`,
    codeFormat: '组织代码应为数字，每级3位（如 001002）。',
    cycle: '不能把党组织移到它自己或它的下级党组织之下。',
    notEmptyChildren: (n: number) => `该党组织还有 ${n} 个下级党组织，请先移走或删除它们。`,
    notEmptyMembers: (n: number) => `该党组织还有 ${n} 名党员（含已转出、退休等），请先把他们转到其他党组织。`,
    duplicateName: (name: string) => `同一上级下已有名为“${name}”的党组织。`,
    fullNameRequired: '请填写党组织全称（与印章一致）。',
    reorderMismatch: '排序列表与现有下级党组织不一致，请刷新后重试。',
    partyCodeFormat: '党组织代码只能由数字和字母组成，请按全国党员管理信息系统中的代码填写。',
    duplicatePartyCode: (name: string) => `这个党组织代码已登记给“${name}”，请核对。`,
    hasSubmissions: (n: number) => `该党组织有 ${n} 份下级上报的数据包（汇总上报），不能删除。`,
  },
  account: {
    notFound: '找不到这个账号，可能已被其他操作更改，请刷新后重试。',
    memberNotActive: (status: string) => `该党员当前状态为“${status}”，不能再为其登记新账号。`,
    unknownPlatform: (p: string) => `平台“${p}”不在本单位的平台列表中。请从列表中选择，或先在“报备规则”页面中添加。`,
    alreadyClosed: '该账号已经注销。',
    closedNoEdit: '已注销的账号不能再修改。',
    closedBeforeOpened: '注销日期不能早于开设日期。',
    changedBeforeLast: (day: string) => `变更日期不能早于该账号开设或上次变更的日期（${day}）。`,
    duplicate: (name: string) => `该党员在这个平台已登记了同一账号“${name}”。`,
    audienceAsOfWithout: '填写了统计日期，请同时填写粉丝数或群成员数。',
  },
  filing: {
    notFound: '找不到这条报备记录，请刷新后重试。',
    open: '该账号还有未办结的报备（待审核或需补正），请先办结它。',
    notNeeded: '按本单位规则，这个账号无需报告或备案。',
    closedWithoutFiling: '该账号已注销且从未登记，无需再报备。',
    typeNotAllowed: (type: string, allowed: string) => `现在不能提交“${type}”，可以提交：${allowed}。`,
    illegal: (state: string, action: string) => `这条报备当前为“${state}”，不能“${action}”。`,
    returnNeedsOpinion: '退回补正时请填写党组织意见，说明需要补正什么。',
    beforeSubmitted: '审核日期不能早于提交日期。',
    bulkNotPending: (n: number) => `所选报备中有 ${n} 条已不是“待审核”，本次没有登记任何一条。请刷新后重新选择。`,
    attachmentTooLarge: '附件不能超过 20 MB。',
    attachmentBadType: '附件只接受 PDF、JPG、PNG 或 TIF 格式的扫描件。',
    attachmentNotFound: '找不到这个附件文件，数据文件夹可能被改动过。',
    attachmentCorrupt: '附件文件的校验值不符，文件可能已损坏或被替换。',
    attachmentsUnavailable: '当前运行方式没有数据文件夹，不能保存附件。',
  },
  request: {
    notFound: '找不到这条请示，请刷新后重试。',
    alreadyDecided: '这条请示已经审批，不能再次审批。',
    notApproved: '只有同意（或修改后同意）的请示才能登记发布。',
    alreadyPublished: '这条请示已经登记发布。',
    decidedBeforeRequested: '审批日期不能早于请示日期。',
    publishedBeforeDecided: '发布日期不能早于审批日期。',
    accountOutsideUnit: '所选账号不属于请示单位（或其下级党组织），请重新选择，或在“发布渠道”中填写。',
    accountNotRegistered: (state: string) => `所选账号当前为“${state}”，只有已报告或已备案的账号可以作为发布账号；其他渠道请在“发布渠道”中填写。`,
  },
  commendation: {
    notFound: '找不到这条表彰记录，请刷新后重试。',
    withdrawn: '这条表彰已经撤销，不能再修改或撤销。',
    withdrawBeforeDate: '撤销日期不能早于表彰日期。',
    memberNotFound: (id: number) => `所选党员（编号 ${id}）不存在，请重新选择。`,
  },
  protection: {
    notFound: '找不到这个保护支持事项，请刷新后重试。',
    closed: '这个事项已经办结，不能再修改或添加措施。',
    noMeasures: '办结前请至少登记一项已采取的措施。',
    beforeAttack: '日期不能早于遭受网络攻击的日期。',
  },
  campaign: {
    notFound: '找不到这次年度核查，请刷新后重试。',
    closed: '这次核查已经结束，数据已冻结，不能再登记。',
    alreadyClosed: '这次核查已经结束。',
    deadlineBeforeStart: '截止日期不能早于今天。',
    duplicateTitle: (title: string) => `已有名为“${title}”的核查。`,
    notInScope: '该党员不在这次核查的范围内（或已不在册）。',
    alreadyResponded: (kind: string, date: string) => `该党员已于 ${date} 提交“${kind}”，不能重复登记。`,
    zeroWithAccounts: (n: number) => `该党员登记有 ${n} 个在用的网络账号，不能报“零报告”。请核对账号后选择“申报”。`,
    declareWithoutAccounts: '该党员还没有登记在用的网络账号。请先登记账号，或选择“零报告”。',
    overlappingScope: '核查范围中有党组织是另一个所选党组织的下级，请只选上级党组织。',
  },
  report: {
    /** The 细则 a report's figures were judged by, under its title. */
    basis: (name: string, number: string | null) => `依据：《${name.replace(/^《|》$/g, '')}》${number ? `（${number}）` : ''}`,
    fullIdsForbidden: '当前操作员的角色不能导出完整身份证号，请导出隐去中间位数的明细表。',
    auditStamp: (entries: number, hash: string) => `导出时的操作记录链：共 ${entries} 条，链头 SHA-256 ${hash || '（空）'}`,
    noOrganization: '还没有党组织，无法生成报表。请先建立本单位的党组织。',
    badPeriod: '开始日期不能晚于结束日期。',
    noCampaign: '还没有年度核查，无法生成年度报备核查完成情况表。',
    exportsUnavailable: '当前运行方式不能导出文件。',
    jobNotFound: '找不到这个导出任务，可能已经完成或被取消。',
    cancelled: '导出已取消，没有生成文件。',
    failed: '导出失败，没有生成文件。',
    notXlsx: '报表文件名应以 .xlsx 结尾。',
  },
  pkg: {
    notPackage: '这个文件不是网络账号报备台账的上报数据包。',
    version: (v: number) => `数据包格式版本 ${v} 本软件不认识，请升级软件。`,
    checksum: '数据包的校验值不符：文件在传输中损坏或被改动过，请让下级重新导出。',
    periodRequired: '请填写数据包的期间名称（如：2026年度）。',
    notJson: '数据包文件名应以 .json 结尾。',
    fileTitle: (period: string) => `上报数据包_${period}`,
    passwordRequired: '这个数据包设有传输密码，请输入与下级约定的传输密码。',
    wrongPassword: '传输密码不正确，或数据包在传输中被改动过：未能解开，没有导入任何数据。请核对密码，或让下级重新导出。',
    sealBroken: '加密数据包的结构已损坏或被改动过，没有导入任何数据。请让下级重新导出。',
    transferPasswordShort: '传输密码至少 8 个字符。',
  },
  consolidation: {
    notPackage: '这个文件不是网络账号报备台账的上报数据包，请选择下级导出的 .json 数据包。',
    tooLarge: (max: number) => `数据包超过 ${Math.round(max / 1024 / 1024)} MB，不能导入。请让下级按下级党组织分别导出后再导入。`,
    empty: '数据包是空文件，请让下级重新导出。',
    notUtf8: '数据包不是 UTF-8 文本，可能已损坏或不是本软件导出的数据包。',
    truncated: '数据包不完整（文件被截断），可能拷贝时中断了。请重新拷贝，或让下级重新导出。',
    tooDeep: '数据包的层次结构异常，不是本软件导出的数据包，已拒绝导入。',
    malformed: (where: string) => `数据包内容不符合格式（${where}），可能被改动过。请让下级重新导出。`,
    counts: (section: string) => `数据包中“${PACKAGE_SECTIONS[section] ?? section}”的条数与其声明的数量不符，可能被改动过。请让下级重新导出。`,
    ownRegister: '这是本台账自己导出的数据包，不能作为下级的上报数据导入。',
    mappingRequired: (name: string) => `请先确认“${name}”对应本台账中的哪个党组织，再导入。`,
    mappingIsOwnTop: '下级的数据包不能对应到本台账的最上级党组织，请选择它对应的下级党组织。',
    alreadyImported: '这个数据包已经导入过，无需重复导入。',
    replaceConfirm: (org: string, period: string, at: string) =>
      `“${org}”已有${period}的数据包（${at} 导入）。导入新数据包将替换它（旧数据包留作历史记录），请确认替换后再导入。`,
    olderThanCurrent: (at: string) => `这个数据包生成于 ${at}，早于已导入的同期数据包，不能用旧数据包替换新数据包。`,
    notFound: '找不到这份上报数据，可能已被其他操作更改，请刷新后重试。',
    periodRequired: '请填写期间名称（如：2026年度）。',
    reminderTitle: '下级数据包催报名单',
    /** 来源 of a consolidated report row: which sub-unit's package, for which period. */
    rowSource: (source: string, period: string) => `数据包：${source}，${period}`,
    /** 来源 of a row counted from this register itself, in a report that also holds packages. */
    ownSource: '本台账',
    /** After the period in the subtitle of a 统计表/明细表 that includes the sub-units' packages. */
    reportIncludes: (period: string) => `（含下级${period}上报数据包）`,
  },
  consolidationCli: {
    noFile: (file: string) => `找不到文件“${file}”，请核对路径。`,
    basis: MAPPING_BASIS,
    inspected: (p: { source: { fullName: string; code: string }; period: { label: string }; counts: Record<string, number>; mapping: { organizationName: string; basis: string } | null; current: { importedAt: string } | null }) =>
      `数据包校验通过：来源“${p.source.fullName}”（其组织代码 ${p.source.code}），期间 ${p.period.label}；` +
      `党组织 ${p.counts.organizations} 个，党员 ${p.counts.members} 名，网络账号 ${p.counts.accounts} 个。\n` +
      (p.mapping ? `建议对应本台账的“${p.mapping.organizationName}”（${MAPPING_BASIS[p.mapping.basis]}）。` : '本台账中没有可建议的对应党组织，请用 --org 组织代码 指定。') +
      (p.current ? `\n该党组织已有同期数据包（${p.current.importedAt} 导入），导入将替换它（需加 --yes）。` : '') +
      '\n（试导入，未做任何更改）',
    confirmMapping: (source: string, mapping: { organizationName: string; basis: string } | null) =>
      mapping
        ? `数据包来源“${source}”建议对应本台账的“${mapping.organizationName}”（${MAPPING_BASIS[mapping.basis]}）。确认请加 --yes，或用 --org 组织代码 指定其他党组织。未做任何更改。`
        : `本台账中找不到与“${source}”对应的党组织（不按组织代码匹配）。请用 --org 组织代码 指定。未做任何更改。`,
    imported: (s: { organizationName: string; period: { label: string }; source: { fullName: string }; counts: Record<string, number> }, c: { added: number; closed: number; stateChanged: number; removed: number; replaced: number | null }) =>
      `已导入：“${s.source.fullName}”的${s.period.label}数据包，作为“${s.organizationName}”的上报数据；` +
      `党组织 ${s.counts.organizations} 个，党员 ${s.counts.members} 名，网络账号 ${s.counts.accounts} 个。` +
      `与上次上报相比：新增 ${c.added} 个，注销 ${c.closed} 个，状态变化 ${c.stateChanged} 个，不再上报 ${c.removed} 个。` +
      (c.replaced ? '原同期数据包已替换（留作历史记录）。' : ''),
    missing: (l: { period: string; organizationName: string; expected: { code: string; fullName: string; submissionId: number | null }[]; missing: number }) =>
      [`${l.organizationName} ${l.period}：应报 ${l.expected.length} 个，已报 ${l.expected.length - l.missing} 个，未报 ${l.missing} 个。`,
        ...l.expected.map((e) => `${e.submissionId === null ? '未报' : '已报'}\t${e.code}\t${e.fullName}`)].join('\n'),
    periodMissing: '请用 --period 指定期间（如：--period 2026年度）。',
    fileMissing: '请指定要导入的数据包文件：netledger import package 文件.json',
    transferPasswordNeeded: '需要传输密码：请用 --transfer-password 或环境变量 NETLEDGER_TRANSFER_PASSWORD 提供，或在终端中运行以便输入。',
    transferPasswordPrompt: '传输密码（与上级约定）：',
    transferPasswordAgain: '再次输入传输密码：',
  },
  files: {
    diskFull: (folder: string) => `磁盘已满：文件夹“${folder}”所在的磁盘没有空间了，没有生成文件。请删除不需要的文件腾出空间，或换一个磁盘（如U盘）保存后重试。`,
    readOnly: (folder: string) => `文件夹“${folder}”不能写入（只读，或没有写入权限），没有生成文件。请换一个文件夹保存，或请管理员开放该文件夹的写入权限。`,
    noFolder: (folder: string) => `文件夹“${folder}”不存在，没有生成文件。请先建好这个文件夹，或换一个已有的文件夹保存。`,
    isFolder: (file: string) => `“${file}”是一个文件夹，不能用作文件名，没有生成文件。请换一个文件名。`,
    notFolder: (folder: string) => `保存位置“${folder}”中有一段是文件而不是文件夹，没有生成文件。请换一个文件夹保存。`,
    tooLong: (folder: string) => `文件名或路径太长（文件夹“${folder}”），没有生成文件。请换一个较短的文件名，或保存到层级较浅的文件夹。`,
    writeFailed: (folder: string) => `写入文件夹“${folder}”时出错，没有生成文件。请检查磁盘或U盘是否连接正常，或换一个文件夹保存后重试。`,
  },
  settings: {
    duplicatePlatform: (p: string) => `平台“${p}”重复了。`,
    platformInUse: (p: string, n: number) => `平台“${p}”下还有 ${n} 个账号，不能从列表中删除。`,
  },
  search: {
    badCursor: '翻页位置无效，请重新查询。',
  },
  api: {
    unknownCall: (name: string) => `不支持的操作“${name}”。请升级或重新安装本软件。`,
    invalidInput: '填写的内容有误，请按提示修改。',
    internal: '操作没有完成，发生了意外错误。数据没有被更改。请重试；如果反复出现，请备份数据后联系技术支持。',
    unauthorized: '访问被拒绝：缺少或错误的访问令牌。请使用启动时显示的完整地址打开。',
    foreignHost: '访问被拒绝：只允许从本机地址访问。',
    badRequest: '请求格式不正确。',
  },
  desktop: {
    unchosenSavePath:
      '没有保存：这个保存位置不是在本窗口的“保存”对话框中选择的（每次选择只能用一次）。请重新点“导出”，在弹出的对话框中选择保存位置。',
  },
  /** What the contract says about a field before any service sees it. */
  input: {
    unsafeChar: (label: string, position: number) => `${label}中含有不可见的控制字符（位置 ${position}），请删除后重新输入。`,
    required: (label: string) => `请填写${label}。`,
    tooLong: (max: number) => `不能超过 ${max} 个字。`,
    idMissing: '缺少编号。',
    idPositive: '编号应为正整数。',
    intRange: (label: string, min: number, max: number) => `${label}应为 ${min} 至 ${max} 之间的整数。`,
    base64: '附件内容不是完整有效的 Base64 编码，文件可能在传送中损坏。请重新选择文件上传。',
  },
  /** A scanned form refused for its content. */
  scan: {
    empty: '所选文件是空的（0 字节），请选择扫描件文件。',
    incomplete: (kind: string) => `这个 ${kind} 文件不完整或结构有误（可能没有传完或已损坏），请重新扫描或重新导出后再上传。`,
    foreignContent: '这个文件末尾夹带了压缩包或网页代码，不是单纯的扫描件，不能保存。请用扫描仪或“打印为 PDF”重新生成文件后上传。',
  },
  /** Browser mode's own refusals (before any call runs) and its file downloads. */
  http: {
    badAddress: '地址格式不正确，无法打开。请使用启动时显示的地址，从首页进入。',
    notUtf8: '提交的内容不是有效的 UTF-8 文本，没有被接收，数据没有被更改。请刷新页面后重试。',
    bodyTooLarge: (mb: number) => `提交的内容超过 ${mb} MB，没有被接收，数据没有被更改。附件请不要超过 20 MB，压缩或拆分后重试。`,
    exportGone: '导出的文件已不存在（可能已被删除或清理）。请重新导出。',
    pageNotBuilt: '界面文件尚未构建，请先运行 npm run build。',
  },
  db: {
    tooNew: (v: { found: number; known: number; app: string; writtenBy: string | null }) =>
      `这个数据文件由更新版本的软件写入（${v.writtenBy ? `软件版本 ${v.writtenBy}，` : ''}数据版本 ${v.found}），` +
      `本软件（版本 ${v.app}）只能打开数据版本 ${v.known} 及以前的数据文件。为保护数据，本软件不会打开它，文件保持原样。` +
      `请安装${v.writtenBy ? ` ${v.writtenBy} 或` : ''}更新版本的软件后再打开。`,
    upgradeBackupFailed: (from: number, to: number) =>
      `数据文件需要从数据版本 ${from} 升级到 ${to}，但升级前的备份没能写入数据文件夹的 backups/（磁盘已满或没有写入权限？）。` +
      `为保护数据，没有升级，文件保持原样。请腾出空间或检查权限后重新打开。`,
    migrationFailed: (name: string) => `升级数据结构“${name}”时失败，数据已恢复到升级前的状态。`,
    foreignFile: '这个文件不是本软件的数据文件，不能打开。',
  },
  verify: {
    auditChain: (b: { kind: 'edited' | 'unlinked'; id: number } | { kind: 'truncated'; expected: number; found: number }) => {
      if (b.kind === 'truncated') return `操作记录被截短：应有 ${b.expected} 条，只找到 ${b.found} 条（末尾的记录被删除）。`;
      return b.kind === 'edited'
        ? `操作记录被改动：第 ${b.id} 条的内容与记录时不同（操作记录链从这一条起断开）。`
        : `操作记录不连续：第 ${b.id} 条之前的记录被删除、插入或替换（操作记录链从这一条起断开）。`;
    },
    noDatabase: (file: string) => `找不到数据文件 ${file}。`,
    unreadable: (file: string) => `${file} 不是本软件的数据文件，或已严重损坏，无法打开。`,
    tooNew: (found: number, known: number) => `数据版本 ${found} 比本软件认识的 ${known} 更新：请先升级软件。`,
    foreignFile: '这个文件不是本软件的数据文件。',
    integrity: (detail: string) => `数据文件内部结构损坏：${detail}`,
    indexCount: (index: string, entries: number, table: string, rows: number) => `索引 ${index} 有 ${entries} 条，它的表 ${table} 有 ${rows} 行`,
    foreignKeys: (n: number, tables: string) => `有 ${n} 条记录引用了不存在的记录（foreign_key_check，涉及：${tables}）。`,
    attachmentPath: (stored: string) => `附件记录的存放位置“${stored}”不合规，可能被改动过。`,
    attachmentMissing: (stored: string) => `缺少附件文件 attachments/${stored}。`,
    attachmentCorrupt: (stored: string) => `附件文件 attachments/${stored} 的校验值（SHA-256）不符，文件已损坏或被替换。`,
    leftover: (file: string) => `发现中断留下的临时文件 ${file}（.part），它不是有效数据。确认没有备份、恢复或导出正在进行后，可以删除它。`,
  },
  backup: {
    exists: (target: string) => `${target} 已经存在，备份不会覆盖已有文件。请换一个位置。`,
    failed: (reason: string) => `备份失败，没有留下备份文件：${reason}`,
    notVerified: (problems: string) => `备份写好后检查未通过，已删除这份备份。请运行 netledger check 检查数据文件夹，处理后再备份。问题：${problems}`,
    notFound: (name: string) => `找不到备份“${name}”，可能已被移走或删除。请刷新列表。`,
  },
  restore: {
    notFound: (source: string) => `找不到要恢复的备份 ${source}。`,
    refused: (problems: string) => `这份备份未通过检查，没有做任何更改，当前数据保持原样。问题：${problems}`,
    inUse: '数据文件正被其他程序（例如本软件的另一个窗口或浏览器模式）使用。请先关闭它们，再恢复。当前数据没有被更改。',
    jobsRunning: '有导出或备份正在进行。请等它完成（或取消）后再恢复。当前数据没有被更改。',
    unavailable: '当前运行方式不能恢复备份。请关闭本软件，在命令行运行 netledger restore 备份位置。',
    failed: (reason: string, kept: string | null) =>
      `恢复没有完成（${reason}）。数据文件仍可打开，请运行 netledger check 查看。` + (kept ? `恢复前的数据已完整保存在 ${kept}，需要时可以用 netledger restore 恢复它。` : ''),
    reopenProblems: (problems: string) => `已恢复，但重新打开后的检查发现问题：${problems}`,
    chooseBackup: '请选择要恢复的备份。',
    confirmFirst: '恢复会替换当前数据，请先确认。',
  },
  check: {
    ok: (attachments: number) => `检查通过：数据文件完整，外键一致，${attachments} 个附件文件齐全且校验值相符，没有遗留的临时文件。`,
    failed: (n: number) => `检查发现 ${n} 个问题：`,
  },
  about: {
    title: '关于网络账号报备台账',
    /** `netledger --version` and 帮助 → 关于: what support asks for first. */
    text: (v: { version: string; buildDate: string | null; schemaVersion: number; sqliteVersion: string; electronVersion?: string }) =>
      [
        `网络账号报备台账 ${v.version}`,
        `构建日期：${v.buildDate ? v.buildDate.slice(0, 10) : '未打包（从源代码运行）'}`,
        `数据版本：${v.schemaVersion}`,
        `SQLite：${v.sqliteVersion}`,
        ...(v.electronVersion ? [`Electron：${v.electronVersion}`] : []),
      ].join('\n'),
  },
  cli: {
    usage: `用法：netledger <命令> [选项]

命令：
  init [--admin 姓名]      新建（或升级）数据文件；第一次运行时建立管理员（默认名“管理员”）并显示恢复码
  demo [--members N] [--seed S]  填入虚构的示例数据（仅用于空数据文件）
  serve [--port P]         以浏览器模式启动，打印访问地址
  orgs [--json]            列出党组织树
  stats --json             各数据表的行数，及各报备状态的账号数
  report <报表> --out 文件.xlsx [--org 组织代码] [--from 日期] [--to 日期] [--campaign 核查编号] [--listing needed|all|closed] [--date 填报日期]
         [--with-submissions 期间] [--template 模板名称] [--days N]
                           导出报表：summary 统计表、detail 明细表、commendations 表彰激励和保护支持情况表、
                           requests 发布信息请示登记表、campaign 年度报备核查完成情况表、chase 催报名单；
                           --with-submissions：统计表、明细表同时汇总下级该期间已导入的上报数据包，逐行注明来源；
                           --template：明细表按已保存的模板选列、排序、命名（含是否打印完整身份证号）；
                           --days：催报名单“即将到期”的天数（默认 7）
  export-package --period 期间 --out 文件.json [--org 组织代码] [--from 日期] [--to 日期] [--protect | --transfer-password 密码] [--whole-id-numbers]
                           导出上报数据包（供上级党组织导入汇总）；默认身份证号打码，--whole-id-numbers 写完整号码（限可查看完整号码的角色）；
                           --protect 在终端输入与上级约定的传输密码加密数据包（脚本可用 --transfer-password 或环境变量 NETLEDGER_TRANSFER_PASSWORD）
  backup [--out 文件夹]     把数据和附件完整备份为一个文件夹（默认放在数据文件夹的 backups/ 中），写完后检查
  restore 备份 [--yes]      用备份（备份文件夹或 .sqlite3 文件）替换当前数据；先检查备份，当前数据留存在 replaced/ 中
  check [--json]           检查数据文件、外键、附件文件及其校验值、遗留的临时文件；有问题时退出码为 1
  import package 文件.json [--dry-run] [--org 组织代码] [--yes] [--json] [--transfer-password 密码]
                           导入下级的上报数据包（汇总上报）：--dry-run 只校验和显示；--org 指定或 --yes 确认对应的党组织；
                           替换同期已导入的数据包也需 --yes。退出码 0 已导入，1 被拒绝（未做更改），2 命令行有误
  missing --period 期间 [--org 组织代码] [--out 文件.xlsx] [--json]
                           列出（或导出催报名单）尚未报送该期间数据包的直属下级党组织
  import <members|accounts> 文件.xlsx|.csv [--dry-run] [--errors 错误清单.xlsx] [--valid-only] [--update] [--org 组织代码] [--json]
                           导入党员名册或网络账号：--dry-run 只预览不更改；默认全部无误才导入，--valid-only 只导入无误的行；
                           --update 更新身份证号（账号）已登记的行（默认跳过）；--org 为没有“所在党组织”列的表格指定党组织
  template <members|accounts> --out 文件.xlsx
                           导出导入模板（含填写说明和下拉选项）

通用选项：
  --data-dir 目录          数据文件夹（默认 ./netledger-data）
  --version                显示软件版本、数据版本和 SQLite 版本`,
    unknownCommand: (c: string) => `未知命令“${c}”。运行 netledger --help 查看用法。`,
    badNumber: (flag: string) => `选项 ${flag} 需要一个正整数。`,
    missingValue: (flag: string) => `选项 ${flag} 缺少取值。`,
    unknownOption: (flag: string) => `未知选项 ${flag}。`,
    demoNotEmpty: '数据文件中已有党组织或党员，示例数据只能填入空数据文件。请换一个 --data-dir。',
    demoDone: (r: { organizations: number; members: number; accounts: number; filings: number; requests: number; commendations: number; protectionCases: number; declarations: number }) =>
      `已生成示例数据：${r.organizations} 个党组织，${r.members} 名党员，${r.accounts} 个网络账号，${r.filings} 条报备记录，` +
      `${r.requests} 条发布请示，${r.commendations} 项表彰，${r.protectionCases} 个保护支持事项，年度核查已有 ${r.declarations} 人回复。`,
    initDone: (dir: string) => `数据文件已就绪：${dir}`,
    reportKindMissing: '请指定报表：summary、detail、commendations、requests、campaign、chase（催报名单）或 handover（工作交接清单）。',
    unknownOrgCode: (code: string) => `找不到组织代码为“${code}”的党组织。运行 netledger orgs 查看组织代码。`,
    exported: (file: string, rows: number) => `已导出：${file}（${rows} 行）`,
    backedUp: (file: string) => `已备份：${file}`,
    outNotFolder: (out: string) => `--out 应是一个已有的文件夹（备份会放在其中的新文件夹里）：${out}`,
    restoreSourceMissing: '请指定要恢复的备份：netledger restore 备份文件夹 [--yes]。',
    restoreNeedsYes: '恢复会替换当前数据，需要确认。请在终端中运行并按提示确认，或加 --yes 表示已确认。',
    restorePlan: (p: { source: string; current: { file: string; sizeBytes: number; modifiedAt: string } | null; keepAs: string }) =>
      `将用备份 ${p.source} 替换当前数据。\n` +
      (p.current
        ? `当前数据 ${p.current.file}（${(p.current.sizeBytes / 1024 / 1024).toFixed(1)} MB，最后修改于 ${new Date(p.current.modifiedAt).toLocaleString('zh-CN', { hour12: false })}）及其附件将完整保存到 ${p.keepAs}。`
        : '数据文件夹中还没有数据，不需要留存。'),
    restoreConfirm: '确定要恢复吗？输入 yes（或“是”）确认，其他输入取消：',
    restoreCancelled: '已取消，没有做任何更改。',
    restored: (source: string, kept: string | null) => `已恢复：${source}。` + (kept ? `原来的数据保存在 ${kept}。` : ''),
    importKind: '请指定导入或模板的种类：members（党员名册）或 accounts（网络账号）；下级的上报数据包用 netledger import package 文件.json。',
    importFile: '请指定要导入的文件（.xlsx 或 .csv）。',
    importUnreadable: (file: string) => `无法读取文件“${file}”，请检查路径是否正确。`,
    importRow: (row: number, label: string, problems: string) => `第 ${row} 行（${label}）：${problems}`,
    importCounts: (o: { mode: 'preview' | 'run'; imported: boolean; counts: { rows: number; add: number; update: number; unchanged: number; skip: number; refused: number } }) =>
      `${o.mode === 'preview' ? '预览（未更改数据）' : o.imported ? '已导入' : '未导入（数据没有被更改）'}：共 ${o.counts.rows} 行，新增 ${o.counts.add}，更新 ${o.counts.update}，` +
      `未变 ${o.counts.unchanged}，跳过 ${o.counts.skip}，有问题 ${o.counts.refused}` +
      (o.mode === 'run' && !o.imported && o.counts.refused ? '。请改正有问题的行后重新导入，或加 --valid-only 只导入无误的行。' : '。'),
    importErrors: (file: string) => `有问题的行已写入错误清单：${file}`,
    templateDone: (file: string) => `已导出模板：${file}`,
    serving: (url: string) => `浏览器模式已启动，请在本机浏览器打开：\n${url}\n按 Ctrl+C 停止。`,
  },
  /** Importing members and accounts from spreadsheets: the file, its header, and each row's problems. */
  imports: {
    empty: '所选文件是空的（0 字节），请选择要导入的表格文件。',
    tooLarge: (bytes: number) => `文件超过 ${bytes / 1024 / 1024} MB，不能导入。请拆分成几个文件后分别导入。`,
    extension: '只能导入 .xlsx 或 .csv 文件。请在 WPS/Excel 中另存为 .xlsx 后再导入。',
    oldFormat: '这是旧版 .xls 或 WPS .et 格式的文件，不能直接导入。请在 WPS/Excel 中另存为 .xlsx 后再导入。',
    encrypted: '这个工作簿设置了打开密码（已加密），无法读取。请在 WPS/Excel 中取消密码，另存为 .xlsx 后再导入。',
    notWorkbook: '这个文件不是 Excel 工作簿（.xlsx），可能只是改了扩展名或已损坏。请在 WPS/Excel 中打开后另存为 .xlsx 再导入。',
    workbookAsCsv: '这个文件实际上是 Excel 工作簿，但扩展名是 .csv。请把扩展名改回 .xlsx 后再导入。',
    notText: '这个 .csv 文件里有不是文字的内容，可能不是表格文件或已损坏。请在 WPS/Excel 中另存为 .xlsx 后再导入。',
    truncated: '文件不完整或已损坏（可能复制或下载时中断）。请重新复制一份原文件，或在 WPS/Excel 中打开后另存为 .xlsx 再导入。',
    tooManyEntries: (n: number, max: number) => `这个工作簿由 ${n} 个部分组成（正常的表格不超过 ${max} 个），不像是普通的表格，已拒绝导入。请在 WPS/Excel 中把数据复制到新工作簿，另存为 .xlsx 后再导入。`,
    tooLargeUnpacked: (bytes: number) => `这个工作簿解压后超过 ${Math.round(bytes / 1024 / 1024)} MB，不像是普通的表格，已拒绝导入。请拆分成几个文件后分别导入。`,
    bomb: '这个工作簿解压后的实际大小与它声明的不符（可能是恶意构造的文件），已拒绝导入，没有做任何更改。',
    doctype: '这个工作簿中含有 DOCTYPE/实体声明（正常的 WPS/Excel 文件不会有），为安全起见已拒绝导入。请在 WPS/Excel 中把数据复制到新工作簿，另存为 .xlsx 后再导入。',
    dimension: (ref: string, rows: number, columns: number) => `工作表声明的范围到 ${ref}，超出可导入的范围（最多 ${rows} 行、${columns} 列）。请只保留需要导入的数据，复制到新工作簿另存后再导入。`,
    tooManyRows: (max: number) => `表格超过 ${max} 行，不能一次导入。请拆分成几个文件后分别导入。`,
    tooManyColumns: (max: number) => `表格超过 ${max} 列，不像是党员或账号名册。请删除多余的列后再导入。`,
    unreadable: '无法读取这个工作簿的内容（文件结构有误）。请在 WPS/Excel 中打开后另存为 .xlsx 再导入。',
    noSheet: '工作簿中没有可导入的工作表（只有“填写说明”之类的说明页）。',
    missingColumns: (labels: string[]) => `找不到“${labels.join('”“')}”列。请在导入页面的“列对应”中为它们选择表格中的列，或在表格中把列名改为模板中的名称。`,
    organizationNeeded: '表格中没有“所在党组织”列。请选择这些党员所在的党组织，或在表格中加上这一列。',
    noRows: '表头下面没有数据行，没有可导入的内容。',
    cancelled: '导入已取消，数据没有被更改。',
    failed: '导入没有完成，数据没有被更改。请重试；如果反复出现，请把文件另存为 .xlsx 后再试。',
    timeout: (seconds: number) => `读取文件超过 ${seconds / 60} 分钟仍未完成，已停止，数据没有被更改。请拆分成几个较小的文件后分别导入。`,
    outOfMemory: '这个文件太大或结构异常，读取时超出了内存限制，已停止，数据没有被更改。请拆分成几个较小的文件后分别导入。',
    uploadGone: '要导入的文件已不在了（可能软件重新启动过）。请重新选择文件。',
    notXlsx: '错误清单和模板的文件名应以 .xlsx 结尾。',
    rowLabel: (row: number) => `第 ${row} 行`,
    errorSheet: '未导入的行',
    errorColumn: '错误说明',
    rowColumn: '原行号',
    fileTitle: { members: '党员名册导入错误清单', accounts: '网络账号导入错误清单' },
    auditSummary: (kind: 'members' | 'accounts', file: string, c: { add: number; update: number; unchanged: number; skip: number; refused: number }) =>
      `导入${kind === 'members' ? '党员' : '网络账号'}：${file}（新增 ${c.add}，更新 ${c.update}，未变 ${c.unchanged}，跳过 ${c.skip}，未导入 ${c.refused}）`,
    problem: {
      idAsNumber: '身份证号在表格里是“数字”格式（显示成 3.2E+17 之类），第15位以后的数字已经丢失，无法恢复。',
      date: '日期看不懂。',
      count: '粉丝数或群成员数应为整数。',
      choice: (text: string) => `“${text}”不是可选的值。`,
      organization: (text: string) => `找不到党组织“${text}”（按组织代码、全称或唯一的简称查找）。`,
      noOrganization: '没有填写所在党组织。',
      repeatedInFile: (row: number) => `与本文件第 ${row} 行重复。`,
      ownerUnknown: (id: string) => `身份证号为 ${id} 的党员不在名册中。`,
      ownerName: (given: string, registered: string) => `姓名“${given}”与名册中该身份证号的姓名“${registered}”不一致。`,
      noFilingNeeded: '按本单位的报备规则，这个账号无需报告或备案，不能填写报备状态。',
      filedBeforeOpened: '报备日期早于开设时间。',
    },
    suggest: {
      idAsNumber: '请在 WPS/Excel 中选中这一列，设置单元格格式为“文本”，再从原始资料重新粘贴身份证号后导入。',
      date: '请写成 2019-04-12、2019/4/12、2019.04.12、2019年4月12日 或 201904。',
      count: '请填写整数，如 12000 或 1.2万。',
      choice: (values: string[]) => `请填写：${values.join('、')}。`,
      organization: '请填写组织代码或党组织全称（与“党组织”页面一致），或在导入时选择所在党组织。',
      repeatedInFile: '请删除重复的一行，或核对是否录错。',
      ownerUnknown: '请先导入或登记这名党员，再导入其账号。',
      ownerName: '请核对身份证号和姓名。',
      noFilingNeeded: '请清空报备状态，或核对开设身份、类型和粉丝数。',
      fix: '请按提示修改后重新导入。',
    },
    template: {
      sheet: { members: '党员名册', accounts: '网络账号' },
      notesSheet: '填写说明',
      listsSheet: '选项',
      choiceTitle: '请从下拉列表中选择',
      choiceError: '请从下拉列表中选择，不要自行填写其他内容。',
      notes: {
        members: [
          '党员名册导入模板 — 填写说明',
          '1. 每行一名党员；第一行是表头，请不要修改列名。标为橙色的列必须填写。',
          '2. 身份证号列已设为“文本”格式：请直接粘贴18位号码，不要改成数字格式，否则后几位会丢失。',
          '3. 所在党组织：从下拉列表选择党组织全称，也可以填写组织代码；不填时，导入时可统一选择一个党组织。',
          '4. 日期可写成 2019-04-12、2019/4/12、2019.04.12、2019年4月12日 或 201904。',
          '5. 职务层次、党籍状态请从下拉列表中选择。',
          '6. 导入前会先预览：列出将新增、更新、未变和有问题的行；有问题的行可以导出为错误清单，改好后再导入。',
        ],
        accounts: [
          '网络账号导入模板 — 填写说明',
          '1. 每行一个账号或群组；第一行是表头，请不要修改列名。标为橙色的列必须填写。',
          '2. 开设人按身份证号对应名册中的党员，请先导入党员名册。身份证号、账号ID列已设为“文本”格式。',
          '3. 平台、境内/境外、开设身份、类型请从下拉列表中选择；平台列表来自本单位的报备规则。',
          '4. 日期可写成 2019-04-12、2019/4/12、2019.04.12、2019年4月12日 或 201904；粉丝数可写 12000 或 1.2万。',
          '5. 同一党员在同一平台、名称或账号ID相同的账号视为同一账号：导入时可选择更新或跳过。',
          '6. 报备状态、报备日期：已经报告或备案过的新账号，填“已登记”（或“待审核”）和日期，导入时一并登记；已在台账中的账号不改动其报备记录。',
        ],
      },
    },
  },
  operators: operatorMessages,
  paper: paperMessages,
  handover: handoverMessages,
  crypt: cryptMessages,
  audit: {
    actions: {
      create: '新建',
      update: '修改',
      move: '转移',
      status: '状态变更',
      delete: '删除',
      reorder: '调整排序',
      close: '注销',
      submit: '提交报备',
      review: '审核',
      resubmit: '重新提交',
      attach: '添加附件',
      decide: '审批',
      publish: '登记发布',
      withdraw: '撤销',
      measure: '采取措施',
      declare: '核查登记',
      import: '导入',
      signIn: '登录',
      signInFailed: '登录失败',
      signOut: '退出登录',
      recover: '恢复码重设密码',
      handover: '移交',
      leave: '离开（转出/退休/去世）',
    },
  },
} as const;
