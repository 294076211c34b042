/** What `npm start` tells the person who ran it. */
export const startMsg = {
  noElectron:
    '未找到 Electron 运行环境（安装时没有下载它，本机也无法联网下载），改用浏览器模式启动。\n' +
    '如需桌面窗口：在能联网的电脑上运行 node node_modules/electron/install.js 后再运行 npm start。',
  buildFailed: '界面构建失败，请查看上面的错误信息后重试（npm run build）。',
  nativeBuildFailed: '未能为 Electron 编译数据库组件 better-sqlite3（需要联网下载 Electron 头文件），改用浏览器模式启动。',
  fillingDemo: (n: number) => `首次启动：正在生成虚构的示例数据（${n} 名党员），便于熟悉界面……`,
  browserReady: (url: string, dataDir: string) =>
    `\n网络账号报备台账已在浏览器模式下启动。\n请用本机浏览器打开：${url}\n数据文件夹：${dataDir}\n按 Ctrl+C 停止。\n`,
};
