/**
 * Browser mode: the same registry over loopback HTTP. 127.0.0.1 only; every RPC needs the random token
 * printed at start, and a Host header other than this machine's loopback is refused (DNS rebinding).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import type { RpcResult } from '../contract/errors.js';
import type { CallTarget } from './core.js';
import { Session } from './session.js';
import type { ErrorCode } from '../contract/errors.js';
import { msg } from '../i18n/messages.js';

export const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../../out/renderer/', import.meta.url));
export const TOKEN_HEADER = 'x-ledger-token';
// Room for a 20 MB scanned form sent as base64.
const MAX_BODY_BYTES = 30 * 1024 * 1024;

/** Finds a finished browser-mode export by job id; `onDownloaded` runs once the file has been sent whole. */
type FoundExport = { file: string; fileName: string; onDownloaded?: () => void } | null;
export type ExportLookup = (jobId: string) => FoundExport | Promise<FoundExport>;

export interface ServerOptions {
  /** The core's threads in browser mode; an in-process registry in tests. */
  registry: CallTarget;
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
  SIGNED_OUT: 401,
  FORBIDDEN: 403,
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

/** The call's body passed MAX_BODY_BYTES: refused with 413 rather than read further. */
class BodyTooLarge extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length']) > MAX_BODY_BYTES) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      // Already refused: the rest is read and dropped until the 413 has gone out and the connection closes.
      if (size > MAX_BODY_BYTES) return;
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return chunks.push(chunk);
      chunks.length = 0;
      reject(new BodyTooLarge());
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function readInput(req: http.IncomingMessage, res: http.ServerResponse): Promise<{ input: unknown } | null> {
  let body: Buffer;
  try {
    body = await readBody(req);
  } catch (e) {
    if (!(e instanceof BodyTooLarge)) throw e;
    // A client still sending reads the answer only if the host does not reset the connection under it: node's server
    // ends the connection once this response has flushed, and drops what is still arriving until then.
    res.setHeader('Connection', 'close');
    refuse(res, 413, 'VALIDATION', msg.http.bodyTooLarge(MAX_BODY_BYTES / 1024 / 1024));
    return null;
  }
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    refuse(res, 400, 'VALIDATION', msg.http.notUtf8);
    return null;
  }
  try {
    return { input: text ? JSON.parse(text) : {} };
  } catch {
    refuse(res, 400, 'VALIDATION', msg.api.badRequest);
    return null;
  }
}

/** Calls that write a file where `outPath` says (the desktop's save dialog); browser mode downloads instead. */
const WRITES_FILES = new Set(['reports.start', 'imports.start', 'imports.template']);

async function handleRpc(req: http.IncomingMessage, res: http.ServerResponse, name: string, options: Required<ServerOptions>, session: Session) {
  const header = req.headers[TOKEN_HEADER];
  if (!tokensMatch(Array.isArray(header) ? header[0] : header, options.token)) {
    return refuse(res, 401, 'UNAUTHORIZED', msg.api.unauthorized);
  }
  const read = await readInput(req, res);
  if (!read) return;
  const { input } = read;
  // Browser mode downloads exports; it never lets the page choose where on disk a file is written.
  if (WRITES_FILES.has(name) && input && typeof input === 'object' && 'outPath' in input) {
    return refuse(res, 400, 'VALIDATION', msg.api.badRequest);
  }
  const result = await session.invoke(name, input);
  sendJson(res, result.ok ? 200 : (STATUS_BY_CODE[result.error.code] ?? 400), result);
}

/**
 * Sends a regular file, or returns false (nothing sent) when there is none to open. It is opened before the status
 * goes out, so a missing file can still be answered with an error; once open, deleting it does not cut the download.
 * A read that fails part-way rejects after destroying the response, which the client sees as a broken download.
 */
async function sendFile(res: http.ServerResponse, file: string, headers: http.OutgoingHttpHeaders): Promise<boolean> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, 'r');
  } catch {
    return false;
  }
  if (!(await handle.stat().then((s) => s.isFile(), () => false))) {
    await handle.close();
    return false;
  }
  res.writeHead(200, headers);
  await pipeline(handle.createReadStream(), res);
  return true;
}

