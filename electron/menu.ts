import type { MenuItemConstructorOptions } from 'electron';

/** A Chinese menu with what an office user looks for; no "reload from web" or developer entries when packaged. */
export function menuTemplate(packaged: boolean, showAbout: () => void): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  if (!packaged) view.push({ type: 'separator' }, { role: 'reload', label: '重新载入' }, { role: 'toggleDevTools', label: '开发者工具' });
  return [
    { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图', submenu: view },
    { label: '窗口', submenu: [{ role: 'minimize', label: '最小化' }, { role: 'close', label: '关闭窗口' }] },
    { label: '帮助', submenu: [{ label: '关于', click: showAbout }] },
  ];
}
