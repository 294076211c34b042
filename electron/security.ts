/**
 * The window is offline and shows only the app's own page: a strict CSP, no navigation, no new windows,
 * no webviews, and every http(s) request cancelled (in development only the dev server is let through).
 */
import type { App, Session, WebContents } from 'electron';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** `devServerUrl` is electron-vite's renderer server during development; undefined when packaged. */
export function isAllowedRequest(url: string, devServerUrl?: string): boolean {
  if (devServerUrl && url.startsWith(devServerUrl)) return true;
  return !/^(https?|wss?|ftp):/i.test(url);
}

export function hardenSession(session: Session, devServerUrl?: string): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, devServerUrl) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  // No camera, microphone, notifications, clipboard reads or geolocation: the register needs none of them.
  // The check handler answers the page's synchronous queries (e.g. navigator.permissions), the request
  // handler its prompts; both say no.
  session.setPermissionCheckHandler(() => false);
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
}

export function lockNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * Every web contents the app ever creates (the main window, devtools, anything a future change adds) gets
 * the same locks, not only the window main created itself. Register before the first window.
 */
export function guardAllWebContents(app: App): void {
  app.on('web-contents-created', (_event, contents) => lockNavigation(contents));
}
