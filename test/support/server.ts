/** A register served in browser mode on a free port, and a client that can send what a browser would not. */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startServer, type ServerOptions } from '../../src/server.js';
import { freshLedger } from './ledger.js';

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  bytes: Buffer;
}

export async function servedLedger(options: Partial<ServerOptions> = {}) {
  const l = freshLedger();
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<html>台账</html>');
  const server = await startServer({ registry: l.registry, staticDir, ...options });
  return {
    ...l,
    server,
    staticDir,
    host: `127.0.0.1:${server.port}`,
    async close() {
      await server.close();
      fs.rmSync(staticDir, { recursive: true, force: true });
    },
  };
}

/** node's client, so the Host header can be forged (fetch would not allow it). */
export function request(port: number, opts: { path: string; method?: string; headers?: Record<string, string | number>; body?: string | Buffer }) {
  return new Promise<Reply>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'POST', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: bytes.toString('utf8'), bytes });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}
