// Starts the export worker from the TypeScript source (CLI, browser mode, tests): Node 20 cannot load
// .ts by itself and a worker does not inherit the parent's loader, so tsx is registered here first.
import { register } from 'tsx/esm/api';

register();
await import('./exportWorker.ts');
