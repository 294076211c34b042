/**
 * The name an export is offered under (save dialog, download): 党员干部网络账号报备明细表_中共…委员会_20261125.xlsx.
 * Characters Windows forbids in file names, and spaces, are dropped. Shared by the core and the window.
 */
export function exportFileName(title: string, unit: string, day: string, ext: string): string {
  return `${title}_${unit}_${day.replace(/-/g, '')}${ext}`.replace(/[\\/:*?"<>|\s]+/g, '');
}
