/**
 * Runs the layer rules of rules.cjs over the product's sources (src/, electron/, renderer/) and returns the
 * violations: the test command fails on any, naming the offending import. `npm run deps` prints them.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cruise, type IViolation } from 'dependency-cruiser';
import extractBabelConfig from 'dependency-cruiser/config-utl/extract-babel-config';

const require = createRequire(import.meta.url);
const SOURCE = /\.(ts|tsx|mjs)$/;

function sources(root: string, dirs: string[]): string[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
      const rel = path.posix.join(dir, e.name);
      return e.isDirectory() ? walk(rel) : SOURCE.test(e.name) && !e.name.endsWith('.d.ts') ? [rel] : [];
    });
  return dirs.filter((d) => fs.existsSync(path.join(root, d))).flatMap(walk);
}

/** Violations of the rules among the sources under `root` (the repository, or a fixture laid out like it). */
export async function dependencyViolations(root: string): Promise<IViolation[]> {
  const rules = require('./rules.cjs') as { forbidden: unknown[]; options: Record<string, unknown> };
  const babelConfig = await extractBabelConfig(path.join(import.meta.dirname, 'babel-typescript.json'));
  const cwd = process.cwd();
  process.chdir(root); // dependency-cruiser reports and resolves paths relative to the working folder
  try {
    const result = await cruise(sources(root, ['src', 'electron', 'renderer']), {
      ...rules.options,
      babelConfig: undefined,
      validate: true,
      ruleSet: { forbidden: rules.forbidden },
    } as never, undefined, { babelConfig });
    const output = result.output as { summary: { violations: IViolation[] } };
    return output.summary.violations;
  } finally {
    process.chdir(cwd);
  }
}

export function describeViolation(v: IViolation): string {
  const via = v.cycle?.length ? ` (${v.cycle.map((c) => c.name).join(' → ')})` : '';
  return `${v.rule.name}: ${v.from} → ${v.to}${via}`;
}

if (process.argv[1] === import.meta.filename) {
  const violations = await dependencyViolations(path.resolve(import.meta.dirname, '../..'));
  for (const v of violations) console.error(describeViolation(v));
  console.log(violations.length ? `${violations.length} 处依赖违反分层规则` : '依赖检查通过：无循环，无越层引用');
  process.exit(violations.length ? 1 : 0);
}
