/**
 * The parse worker's V8 limits (src/imports/limits.ts): the old generation keeps its cap (what a hostile file's
 * retained data may fill), and the young generation is raised so a 100,000-row import's row objects die young
 * instead of driving a full collection every second — checked on a real worker, as V8 applies them.
 */
import { Worker } from 'node:worker_threads';
import { expect, it } from 'vitest';
import { LIMITS, WORKER_RESOURCE_LIMITS } from '../../src/imports/limits.js';

function heapLimitMib(resourceLimits: object): Promise<number> {
  const worker = new Worker("require('node:worker_threads').parentPort.postMessage(require('node:v8').getHeapStatistics().heap_size_limit)", { eval: true, resourceLimits });
  return new Promise((resolve, reject) => {
    worker.once('message', (bytes: number) => resolve(bytes / 2 ** 20));
    worker.once('error', reject);
  });
}

it('caps the old generation at workerHeapMb and gives the young generation 96 MB', async () => {
  expect(WORKER_RESOURCE_LIMITS.maxOldGenerationSizeMb).toBe(LIMITS.workerHeapMb);
  const withDefaultYoung = await heapLimitMib({ maxOldGenerationSizeMb: LIMITS.workerHeapMb });
  const limit = await heapLimitMib(WORKER_RESOURCE_LIMITS);
  // V8's bound is old + young: the young generation is 96 MB, twice V8's default for this cap.
  expect(limit - LIMITS.workerHeapMb).toBe(96);
  expect(withDefaultYoung - LIMITS.workerHeapMb).toBe(48);
});
