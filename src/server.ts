/**
 * Browser mode: the same registry over loopback HTTP. 127.0.0.1 only; every RPC needs the random token
 * printed at start, and a Host header other than this machine's loopback is refused (DNS rebinding).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Registry, RpcResult } from './api/registry.js';
import type { ErrorCode } from './api/errors.js';
import { msg } from './i18n/messages.js';

export const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../out/renderer/', import.meta.url));
export const TOKEN_HEADER = 'x-ledger-token';
// Room for a 20 MB scanned form sent as base64.
const MAX_BODY_BYTES = 30 * 1024 * 1024;

/**
 * Finds a finished browser-mode export by job id (the export jobs of the ledger); `onDownloaded` is called once
 * the file has been sent whole, so the data folder does not keep a copy of personal data nobody needs.
 */
export type ExportLookup = (jobId: string) => { file: string; fileName: string; onDownloaded?: () => void } | null;

export interface ServerOptions {
  registry: Registry;
  exports?: ExportLookup;
  port?: number;
  staticDir?: string;
  token?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  UNKNOWN_CALL: 404,
  CONFLICT: 409,
  UNAUTHORIZED: 401,
  INTERNAL: 500,
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
};

function sendJson(res: http.ServerResponse, status: number, body: RpcResult): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function refuse(res: http.ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

function tokensMatch(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function handleRpc(req: http.IncomingMessage, res: http.ServerResponse, name: string, options: Required<ServerOptions>) {
  const header = req.headers[TOKEN_HEADER];
  if (!tokensMatch(Array.isArray(header) ? header[0] : header, options.token)) {
    return refuse(res, 401, 'UNAUTHORIZED', msg.api.unauthorized);
  }
  let input: unknown;
  try {
    const body = await readBody(req);
    input = body ? JSON.parse(body) : {};
  } catch {
    return refuse(res, 400, 'VALIDATION', msg.api.badRequest);
  }
  // Browser mode downloads exports; it never lets the page choose where on disk a file is written.
  if (name === 'reports.start' && input && typeof input === 'object' && 'outPath' in input) {
    return refuse(res, 400, 'VALIDATION', msg.api.badRequest);
  }
  const result = options.registry.invoke(name, input);
  sendJson(res, result.ok ? 200 : (STATUS_BY_CODE[result.error.code] ?? 400), result);
}

function sendExport(req: http.IncomingMessage, res: http.ServerResponse, jobId: string, options: Required<ServerOptions>): void {
  const header = req.headers[TOKEN_HEADER];
  if (!tokensMatch(Array.isArray(header) ? header[0] : header, options.token)) return refuse(res, 401, 'UNAUTHORIZED', msg.api.unauthorized);
  const found = options.exports(jobId);
  if (!found) return refuse(res, 404, 'NOT_FOUND', msg.report.jobNotFound);
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': found.fileName.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/json',
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(found.fileName)}`,
    'Cache-Control': 'no-store',
  });
  if (req.method === 'GET') res.on('finish', () => found.onDownloaded?.());
  fs.createReadStream(found.file).pipe(res);
}

function serveStatic(res: http.ServerResponse, staticDir: string, urlPath: string): void {
  const root = path.resolve(staticDir);
  const requested = path.resolve(root, '.' + decodeURIComponent(urlPath));
  const inside = requested.startsWith(root + path.sep);
  // The renderer routes inside the page (hash router), so anything unknown is the page itself.
  const file = inside && fs.existsSync(requested) && fs.statSync(requested).isFile() ? requested : path.join(root, 'index.html');
  if (!fs.existsSync(file)) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('界面文件尚未构建，请先运行 npm run build。');
    return;
  }
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
}

export function startServer(options: ServerOptions): Promise<RunningServer> {
  const opts: Required<ServerOptions> = {
    port: 0,
    staticDir: DEFAULT_STATIC_DIR,
    token: crypto.randomBytes(24).toString('base64url'),
    exports: () => null,
    ...options,
  };
  let allowedHosts = new Set<string>();
  const server = http.createServer((req, res) => {
    if (!allowedHosts.has(req.headers.host ?? '')) return refuse(res, 403, 'UNAUTHORIZED', msg.api.foreignHost);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rpc = /^\/rpc\/([A-Za-z0-9_.]+)$/.exec(url.pathname);
    if (rpc) {
      if (req.method !== 'POST') return refuse(res, 405, 'VALIDATION', msg.api.badRequest);
      handleRpc(req, res, rpc[1]!, opts).catch(() => refuse(res, 500, 'INTERNAL', msg.api.internal));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'VALIDATION', msg.api.badRequest);
    const download = /^\/exports\/([0-9a-f-]{36})$/.exec(url.pathname);
    if (download) return sendExport(req, res, download[1]!, opts);
    serveStatic(res, opts.staticDir, url.pathname);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      resolve({
        url: `http://127.0.0.1:${port}/?token=${opts.token}`,
        port,
        token: opts.token,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
