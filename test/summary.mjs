// Adds up the suites' own reports into the one line CI reads: "N passed, N failed".
// A suite that left no report at all counts as one failure, so a crash is never a silent pass.
import fs from 'node:fs';

const read = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null);
let passed = 0;
let failed = 0;

for (const line of fs.existsSync('.tmp/checks.txt') ? fs.readFileSync('.tmp/checks.txt', 'utf8').trim().split('\n') : []) {
  if (line.startsWith('pass')) passed++;
  else if (line) failed++;
}

const vitest = read('.tmp/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests + (vitest.numFailedTestSuites > 0 && vitest.numFailedTests === 0 ? 1 : 0);
} else failed++;

const playwright = read('.tmp/playwright.json');
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected + (playwright.errors?.length ?? 0);
} else failed++;

console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
