/** Messages of encryption at rest: opening the encrypted register, its backups, and the command line's password. */
export const cryptMessages = {
  /** Every call but sign-in while the register is still closed (encrypted, nobody has signed in since the start). */
  sealed: '台账已加密，请先用操作员姓名和密码登录（或用恢复码重设管理员密码）后再操作。',
  /** The command line: the password (or operator name) did not open the register; nothing was changed. */
  wrongPassword: '密码不正确，或该操作员不能打开这个台账：台账是加密的，没有打开，也没有做任何改动。',
  /** A backup is opened with the passwords of its own day (its keys.json), or the recovery code. */
  restoreWrongPassword: '密码不正确，不能打开这个备份：加密的备份只能用备份时操作员的密码或恢复码打开。没有做任何改动。',
  /** First start encrypted what it could; the register itself is finished at the next sign-in. */
  /** keys.json cannot be read: every backup folder holds a copy of its day. */
  keysDamaged: '数据文件夹里的 keys.json（台账的钥匙文件）已损坏，台账无法解密，也没有做任何改动。请把最近一次备份文件夹（backups 下）里的 keys.json 复制到数据文件夹，替换损坏的文件，再用备份当天的密码或恢复码登录。',
  /** An encrypted register without its keys.json. */
  keysMissing: '台账是加密的，但数据文件夹里缺少 keys.json（台账的钥匙文件），无法解密，也没有做任何改动。请把最近一次备份文件夹（backups 下）里的 keys.json 复制到数据文件夹，再用备份当天的密码或恢复码登录。',
  /** A register of an earlier release, not yet encrypted: only an administrator's sign-in encrypts it. */
  adminFirst: '台账还没有加密。请先由管理员登录一次：登录时会加密台账并显示新的恢复码，之后各操作员仍用自己的密码登录。',
  inUse: '台账正被另一个窗口或命令打开，暂时不能完成加密。请关闭其他窗口或命令后重新登录，登录时会自动完成加密。',
  /** Another window or command has been encrypting the register for longer than a sign-in waits. */
  encryptingElsewhere: '另一个窗口或命令正在加密这个台账，请稍等一两分钟后重新登录。没有做任何改动。',
  /** Another window or command encrypted it while this one waited, and this password is not among its keys. */
  encryptedMeanwhile: '台账刚刚被另一个窗口或命令加密，请重新登录（用同一个密码）。',
  /** Checked before anything is written: the backup, the encrypted copy and its journal need about 3× the register. */
  noSpace: (neededMb: number, freeMb: number) =>
    `磁盘空间不足，台账没有加密：加密需要约 ${neededMb} MB 可用空间（先备份，再做加密副本），数据文件夹所在的磁盘只剩 ${freeMb} MB。请删除不需要的文件腾出空间后重新登录，登录时会加密。`,
  /** The disk filled up part way (another program wrote meanwhile): what is done stays, the rest at the next sign-in. */
  diskFullDuring:
    '磁盘已满，台账加密没有完成。台账里的数据都在，没有丢失：已加密的部分和还没加密的台账都完好。请删除不需要的文件腾出空间后重新登录，登录时会接着完成加密。',
};
