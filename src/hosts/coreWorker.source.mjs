// Starts a core thread from the TypeScript source (browser mode, tests): a worker does not inherit the parent's
// loader, so tsx is registered here first (as for the export worker).
import { register } from 'tsx/esm/api';

register();
await import('./coreWorker.ts');
