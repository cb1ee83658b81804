// `npm run bench [-- --quick | --plan-only | --live]`: the engine's oracle property at a larger
// size than the normal test run, then the plan and live benchmarks, bundled from TypeScript sources
// (`--plan-only`: the plan benchmark alone, a few minutes; `--live`: the live one alone). Figures are
// ratios measured within one run, so a noisy shared machine still compares like with like. The last
// line printed is one JSON object with the figures.

import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const quick = process.argv.includes('--quick');
const planOnly = process.argv.includes('--plan-only');
// `-- --live`: the live-mode measurement alone (no oracle, no plan sizes).
if (!planOnly && !process.argv.includes('--live')) {
  const runs = quick ? '30000' : '200000';
  console.log(`Engine oracle property: ${runs} seeded cases`);
  const oracle = spawnSync('npx', ['vitest', 'run', 'test/net/engineOracle.property.test.ts', '--testTimeout=0'], {
    stdio: 'inherit',
    env: { ...process.env, CLB_GUARD_ORACLE_RUNS: runs },
  });
  if (oracle.status !== 0) process.exit(oracle.status ?? 1);
}

const dir = mkdtempSync(join(tmpdir(), 'clb-guard-bench-'));
// The CLI as shipped (the same build as dist/, into the bench folder): the plan figures time the whole process.
const cliBuild = spawnSync(process.execPath, ['build.mjs'], {
  stdio: 'inherit',
  env: { ...process.env, CLB_GUARD_BUILD_DIR: join(dir, 'build') },
});
if (cliBuild.status !== 0) process.exit(cliBuild.status ?? 1);
const outfile = join(dir, 'bench.mjs');
await build({
  entryPoints: ['bench/benchMain.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  mainFields: ['module', 'main'],
  target: 'node20',
  logLevel: 'warning',
  loader: { '.wasm': 'binary' },
  banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
});
const result = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', outfile, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CLB_GUARD_BENCH_DIR: dir },
});
process.exit(result.status ?? 1);
