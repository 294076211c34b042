/**
 * Browser mode as `npm start` and `netledger serve` run it: the core's threads behind the loopback host, so the
 * page stays answered while a long call runs. The first port that is free wins (0: any).
 */
import { valueOf } from '../contract/contract.js';
import { hostCaller } from './hostCaller.js';
import { startCore, type CoreOptions } from './core.js';
import { startServer, type RunningServer } from './http.js';

export interface BrowserModeOptions extends CoreOptions {
  ports: number[];
  /** Fill an empty register with this many invented members first, so a newcomer sees something real. */
  demoMembers?: number;
  onDemo?: (members: number) => void;
}

export interface BrowserMode {
  url: string;
  close(): Promise<void>;
}

async function listen(ports: number[], start: (port: number) => Promise<RunningServer>): Promise<RunningServer> {
  let lastError: unknown;
  for (const port of ports) {
    try {
      return await start(port);
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

/** The host itself, not a person, fills a newcomer's empty register (`npm start`); the audit says so by this name. */
const DEMO_FILLER = hostCaller('首次启动（演示数据）');

export async function startBrowserMode(dataDir: string, options: BrowserModeOptions): Promise<BrowserMode> {
  const { ports, demoMembers, onDemo, ...coreOptions } = options;
  const core = await startCore(dataDir, coreOptions);
  try {
    if (demoMembers) {
      const counts = valueOf<'system.stats'>(await core.invoke('system.stats', {}, DEMO_FILLER));
      if ((counts.organizations ?? 0) === 0 && (counts.members ?? 0) === 0) {
        onDemo?.(demoMembers);
        valueOf<'system.demo'>(await core.invoke('system.demo', { members: demoMembers, seed: 1 }, DEMO_FILLER));
      }
    }
    const server = await listen(ports, (port) => startServer({ registry: core, port, exports: (id) => core.exportedFile(id) }));
    return {
      url: server.url,
      close: async () => {
        await server.close();
        await core.close();
      },
    };
  } catch (err) {
    await core.close();
    throw err;
  }
}
