/** Words of the reports page. */
export const reportStrings = {
  nav: { reports: '上报报表' },
  report: {
    title: '上报报表',
    kinds: {
      summary: '统计表',
      detail: '明细表',
      commendations: '表彰激励和保护支持',
      requests: '发布信息请示登记表',
      campaign: '年度核查完成情况表',
      chase: '催报名单',
      handover: '工作交接清单',
    } as Record<string, string>,
    scope: '报送范围',
    defaultScope: '本单位（排在最前的最上级党组织）',
    period: '统计期间',
    campaign: '年度核查',
    preview: '预览（打印效果）',
    previewNote: (shown: number, total: number) => `共 ${total.toLocaleString('zh-CN')} 行，预览前 ${shown} 行；导出的文件含全部内容、小计与合计公式。`,
    unitLine: (unit: string, date: string) => [`填报单位（盖章）：${unit}`, `填报日期：${date}`],
    signature: (s: { leader: string; reviewer: string; preparer: string; phone: string }) =>
      `单位负责人（签字）：${s.leader}　　　　审核人：${s.reviewer}　　　　填表人：${s.preparer}　　　　联系电话：${s.phone}`,
    signatureHint: '签名栏内容在“报备规则”中设置。',
    export: '导出 Excel',
    exportPackage: '导出上报数据包',
    packageTitle: '导出上报数据包',
    defaultPeriod: (year: number) => `${year}年度`,
    packageHelp: '数据包是报表的机读附件（JSON），上级党组织可导入汇总；含期间、来源单位、行数和 SHA-256 校验值。',
    packagePeriod: '期间名称',
    packagePeriodPlaceholder: '如：2026年度',
    packageWholeIds: '写入完整身份证号（默认打码，如 3299**********2258；上级确需核对完整号码时才勾选）',
    packageProtect: '用传输密码加密数据包（密码须事先与上级约定，另行告知，不要与数据包一起发送）',
    packagePassword: '传输密码',
    packagePasswordAgain: '再次输入传输密码',
    packagePasswordShort: '传输密码至少 8 个字符。',
    packagePasswordDiffer: '两次输入的传输密码不一致。',
    progressTitle: '正在导出',
    progress: (done: number, total: number) => `已写入 ${done.toLocaleString('zh-CN')} / ${total.toLocaleString('zh-CN')} 行`,
    cancel: '取消导出',
    saved: (file: string) => `已保存：${file}`,
    downloaded: (name: string) => `已下载：${name}`,
    saveTitle: '保存报表',
    excelFilter: 'Excel 工作簿',
    jsonFilter: '上报数据包',
    empty: '没有数据。',
  },
};

/** The report options added with one set of figures: what the 明细表 lists and the 填报日期. */
export const reportOptionStrings = {
  reportOptions: {
    listing: '明细表范围',
    fullIdNumbers: '完整身份证号（默认隐去中间位数）',
    listings: {
      needed: '需报告/备案的账号（不含已注销）',
      all: '全部在用账号（含无需报备的）',
      closed: '已注销账号（统计期间内注销的）',
    } as Record<string, string>,
    reportDate: '填报日期',
    reportDateHint: '印在报表“填报日期”处，默认今天。',
    asOf: '统计表、明细表按统计期间截止日的台账情况统计（党员状态、账号开设与注销、报备状态和当时适用的报备规则），截止日未选或晚于今天时为今天的情况。',
    consolidated: '汇总下级数据包',
    consolidatedNone: '不汇总（仅本台账）',
    consolidatedHint: '选择期间后，统计表和明细表同时列出下级该期间已导入的上报数据包（汇总上报），逐行注明来源，合计包含它们。',
  },
};

export const backupStrings = {
  nav: { backup: '数据备份' },
  backup: {
    title: '数据备份',
    why: '建议每天备份一次，并定期把备份复制到U盘等其他介质保存。',
    where: (dir: string) =>
      `每份备份是数据文件夹（${dir}）的 backups 子文件夹中的一个文件夹，含数据文件和全部附件，写完后已检查无误；复制时请复制整个文件夹。` +
      '恢复请用列表中的“恢复”，或关闭本软件后在命令行运行 netledger restore 备份文件夹。不要手工复制文件覆盖 ledger.sqlite3：那样可能损坏数据。',
    now: '立即备份',
    done: (name: string) => `已备份：${name}`,
    list: '已有备份',
    file: '备份',
    at: '备份时间',
    size: '大小',
    empty: '还没有备份。',
    actions: '操作',
    restore: '恢复',
    restoreTitle: (name: string) => `用备份“${name}”恢复数据？`,
    restoreContent:
      '这是影响全部数据的管理操作，请由负责数据的同志确认后执行。' +
      '恢复会先检查这份备份；检查通过后，用它替换当前的全部数据和附件，备份之后所做的修改将不在恢复后的数据中。' +
      '当前数据不会丢失：它会连同附件完整保存到数据文件夹的 replaced 子文件夹中（注明日期），需要时可以再恢复。' +
      '操作员和密码也恢复为备份当天的：恢复后请用那时的密码（或恢复码）登录。' +
      '恢复前请等正在进行的导出或备份完成。',
    restoreOk: '恢复',
    restored: (kept: string | null) =>
      kept ? `已恢复。原来的数据保存在 ${kept}。页面将重新载入。` : '已恢复。页面将重新载入。',
  },
};
