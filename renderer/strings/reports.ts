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
    } as Record<string, string>,
    scope: '报送范围',
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
    listings: {
      needed: '需报告/备案的账号（不含已注销）',
      all: '全部在用账号（含无需报备的）',
      closed: '已注销账号（统计期间内注销的）',
    } as Record<string, string>,
    reportDate: '填报日期',
    reportDateHint: '印在报表“填报日期”处，默认今天。',
    asOf: '账号和报备数字为今天的台账情况；统计期间用于筛选表彰、请示等有日期的记录。',
  },
};

export const backupStrings = {
  nav: { backup: '数据备份' },
  backup: {
    title: '数据备份',
    why: '建议每天备份一次，并定期把备份文件复制到U盘等其他介质保存。',
    restore: (dir: string) =>
      `备份文件保存在数据文件夹的 backups 子文件夹中（${dir}）。恢复方法：关闭本软件，把数据文件夹中的 ledger.sqlite3 改名留存，再把要恢复的备份文件复制为 ledger.sqlite3，然后重新打开本软件。`,
    now: '立即备份',
    done: (name: string) => `已备份：${name}`,
    list: '已有备份',
    file: '备份文件',
    at: '备份时间',
    size: '大小',
    empty: '还没有备份。',
  },
};
