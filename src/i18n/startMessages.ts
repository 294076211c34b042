/** What `npm start` tells the person who ran it. */
export const startMsg = {
  noElectron:
    '未找到 Electron 运行环境（安装时没有下载它，本机也无法联网下载），改用浏览器模式启动。\n' +
    '如需桌面窗口：在能联网的电脑上运行 node node_modules/electron/install.js 后再运行 npm start。',
  buildFailed: '界面构建失败，请查看上面的错误信息后重试（npm run build）。',
  nativeMissing: (version: string, command: string) =>
    `还没有为 Electron ${version} 编译数据库组件 better-sqlite3，改用浏览器模式启动。\n` +
    `如需桌面窗口：按 README“Desktop (Electron)”一节准备 Electron ${version} 的头文件和 C++ 编译器，运行 ${command} 后再运行 npm start。`,
  recomputing: '升级后首次打开：正在按新版本重新计算各时期的统计数字，数据较多时可能需要一分钟左右，请稍候……',
  fillingDemo: (n: number) => `首次启动：正在生成虚构的示例数据（${n} 名党员），便于熟悉界面……`,
  browserReady: (url: string, dataDir: string) =>
    `\n网络账号报备台账已在浏览器模式下启动。\n请用本机浏览器打开：${url}\n数据文件夹：${dataDir}\n按 Ctrl+C 停止。\n`,
};

/** What `npm run build:electron-native` tells the person who ran it. */
export const nativeMsg = {
  needHeaders: (version: string, env: string) =>
    `缺少 Electron ${version} 的头文件。请先把头文件包（node-v${version}-headers.tar.gz）解压到本机某个文件夹，` +
    `再用 --headers 文件夹 或环境变量 ${env} 指明该文件夹。本命令不会联网下载任何东西。`,
  notHeaders: (dir: string, version: string) =>
    `文件夹“${dir}”里没有 Electron 头文件（应有 include/node/node.h）。请指向 Electron ${version} 头文件包解压后的文件夹。`,
  noNodeGyp: '找不到 node-gyp。请用 npm run build:electron-native 运行本命令（npm 自带 node-gyp）。',
  failed: '编译 better-sqlite3 失败，请查看上面的编译器输出：通常是缺少 C++ 编译器或 Python 3，或头文件与 Electron 版本不符。',
  done: (file: string) => `已为 Electron 编译好数据库组件：${file}\n现在可以运行 npm start 打开桌面窗口。`,
};