async function sendExport(req: http.IncomingMessage, res: http.ServerResponse, jobId: string, options: Required<ServerOptions>) {
  const header = req.headers[TOKEN_HEADER];
  if (!tokensMatch(Array.isArray(header) ? header[0] : header, options.token)) return refuse(res, 401, 'UNAUTHORIZED', msg.api.unauthorized);
  const found = await options.exports(jobId);
  if (!found) return refuse(res, 404, 'NOT_FOUND', msg.report.jobNotFound);
  const sent = await sendFile(res, found.file, {
    ...SECURITY_HEADERS,
    'Content-Type': found.fileName.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/json',
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(found.fileName)}`,
    'Cache-Control': 'no-store',
  });
  if (!sent) refuse(res, 410, 'NOT_FOUND', msg.http.exportGone);
  // A browser-mode export is personal data the data folder need not keep once the page has it whole (a HEAD takes nothing).
  else if (req.method === 'GET') found.onDownloaded?.();
}

async function serveStatic(res: http.ServerResponse, staticDir: string, urlPath: string) {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return refuse(res, 400, 'VALIDATION', msg.http.badAddress);
  }
  const root = path.resolve(staticDir);
  const requested = path.resolve(root, '.' + decoded);
  const headers = (file: string) => ({ ...SECURITY_HEADERS, 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
  if (requested.startsWith(root + path.sep) && (await sendFile(res, requested, headers(requested)))) return;
  // The renderer routes inside the page (hash router), so anything unknown is the page itself.
  const index = path.join(root, 'index.html');
  if (await sendFile(res, index, headers(index))) return;
  res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(msg.http.pageNotBuilt);
}

/** The path of an origin-form request target ("/a/b?c"); null for any other form (a full address, "*"). */
function requestPath(target: string | undefined): string | null {
  // Prefixed rather than resolved against a base, so "//x" stays a path instead of becoming a host.
  return target?.startsWith('/') ? new URL(`http://127.0.0.1${target}`).pathname : null;
}

async function route(req: http.IncomingMessage, res: http.ServerResponse, opts: Required<ServerOptions>, allowedHosts: Set<string>, session: Session) {
  if (!allowedHosts.has(req.headers.host ?? '')) return refuse(res, 403, 'UNAUTHORIZED', msg.api.foreignHost);
  const pathname = requestPath(req.url);
  if (pathname === null) return refuse(res, 400, 'VALIDATION', msg.http.badAddress);
  const rpc = /^\/rpc\/([A-Za-z0-9_.]+)$/.exec(pathname);
  if (rpc) {
    if (req.method !== 'POST') return refuse(res, 405, 'VALIDATION', msg.api.badRequest);
    return handleRpc(req, res, rpc[1]!, opts, session);
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'VALIDATION', msg.api.badRequest);
  const download = /^\/exports\/([0-9a-f-]{36})$/.exec(pathname);
    // An export is register data: no one signed in (or a locked console) gets none.
  if (download && !session.signedIn) return refuse(res, 401, 'SIGNED_OUT', msg.operators.signedOut);
  if (download) return sendExport(req, res, download[1]!, opts);
  return serveStatic(res, opts.staticDir, pathname);
}

/** Whatever went wrong, this request gets an answer (or, if one was half sent, a cut connection) and the host stays up. */
function answerUnexpected(res: http.ServerResponse): void {
  if (!res.headersSent) refuse(res, 500, 'INTERNAL', msg.api.internal);
  else if (!res.writableEnded) res.destroy();
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
  // One token, one person signed in: the session belongs to whoever holds the token printed at start.
  const session = new Session(opts.registry);
  const server = http.createServer((req, res) => {
    route(req, res, opts, allowedHosts, session).catch(() => answerUnexpected(res));
  });
  // node hands CONNECT (a proxy's method) to this event and otherwise drops the connection without a word.
  server.on('connect', (_req: http.IncomingMessage, socket: Duplex) => {
    socket.on('error', () => socket.destroy());
    const body = JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: msg.api.badRequest } });
    socket.end(
      `HTTP/1.1 405 Method Not Allowed\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
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
