/** Messages of handover: an account's new holder or administrator, and a member leaving (part of msg). */
export const handoverMessages = {
  nothingChanges: '新的使用人和管理员与现在相同，没有需要移交的内容。',
  sameOwner: '新的使用人就是现在的使用人，请选择另一名党员。',
  beforeOpened: '移交或保留的日期不能早于账号开设日期。',
  beforeLast: (date: string) => `该账号在 ${date} 已有一条移交记录，移交或保留的日期不能早于它。`,
  pendingFiling: '该账号有一条待审核的报备，它是按现在的使用人填报的。请先在“报备审核”中审核（登记或退回），再移交。',
  toLeaver: '不能把账号移交给正在离开的这名党员本人。',
  notLeaving: '离开时的状态应为转出、退休或去世。',
  alreadyLeft: (status: string) => `该党员当前状态为“${status}”，已不在册。`,
  /** The leave must say what becomes of every open account, and only of those. */
  decisionsMissing: (names: string) => `请说明以下账号如何处理（移交、注销或保留）：${names}。`,
  decisionsForeign: '所列账号中有不属于该党员或已注销的账号，请刷新后重试。',
  decisionsDuplicate: '同一账号只能有一种处理方式。',
  openAccounts: (n: number) => `该党员还有 ${n} 个未注销的账号，请在“离开”对话框中逐一说明如何处理。`,
  summary: {
    owner: (from: string, to: string) => `使用人 ${from} → ${to}`,
    administrator: (from: string | null, to: string | null) => `管理员 ${from ?? '（无）'} → ${to ?? '（无）'}`,
    keep: (note: string) => `保留：${note}`,
    leave: (name: string, status: string, handed: number, closed: number, kept: number) =>
      `${name}：在册 → ${status}（账号移交 ${handed} 个、注销 ${closed} 个、保留 ${kept} 个）`,
  },
  report: {
    title: '工作交接清单',
  },
};
