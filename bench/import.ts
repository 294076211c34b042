/**
 * 100,000 members imported from a file laid out as the members template, next to the bare streaming read of the same
 * file plus a raw prepared-statement insert of the same rows — each in its own process, in the same run; the ratio is
 * the figure (target ≤ 1.5×, peak RSS < 400 MB). Run: npm run bench:import [-- --rows 100000]. `npm run bench`
 * measures the same as a row of its table (bench/importMeasure.ts).
 */
import os from 'node:os';
import { measureImport } from './importMeasure.js';

const i = process.argv.indexOf('--rows');
const count = i > 0 ? Number(process.argv[i + 1]) : 100_000;
const r = await measureImport(count, console.log);
console.log(r.bundledWorker ? 'import worker: the bundled out/main/exportWorker.js' : 'import worker: TypeScript source through tsx (npm run build first to measure the bundled one)');
// CPU (all the process's threads) next to wall-clock: on a shared machine the load inflates the wall-clock figures.
for (const mode of ['bare', 'import'] as const) console.log(`${mode.padEnd(7)} ${r[mode].seconds.toFixed(1)} s (CPU ${r[mode].cpuSeconds.toFixed(1)} s), peak RSS ${r[mode].peakRssMb.toFixed(0)} MB, ${r[mode].rows} rows`);
console.log(`ratio import/bare: time ${(r.import.seconds / r.bare.seconds).toFixed(2)}×, CPU ${(r.import.cpuSeconds / r.bare.cpuSeconds).toFixed(2)}×, peak RSS ${(r.import.peakRssMb / r.bare.peakRssMb).toFixed(2)}×`);
console.log(`load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
