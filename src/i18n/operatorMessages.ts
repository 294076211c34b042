/** Messages of operators, sign-in and the roles' refusals (part of msg, kept apart so messages.ts stays readable). */
export const operatorMessages = {
  passwordRequired: '请填写密码。',
  passwordTooShort: '密码至少 8 位。',
  signedOut: '请先登录。',
  forbidden: (role: string) => `当前操作员的角色（${role}）不能进行此操作。请由管理员或有相应权限的操作员办理。`,
  adminOnly: '只有管理员可以进行此操作。',
  setupDone: '已有操作员，不能再次初始化。请用已有的操作员登录。',
  badCredentials: '操作员姓名或密码不正确。',
  /** Said before checking the password, so waiting out the delay is the only way to try again. */
  tooSoon: (seconds: number) => `登录失败次数过多，请 ${seconds} 秒后再试。`,
  inactive: '该操作员已停用，请联系管理员。',
  duplicate: (name: string) => `已有名为“${name}”的操作员。`,
  notFound: '找不到该操作员。',
  lastAdmin: '至少要保留一名在用的管理员。',
  recoveryRequired: '请填写恢复码。',
  /** Names neither which part was wrong: the code, or that the name is not an active administrator. */
  recoveryRefused: '恢复码不正确，或该姓名不是在用的管理员。',
  audit: {
    created: (name: string, role: string) => `新建操作员 ${name}（${role}）`,
    updated: (name: string) => `修改操作员 ${name}`,
    setup: (name: string) => `首次启动，建立管理员 ${name}`,
    signIn: (name: string) => `${name} 登录`,
    signInFailed: (name: string, failures: number) => `${name} 登录失败（连续第 ${failures} 次）`,
    signOut: (name: string) => `${name} 退出登录`,
    recovered: (name: string) => `用恢复码重设管理员 ${name} 的密码`,
    encrypted: (name: string) => `管理员 ${name} 登录时加密台账，生成新的恢复码（此前的恢复码作废）`,
    recoveryReissued: (name: string) => `管理员 ${name} 登录，上次的恢复码未确认抄写，生成新的恢复码（此前的恢复码作废）`,
    recoveryCodeSeen: (name: string) => `管理员 ${name} 确认已抄写恢复码`,
    /** Written when the register opens, with the time of the try: before that nothing could be written. */
    signInFailedClosed: (name: string, failures: number) => `${name} 登录失败（连续第 ${failures} 次；当时台账未打开，打开后补记）`,
    closedFailuresUntold: (count: number) => `台账未打开期间另有 ${count} 次登录失败，未逐条记录`,
  },
  cli: {
    passwordPrompt: '密码：',
    passwordAgain: '再次输入密码：',
    passwordsDiffer: '两次输入的密码不一致。',
    needsPassword: '需要登录：请在终端运行，或设置环境变量 NETLEDGER_PASSWORD（以及 NETLEDGER_OPERATOR，默认为第一个管理员）。',
    noOperator: '还没有操作员：请先运行 netledger init 建立管理员。',
    encrypted: (code: string) =>
      `台账原来没有加密，已在这次登录时加密（加密前的备份在 backups 下）。\n新的恢复码（请抄写后妥善保管，忘记管理员密码时用它重设；此前的恢复码作废）：\n  ${code}`,
    newRecoveryCode: (code: string) => `上次显示的恢复码没有确认抄写，已作废。新的恢复码（请抄写后妥善保管，忘记管理员密码时用它重设）：\n  ${code}`,
    copiedPrompt: '抄写好了吗？抄好后输入 y 回车确认（不确认的话，下次管理员登录时会换一个新的恢复码）：',
    codeNotConfirmed: '没有确认抄写：下次管理员在窗口或终端登录时会显示新的恢复码，这一个随之作废。',
    /** Nobody at a terminal (a scheduled task, a log): the only valid code must not go to its output. */
    encryptedCodeLater:
      '台账原来没有加密，已在这次登录时加密（加密前的备份在 backups 下）。此前的恢复码已作废；新的恢复码不在这里显示（这里没有人在终端前，输出可能进了日志），下次管理员在窗口或终端登录时会显示，请届时抄写。',
    codeLater: '上次显示的恢复码没有确认抄写，已作废；新的恢复码不在这里显示（这里没有人在终端前），下次管理员在窗口或终端登录时会显示，请届时抄写。',
    adminCreated: (name: string, code: string) =>
      `已建立管理员“${name}”。\n恢复码（只显示这一次，请抄写后妥善保管，忘记管理员密码时用它重设）：\n  ${code}`,
  },
} as const;
